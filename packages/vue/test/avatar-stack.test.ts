import type { Member } from '@presence-kit/core'
import { fireEvent, render, screen, within } from '@testing-library/vue'
import { h, nextTick } from 'vue'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AVATAR_OVERFLOW_LIST_LIMIT, AvatarStack } from '../src/components/avatar-stack.js'
import { expectNoAxeViolations } from './support/axe.js'
import { addMembers } from './support/crowd.js'
import { component } from './support/define.js'
import { setupClients } from './support/setup-clients.js'

let env: ReturnType<typeof setupClients>
beforeEach(() => {
  env = setupClients()
})
afterEach(() => env.destroy())

function member(userId: string, name: string, avatarUrl?: string): Member {
  return {
    userId,
    data: {},
    connections: [],
    status: 'active',
    isSelf: false,
    info: avatarUrl === undefined ? { name } : { name, avatarUrl },
    joinedAt: 0,
    leftAt: undefined,
  }
}

const people = Array.from({ length: 8 }, (_, i) => member(`u${i}`, `Person ${i}`))
// The name each avatar is read by, without its status (", Active"), which other tests check.
const avatars = (container: Element) =>
  [...container.querySelectorAll('[data-part="avatar-stack"] > [data-part="avatar"]')].map((el) =>
    el.getAttribute('aria-label')?.replace(/, Active$/, ''),
  )

describe('AvatarStack', () => {
  it('shows max avatars and a "+N" button that opens and closes the list of the others', async () => {
    const { container } = render(AvatarStack, { props: { members: people, max: 5 }, global: env.global })
    expect(screen.getByRole('group').getAttribute('aria-label')).toBe('8 people online')
    expect(avatars(container)).toEqual(['Person 0', 'Person 1', 'Person 2', 'Person 3', 'Person 4'])
    expect(container.querySelector('[data-part="avatar"]')!.getAttribute('aria-label')).toBe(
      'Person 0, Active',
    )
    const button = screen.getByRole('button')
    expect(button.textContent).toBe('+3')
    expect(button.getAttribute('aria-label')).toBe('Show 3 more people')
    expect(button.getAttribute('aria-expanded')).toBe('false')
    const list = container.querySelector('[data-part="avatar-overflow-list"]') as HTMLElement
    expect(button.getAttribute('aria-controls')).toBe(list.id)
    expect(list.getAttribute('data-state')).toBe('closed')
    expect(list.hidden).toBe(true)
    expect(list.children.length).toBe(0)
    await expectNoAxeViolations(container)

    await fireEvent.click(button)
    expect(button.getAttribute('aria-expanded')).toBe('true')
    expect(list.getAttribute('data-state')).toBe('open')
    expect([...list.querySelectorAll('li')].map((item) => item.textContent)).toEqual([
      'PPerson 5Active, Active',
      'PPerson 6Active, Active',
      'PPerson 7Active, Active',
    ])
    // The name is written beside each avatar, so the avatar is hidden instead of naming them twice.
    expect(
      [...list.querySelectorAll('li [data-part="avatar"]')].map((el) => el.getAttribute('aria-hidden')),
    ).toEqual(['true', 'true', 'true'])
    await expectNoAxeViolations(container)

    expect(list.tabIndex).toBe(0)
    list.focus()
    await fireEvent.keyDown(list, { key: 'Escape' })
    await nextTick()
    expect(button.getAttribute('aria-expanded')).toBe('false')
    expect(document.activeElement).toBe(button)
  })

  it('leaves Escape pressed elsewhere alone, and keeps the one it handles from a dialog around it', async () => {
    const onDialogKeydown = vi.fn()
    const { container } = render(
      component(
        () => () =>
          h('div', { role: 'dialog', 'aria-label': 'Room', onKeydown: onDialogKeydown }, [
            h(AvatarStack, { members: people, max: 2 }),
            h('input', { 'aria-label': 'Message' }),
          ]),
      ),
      { global: env.global },
    )
    const button = screen.getByRole('button')
    const input = screen.getByRole('textbox', { name: 'Message' })
    await fireEvent.click(button)
    input.focus()
    await fireEvent.keyDown(input, { key: 'Escape' })
    await nextTick()
    expect(button.getAttribute('aria-expanded')).toBe('true')
    expect(document.activeElement).toBe(input)
    expect(onDialogKeydown).toHaveBeenCalledTimes(1)
    button.focus()
    await fireEvent.keyDown(button, { key: 'Escape' })
    await nextTick()
    expect(button.getAttribute('aria-expanded')).toBe('false')
    expect(onDialogKeydown).toHaveBeenCalledTimes(1)
    expect(container.querySelector('[role="dialog"]')).not.toBeNull()
  })

  it('closes on a click outside and gives focus back to the button', async () => {
    render(AvatarStack, { props: { members: people, max: 2 }, global: env.global })
    const button = screen.getByRole('button')
    await fireEvent.click(button)
    expect(button.getAttribute('aria-expanded')).toBe('true')
    await fireEvent.click(document.body)
    await nextTick()
    expect(button.getAttribute('aria-expanded')).toBe('false')
    expect(document.activeElement).toBe(button)
  })

  it('loads only safe image URLs, and falls back to coloured initials when an image fails', async () => {
    const { container } = render(AvatarStack, {
      props: {
        members: [
          member('a', 'Ada Lovelace', 'https://example.com/ada.png'),
          member('b', 'Bad Actor', 'javascript:alert(1)'),
        ],
      },
      global: env.global,
    })
    const images = container.querySelectorAll('img')
    expect(images.length).toBe(1)
    expect(images[0]!.getAttribute('src')).toBe('https://example.com/ada.png')
    expect(images[0]!.getAttribute('alt')).toBe('')
    // Initials under every avatar, the image's too, so a slow or broken image shows them.
    expect(images[0]!.getAttribute('data-state')).toBe('loading')
    const initials = container.querySelectorAll('[data-part="avatar-initials"]')[1] as HTMLElement
    expect(initials.textContent).toBe('BA')
    expect(initials.style.background).not.toBe('')
    await fireEvent.error(images[0]!)
    expect(container.querySelectorAll('img').length).toBe(0)
    expect(
      [...container.querySelectorAll('[data-part="avatar-initials"]')].map((el) => el.textContent),
    ).toEqual(['AL', 'BA'])
  })

  it('counts a total given from elsewhere, lists the loaded ones, and normalises a bad max', async () => {
    const { container } = render(AvatarStack, {
      props: { members: people.slice(0, 3), max: -4, total: 120 },
      global: env.global,
    })
    expect(avatars(container)).toEqual([])
    const button = screen.getByRole('button')
    expect(button.textContent).toBe('+120')
    expect(screen.getByRole('group').getAttribute('aria-label')).toBe('120 people online')
    await fireEvent.click(button)
    const items = [...container.querySelectorAll('[data-part="avatar-overflow-list"] > li')]
    expect(items.map((item) => item.textContent)).toEqual([
      'PPerson 0Active, Active',
      'PPerson 1Active, Active',
      'PPerson 2Active, Active',
      '+117',
    ])
    // Each person is read once, by the name beside the avatar: the avatar itself is hidden.
    const list = container.querySelector<HTMLElement>('[data-part="avatar-overflow-list"]')!
    expect(within(list).queryAllByRole('img')).toEqual([])
  })

  it('keeps a large "+N" short in its circle and reads the whole count out', async () => {
    const { container, rerender } = render(AvatarStack, {
      props: { members: people.slice(0, 4), max: 2, total: 12_347 },
      global: env.global,
    })
    const more = screen.getByRole('button', { name: '+12K. Show 12,345 more people' })
    expect(more.textContent).toBe('+12K')
    expect(more.hasAttribute('data-long')).toBe(false)
    expect(screen.getByRole('group').getAttribute('aria-label')).toBe('12,347 people online')
    await fireEvent.click(more)
    const items = [...container.querySelectorAll('[data-part="avatar-overflow-list"] > li')]
    expect(items.at(-1)?.textContent).toBe('+12,343')
    // Five characters take the smaller face.
    await rerender({ members: people.slice(0, 4), max: 2, total: 1_236 })
    const long = screen.getByRole('button', { name: '+1.2K. Show 1,234 more people' })
    expect(long.textContent).toBe('+1.2K')
    expect(long.hasAttribute('data-long')).toBe(true)
  })

  it('lists at most AVATAR_OVERFLOW_LIST_LIMIT hidden members of a large roster', async () => {
    const many = Array.from({ length: 500 }, (_, i) => member(`m${i}`, `Member ${i}`))
    const { container } = render(AvatarStack, { props: { members: many }, global: env.global })
    await fireEvent.click(screen.getByRole('button'))
    const items = [...container.querySelectorAll('[data-part="avatar-overflow-list"] > li')]
    expect(items.length).toBe(AVATAR_OVERFLOW_LIST_LIMIT + 1)
    expect(items.at(-1)!.textContent).toBe(`+${500 - 5 - AVATAR_OVERFLOW_LIST_LIMIT}`)
  })

  it('a members prop that is not an array renders nothing and is reported', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    const { container } = render(AvatarStack, { props: { members: 'ada' as never }, global: env.global })
    expect(container.querySelector('[data-part]')).toBeNull()
    expect(errors).toHaveBeenCalledWith(expect.objectContaining({ code: 'invalid-input' }))
    errors.mockRestore()
  })

  it('follows a room: self first, then others, without self when asked', async () => {
    addMembers(env.hub, 'lobby', 3)
    const { container, rerender } = render(AvatarStack, {
      props: { room: 'lobby', max: 3 },
      global: env.global,
    })
    await nextTick()
    // Watching is not joining: Ada is not in the room until something joins it.
    expect(avatars(container)).toEqual(['User 0', 'User 1', 'User 2'])
    env.client.room('lobby').join({})
    await nextTick()
    expect(avatars(container)).toEqual(['Ada Lovelace', 'User 0', 'User 1'])
    expect(screen.getByRole('button').textContent).toBe('+1')
    await rerender({ room: 'lobby', max: 3, includeSelf: false })
    expect(avatars(container)).toEqual(['User 0', 'User 1', 'User 2'])
    expect(screen.queryByRole('button')).toBeNull()
    await expectNoAxeViolations(container)
  })
})
