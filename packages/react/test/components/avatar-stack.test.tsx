import type { Member } from '@presence-kit/core'
import { getUserColor } from '@presence-kit/core/ui'
import { fireEvent, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { AvatarStack } from '../../src/components/avatar-stack/avatar-stack.js'
import { setupCrowdRoom } from '../support/crowd-room.js'

function member(userId: string, fields: Partial<Member> & { name?: string } = {}): Member {
  return {
    userId,
    data: {},
    connections: [],
    status: 'active',
    isSelf: false,
    info: { name: fields.name ?? userId },
    joinedAt: 0,
    leftAt: undefined,
    ...fields,
  }
}

const people = Array.from({ length: 8 }, (_, i) => member(`u${i}`, { name: `Person ${i}` }))

describe('AvatarStack', () => {
  it('shows max avatars then a "+N" button, in a labelled group', () => {
    render(<AvatarStack members={people} max={3} />)
    const group = screen.getByRole('group', { name: '8 people online' })
    expect(
      within(group)
        .getAllByRole('img')
        .map((img) => img.getAttribute('aria-label')),
    ).toEqual(['Person 0, Active', 'Person 1, Active', 'Person 2, Active'])
    const more = within(group).getByRole('button', { name: 'Show 5 more people' })
    expect(more.textContent).toBe('+5')
    expect(more.getAttribute('aria-expanded')).toBe('false')
  })

  it('counts a total from elsewhere, and normalises a bad max and size', () => {
    const { container } = render(
      <AvatarStack members={people.slice(0, 2)} total={40} max={-3} size={'xl' as 'sm'} />,
    )
    expect(screen.getByRole('button').textContent).toBe('+40')
    expect(screen.queryAllByRole('img')).toEqual([])
    expect(container.querySelector('[data-part="avatar-stack"]')?.getAttribute('data-size')).toBe('md')
  })

  it('keeps a large "+N" short in its circle and reads the whole count out', async () => {
    const user = userEvent.setup()
    const { rerender } = render(<AvatarStack members={people.slice(0, 4)} max={2} total={12_347} />)
    const more = screen.getByRole('button', { name: '+12K. Show 12,345 more people' })
    expect(more.textContent).toBe('+12K')
    expect(more.hasAttribute('data-long')).toBe(false)
    expect(screen.getByRole('group').getAttribute('aria-label')).toBe('12,347 people online')
    await user.click(more)
    const list = document.getElementById(more.getAttribute('aria-controls')!)!
    expect(within(list).getAllByRole('listitem').at(-1)?.textContent).toBe('+12,343')
    // Five characters take the smaller face.
    rerender(<AvatarStack members={people.slice(0, 4)} max={2} total={1_236} />)
    expect(screen.getByRole('button', { name: '+1.2K. Show 1,234 more people' }).textContent).toBe('+1.2K')
    expect(
      screen.getByRole('button', { name: '+1.2K. Show 1,234 more people' }).hasAttribute('data-long'),
    ).toBe(true)
  })

  it('opens the hidden members; Escape closes and gives focus back to the button', async () => {
    const user = userEvent.setup()
    render(<AvatarStack members={people} max={5} />)
    const more = screen.getByRole('button', { name: 'Show 3 more people' })
    await user.click(more)
    expect(more.getAttribute('aria-expanded')).toBe('true')
    const list = document.getElementById(more.getAttribute('aria-controls')!)!
    expect(list.getAttribute('data-state')).toBe('open')
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['PPerson 5Active, Active', 'PPerson 6Active, Active', 'PPerson 7Active, Active'])
    // Each person is read once, by the name beside the avatar: the avatar itself is hidden.
    expect(within(list).queryAllByRole('img')).toEqual([])
    await user.keyboard('{Escape}')
    expect(more.getAttribute('aria-expanded')).toBe('false')
    expect(list.getAttribute('data-state')).toBe('closed')
    expect(list.hidden).toBe(true)
    expect(document.activeElement).toBe(more)
  })

  it('leaves Escape pressed elsewhere alone, and keeps the one it handles from a dialog around it', async () => {
    const user = userEvent.setup()
    const dialogEscapes = vi.fn()
    render(
      <div role="dialog" aria-label="Room" onKeyDown={(event) => event.key === 'Escape' && dialogEscapes()}>
        <AvatarStack members={people} max={2} />
        <input aria-label="Message" />
      </div>,
    )
    const more = screen.getByRole('button')
    const input = screen.getByRole('textbox', { name: 'Message' })
    await user.click(more)
    const list = document.getElementById(more.getAttribute('aria-controls')!)!
    // The open list takes the focus, so a keyboard can scroll a long one.
    await user.tab()
    expect(document.activeElement).toBe(list)
    // Each listed person is a tab stop (Enter reports them); then Tab goes on to the field: a
    // click there would close the list as a click outside.
    for (const item of list.querySelectorAll('li[data-user-id]')) {
      await user.tab()
      expect(document.activeElement).toBe(item)
    }
    await user.tab()
    expect(document.activeElement).toBe(input)
    await user.keyboard('{Escape}')
    expect(more.getAttribute('aria-expanded')).toBe('true')
    expect(document.activeElement).toBe(input)
    expect(dialogEscapes).toHaveBeenCalledTimes(1)
    list.focus()
    await user.keyboard('{Escape}')
    expect(more.getAttribute('aria-expanded')).toBe('false')
    expect(document.activeElement).toBe(more)
    expect(dialogEscapes).toHaveBeenCalledTimes(1)
  })

  it('a click outside closes the list; a click inside does not', async () => {
    const user = userEvent.setup()
    render(
      <>
        <AvatarStack members={people} max={2} />
        <p>elsewhere</p>
      </>,
    )
    const more = screen.getByRole('button')
    await user.click(more)
    const list = document.getElementById(more.getAttribute('aria-controls')!)!
    await user.click(within(list).getAllByRole('listitem')[0]!)
    expect(more.getAttribute('aria-expanded')).toBe('true')
    await user.click(screen.getByText('elsewhere'))
    expect(more.getAttribute('aria-expanded')).toBe('false')
    expect(document.activeElement).toBe(more)
  })

  it('loads only safe image URLs; initials on a deterministic colour otherwise or on error', () => {
    const safe = member('safe', {
      name: 'Safe Image',
      info: { name: 'Safe Image', avatarUrl: 'https://img.example/a.png' },
    })
    const unsafe = member('evil', {
      name: 'Evil Url',
      info: { name: 'Evil Url', avatarUrl: 'javascript:alert(1)' },
    })
    const { container } = render(<AvatarStack members={[safe, unsafe]} />)
    const images = container.querySelectorAll('img')
    expect([...images].map((img) => img.getAttribute('src'))).toEqual(['https://img.example/a.png'])
    // Initials under every avatar, the image's too, so a slow or broken image shows them.
    expect(container.querySelectorAll('[data-part="avatar-initials"]')).toHaveLength(2)
    const initials = container.querySelectorAll('[data-part="avatar-initials"]')[1] as HTMLElement
    expect(initials.textContent).toBe('EU')
    expect(images[0]!.getAttribute('data-state')).toBe('loading')
    expect(initials.style.background).not.toBe('')
    const expected = render(<span style={{ background: getUserColor('evil').background }} />).container
      .firstElementChild as HTMLElement
    expect(initials.style.background).toBe(expected.style.background)
    fireEvent.error(images[0]!)
    expect(container.querySelectorAll('img')).toHaveLength(0)
    expect(container.querySelectorAll('[data-part="avatar-initials"]')).toHaveLength(2)
  })

  it('follows a room: self first, updates as members come and go', () => {
    const env = setupCrowdRoom(3)
    render(<AvatarStack room="lobby" max={2} />, { wrapper: env.wrapper })
    env.commit()
    expect(screen.getAllByRole('img').map((img) => img.getAttribute('aria-label'))).toEqual([
      'User 000000, Active',
      'User 000001, Active',
    ])
    expect(screen.getByRole('button').textContent).toBe('+1')
    env.addUser(9)
    env.commit()
    expect(screen.getByRole('button').textContent).toBe('+2')
    expect(screen.getByRole('group').getAttribute('aria-label')).toBe('4 people online')
    env.destroy()
  })

  it('reports a stack with neither room nor members, without throwing', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    const { container } = render(<AvatarStack {...({} as { room: string })} />)
    expect(container.innerHTML).toBe('')
    expect(errors).toHaveBeenCalledWith(expect.objectContaining({ code: 'invalid-input' }))
    errors.mockRestore()
  })
})
