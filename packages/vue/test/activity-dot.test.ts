import { render, screen } from '@testing-library/vue'
import { nextTick, ref, h } from 'vue'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ActivityDot } from '../src/components/activity-dot.js'
import { expectNoAxeViolations } from './support/axe.js'
import { component } from './support/define.js'
import { setupClients } from './support/setup-clients.js'

let env: ReturnType<typeof setupClients>
beforeEach(() => {
  env = setupClients()
})
afterEach(() => env.destroy())

const dot = (container: Element) => container.querySelector('[data-part="activity-dot"]')!

describe('ActivityDot', () => {
  it('shows a status with a label read by screen readers, hidden on screen by default', async () => {
    const { container } = render(ActivityDot, { props: { status: 'idle' }, global: env.global })
    expect(dot(container).getAttribute('data-scope')).toBe('presence')
    expect(dot(container).getAttribute('data-status')).toBe('idle')
    expect(dot(container).getAttribute('data-size')).toBe('md')
    const label = screen.getByText('Idle')
    expect(label.getAttribute('style')).toContain('clip')
    await expectNoAxeViolations(container)
  })

  it('shows the label as visible text with showLabel, in the wording given', () => {
    const { container } = render(ActivityDot, {
      props: { status: 'away', showLabel: true, messages: { away: 'Abwesend' }, size: 'lg' },
      global: env.global,
    })
    expect(dot(container).textContent).toBe('Abwesend')
    expect(dot(container).querySelector('span')!.hasAttribute('style')).toBe(false)
    expect(dot(container).getAttribute('data-size')).toBe('lg')
  })

  it('follows a member of a room by user id; an absent member is offline', async () => {
    env.other.room('lobby').join({})
    const userId = ref('grace')
    const Page = component(() => () => h(ActivityDot, { room: 'lobby', userId: userId.value }))
    const { container } = render(Page, { global: env.global })
    await nextTick()
    expect(dot(container).getAttribute('data-status')).toBe('active')
    env.other.activity.setAway(true)
    await nextTick()
    expect(dot(container).getAttribute('data-status')).toBe('away')
    expect(screen.getByText('Away')).toBeTruthy()
    userId.value = 'nobody'
    await nextTick()
    expect(dot(container).getAttribute('data-status')).toBe('offline')
    await expectNoAxeViolations(container)
  })

  it('a bad status or size is normalised and reported; a bad room renders nothing; nothing crashes', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    const { container } = render(ActivityDot, {
      props: { status: 'sleeping' as never, size: 'huge' as never },
      global: env.global,
    })
    expect(dot(container).getAttribute('data-status')).toBe('offline')
    expect(dot(container).getAttribute('data-size')).toBe('md')
    expect(errors).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'PresenceError', message: expect.stringContaining('"sleeping"') }),
    )
    const bad = render(ActivityDot, { props: { room: 42 as never, userId: 'grace' }, global: env.global })
    expect(bad.container.querySelector('[data-part]')).toBeNull()
    expect(errors).toHaveBeenCalledWith(
      expect.objectContaining({
        code: 'invalid-input',
        message: expect.stringContaining('needs a room name with a non-space character'),
      }),
    )
    const noUser = render(ActivityDot, { props: { room: 'lobby' }, global: env.global })
    expect(noUser.container.querySelector('[data-part]')).toBeNull()
    expect(errors).toHaveBeenCalledWith(
      expect.objectContaining({
        message: expect.stringContaining('give either "status" or "room" and "userId"'),
      }),
    )
    errors.mockRestore()
  })
})
