import { afterEach, describe, expect, it } from 'vitest'
import { formatTypingSentence, getTypingSentence } from '../../src/ui/index.js'
import { makeMember } from './make-member.js'

const originalListFormat = Intl.ListFormat

afterEach(() => {
  Object.defineProperty(Intl, 'ListFormat', { value: originalListFormat, configurable: true, writable: true })
})

describe('formatTypingSentence', () => {
  it('is empty when nobody types', () => {
    expect(formatTypingSentence([])).toBe('')
    expect(formatTypingSentence(['', '  '])).toBe('')
  })

  it('lists up to three names', () => {
    expect(formatTypingSentence(['Ada'])).toBe('Ada is typing…')
    expect(formatTypingSentence(['Ada', 'Grace'])).toBe('Ada and Grace are typing…')
    expect(formatTypingSentence(['Ada', 'Grace', 'Linus'])).toBe('Ada, Grace and Linus are typing…')
  })

  it('switches to the first two names and a count beyond three', () => {
    expect(formatTypingSentence(['Ada', 'Grace', 'Linus', 'Margaret'])).toBe(
      'Ada, Grace and 2 others are typing…',
    )
    expect(formatTypingSentence(['Ada', 'Grace', 'Linus', 'Margaret', 'Alan'])).toBe(
      'Ada, Grace and 3 others are typing…',
    )
  })

  it('honours maxNames', () => {
    const names = ['Ada', 'Grace', 'Linus', 'Margaret']
    expect(formatTypingSentence(names, { maxNames: 4 })).toBe('Ada, Grace, Linus and Margaret are typing…')
    expect(formatTypingSentence(names, { maxNames: 2 })).toBe('Ada and 3 others are typing…')
    expect(formatTypingSentence(['Ada', 'Grace'], { maxNames: 1 })).toBe('Ada and 1 other are typing…')
    expect(formatTypingSentence(['Ada'], { maxNames: 0 })).toBe('Ada is typing…')
    expect(formatTypingSentence(['Ada', 'Grace'], { maxNames: 0 })).toBe('Ada and 1 other are typing…')
    expect(formatTypingSentence(names, { maxNames: Number.NaN })).toBe('Ada, Grace and 2 others are typing…')
  })

  it('formats the list for the locale and takes overridden wording', () => {
    const french = {
      single: (list: string) => `${list} écrit…`,
      plural: (list: string) => `${list} écrivent…`,
      others: (count: number) => `${count} ${count === 1 ? 'autre' : 'autres'}`,
    }
    expect(formatTypingSentence(['Ada'], { locale: 'fr', messages: french })).toBe('Ada écrit…')
    expect(formatTypingSentence(['Ada', 'Grace', 'Linus'], { locale: 'fr', messages: french })).toBe(
      'Ada, Grace et Linus écrivent…',
    )
    expect(formatTypingSentence(['A', 'B', 'C', 'D'], { locale: 'fr', messages: french })).toBe(
      'A, B et 2 autres écrivent…',
    )
    expect(formatTypingSentence(['Ada', 'Grace', 'Linus'], { locale: 'en-US' })).toBe(
      'Ada, Grace, and Linus are typing…',
    )
  })

  it('keeps default wording for messages left undefined', () => {
    const messages = { single: undefined } as unknown as { single: (list: string) => string }
    expect(formatTypingSentence(['Ada'], { messages })).toBe('Ada is typing…')
  })

  it('does not throw on an invalid locale', () => {
    expect(formatTypingSentence(['Ada', 'Grace', 'Linus'], { locale: 'not a locale!' })).toBe(
      'Ada, Grace and Linus are typing…',
    )
  })

  it('falls back to a plain join without Intl.ListFormat', () => {
    Object.defineProperty(Intl, 'ListFormat', { value: undefined, configurable: true, writable: true })
    expect(formatTypingSentence(['Ada'])).toBe('Ada is typing…')
    expect(formatTypingSentence(['Ada', 'Grace'])).toBe('Ada and Grace are typing…')
    expect(formatTypingSentence(['Ada', 'Grace', 'Linus'], { locale: 'fr' })).toBe(
      'Ada, Grace and Linus are typing…',
    )
    expect(formatTypingSentence(['A', 'B', 'C', 'D', 'E'])).toBe('A, B and 3 others are typing…')
  })

  it('keeps unicode, RTL and long names as given', () => {
    expect(formatTypingSentence(['עדה', 'محمد'])).toBe('עדה and محمد are typing…')
    expect(formatTypingSentence(['👩🏽‍💻'])).toBe('👩🏽‍💻 is typing…')
    const long = 'x'.repeat(5000)
    expect(formatTypingSentence([long])).toBe(`${long} is typing…`)
  })
})

describe('getTypingSentence', () => {
  it('names members with their display names and leaves self out', () => {
    const members = [
      makeMember('me', { isSelf: true, name: 'Me' }),
      makeMember('u1', { name: 'Ada' }),
      makeMember('u2', { data: { name: 'Grace' } }),
      makeMember('__proto__'),
    ]
    expect(getTypingSentence(members)).toBe('Ada, Grace and __proto__ are typing…')
    expect(getTypingSentence(members, { maxNames: 2 })).toBe('Ada and 2 others are typing…')
  })

  it('is empty for no members or only self', () => {
    expect(getTypingSentence([])).toBe('')
    expect(getTypingSentence([makeMember('me', { isSelf: true })])).toBe('')
  })

  it('accepts members without isSelf', () => {
    expect(getTypingSentence([{ userId: 'u1', info: undefined, data: { name: 'Ada' } }])).toBe(
      'Ada is typing…',
    )
  })
})
