import { describe, expect, it } from 'vitest'
import { getAvatarStack, getAvatarStackLabels, normalizeCount } from '../../src/ui/index.js'

const people = (count: number): string[] => Array.from({ length: count }, (_, index) => `user-${index}`)

describe('normalizeCount', () => {
  it('keeps non-negative integers', () => {
    expect(normalizeCount(0, 5)).toBe(0)
    expect(normalizeCount(3, 5)).toBe(3)
  })

  it('floors fractions and raises negatives to 0', () => {
    expect(normalizeCount(2.9, 5)).toBe(2)
    expect(normalizeCount(-1, 5)).toBe(0)
    expect(normalizeCount(-0.5, 5)).toBe(0)
    expect(normalizeCount(-0, 5)).toBe(0)
  })

  it.each([Number.NaN, Infinity, -Infinity, '3', null, undefined, {}, 3n])('falls back for %s', (value) => {
    expect(normalizeCount(value, 5)).toBe(5)
  })
})

describe('getAvatarStack', () => {
  it('shows max avatars and counts the rest in a "+N" chip that comes in addition', () => {
    const stack = getAvatarStack({ members: people(8), max: 5 })
    expect(stack.visible).toEqual(people(5))
    expect(stack.hidden).toEqual(people(8).slice(5))
    expect(stack.overflowCount).toBe(3)
    expect(stack.overflowLabel).toBe('+3')
    expect(stack.total).toBe(8)
  })

  it('defaults max to 5', () => {
    expect(getAvatarStack({ members: people(6) }).visible).toHaveLength(5)
  })

  it('has no chip when everyone fits, including exactly max', () => {
    for (const count of [0, 1, 5]) {
      const stack = getAvatarStack({ members: people(count) })
      expect(stack.visible).toHaveLength(count)
      expect(stack.hidden).toEqual([])
      expect(stack.overflowCount).toBe(0)
      expect(stack.overflowLabel).toBe('')
      expect(stack.total).toBe(count)
    }
  })

  it('counts a larger total from elsewhere', () => {
    const stack = getAvatarStack({ members: people(3), max: 5, total: 120 })
    expect(stack.visible).toHaveLength(3)
    expect(stack.hidden).toEqual([])
    expect(stack.overflowCount).toBe(117)
    expect(stack.overflowLabel).toBe('+117')
    expect(stack.total).toBe(120)
  })

  it('turns the chip compact from 1,000 hidden on, so it fits its circle; the label reads it all', () => {
    expect(getAvatarStack({ members: people(3), max: 3, total: 1_002 }).overflowLabel).toBe('+999')
    expect(getAvatarStack({ members: people(3), max: 3, total: 1_003 }).overflowLabel).toBe('+1K')
    expect(getAvatarStack({ members: people(3), max: 3, total: 12_348 }).overflowLabel).toBe('+12K')
    expect(getAvatarStack({ members: people(3), max: 3, total: 1_237 }).overflowLabel).toBe('+1.2K')
    expect(getAvatarStack({ members: people(3), max: 3, total: 123_459 }).overflowLabel).toBe('+120K')
    expect(getAvatarStack({ members: people(3), max: 3, total: 2_500_003 }).overflowLabel).toBe('+2.5M')
    expect(getAvatarStack({ members: people(3), max: 3, total: 2_500_003, locale: 'de' }).overflowLabel).toBe(
      '+2,5\u00a0Mio.',
    )
    expect(getAvatarStack({ members: people(3), max: 3, total: 12_348, locale: 'de' }).overflowLabel).toBe(
      '+12.345',
    )
    expect(
      getAvatarStack({ members: people(3), max: 3, total: 12_348, locale: 'not a locale!' }).overflowLabel,
    ).toBe('+12345')
    // The list behind the chip counts the rest in full, digits grouped.
    expect(getAvatarStack({ members: people(5), max: 3, total: 12_348 }).unlistedLabel).toBe('+12,343')
    expect(getAvatarStack({ members: people(5), max: 3 }).unlistedLabel).toBe('')
    expect(getAvatarStackLabels(12_348, 12_345)).toEqual({
      groupLabel: '12,348 people online',
      overflowButtonLabel: 'Show 12,345 more people',
    })
    // A compact chip leads the button's name, so the name holds what the button shows.
    expect(getAvatarStackLabels(12_348, 12_345, {}, '+12K').overflowButtonLabel).toBe(
      '+12K. Show 12,345 more people',
    )
    expect(getAvatarStackLabels(9, 4, {}, '+4').overflowButtonLabel).toBe('Show 4 more people')
    expect(getAvatarStackLabels(9, 0, {}, '').overflowButtonLabel).toBe('')
  })

  it('raises a total below the loaded members to their number', () => {
    const stack = getAvatarStack({ members: people(8), max: 5, total: 2 })
    expect(stack.total).toBe(8)
    expect(stack.overflowCount).toBe(3)
  })

  it('shows only the chip with max 0', () => {
    const stack = getAvatarStack({ members: people(4), max: 0 })
    expect(stack.visible).toEqual([])
    expect(stack.overflowLabel).toBe('+4')
  })

  it.each([
    [Number.NaN, 5],
    [Infinity, 5],
    ['3' as unknown as number, 5],
    [-2, 0],
    [2.7, 2],
  ])('does not throw on max %s (shows %i)', (max, shown) => {
    const stack = getAvatarStack({ members: people(10), max })
    expect(stack.visible).toHaveLength(shown)
    expect(stack.overflowCount).toBe(10 - shown)
  })

  it.each([Number.NaN, Infinity, -5, 'lots' as unknown as number])('ignores the bad total %s', (total) => {
    const stack = getAvatarStack({ members: people(7), max: 5, total })
    expect(stack.total).toBe(7)
    expect(stack.overflowCount).toBe(2)
  })

  it('floors a fractional total', () => {
    expect(getAvatarStack({ members: people(2), max: 5, total: 9.9 }).overflowCount).toBe(7)
  })

  it('does not copy members out of order or mutate the input', () => {
    const members = Object.freeze(people(7))
    const stack = getAvatarStack({ members, max: 3 })
    expect([...stack.visible, ...stack.hidden]).toEqual(members)
  })
})

describe('getAvatarStackLabels', () => {
  it('labels the group and the overflow button in English', () => {
    expect(getAvatarStackLabels(3, 0)).toEqual({ groupLabel: '3 people online', overflowButtonLabel: '' })
    expect(getAvatarStackLabels(1, 0).groupLabel).toBe('1 person online')
    expect(getAvatarStackLabels(0, 0).groupLabel).toBe('0 people online')
    expect(getAvatarStackLabels(9, 4).overflowButtonLabel).toBe('Show 4 more people')
    expect(getAvatarStackLabels(6, 1).overflowButtonLabel).toBe('Show 1 more person')
  })

  it('takes overridden wording', () => {
    const labels = getAvatarStackLabels(9, 4, {
      group: (count) => `${count} personnes en ligne`,
      showMore: (count) => `Afficher ${count} de plus`,
    })
    expect(labels).toEqual({ groupLabel: '9 personnes en ligne', overflowButtonLabel: 'Afficher 4 de plus' })
    expect(getAvatarStackLabels(2, 1, { group: () => 'Équipe' })).toEqual({
      groupLabel: 'Équipe',
      overflowButtonLabel: 'Show 1 more person',
    })
  })

  it('does not pass bad numbers to the wording', () => {
    expect(getAvatarStackLabels(Number.NaN, Number.NaN)).toEqual({
      groupLabel: '0 people online',
      overflowButtonLabel: '',
    })
    expect(getAvatarStackLabels(2.5, -3).groupLabel).toBe('2 people online')
  })
})
