import { describe, expect, it } from 'vitest'
import type { ConnectionStatus } from '../../src/types.js'
import { checkRoomProp, getConnectionBadgeLabel, normalizeSize } from '../../src/ui/index.js'

describe('getConnectionBadgeLabel', () => {
  it('says nothing once connected with the roster, and what is going on otherwise', () => {
    expect(getConnectionBadgeLabel({ status: 'connected', synced: true })).toBe('')
    expect(getConnectionBadgeLabel({ status: 'connected', synced: false })).toBe('Connecting…')
    expect(getConnectionBadgeLabel({ status: 'connecting', synced: false })).toBe('Connecting…')
    expect(getConnectionBadgeLabel({ status: 'reconnecting', synced: true })).toBe('Reconnecting…')
    expect(getConnectionBadgeLabel({ status: 'disconnected', synced: true })).toBe('Offline')
    expect(getConnectionBadgeLabel({ status: 'failed', synced: false })).toBe('Offline')
  })

  it('takes other wording, ignoring inherited or non-string overrides', () => {
    expect(
      getConnectionBadgeLabel({ status: 'reconnecting', synced: true }, { reconnecting: 'Reconnexion…' }),
    ).toBe('Reconnexion…')
    const odd = Object.create({ offline: 'inherited' }) as { offline?: string }
    expect(getConnectionBadgeLabel({ status: 'failed', synced: true }, odd)).toBe('Offline')
    expect(getConnectionBadgeLabel({ status: 'weird' as ConnectionStatus, synced: true })).toBe('Offline')
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
