import { describe, expect, it } from 'vitest'
import type { ConnectionStatus, PresenceStatus } from '../../src/types.js'
import {
  bestStatus,
  compareStatus,
  getConnectionStatusLabel,
  getStatusLabel,
  PRESENCE_STATUSES,
} from '../../src/ui/index.js'

describe('PRESENCE_STATUSES and compareStatus', () => {
  it('orders statuses from best to worst', () => {
    expect(PRESENCE_STATUSES).toEqual(['active', 'idle', 'away', 'offline'])
    const shuffled: PresenceStatus[] = ['offline', 'idle', 'active', 'away', 'idle']
    expect(shuffled.toSorted(compareStatus)).toEqual(['active', 'idle', 'idle', 'away', 'offline'])
    expect(compareStatus('away', 'away')).toBe(0)
  })

  it('puts an unknown status after every known one', () => {
    const unknown = 'busy' as PresenceStatus
    expect(compareStatus(unknown, 'offline')).toBeGreaterThan(0)
    expect(compareStatus('offline', unknown)).toBeLessThan(0)
  })
})

describe('bestStatus', () => {
  it('picks the best status', () => {
    expect(bestStatus(['away', 'idle', 'offline'])).toBe('idle')
    expect(bestStatus(new Set<PresenceStatus>(['offline', 'active']))).toBe('active')
  })

  it('is offline for no statuses or only unknown ones', () => {
    expect(bestStatus([])).toBe('offline')
    expect(bestStatus(['busy' as PresenceStatus])).toBe('offline')
  })
})

describe('getStatusLabel', () => {
  it('labels each status in English', () => {
    expect(PRESENCE_STATUSES.map((status) => getStatusLabel(status))).toEqual([
      'Active',
      'Idle',
      'Away',
      'Offline',
    ])
  })

  it('takes overrides, status by status', () => {
    expect(getStatusLabel('away', { away: 'Abwesend' })).toBe('Abwesend')
    expect(getStatusLabel('idle', { away: 'Abwesend' })).toBe('Idle')
  })

  it('never reads inherited properties', () => {
    expect(getStatusLabel('constructor' as PresenceStatus)).toBe('constructor')
    expect(getStatusLabel('__proto__' as PresenceStatus)).toBe('__proto__')
    expect(getStatusLabel('toString' as PresenceStatus, {})).toBe('toString')
  })
})

describe('getConnectionStatusLabel', () => {
  it('labels each connection status in English', () => {
    const statuses: ConnectionStatus[] = ['connected', 'connecting', 'reconnecting', 'disconnected', 'failed']
    expect(statuses.map((status) => getConnectionStatusLabel(status))).toEqual([
      'Connected',
      'Connecting…',
      'Reconnecting…',
      'Disconnected',
      'Connection failed',
    ])
  })

  it('takes overrides', () => {
    expect(getConnectionStatusLabel('failed', { failed: 'Échec de la connexion' })).toBe(
      'Échec de la connexion',
    )
    expect(getConnectionStatusLabel('connected', { failed: 'x' })).toBe('Connected')
  })
})
