// Checks of the people you can explore, the same in React and Vue: avatars and rows that open a
// member's card on hover and on focus, close it on Escape and when left, say typing, and report
// the member picked with Enter or a click.
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { parts, SLOW, type Play, type PlayContext } from './play-dom.ts'

/** The open card: the one element of its part in the page, with the member's name. */
function openCard(name: string): Promise<HTMLElement> {
  return waitFor(() => {
    const cards = parts(document, 'hover-card')
    expect(cards, 'one card at a time').toHaveLength(1)
    const card = cards[0]!
    expect(within(card).getByText(name)).toBeTruthy()
    return card
  }, SLOW)
}

function noCard(): Promise<void> {
  return waitFor(() => expect(parts(document, 'hover-card')).toHaveLength(0), SLOW)
}

/** The card is the description of what opened it, and reads what the card shows. */
function expectDescribes(trigger: HTMLElement, card: HTMLElement) {
  expect(card.id).not.toBe('')
  expect(trigger.getAttribute('aria-describedby')?.split(' ')).toContain(card.id)
  expect(card).toHaveAttribute('aria-hidden', 'true')
}

function stackAvatar(root: HTMLElement, userId: string): Promise<HTMLElement> {
  return waitFor(() => {
    const avatar = root.querySelector<HTMLElement>(
      `[data-part="avatar-stack"] > [data-part="avatar"][data-user-id="${userId}"]`,
    )
    expect(avatar, `no avatar of ${userId}`).not.toBeNull()
    return avatar!
  }, SLOW)
}

function row(root: HTMLElement, userId: string): Promise<HTMLElement> {
  return waitFor(() => {
    const option = root.querySelector<HTMLElement>(`[role="option"][data-user-id="${userId}"]`)
    expect(option, `no row of ${userId}`).not.toBeNull()
    return option!
  }, SLOW)
}

const selectMock = (args: PlayContext['args']) =>
  args['onSelect'] as ReturnType<typeof import('storybook/test').fn>

/**
 * Resting the pointer on Katherine (idle) opens her card after a moment: her name, "Idle · N min"
 * with the badge, the other room she is in and the app's own content. Moving onto the card keeps
 * it; leaving closes it.
 */
export const hoverStackAvatarOpensCard: Play = async ({ canvasElement }) => {
  const body = canvasElement.ownerDocument.body
  const avatar = await stackAvatar(canvasElement, 'katherine')
  await userEvent.hover(avatar)
  const card = await openCard('Katherine Johnson')
  expectDescribes(avatar, card)
  expect(card).toHaveAttribute('data-status', 'idle')
  expect(within(card).getByText(/^Idle · \d+ min$/)).toBeTruthy()
  expect(card.querySelector('[data-part="activity-dot"][data-status="idle"]')).not.toBeNull()
  expect(within(card).getByText('design')).toBeTruthy()
  expect(card).toHaveTextContent('Also in design')
  expect(card).toHaveTextContent('Local time')
  // Inside the viewport, beside the avatar.
  const box = card.getBoundingClientRect()
  expect(box.left).toBeGreaterThanOrEqual(0)
  expect(box.right).toBeLessThanOrEqual(window.innerWidth)

  // The pointer leaves the stack and, across the gap, comes onto the card: it stays (WCAG 1.4.13).
  // One movement, its steps with no pause between them: as separate calls, a busy page could let
  // the close delay run out before the pointer arrives, which a hand crossing the gap does not.
  const user = userEvent.setup({ delay: null })
  await user.pointer([{ target: avatar }, { target: body }, { target: card }])
  await new Promise((resolve) => setTimeout(resolve, 400))
  expect(parts(document, 'hover-card')).toHaveLength(1)

  // And leaves everything: it closes, and the avatar is described by nothing that is gone.
  await user.pointer({ target: body })
  await noCard()
  expect(avatar).not.toHaveAttribute('aria-describedby')
}

/** Grace types: her card says so. Escape closes a card opened by the pointer, and it stays closed. */
export const hoverCardSaysTypingAndEscapeCloses: Play = async ({ canvasElement }) => {
  const avatar = await stackAvatar(canvasElement, 'grace')
  await userEvent.hover(avatar)
  const card = await openCard('Grace Hopper')
  await waitFor(() => expect(card).toHaveTextContent('typing…'), SLOW)
  await userEvent.keyboard('{Escape}')
  await noCard()
  await new Promise((resolve) => setTimeout(resolve, 700))
  expect(parts(document, 'hover-card'), 'resting on the avatar does not open it again').toHaveLength(0)
  await userEvent.unhover(avatar)
}

/**
 * Tab reaches each avatar in turn (each is a tab stop), and the card opens at once on focus; Enter
 * and a click report the member; Escape closes the card and leaves the focus on the avatar.
 */
export const stackKeyboardOpensCardAndSelects: Play = async ({ canvasElement, args }) => {
  const onSelect = selectMock(args)
  const stack = await waitFor(() => {
    const found = parts(canvasElement, 'avatar-stack')[0]
    expect(found?.querySelectorAll('[data-part="avatar"][data-user-id]').length).toBeGreaterThan(2)
    return found!
  }, SLOW)
  const avatars = [...stack.querySelectorAll<HTMLElement>(':scope > [data-part="avatar"]')]
  await userEvent.click(document.body)
  await userEvent.tab()
  expect(avatars[0]).toHaveFocus()
  expect(avatars[0]).toHaveAttribute('tabindex', '0')
  const first = await openCard(avatars[0]!.getAttribute('aria-label')!.split(',')[0]!)
  expectDescribes(avatars[0]!, first)

  await userEvent.tab()
  expect(avatars[1]).toHaveFocus()
  const second = await openCard(avatars[1]!.getAttribute('aria-label')!.split(',')[0]!)
  expectDescribes(avatars[1]!, second)
  expect(avatars[0]).not.toHaveAttribute('aria-describedby')

  await userEvent.keyboard('{Escape}')
  await noCard()
  expect(avatars[1]).toHaveFocus()

  onSelect.mockClear()
  await userEvent.keyboard('{Enter}')
  expect(onSelect).toHaveBeenCalledTimes(1)
  expect(onSelect.mock.calls[0]?.[0]).toMatchObject({ userId: avatars[1]!.getAttribute('data-user-id') })
  await userEvent.keyboard(' ')
  expect(onSelect).toHaveBeenCalledTimes(2)
  await userEvent.click(avatars[2]!)
  expect(onSelect).toHaveBeenCalledTimes(3)
  expect(onSelect.mock.calls[2]?.[0]).toMatchObject({ userId: avatars[2]!.getAttribute('data-user-id') })
  // Shift+Tab goes back along the avatars.
  avatars[2]!.focus()
  await userEvent.tab({ shift: true })
  expect(avatars[1]).toHaveFocus()
}

/** In the open "+N" list, a person takes focus, opens their card, and Enter reports them. */
export const overflowItemOpensCardAndSelects: Play = async ({ canvasElement, args }) => {
  const onSelect = selectMock(args)
  const button = await waitFor(() => {
    const found = parts(canvasElement, 'avatar-overflow')[0]
    expect(found).toBeDefined()
    return found!
  }, SLOW)
  button.focus()
  await userEvent.keyboard('{Enter}')
  await waitFor(() => expect(button).toHaveAttribute('aria-expanded', 'true'))
  const item = await waitFor(() => {
    const found = canvasElement.querySelector<HTMLElement>(
      '[data-part="avatar-overflow-list"] > li[data-user-id]',
    )
    expect(found).not.toBeNull()
    return found!
  })
  item.focus()
  const name = item.querySelector('[data-presence-name]')!.textContent!
  const card = await openCard(name)
  expectDescribes(item, card)
  onSelect.mockClear()
  await userEvent.keyboard('{Enter}')
  expect(onSelect.mock.calls[0]?.[0]).toMatchObject({ userId: item.getAttribute('data-user-id') })
  // The first Escape closes the card, the second the list.
  await userEvent.keyboard('{Escape}')
  await noCard()
  expect(button).toHaveAttribute('aria-expanded', 'true')
  await userEvent.keyboard('{Escape}')
  await waitFor(() => expect(button).toHaveAttribute('aria-expanded', 'false'))
}

/** A typing member's row shows the dots and says "typing" in its name; the others do not. */
export const rowSaysTyping: Play = async ({ canvasElement }) => {
  const grace = await row(canvasElement, 'grace')
  await waitFor(() => expect(grace.querySelector('[data-part="member-typing"]')).not.toBeNull(), SLOW)
  expect(grace.textContent).toMatch(/Grace Hopper.*, typing….*Active/)
  const dots = grace.querySelector('[data-part="typing-dots"]')!
  expect(dots).toHaveAttribute('aria-hidden', 'true')
  expect(dots.getBoundingClientRect().width).toBeGreaterThan(0)
  const alan = await row(canvasElement, 'alan')
  expect(alan.querySelector('[data-part="member-typing"]')).toBeNull()
  expect(alan.textContent).not.toContain('typing')
}

/**
 * Arrowing through the focused list opens the active row's card at once; Escape closes it with
 * the focus kept on the list; hovering a row opens its card too, and a click reports it.
 */
export const listRowsOpenCards: Play = async ({ canvasElement, args }) => {
  const onSelect = selectMock(args)
  const listbox = await within(canvasElement).findByRole('listbox')
  await row(canvasElement, 'grace')
  await userEvent.click(document.body)
  await userEvent.tab()
  expect(listbox).toHaveFocus()
  await userEvent.keyboard('{ArrowDown}')
  const active = () => document.getElementById(listbox.getAttribute('aria-activedescendant') ?? '')!
  const firstName = await waitFor(() => active().querySelector('[data-presence-name]')!.textContent!)
  const first = await openCard(firstName)
  expectDescribes(active(), first)
  await userEvent.keyboard('{ArrowDown}')
  const secondName = await waitFor(() => {
    const name = active().querySelector('[data-presence-name]')!.textContent!
    expect(name).not.toBe(firstName)
    return name
  })
  const second = await openCard(secondName)
  expectDescribes(active(), second)
  await userEvent.keyboard('{Escape}')
  await noCard()
  expect(listbox).toHaveFocus()

  const grace = await row(canvasElement, 'grace')
  await userEvent.hover(grace)
  const card = await openCard('Grace Hopper')
  expectDescribes(grace, card)
  await waitFor(() => expect(card).toHaveTextContent('typing…'), SLOW)
  onSelect.mockClear()
  await userEvent.click(grace)
  expect(onSelect.mock.calls[0]?.[0]).toMatchObject({ userId: 'grace' })
  await userEvent.unhover(grace)
  await userEvent.hover(document.body)
}
