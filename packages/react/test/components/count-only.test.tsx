import { createPresenceClient } from '@presence-kit/core'
import { countOnlyAdapter, createMemoryHub } from '@presence-kit/core/testing'
import axe from 'axe-core'
import { act, cleanup, render, screen, within } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AvatarStack } from '../../src/components/avatar-stack/avatar-stack.js'
import { OnlineList } from '../../src/components/online-list/online-list.js'
import { TypingIndicator } from '../../src/components/typing-indicator/typing-indicator.js'
import { usePresence } from '../../src/hooks/use-presence.js'
import { PresenceProvider } from '../../src/provider.js'

// A room the backend only counts (`countOnlyAdapter` turns the memory hub's rosters into counts,
// as the reference server sends a count-only room to a client that reads counts).
function setup() {
  const hub = createMemoryHub()
  const client = createPresenceClient({
    adapter: countOnlyAdapter(hub.adapter()),
    user: { id: 'ada', name: 'Ada Lovelace' },
    batch: 'sync',
  })
  const wrapper = ({ children }: { children?: ReactNode }) => (
    <PresenceProvider client={client}>{children}</PresenceProvider>
  )
  const join = (i: number) =>
    hub.addVirtual('hall', { userId: `u${i}`, connectionId: `u${i}/1`, data: { name: `User ${i}` } })
  return { hub, client, wrapper, join, destroy: () => client.destroy() }
}

let env: ReturnType<typeof setup>
beforeEach(() => {
  env = setup()
  for (let i = 0; i < 1_234; i++) env.join(i)
})
afterEach(() => {
  cleanup()
  env.destroy()
})

async function expectNoAxeViolations(container: Element) {
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } })
  expect(results.violations.map((violation) => violation.id)).toEqual([])
}

describe('components in a count-only room', () => {
  it('OnlineList says "N online" in a named group instead of rows, and follows the count', async () => {
    const { container } = render(<OnlineList room="hall" />, { wrapper: env.wrapper })
    const group = screen.getByRole('group', { name: 'Online' })
    expect(group.textContent).toBe('1,234 online')
    expect(screen.queryByRole('listbox')).toBeNull()
    expect(screen.queryAllByRole('option')).toEqual([])
    act(() => {
      env.join(5_000)
    })
    expect(group.textContent).toBe('1,235 online')
    await expectNoAxeViolations(container)
  })

  it('OnlineList takes its count wording from countText', () => {
    render(<OnlineList room="hall" countText={(count) => `${count} en ligne`} />, { wrapper: env.wrapper })
    expect(screen.getByRole('group', { name: 'Online' }).textContent).toBe('1234 en ligne')
  })

  it('OnlineList is stale with the last count while the link is down', () => {
    const { container } = render(<OnlineList room="hall" />, { wrapper: env.wrapper })
    const [connectionId] = env.hub.watchers('hall')
    act(() => env.hub.disconnect(connectionId!, { removeFromRoom: false }))
    expect(screen.getByRole('group', { name: 'Online' }).textContent).toBe('1,234 online')
    expect(container.querySelector('[data-part="online-list-stale"]')?.textContent).toBe(
      'Reconnecting… showing the last known state',
    )
  })

  it('AvatarStack shows the count in a chip, not a button over an empty list', async () => {
    const { container } = render(<AvatarStack room="hall" />, { wrapper: env.wrapper })
    const group = screen.getByRole('group', { name: '1,234 people online' })
    expect(within(group).queryAllByRole('img')).toEqual([])
    expect(within(group).queryByRole('button')).toBeNull()
    const chip = group.querySelector('[data-part="avatar-overflow"]')!
    expect(chip.textContent).toBe('+1.2K')
    expect(chip.getAttribute('aria-hidden')).toBe('true')
    expect(chip.hasAttribute('data-long')).toBe(true)
    await expectNoAxeViolations(container)
  })

  it('TypingIndicator still says who types', () => {
    render(<TypingIndicator room="hall" />, { wrapper: env.wrapper })
    act(() => {
      env.hub.typingVirtual('hall', 'u7/1', true)
    })
    expect(screen.getByRole('status').textContent).toBe('u7 is typing…')
  })

  it('usePresence gives the mode and the count, and no members', () => {
    let seen: { mode: string; count: number; members: number } | undefined
    function Probe() {
      const { mode, count, members } = usePresence('hall')
      seen = { mode, count, members: members.length }
      return null
    }
    render(<Probe />, { wrapper: env.wrapper })
    expect(seen).toEqual({ mode: 'count', count: 1_234, members: 0 })
  })
})
