import { describe, expect, it, vi } from 'vitest'
import type { ConnectionStatus } from '../../src/types.js'
import {
  checkRoomProp,
  getConnectionBadge,
  getConnectionBadgeLabel,
  getStaleLabel,
  normalizeSize,
  startConnectDeadline,
} from '../../src/ui/index.js'

describe('getConnectionBadgeLabel', () => {
  it('says nothing once connected with the roster, and what is going on otherwise', () => {
    expect(getConnectionBadgeLabel({ status: 'connected', synced: true })).toBe('')
    expect(getConnectionBadgeLabel({ status: 'connected', synced: false })).toBe('Connecting…')
    expect(getConnectionBadgeLabel({ status: 'connecting', synced: false })).toBe('Connecting…')
    expect(getConnectionBadgeLabel({ status: 'reconnecting', synced: true })).toBe('Reconnecting…')
    expect(getConnectionBadgeLabel({ status: 'disconnected', synced: true })).toBe('Offline')
    expect(getConnectionBadgeLabel({ status: 'failed', synced: false })).toBe('Couldn’t connect')
  })

  it('takes other wording, ignoring inherited or non-string overrides', () => {
    expect(
      getConnectionBadgeLabel({ status: 'reconnecting', synced: true }, { reconnecting: 'Reconnexion…' }),
    ).toBe('Reconnexion…')
    const odd = Object.create({ offline: 'inherited' }) as { offline?: string }
    expect(getConnectionBadgeLabel({ status: 'disconnected', synced: true }, odd)).toBe('Offline')
    expect(getConnectionBadgeLabel({ status: 'weird' as ConnectionStatus, synced: true })).toBe('Offline')
  })
})

describe('getConnectionBadge', () => {
  it('reports a failure when the backend gave up, or when the first connection outlived its deadline', () => {
    expect(getConnectionBadge({ status: 'connecting', synced: false }, false).state).toBe('connecting')
    expect(getConnectionBadge({ status: 'connecting', synced: false }, true)).toMatchObject({
      state: 'failed',
      label: 'Couldn’t connect',
      retry: 'Retry',
    })
    expect(getConnectionBadge({ status: 'failed', synced: true }, false).state).toBe('failed')
    // A deadline means nothing once the roster arrived: a later drop reads as reconnecting.
    expect(getConnectionBadge({ status: 'reconnecting', synced: true }, true).state).toBe('reconnecting')
    expect(getConnectionBadge({ status: 'connected', synced: true }, true)).toMatchObject({
      state: 'connected',
      label: '',
    })
  })

  it('reserves the room of its longest text in any wording', () => {
    expect(getConnectionBadge({ status: 'connected', synced: true }, false).reserve).toBe(
      'Couldn’t connect Retry',
    )
    const long = 'Verbindung wird wiederhergestellt…'
    expect(
      getConnectionBadge({ status: 'connected', synced: true }, false, { reconnecting: long }).reserve,
    ).toBe(long)
  })
})

describe('startConnectDeadline', () => {
  it('calls back once after the deadline unless cancelled, and never for no deadline', () => {
    vi.useFakeTimers()
    try {
      const fired = vi.fn()
      startConnectDeadline(1_000, fired)
      const cancel = startConnectDeadline(1_000, fired)
      cancel()
      for (const none of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, '1000', undefined]) {
        startConnectDeadline(none, fired)
      }
      vi.advanceTimersByTime(999)
      expect(fired).not.toHaveBeenCalled()
      vi.advanceTimersByTime(1)
      expect(fired).toHaveBeenCalledTimes(1)
      vi.advanceTimersByTime(60_000)
      expect(fired).toHaveBeenCalledTimes(1)
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('getStaleLabel', () => {
  it('says the count is the last known one only while stale', () => {
    expect(getStaleLabel('3 people online', false)).toBe('3 people online')
    expect(getStaleLabel('3 people online', true)).toBe(
      '3 people online. Reconnecting… showing the last known state',
    )
    expect(getStaleLabel('3 en ligne', true, 'Reconnexion…')).toBe('3 en ligne. Reconnexion…')
  })
})

describe('component props', () => {
  it('normalizeSize keeps known sizes and falls back otherwise', () => {
    expect(normalizeSize('lg')).toBe('lg')
    expect(normalizeSize('xl')).toBe('md')
    expect(normalizeSize(undefined, 'sm')).toBe('sm')
  })

  it('checkRoomProp accepts a name and explains a bad one', () => {
    expect(checkRoomProp('lobby', 'OnlineList')).toBeUndefined()
    expect(checkRoomProp(42, 'OnlineList')).toMatch(/<OnlineList> needs a room name .*not number/)
    expect(checkRoomProp('  ', 'AvatarStack')).toMatch(/<AvatarStack>.*not "  "/)
  })
})
