import { createPresenceClient, type Member } from '@presence-kit/core'
import { createMemoryHub } from '@presence-kit/core/testing'
import { createPresencePlugin } from '../src/provide.js'
import { fireEvent, render, screen } from '@testing-library/vue'
import { h, nextTick } from 'vue'
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest'
import { OnlineList } from '../src/components/online-list.js'
import type { OnlineListRowSlotProps } from '../src/components/online-list-row.js'
import { expectNoAxeViolations } from './support/axe.js'
import { addMembers } from './support/crowd.js'
import { component } from './support/define.js'
import { setupClients } from './support/setup-clients.js'

let env: ReturnType<typeof setupClients>
beforeEach(() => {
  env = setupClients()
})
afterEach(() => env.destroy())

const rows = (container: Element) => [...container.querySelectorAll('[data-part="online-list-row"]')]
const names = (container: Element) =>
  rows(container).map((row) => row.querySelector('[data-presence-name]')?.textContent)

describe('OnlineList', () => {
  it('is a labelled listbox of options, self first, then by status and name', async () => {
    addMembers(env.hub, 'lobby', 3)
    env.other.room('lobby').join({})
    env.client.room('lobby').join({})
    env.other.activity.setAway(true)
    const { container } = render(OnlineList, { props: { room: 'lobby' }, global: env.global })
    await nextTick()
    const list = screen.getByRole('listbox', { name: 'Online' })
    expect(list.getAttribute('data-part')).toBe('online-list')
    expect(list.getAttribute('tabindex')).toBe('0')
    expect(names(container)).toEqual(['Ada Lovelace', 'User 0', 'User 1', 'User 2', 'Grace Hopper'])
    const first = rows(container)[0]!
    expect(first.getAttribute('role')).toBe('option')
    expect(first.getAttribute('aria-setsize')).toBe('5')
    expect(first.getAttribute('aria-posinset')).toBe('1')
    expect(first.hasAttribute('data-self')).toBe(true)
    expect(first.textContent).toBe('AAda LovelaceActive, Active')
    // The name is written in the row: the avatar beside it is decorative, so it is read once.
    expect(first.querySelector('[data-part="avatar"]')!.getAttribute('aria-hidden')).toBe('true')
    expect(screen.getByRole('option', { name: 'Ada Lovelace, Active' })).toBe(first)
    expect(rows(container)[4]!.getAttribute('data-status')).toBe('away')
    await expectNoAxeViolations(container)
  })

  it('keeps a CSS length as given and gives any other unusable height the default, as React does', async () => {
    addMembers(env.hub, 'lobby', 3)
    const heightFor = async (height: unknown) => {
      const { unmount } = render(OnlineList, {
        props: { room: 'lobby', height: height as number },
        global: env.global,
      })
      await nextTick()
      const value = screen.getByRole('listbox').style.height
      unmount()
      return value
    }
    expect(await heightFor(200)).toBe('200px')
    expect(await heightFor('50vh')).toBe('50vh')
    for (const bad of [Number.NaN, -1, 0, '', '  ']) expect(await heightFor(bad)).toBe('320px')
  })

  it('keeps at most about a screenful of rows in the DOM with 100,000 members', async () => {
    addMembers(env.hub, 'lobby', 100_000)
    const { container } = render(OnlineList, { props: { room: 'lobby', height: 400 }, global: env.global })
    await nextTick()
    const count = rows(container).length
    expect(count).toBeGreaterThan(5)
    expect(count).toBeLessThanOrEqual(100)
    expect(rows(container)[0]!.getAttribute('aria-setsize')).toBe('100000')
  }, 30_000)

  it('renders no row past the last member and sizes the list by its members as they join and leave', async () => {
    const ids = addMembers(env.hub, 'lobby', 3)
    // Leaves take effect at once here, without the grace period that hides a reconnect.
    const viewer = createPresenceClient({
      adapter: env.hub.adapter(),
      user: { id: 'viewer' },
      batch: 'sync',
      leaveGraceMs: 0,
    })
    onTestFinished(() => viewer.destroy())
    const { container } = render(OnlineList, {
      props: { room: 'lobby', rowHeight: 30 },
      global: { plugins: [createPresencePlugin(viewer)] },
    })
    await nextTick()
    const content = () => container.querySelector<HTMLElement>('[role="presentation"]')!
    expect(names(container)).toEqual(['User 0', 'User 1', 'User 2'])
    expect(content().style.height).toBe('90px')
    addMembers(env.hub, 'lobby', 1, 3)
    await nextTick()
    expect(names(container)).toEqual(['User 0', 'User 1', 'User 2', 'User 3'])
    expect(content().style.height).toBe('120px')
    env.hub.removeVirtual('lobby', ids[0]!)
    env.hub.removeVirtual('lobby', ids[1]!)
    await nextTick()
    expect(names(container)).toEqual(['User 2', 'User 3'])
    expect(content().style.height).toBe('60px')
    expect(rows(container).map((row) => row.getAttribute('aria-posinset'))).toEqual(['1', '2'])
  })

  it('moves the active row with the keyboard, scrolls it into view, and emits select on Enter', async () => {
    addMembers(env.hub, 'lobby', 200)
    const onSelect = vi.fn()
    const { container } = render(OnlineList, {
      props: { room: 'lobby', height: 200, rowHeight: 20, onSelect },
      global: env.global,
    })
    await nextTick()
    const list = screen.getByRole('listbox')
    list.focus()
    const activeRow = () => container.querySelector('[data-active]')
    expect(list.hasAttribute('aria-activedescendant')).toBe(false)
    await fireEvent.keyDown(list, { key: 'ArrowDown' })
    expect(list.getAttribute('aria-activedescendant')).toBe(activeRow()!.id)
    expect(activeRow()!.getAttribute('aria-posinset')).toBe('1')
    await fireEvent.keyDown(list, { key: 'ArrowDown' })
    expect(activeRow()!.getAttribute('aria-posinset')).toBe('2')
    expect(activeRow()!.getAttribute('aria-selected')).toBe('true')
    // jsdom has no layout and does not scroll: give the viewport the sizes a browser would, and see
    // the call the virtualizer makes to bring the row into view.
    Object.defineProperty(list, 'clientHeight', { value: 200 })
    Object.defineProperty(list, 'scrollHeight', { value: 200 * 20 })
    const scrollTo = vi.fn()
    list.scrollTo = scrollTo as typeof list.scrollTo
    await fireEvent.keyDown(list, { key: 'End' })
    await nextTick()
    expect(activeRow()!.getAttribute('aria-posinset')).toBe('200')
    expect(scrollTo).toHaveBeenCalledWith(expect.objectContaining({ top: 200 * 20 - 200 }))
    expect(list.getAttribute('aria-activedescendant')).toBe(activeRow()!.id)
    await fireEvent.keyDown(list, { key: 'PageUp' })
    await nextTick()
    // A page is the viewport's rows less one (200 / 20 − 1).
    expect(activeRow()!.getAttribute('aria-posinset')).toBe('191')
    await fireEvent.keyDown(list, { key: 'Home' })
    await nextTick()
    expect(activeRow()!.getAttribute('aria-posinset')).toBe('1')
    await fireEvent.keyDown(list, { key: 'Enter' })
    expect(onSelect).toHaveBeenCalledTimes(1)
    expect((onSelect.mock.calls[0]![0] as Member).userId).toBe('user-0')
    await fireEvent.keyDown(list, { key: 'ArrowDown' })
    await fireEvent.keyDown(list, { key: ' ' })
    expect((onSelect.mock.calls[1]![0] as Member).userId).toBe('user-1')
    await fireEvent.click(rows(container)[4]!)
    expect((onSelect.mock.calls[2]![0] as Member).userId).toBe('user-4')
    expect(activeRow()!.getAttribute('aria-posinset')).toBe('5')
    await expectNoAxeViolations(container)
  })

  it('keeps the active option in the page when a group header appears above it', async () => {
    const ids = addMembers(env.hub, 'lobby', 200)
    env.hub.updateVirtual('lobby', ids[199]!, { activity: { inactiveMs: 0, hidden: false, away: true } })
    const { container } = render(OnlineList, {
      props: { room: 'lobby', height: 200, rowHeight: 20, groupByStatus: true },
      global: env.global,
    })
    await nextTick()
    const list = screen.getByRole('listbox')
    list.scrollTo = vi.fn() as typeof list.scrollTo
    list.focus()
    await fireEvent.keyDown(list, { key: 'End' })
    await nextTick()
    const activeRow = () => container.querySelector('[data-active]')
    expect(activeRow()?.getAttribute('aria-posinset')).toBe('200')
    // Someone above goes idle: a new header moves the active row down one item, its position stays.
    env.hub.updateVirtual('lobby', ids[5]!, {
      activity: { inactiveMs: 120_000, hidden: false, away: false },
    })
    await nextTick()
    await nextTick()
    const id = list.getAttribute('aria-activedescendant')
    expect(id).not.toBeNull()
    expect(document.getElementById(id!)).not.toBeNull()
    expect(document.getElementById(id!)).toBe(activeRow())
    expect(activeRow()?.getAttribute('aria-posinset')).toBe('200')
  })

  it('groups by status with a header and a count per group', async () => {
    addMembers(env.hub, 'lobby', 2)
    env.other.room('lobby').join({})
    env.other.activity.setAway(true)
    const { container } = render(OnlineList, {
      props: { room: 'lobby', groupByStatus: true, messages: { away: 'Weg' } },
      global: env.global,
    })
    await nextTick()
    const headers = [...container.querySelectorAll('[data-part="online-list-group"]')].map(
      (el) => el.textContent,
    )
    expect(headers).toEqual(['Active (2)', 'Weg (1)'])
    expect(rows(container).map((row) => row.getAttribute('aria-posinset'))).toEqual(['1', '2', '3'])
    await expectNoAxeViolations(container)
  })

  it('renders a custom row from the #row slot and an empty state from #empty', async () => {
    const seen: OnlineListRowSlotProps[] = []
    const Page = component(
      () => () =>
        h(
          OnlineList,
          { room: 'lobby' },
          {
            row: (props: OnlineListRowSlotProps) => (
              seen.push(props),
              h('b', `${props.member.userId}:${props.status}`)
            ),
            empty: () => h('i', 'Nobody here'),
          },
        ),
    )
    const { container } = render(Page, { global: env.global })
    await nextTick()
    expect(screen.getByText('Nobody here')).toBeTruthy()
    expect(container.querySelector('[data-part="online-list"]')!.getAttribute('data-state')).toBe('empty')
    expect(screen.queryByRole('listbox')).toBeNull()
    await expectNoAxeViolations(container)
    env.other.room('lobby').join({})
    await nextTick()
    expect(container.querySelector('b')!.textContent).toBe('grace:active')
    expect(seen.at(-1)).toMatchObject({ index: 0, isSelf: false, status: 'active', active: false })
  })

  it('an update to one member re-renders only that member’s row', async () => {
    const ids = addMembers(env.hub, 'lobby', 50)
    const renders = new Map<string, number>()
    const Page = component(
      () => () =>
        h(
          OnlineList,
          { room: 'lobby' },
          {
            row: ({ member }: OnlineListRowSlotProps) => {
              renders.set(member.userId, (renders.get(member.userId) ?? 0) + 1)
              return h('span', `${member.userId} ${String(member.data['mood'] ?? '')}`)
            },
          },
        ),
    )
    render(Page, { global: env.global })
    await nextTick()
    const before = new Map(renders)
    expect(before.size).toBeGreaterThan(3)
    env.hub.updateVirtual('lobby', ids[2]!, { data: { mood: 'happy' } })
    await nextTick()
    expect(screen.getByText('user-2 happy')).toBeTruthy()
    const changed = [...renders].filter(([id, count]) => before.get(id) !== count).map(([id]) => id)
    expect(changed).toEqual(['user-2'])
  })

  it('is aria-busy until the first roster, and shows the empty text once synced with nobody there', async () => {
    const hub = createMemoryHub({ delivery: 'manual' })
    const client = createPresenceClient({ adapter: hub.adapter(), user: { id: 'ada' }, batch: 'sync' })
    const { container } = render(OnlineList, {
      props: { room: 'lobby', emptyText: 'Niemand da.' },
      global: { plugins: [createPresencePlugin(client)] },
    })
    await nextTick()
    expect(screen.getByRole('listbox').getAttribute('aria-busy')).toBe('true')
    hub.deliver()
    await nextTick()
    expect(container.querySelector('[data-part="online-list"] p')!.textContent).toBe('Niemand da.')
    client.destroy()
  })

  it('a bad room prop is reported and renders nothing, without a crash', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    const { container } = render(OnlineList, { props: { room: '  ' }, global: env.global })
    expect(container.querySelector('[data-part]')).toBeNull()
    expect(errors).toHaveBeenCalledWith(
      expect.objectContaining({
        code: 'invalid-input',
        message: expect.stringContaining('needs a room name with a non-space character'),
      }),
    )
    errors.mockRestore()
  })
})
