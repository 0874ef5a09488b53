import { describe, expect, it, vi } from 'vitest'
import type { Member } from '../../src/types.js'
import { chunkSorted, type MemberSequence } from '../../src/ui/chunked-list.js'
import { connectOnlineList, createOnlineListMachine } from '../../src/ui/online-list-controller.js'
import { connectPopover, createPopoverMachine } from '../../src/ui/popover-controller.js'
import { makeMember } from './make-member.js'

const byUserId = (a: { userId: string }, b: { userId: string }) =>
  a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0

const key = (name: string) => ({ key: name, preventDefault: vi.fn(), stopPropagation: vi.fn() })

describe('connectOnlineList', () => {
  const members = Array.from({ length: 30 }, (_, i) => makeMember(`u${i}`))
  const setup = (synced = true, list: MemberSequence<Member> = members, stale = false) => {
    const notify = vi.fn()
    const onSelect = vi.fn()
    const scrollTo = vi.fn()
    const machine = createOnlineListMachine(notify)
    const connect = (now = list) =>
      connectOnlineList(machine, {
        members: now,
        synced,
        stale,
        label: 'Online',
        baseId: 'l',
        rowHeight: 40,
        viewportHeight: 200,
        onSelect,
        scrollTo,
      })
    return { connect, notify, onSelect, scrollTo }
  }

  it('moves the active member with the keys, pages by the viewport, and selects on Enter', () => {
    const { connect, notify, onSelect, scrollTo } = setup()
    const onKeydown = connect().rootProps()['onKeydown'] as (event: ReturnType<typeof key>) => void
    onKeydown(key('ArrowDown'))
    expect(connect().activePosition).toBe(0)
    // The same handler keeps working from the machine's state, before any re-render.
    onKeydown(key('ArrowDown'))
    expect(connect().activePosition).toBe(1)
    onKeydown(key('PageDown'))
    // 200 px / 40 px = 5 rows, one kept for context.
    expect(connect().activePosition).toBe(5)
    expect(scrollTo).toHaveBeenLastCalledWith(5)
    expect(notify).toHaveBeenCalledTimes(3)
    const api = connect()
    expect(api.rootProps()['aria-activedescendant']).toBe('l-option-5')
    const enter = key('Enter')
    ;(api.rootProps()['onKeydown'] as (event: ReturnType<typeof key>) => void)(enter)
    expect(onSelect).toHaveBeenCalledWith(members[5])
    expect(enter.preventDefault).toHaveBeenCalled()
  })

  it('keeps the same member active while others join above it', () => {
    const { connect } = setup()
    connect().pick(3)
    const moved = [makeMember('new'), ...members]
    expect(connect(moved).activePosition).toBe(4)
  })

  it('finds the active member in a chunked list, moved a little or far, and loses it when it leaves', () => {
    const many = Array.from({ length: 5_000 }, (_, i) => makeMember(`m${String(i).padStart(4, '0')}`))
    const list = chunkSorted(many, byUserId, 64)
    const { connect } = setup(true, many)
    connect(list).pick(2_000)
    const active = many[2_000]!
    const newcomers = Array.from({ length: 3 }, (_, i) => makeMember(`m0000-${i}`))
    const near = list.patch({ added: newcomers, removed: [], updated: [] })!
    expect(connect(near).activePosition).toBe(2_003)
    const far = near.patch({ added: [], removed: many.slice(2_500), updated: [] })!
    expect(connect(far).activePosition).toBe(2_003)
    const reordered = chunkSorted(many.toReversed(), (a, b) => byUserId(b, a), 64)
    expect(reordered.at(connect(reordered).activePosition)).toBe(active)
    const gone = reordered.patch({ added: [], removed: [active], updated: [] })!
    expect(connect(gone).activePosition).toBe(-1)
  })

  it('says loading, empty or ready, and is busy while loading', () => {
    expect(setup(false).connect().state).toBe('loading')
    expect(setup(false).connect().rootProps()['aria-busy']).toBe('true')
    expect(setup(true, []).connect().state).toBe('empty')
    expect(setup().connect().state).toBe('ready')
  })

  it('marks a stale list and points its description at the note', () => {
    const stale = setup(true, members, true).connect()
    expect(stale.stale).toBe(true)
    expect(stale.rootProps()).toMatchObject({ 'data-stale': '', 'aria-describedby': 'l-stale' })
    expect(stale.staleNoteProps()).toEqual({ id: 'l-stale', 'aria-hidden': 'true' })
    const live = setup().connect()
    expect(live.stale).toBe(false)
    expect(live.rootProps()['data-stale']).toBeUndefined()
    expect(live.rootProps()['aria-describedby']).toBeUndefined()
  })
})

describe('connectPopover', () => {
  it('toggles from the trigger, closes on Escape and gives the focus back', () => {
    const notify = vi.fn()
    const machine = createPopoverMachine(notify)
    const trigger = { focus: vi.fn(), contains: () => false } as unknown as HTMLElement
    const connect = () => connectPopover(machine, { trigger: () => trigger, content: () => null }, 'p')
    ;(connect().triggerProps()['onClick'] as () => void)()
    expect(connect().open).toBe(true)
    expect(connect().contentProps()).toMatchObject({ id: 'p', hidden: false, 'data-state': 'open' })
    const escape = key('Escape')
    ;(connect().contentProps()['onKeydown'] as (event: ReturnType<typeof key>) => void)(escape)
    expect(connect().open).toBe(false)
    expect(escape.stopPropagation).toHaveBeenCalled()
    expect(trigger.focus).toHaveBeenCalled()
    // Escape on a closed popover belongs to whatever is around it.
    const other = key('Escape')
    ;(connect().triggerProps()['onKeydown'] as (event: ReturnType<typeof key>) => void)(other)
    expect(other.stopPropagation).not.toHaveBeenCalled()
    expect(notify).toHaveBeenCalledTimes(2)
  })
})
