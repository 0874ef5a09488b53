import { describe, expect, it } from 'vitest'
import { getDisplayName } from '../../src/ui/index.js'
import { makeMember } from './make-member.js'

describe('getDisplayName', () => {
  it('prefers info.name, then data.name, then the user id', () => {
    expect(getDisplayName(makeMember('u1', { info: { name: 'Ada' }, data: { name: 'Countess' } }))).toBe(
      'Ada',
    )
    expect(getDisplayName(makeMember('u1', { data: { name: 'Grace' } }))).toBe('Grace')
    expect(getDisplayName(makeMember('u1'))).toBe('u1')
  })

  it('trims and skips blank or non-string names', () => {
    expect(getDisplayName(makeMember('u1', { info: { name: '  Ada  ' } }))).toBe('Ada')
    expect(getDisplayName(makeMember('u1', { info: { name: ' \n\t ' }, data: { name: ' Grace ' } }))).toBe(
      'Grace',
    )
    expect(
      getDisplayName(makeMember('u1', { info: { name: 42 as unknown as string }, data: { name: 7 } })),
    ).toBe('u1')
    expect(getDisplayName(makeMember(' u2 ', { data: { name: ['Ada'] } }))).toBe('u2')
  })

  it('never returns an empty string', () => {
    expect(getDisplayName(makeMember(''))).toBe('?')
    expect(getDisplayName(makeMember('   '))).toBe('?')
    expect(getDisplayName(makeMember(''), 'Someone')).toBe('Someone')
  })

  it('keeps unicode, RTL and very long names intact', () => {
    expect(getDisplayName(makeMember('u', { info: { name: 'עדה לאבלייס' } }))).toBe('עדה לאבלייס')
    expect(getDisplayName(makeMember('u', { info: { name: '👩🏽‍💻 Zoë' } }))).toBe('👩🏽‍💻 Zoë')
    const long = 'A'.repeat(10_000)
    expect(getDisplayName(makeMember('u', { info: { name: long } }))).toBe(long)
  })

  it('treats __proto__ as an ordinary user id and data key', () => {
    expect(getDisplayName(makeMember('__proto__'))).toBe('__proto__')
    const data = JSON.parse('{"__proto__": "x", "name": "Linus"}') as { name: string }
    expect(getDisplayName(makeMember('__proto__', { data }))).toBe('Linus')
  })
})
