import { describe, expect, it } from 'vitest'
import {
  createMemberList,
  formatTypingSentence,
  getAvatarStackLabels,
  getConnectionBadgeLabel,
  getStatusLabel,
} from '../../src/ui/index.js'
import { makeMember } from './make-member.js'

// Wording and order arrive from props and translation files: `null`, `false` (from `flag && fn`)
// or a string where a function belongs means "not given", never a throw on the first render.
const notGiven: readonly unknown[] = [null, false, 'group', 42]

describe('overrides that are not what they should be read as not given', () => {
  it('status and connection wording: null messages give the English defaults', () => {
    const nullMessages = null as never
    expect(getStatusLabel('idle', nullMessages)).toBe('Idle')
    expect(getConnectionBadgeLabel({ status: 'reconnecting', synced: true }, nullMessages)).toBe(
      'Reconnecting…',
    )
  })

  it('avatar stack wording: null messages, or entries that are not functions, give the defaults', () => {
    const english = getAvatarStackLabels(5, 2)
    expect(getAvatarStackLabels(5, 2, null as never)).toEqual(english)
    for (const value of notGiven) {
      expect(getAvatarStackLabels(5, 2, { group: value, showMore: value } as never)).toEqual(english)
    }
  })

  it('typing wording: entries that are not functions give the defaults', () => {
    for (const value of notGiven) {
      const messages = { single: value, plural: value, others: value } as never
      expect(formatTypingSentence(['Ada'], { messages })).toBe('Ada is typing…')
      expect(formatTypingSentence(['Ada', 'Grace', 'Linus', 'Alan'], { messages, maxNames: 2 })).toBe(
        formatTypingSentence(['Ada', 'Grace', 'Linus', 'Alan'], { maxNames: 2 }),
      )
    }
  })

  it('a member order that is not a function is the default order', () => {
    const members = [makeMember('linus', { name: 'Linus' }), makeMember('ada', { name: 'Ada' })]
    const state = { members, recentlyLeft: [], synced: true }
    for (const value of notGiven) {
      const list = createMemberList({ sort: value as never })
      expect(list.update(state).members.map((member) => member.userId)).toEqual(['ada', 'linus'])
    }
  })
})
