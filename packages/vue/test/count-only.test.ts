import { createPresenceClient } from '@presence-kit/core'
import { countOnlyAdapter, createMemoryHub } from '@presence-kit/core/testing'
import { render, screen, within } from '@testing-library/vue'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick } from 'vue'
import { AvatarStack } from '../src/components/avatar-stack.js'
import { OnlineList } from '../src/components/online-list.js'
import { TypingIndicator } from '../src/components/typing-indicator.js'
import { usePresence } from '../src/composables/use-presence.js'
import { createPresencePlugin } from '../src/provide.js'
import { expectNoAxeViolations } from './support/axe.js'

// A room the backend only counts (`countOnlyAdapter` turns the memory hub's rosters into counts,
// as the reference server sends a count-only room to a client that reads counts).
function setup() {
  const hub = createMemoryHub()
  const client = createPresenceClient({
    adapter: countOnlyAdapter(hub.adapter()),
    user: { id: 'ada', name: 'Ada Lovelace' },
    batch: 'sync',
  })
  const join = (i: number) =>
    hub.addVirtual('hall', { userId: `u${i}`, connectionId: `u${i}/1`, data: { name: `User ${i}` } })
  return { hub, client, join, global: { plugins: [createPresencePlugin(client)] } }
}

let env: ReturnType<typeof setup>
beforeEach(() => {
  env = setup()
  for (let i = 0; i < 1_234; i++) env.join(i)
})
afterEach(() => env.client.destroy())

describe('components in a count-only room', () => {
  it('OnlineList says "N online" in a named group instead of rows, and follows the count', async () => {
    const { container } = render(OnlineList, { props: { room: 'hall' }, global: env.global })
    await nextTick()
    const group = screen.getByRole('group', { name: 'Online' })
    expect(group.textContent).toBe('1,234 online')
    expect(screen.queryByRole('listbox')).toBeNull()
    expect(screen.queryAllByRole('option')).toEqual([])
    env.join(5_000)
    await nextTick()
    expect(group.textContent).toBe('1,235 online')
    await expectNoAxeViolations(container)
  })

  it('OnlineList takes its count wording from countText', async () => {
    render(OnlineList, {
      props: { room: 'hall', countText: (count: number) => `${count} en ligne` },
      global: env.global,
    })
    await nextTick()
    expect(screen.getByRole('group', { name: 'Online' }).textContent).toBe('1234 en ligne')
  })

  it('OnlineList is stale with the last count while the link is down', async () => {
    const { container } = render(OnlineList, { props: { room: 'hall' }, global: env.global })
    await nextTick()
    const [connectionId] = env.hub.watchers('hall')
    env.hub.disconnect(connectionId!, { removeFromRoom: false })
    await nextTick()
    expect(screen.getByRole('group', { name: 'Online' }).textContent).toBe('1,234 online')
    expect(container.querySelector('[data-part="online-list-stale"]')?.textContent).toBe(
      'Reconnecting… showing the last known state',
    )
  })

  it('AvatarStack shows the count in a chip, not a button over an empty list', async () => {
    const { container } = render(AvatarStack, { props: { room: 'hall' }, global: env.global })
    await nextTick()
    const group = screen.getByRole('group', { name: '1,234 people online' })
    expect(within(group).queryAllByRole('img')).toEqual([])
    expect(within(group).queryByRole('button')).toBeNull()
    const chip = group.querySelector('[data-part="avatar-overflow"]')!
    expect(chip.textContent).toBe('+1.2K')
    expect(chip.getAttribute('aria-hidden')).toBe('true')
    expect(chip.hasAttribute('data-long')).toBe(true)
    await expectNoAxeViolations(container)
  })

  it('TypingIndicator still says who types', async () => {
    render(TypingIndicator, { props: { room: 'hall' }, global: env.global })
    await nextTick()
    env.hub.typingVirtual('hall', 'u7/1', true)
    await nextTick()
    expect(screen.getByRole('status').textContent).toBe('u7 is typing…')
  })

  it('usePresence gives the mode and the count, and no members', async () => {
    let seen: { mode: string; count: number; members: number } | undefined
    const Probe = defineComponent({
      setup() {
        const { mode, count, members } = usePresence('hall')
        return () => {
          seen = { mode: mode.value, count: count.value, members: members.value.length }
          return h('span')
        }
      },
    })
    render(Probe, { global: env.global })
    await nextTick()
    expect(seen).toEqual({ mode: 'count', count: 1_234, members: 0 })
  })
})
