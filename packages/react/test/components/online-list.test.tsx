import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { Member } from '@presence-kit/core'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { OnlineList } from '../../src/components/online-list/online-list.js'
import { useRoom } from '../../src/hooks/use-room.js'
import { installLayout } from '../support/layout.js'
import { setupCrowdRoom } from '../support/crowd-room.js'

let restoreLayout: () => void
beforeEach(() => {
  restoreLayout = installLayout()
})
afterEach(() => restoreLayout())

function Joined({ children }: { children: React.ReactNode }) {
  useRoom('lobby')
  return <>{children}</>
}

const optionNames = () =>
  screen.getAllByRole('option').map((option) => option.querySelector('[data-presence-name]')?.textContent)

const byIdDescending = (a: Member, b: Member) => (a.userId < b.userId ? 1 : -1)
const renderRow = (member: Member, info: { index: number; status: string; isSelf: boolean }) => (
  <b>{`${info.index}:${member.userId}:${info.status}:${info.isSelf}`}</b>
)

describe('OnlineList', () => {
  it('virtualizes 10,000 members: self first, then by name, a viewport of rows in the DOM', async () => {
    const env = setupCrowdRoom(10_000)
    render(
      <Joined>
        <OnlineList room="lobby" />
      </Joined>,
      { wrapper: env.wrapper },
    )
    env.commit()
    const list = screen.getByRole('listbox', { name: 'Online' })
    const options = within(list).getAllByRole('option')
    // 320 px / 40 px = 8 rows, plus the overscan below.
    expect(options.length).toBeGreaterThanOrEqual(8)
    expect(options.length).toBeLessThanOrEqual(20)
    expect(optionNames().slice(0, 3)).toEqual(['Ada Lovelace', 'User 000000', 'User 000001'])
    expect(options[0]?.hasAttribute('data-self')).toBe(true)
    expect(options[0]?.getAttribute('aria-setsize')).toBe('10001')
    expect(options[1]?.getAttribute('aria-posinset')).toBe('2')
    expect(options[1]?.getAttribute('data-status')).toBe('active')
    expect(options[1]!.textContent).toContain(', Active')
    env.destroy()
  })

  it('is one tab stop; arrows, Home, End and pages move the active option, Enter selects', async () => {
    const user = userEvent.setup()
    const env = setupCrowdRoom(500)
    const onSelect = vi.fn<(member: Member) => void>()
    render(<OnlineList room="lobby" onSelect={onSelect} />, { wrapper: env.wrapper })
    env.commit()
    const list = screen.getByRole('listbox')
    await user.tab()
    expect(document.activeElement).toBe(list)
    expect(list.hasAttribute('aria-activedescendant')).toBe(false)

    await user.keyboard('{ArrowDown}')
    const first = screen.getByRole('option', { name: /User 000000/ })
    expect(list?.getAttribute('aria-activedescendant')).toBe(first.id)
    expect(first?.hasAttribute('data-active')).toBe(true)
    expect(first?.getAttribute('aria-selected')).toBe('true')

    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowUp}')
    expect(document.getElementById(list.getAttribute('aria-activedescendant')!)?.textContent).toContain(
      'User 000001',
    )

    await user.keyboard('{End}')
    const last = await screen.findByRole('option', { name: /User 000499/ })
    expect(list?.getAttribute('aria-activedescendant')).toBe(last.id)
    expect(last?.getAttribute('aria-posinset')).toBe('500')

    await user.keyboard('{PageUp}')
    const pagedUp = document.getElementById(list.getAttribute('aria-activedescendant')!)
    expect(Number(pagedUp?.getAttribute('aria-posinset'))).toBeLessThan(500)
    expect(Number(pagedUp?.getAttribute('aria-posinset'))).toBeGreaterThan(490)

    await user.keyboard('{Home}{Enter}')
    expect(onSelect).toHaveBeenCalledTimes(1)
    expect(onSelect.mock.calls[0]![0].userId).toBe('user-0')

    await user.keyboard('{PageDown}')
    expect(
      document.getElementById(list.getAttribute('aria-activedescendant')!)?.getAttribute('aria-posinset'),
    ).toBe(String(1 + 7))
    env.destroy()
  })

  it('keeps the active option in the page while it is scrolled out of view', async () => {
    const user = userEvent.setup()
    const env = setupCrowdRoom(500)
    render(<OnlineList room="lobby" />, { wrapper: env.wrapper })
    env.commit()
    const list = screen.getByRole('listbox')
    await user.tab()
    await user.keyboard('{ArrowDown}{ArrowDown}')
    const activeId = list.getAttribute('aria-activedescendant')!
    expect(document.getElementById(activeId)?.textContent).toContain('User 000001')

    // Scroll about 300 rows down, as a wheel would, with the active option far above the viewport.
    await act(async () => {
      list.scrollTo({ top: 300 * 40 })
      await new Promise((resolve) => setTimeout(resolve, 0))
    })
    const names = optionNames()
    expect(names).toContain('User 000300')
    expect(list.getAttribute('aria-activedescendant')).toBe(activeId)
    expect(document.getElementById(activeId)?.textContent).toContain('User 000001')
    expect(names.length).toBeLessThanOrEqual(22)
    env.destroy()
  })

  it('a click activates and selects a row', async () => {
    const user = userEvent.setup()
    const env = setupCrowdRoom(3)
    const onSelect = vi.fn<(member: Member) => void>()
    render(<OnlineList room="lobby" onSelect={onSelect} />, { wrapper: env.wrapper })
    env.commit()
    await user.click(screen.getByRole('option', { name: /User 000002/ }))
    expect(onSelect.mock.calls[0]![0].userId).toBe('user-2')
    expect(screen.getByRole('option', { name: /User 000002/ })?.hasAttribute('data-active')).toBe(true)
  })

  it('groups by status with headers and counts', () => {
    const env = setupCrowdRoom(0)
    env.addUser(1)
    env.addUser(2, 'idle')
    env.addUser(3)
    const { container } = render(<OnlineList room="lobby" groupByStatus />, { wrapper: env.wrapper })
    env.commit()
    const headers = container.querySelectorAll('[data-part="online-list-group"]')
    expect([...headers].map((header) => header.textContent)).toEqual(['Active (2)', 'Idle (1)'])
    expect(optionNames()).toEqual(['User 000001', 'User 000003', 'User 000002'])
    // Positions count members only, headers aside.
    expect(screen.getAllByRole('option')[2]?.getAttribute('aria-posinset')).toBe('3')
    env.destroy()
  })

  it('takes a row renderer, a custom order and status wording', () => {
    const env = setupCrowdRoom(3)
    render(<OnlineList room="lobby" sort={byIdDescending} renderRow={renderRow} />, { wrapper: env.wrapper })
    env.commit()
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual([
      '0:user-2:active:false',
      '1:user-1:active:false',
      '2:user-0:active:false',
    ])
    env.destroy()
  })

  it('shows the empty state once synced with nobody there, busy before', () => {
    const env = setupCrowdRoom(0)
    const { rerender } = render(<OnlineList room="lobby" emptyText="Nobody yet" />, { wrapper: env.wrapper })
    expect(screen.getByRole('listbox')?.getAttribute('aria-busy')).toBe('true')
    env.commit()
    expect(screen.queryByRole('listbox')).toBeNull()
    expect(screen.getByText('Nobody yet')).toBeTruthy()
    rerender(<OnlineList room="lobby" emptyState={<em>Invite someone</em>} />)
    expect(screen.getByText('Invite someone')).toBeTruthy()
    env.destroy()
  })

  it('leaves self out when asked, and lists who left recently only when asked', () => {
    const env = setupCrowdRoom(2)
    const { rerender } = render(
      <Joined>
        <OnlineList room="lobby" includeSelf={false} />
      </Joined>,
      { wrapper: env.wrapper },
    )
    env.commit()
    expect(optionNames()).toEqual(['User 000000', 'User 000001'])
    env.hub.removeVirtual('lobby', env.connections[0]!)
    env.commit()
    expect(optionNames()).toEqual(['User 000001'])
    rerender(
      <Joined>
        <OnlineList room="lobby" includeSelf={false} showRecentlyLeft />
      </Joined>,
    )
    expect(optionNames()).toEqual(['User 000001', 'User 000000'])
    expect(screen.getAllByRole('option')[1]?.getAttribute('data-status')).toBe('offline')
    env.destroy()
  })

  it('follows joins and leaves', () => {
    const env = setupCrowdRoom(2)
    render(<OnlineList room="lobby" />, { wrapper: env.wrapper })
    env.commit()
    act(() => {
      env.addUser(7)
      env.hub.removeVirtual('lobby', env.connections[1]!)
    })
    env.commit()
    expect(optionNames()).toEqual(['User 000000', 'User 000007'])
    env.destroy()
  })

  it('renders no row past the last member and sizes the list by its members as they join and leave', () => {
    const env = setupCrowdRoom(3)
    const { container } = render(<OnlineList room="lobby" rowHeight={30} />, { wrapper: env.wrapper })
    env.commit()
    const content = () =>
      container.querySelector<HTMLElement>('[data-part="online-list"] > [role="presentation"]')!
    const rows = () => container.querySelectorAll('[data-part="online-list-row"]')
    // The viewport has room for 11 rows: only the 3 members are rendered.
    expect(optionNames()).toEqual(['User 000000', 'User 000001', 'User 000002'])
    expect(rows().length).toBe(3)
    expect(content().style.height).toBe('90px')
    act(() => {
      env.addUser(3)
    })
    env.commit()
    expect(optionNames()).toEqual(['User 000000', 'User 000001', 'User 000002', 'User 000003'])
    expect(content().style.height).toBe('120px')
    act(() => {
      env.hub.removeVirtual('lobby', env.connections[0]!)
      env.hub.removeVirtual('lobby', env.connections[1]!)
    })
    env.commit()
    expect(optionNames()).toEqual(['User 000002', 'User 000003'])
    expect(rows().length).toBe(2)
    expect(content().style.height).toBe('60px')
    expect(screen.getAllByRole('option').map((option) => option.getAttribute('aria-posinset'))).toEqual([
      '1',
      '2',
    ])
    env.destroy()
  })

  it('with groups, counts the headers in the height and renders none past the last row', () => {
    const env = setupCrowdRoom(0)
    env.addUser(1)
    env.addUser(2, 'idle')
    const { container } = render(<OnlineList room="lobby" groupByStatus rowHeight={30} />, {
      wrapper: env.wrapper,
    })
    env.commit()
    const content = container.querySelector<HTMLElement>('[data-part="online-list"] > [role="presentation"]')!
    expect(content.children.length).toBe(4)
    expect(content.style.height).toBe(`${4 * 30}px`)
    const headers = container.querySelectorAll<HTMLElement>('[data-part="online-list-group"]')
    expect([...headers].map((header) => header.style.transform)).toEqual([
      'translateY(0px)',
      'translateY(60px)',
    ])
    env.destroy()
  })

  it('reads a default row once: the name, then the status; the avatar beside the name is decorative', () => {
    const env = setupCrowdRoom(2)
    render(
      <Joined>
        <OnlineList room="lobby" />
      </Joined>,
      { wrapper: env.wrapper },
    )
    env.commit()
    const self = screen.getByRole('option', { name: 'Ada Lovelace, Active' })
    expect(self.querySelector('[data-part="avatar"]')!.getAttribute('aria-hidden')).toBe('true')
    env.destroy()
  })

  it('keeps a CSS length as given and gives any other unusable height the default, as Vue does', () => {
    const env = setupCrowdRoom(3)
    const heightFor = (height: unknown) => {
      const { unmount } = render(
        <Joined>
          <OnlineList room="lobby" height={height as number} />
        </Joined>,
        { wrapper: env.wrapper },
      )
      env.commit()
      const value = screen.getByRole('listbox').style.height
      unmount()
      return value
    }
    expect(heightFor(200)).toBe('200px')
    expect(heightFor('50vh')).toBe('50vh')
    for (const bad of [Number.NaN, -1, 0, '', '  ', null]) expect(heightFor(bad)).toBe('320px')
    env.destroy()
  })

  it('renders the default row when renderRow is not a function (a `flag && fn` that is false)', () => {
    const env = setupCrowdRoom(1)
    render(
      <Joined>
        <OnlineList room="lobby" renderRow={false as unknown as undefined} />
      </Joined>,
      { wrapper: env.wrapper },
    )
    env.commit()
    expect(screen.getByRole('option', { name: 'Ada Lovelace, Active' })).toBeTruthy()
    env.destroy()
  })

  it('reports a bad room prop in development and renders nothing, without throwing', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    const env = setupCrowdRoom(0)
    const { container } = render(<OnlineList room={42 as unknown as string} />, { wrapper: env.wrapper })
    expect(container.innerHTML).toBe('')
    expect(errors).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'PresenceError', code: 'invalid-input' }),
    )
    errors.mockRestore()
    env.destroy()
  })
})
