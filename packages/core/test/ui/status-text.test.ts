import { describe, expect, it } from 'vitest'
import { getAvatarInitials, getReadableTextColor, getStatusText } from '../../src/ui/index.js'
import type { Connection, Member } from '../../src/types.js'
import { makeMember } from './make-member.js'

const connection = (lastActiveAt: number): Connection =>
  ({ connectionId: 'c', userId: 'u', lastActiveAt }) as unknown as Connection

describe('getStatusText', () => {
  const now = 10_000_000
  it('says for how long a member has been idle or away, from their latest input', () => {
    const idle: Member = {
      ...makeMember('u', { status: 'idle' }),
      connections: [connection(now - 12 * 60_000), connection(now - 30 * 60_000)],
    }
    expect(getStatusText(idle, now)).toBe('Idle · 12 min')
    const away: Member = {
      ...makeMember('u', { status: 'away' }),
      connections: [connection(now - 3 * 3_600_000)],
    }
    expect(getStatusText(away, now)).toBe('Away · 3 hr')
    expect(getStatusText(makeMember('u', { status: 'active' }), now)).toBe('Active')
  })

  it('says when a member left, in the locale asked for', () => {
    const left: Member = { ...makeMember('u', { status: 'offline' }), leftAt: now - 2 * 60_000 }
    expect(getStatusText(left, now)).toBe('left 2 min. ago')
    // "left" is English: another locale says the status with its own relative time, or the app's words.
    expect(getStatusText(left, now, undefined, 'de')).toBe('Offline · vor 2 Min.')
    expect(getStatusText(left, now, { offline: 'Offline', left: 'ging {ago}' }, 'de')).toBe('ging vor 2 Min.')
    expect(getStatusText(left, now, { offline: 'Hors ligne' }, 'fr')).toBe('Hors ligne · il y a 2\u00a0min')
    // A bad locale costs the language, not the row; a bad override is no override.
    expect(getStatusText(left, now, undefined, 'not a locale!')).toBe('left 2 min. ago')
    expect(getStatusText(left, now, { left: 42 as unknown as string })).toBe('left 2 min. ago')
  })
})

describe('getAvatarInitials', () => {
  it('gives one letter on the small size and two otherwise', () => {
    expect(getAvatarInitials('Ada Lovelace', 'sm')).toBe('A')
    expect(getAvatarInitials('Ada Lovelace', 'md')).toBe('AL')
    expect(getAvatarInitials('🇫🇷 France', 'sm')).toBe('🇫🇷')
  })
})

describe('getReadableTextColor', () => {
  it('picks white on dark colours and near-black on light ones', () => {
    expect(getReadableTextColor('#306cc0')).toBe('#ffffff')
    expect(getReadableTextColor('#f5d90a')).toBe('#161616')
  })
})
