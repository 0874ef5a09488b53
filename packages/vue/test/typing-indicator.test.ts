import { render } from '@testing-library/vue'
import { nextTick } from 'vue'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { TypingIndicator } from '../src/components/typing-indicator.js'
import { expectNoAxeViolations } from './support/axe.js'
import { addMembers } from './support/crowd.js'
import { setupClients } from './support/setup-clients.js'

let env: ReturnType<typeof setupClients>
beforeEach(() => {
  env = setupClients()
})
afterEach(() => env.destroy())

describe('TypingIndicator', () => {
  it('keeps an empty polite live region, then says who types, with the dots hidden from screen readers', async () => {
    env.other.room('lobby').join({})
    const { container } = render(TypingIndicator, { props: { room: 'lobby' }, global: env.global })
    await nextTick()
    const root = container.querySelector('[data-part="typing-indicator"]')!
    const region = root.querySelector('[role="status"]')!
    const dots = root.querySelector('[data-part="typing-dots"]') as HTMLElement
    expect(region.getAttribute('aria-live')).toBe('polite')
    expect(region.textContent).toBe('')
    expect(dots.getAttribute('aria-hidden')).toBe('true')
    expect(dots.hidden).toBe(true)
    await expectNoAxeViolations(container)
    env.other.room('lobby').startTyping()
    await nextTick()
    expect(region.textContent).toBe('Grace Hopper is typing…')
    expect(dots.hidden).toBe(false)
    await expectNoAxeViolations(container)
    env.other.room('lobby').stopTyping()
    await nextTick()
    expect(region.textContent).toBe('')
    expect(root.querySelector('[role="status"]')).toBe(region)
  })

  it("only shows typing: unmounting it leaves the local user's typing in the composer going", async () => {
    const room = env.client.room('lobby')
    room.join({})
    const { unmount } = render(TypingIndicator, { props: { room: 'lobby' }, global: env.global })
    await nextTick()
    room.startTyping()
    expect(room.isTyping()).toBe(true)
    unmount()
    expect(room.isTyping()).toBe(true)
  })

  it('lists at most maxNames, in the locale and wording given', async () => {
    const ids = addMembers(env.hub, 'lobby', 4)
    const { container } = render(TypingIndicator, {
      props: { room: 'lobby', maxNames: 2, messages: { plural: (list: string) => `${list} tippen…` } },
      global: env.global,
    })
    await nextTick()
    for (const id of ids) env.hub.typingVirtual('lobby', id, true)
    await nextTick()
    expect(container.querySelector('[role="status"]')!.textContent).toBe('User 0 and 3 others tippen…')
  })
})
