// Play functions shared by the React and the Vue stories: they drive the rendered DOM (roles,
// labels, data-part) and the story's presence, never a framework, so both frameworks pass the same
// checks.
import { formatChipCount, formatCount } from '@presence-kit/core/ui'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { getStoryPresence } from './presence-fixtures.ts'

export interface PlayContext {
  readonly canvasElement: HTMLElement
  readonly loaded: Record<string, unknown>
  readonly args: Record<string, unknown>
}

export type Play = (context: PlayContext) => Promise<void>

// The big room's renders and the first commits take a while on a slow machine.
const SLOW = { timeout: 5_000 }

const parts = (root: ParentNode, name: string) => [
  ...root.querySelectorAll<HTMLElement>(`[data-scope="presence"][data-part="${name}"]`),
]

/** Plays one after another. */
export function allOf(...plays: Play[]): Play {
  return async (context) => {
    for (const play of plays) await play(context)
  }
}

/** The room summary of the hook and composable stories shows these values. */
export function expectRoomSummary(expected: {
  status?: string
  synced?: string
  stale?: string
  count?: string
}): Play {
  return async ({ canvasElement }) => {
    const summary = await within(canvasElement).findByTestId('room-summary')
    const value = (term: string) => {
      const terms = [...summary.querySelectorAll('dt')]
      return terms.find((dt) => dt.textContent === term)?.nextElementSibling?.textContent
    }
    await waitFor(() => {
      if (expected.status !== undefined) expect(value('Link')).toBe(expected.status)
      if (expected.synced !== undefined) expect(value('Synced')).toBe(expected.synced)
      if (expected.stale !== undefined) expect(value('Stale')).toBe(expected.stale)
      if (expected.count !== undefined) expect(value('Online')).toBe(expected.count)
    })
  }
}

// ---------------------------------------------------------------------------------------------
// OnlineList

/**
 * The list has `setSize` members (`aria-setsize` on every option) and all of them are rendered:
 * for lists that fit the viewport.
 */
export function expectOptions(setSize: number, count = setSize): Play {
  return async ({ canvasElement }) => {
    const listbox = await within(canvasElement).findByRole('listbox', {}, SLOW)
    await waitFor(() => {
      const options = within(listbox).queryAllByRole('option')
      expect(options).toHaveLength(count)
      for (const option of options) expect(option).toHaveAttribute('aria-setsize', String(setSize))
    }, SLOW)
  }
}

/** Before the first roster: the list says it is busy. */
export const expectListLoading: Play = async ({ canvasElement }) => {
  const listbox = await within(canvasElement).findByRole('listbox')
  expect(listbox).toHaveAttribute('aria-busy', 'true')
}

/** Nobody there: the empty text, and no listbox to tab into. */
export const expectListEmpty: Play = async ({ canvasElement }) => {
  const canvas = within(canvasElement)
  await canvas.findByText(/Nobody is here yet/)
  expect(canvas.queryByRole('listbox')).toBeNull()
}

/** Rows show the status in words, not only as a colour. */
export function expectStatusesListed(statuses: readonly string[]): Play {
  return async ({ canvasElement }) => {
    const listbox = await within(canvasElement).findByRole('listbox')
    await waitFor(() => {
      const shown = within(listbox)
        .queryAllByRole('option')
        .map((option) => option.querySelector('[data-status]')?.getAttribute('data-status'))
      expect(new Set(shown)).toEqual(new Set(statuses))
    })
  }
}

/** Status groups have a header each, hidden from assistive technology (the rows say the status). */
export function expectGroups(statuses: readonly string[]): Play {
  return async ({ canvasElement }) => {
    await waitFor(() => {
      const headers = parts(canvasElement, 'online-list-group')
      expect(headers.map((header) => header.getAttribute('data-status'))).toEqual([...statuses])
      for (const header of headers) expect(header).toHaveAttribute('aria-hidden', 'true')
    })
  }
}

function activeOption(listbox: HTMLElement): HTMLElement | null {
  const id = listbox.getAttribute('aria-activedescendant')
  return id === null || id === '' ? null : document.getElementById(id)
}

function position(option: HTMLElement | null): number {
  return Number(option?.getAttribute('aria-posinset'))
}

/**
 * One tab stop; ArrowDown, ArrowUp, End and Home move the active option (`aria-activedescendant`,
 * `data-active`), and Enter selects it (`onSelect` in React, `select` in Vue: the same arg).
 */
export const arrowThroughOnlineList: Play = async ({ canvasElement, args }) => {
  const listbox = await within(canvasElement).findByRole('listbox')
  const setSize = await waitFor(() => {
    const first = within(listbox).getAllByRole('option')[0]
    expect(first).toBeDefined()
    return Number(first?.getAttribute('aria-setsize'))
  })
  expect(setSize).toBeGreaterThan(2)

  await userEvent.click(document.body)
  await userEvent.tab()
  expect(listbox).toHaveFocus()

  await userEvent.keyboard('{ArrowDown}')
  const first = await waitFor(() => {
    const option = activeOption(listbox)
    expect(option).not.toBeNull()
    return option
  })
  expect(first).toHaveAttribute('data-active')
  const start = position(first)

  await userEvent.keyboard('{ArrowDown}')
  await waitFor(() => expect(position(activeOption(listbox))).toBe(start + 1))
  expect(activeOption(listbox)).toHaveAttribute('data-active')
  expect(first).not.toHaveAttribute('data-active')

  await userEvent.keyboard('{ArrowUp}')
  await waitFor(() => expect(position(activeOption(listbox))).toBe(start))

  await userEvent.keyboard('{End}')
  await waitFor(() => expect(position(activeOption(listbox))).toBe(setSize))
  await userEvent.keyboard('{Home}')
  await waitFor(() => expect(position(activeOption(listbox))).toBe(1))

  await userEvent.keyboard('{ArrowDown}')
  await waitFor(() => expect(position(activeOption(listbox))).toBe(2))
  const chosen = activeOption(listbox)?.textContent ?? ''
  await userEvent.keyboard('{Enter}')
  const onSelect = args['onSelect']
  expect(onSelect).toHaveBeenCalledTimes(1)
  const [member] = (onSelect as { mock: { calls: [{ info?: { name?: string } }][] } }).mock.calls[0] ?? []
  expect(chosen).toContain(member?.info?.name ?? '(no name)')
  // Focus stays on the list: it is one tab stop, whatever the active row.
  expect(listbox).toHaveFocus()
}

/**
 * 100,000 members: the list knows them all (`aria-setsize`) but keeps about a viewport of rows in
 * the page, also after End brought the last one into view.
 */
export const scrollHundredThousand: Play = async ({ canvasElement }) => {
  const listbox = await within(canvasElement).findByRole('listbox', {}, SLOW)
  const total = 100_001 // the crowd and the local user
  await waitFor(() => {
    const options = within(listbox).getAllByRole('option')
    expect(options[0]).toHaveAttribute('aria-setsize', String(total))
  }, SLOW)
  const maxRows = 100
  expect(within(listbox).getAllByRole('option').length).toBeLessThanOrEqual(maxRows)

  await userEvent.click(document.body)
  await userEvent.tab()
  expect(listbox).toHaveFocus()
  await userEvent.keyboard('{End}')
  await waitFor(() => {
    const option = activeOption(listbox)
    expect(position(option)).toBe(total)
    expect(option).toBeVisible()
  }, SLOW)
  expect(listbox.scrollTop).toBeGreaterThan(0)
  expect(within(listbox).getAllByRole('option').length).toBeLessThanOrEqual(maxRows)
}

// ---------------------------------------------------------------------------------------------
// AvatarStack

function overflowButton(canvasElement: HTMLElement): Promise<HTMLElement> {
  return waitFor(() => {
    const [button] = parts(canvasElement, 'avatar-overflow')
    expect(button).toBeDefined()
    return button as HTMLElement
  })
}

/** The stack shows this many avatars, then "+N" for the rest. */
export function expectAvatars(visible: number, overflow?: number): Play {
  return async ({ canvasElement }) => {
    await waitFor(() => {
      const [stack] = parts(canvasElement, 'avatar-stack')
      expect(stack).toBeDefined()
      // The stack's own avatars, not those in the list behind "+N".
      const shown = parts(stack as HTMLElement, 'avatar').filter(
        (avatar) => avatar.closest('[data-part="avatar-overflow-list"]') === null,
      )
      expect(shown).toHaveLength(visible)
    }, SLOW)
    const buttons = parts(canvasElement, 'avatar-overflow')
    if (overflow === undefined) expect(buttons).toHaveLength(0)
    else {
      // The chip turns compact from 1,000 on; its label reads the whole count.
      expect(buttons[0]).toHaveTextContent(`+${formatChipCount(overflow)}`)
      expect(buttons[0]?.getAttribute('aria-label')).toContain(formatCount(overflow))
    }
  }
}

/**
 * "+N" is a button: Enter opens the list of the hidden members (`aria-expanded`, `aria-controls`,
 * `data-state`), Escape closes it with focus back on the button; a press outside closes it too.
 */
export const openOverflowWithKeyboard: Play = async ({ canvasElement }) => {
  const button = await overflowButton(canvasElement)
  expect(button.tagName).toBe('BUTTON')
  expect(button).toHaveAttribute('aria-expanded', 'false')
  const list = document.getElementById(button.getAttribute('aria-controls') ?? '')
  expect(list).not.toBeNull()
  expect(list).not.toBeVisible()
  const hiddenCount = Number(button.textContent?.replace(/\D/g, ''))

  await userEvent.click(document.body)
  await userEvent.tab()
  expect(button).toHaveFocus()
  await userEvent.keyboard('{Enter}')
  await waitFor(() => expect(button).toHaveAttribute('aria-expanded', 'true'))
  expect(list).toBeVisible()
  expect(list).toHaveAttribute('data-state', 'open')
  expect(within(list as HTMLElement).getAllByRole('listitem')).toHaveLength(hiddenCount)
  expect(list).toHaveTextContent('Tim Berners-Lee')

  await userEvent.keyboard('{Escape}')
  await waitFor(() => expect(button).toHaveAttribute('aria-expanded', 'false'))
  expect(list).not.toBeVisible()
  expect(button).toHaveFocus()

  // Space opens it too; a press outside closes it, and focus goes where the press went.
  await userEvent.keyboard(' ')
  await waitFor(() => expect(button).toHaveAttribute('aria-expanded', 'true'))
  await userEvent.click(document.body)
  await waitFor(() => expect(button).toHaveAttribute('aria-expanded', 'false'))
  expect(list).not.toBeVisible()
}

/**
 * Avatars whose URL is unsafe or does not load end in initials, each person still named: by the
 * avatar's label, or, where the avatar is decorative (a list row), by the name written beside it.
 */
export function expectInitialsOnly(names: readonly string[]): Play {
  return async ({ canvasElement }) => {
    await waitFor(() => {
      const avatars = parts(canvasElement, 'avatar')
      expect(avatars.length).toBeGreaterThanOrEqual(names.length)
      expect(parts(canvasElement, 'avatar-image')).toHaveLength(0)
      expect(parts(canvasElement, 'avatar-initials')).toHaveLength(avatars.length)
    }, SLOW)
    const named = parts(canvasElement, 'avatar').map((avatar) =>
      avatar.getAttribute('aria-hidden') === 'true'
        ? (avatar.parentElement?.querySelector('[data-presence-name]')?.textContent ?? null)
        : avatar.getAttribute('aria-label'),
    )
    expect(named).toEqual(expect.arrayContaining([...names]))
  }
}

/** Avatars with a good URL show the picture. */
export const expectImages: Play = async ({ canvasElement }) => {
  await waitFor(() => {
    const images = parts(canvasElement, 'avatar-image') as HTMLImageElement[]
    expect(images.length).toBeGreaterThan(0)
    for (const image of images) expect(image.complete && image.naturalWidth > 0).toBe(true)
  }, SLOW)
}

// ---------------------------------------------------------------------------------------------
// TypingIndicator, ConnectionStatus, ActivityDot

async function liveRegion(canvasElement: HTMLElement, part: string): Promise<HTMLElement> {
  return waitFor(() => {
    const [root] = parts(canvasElement, part)
    expect(root).toBeDefined()
    const region = root?.matches('[role="status"]') ? root : root?.querySelector('[role="status"]')
    expect(region).toBeTruthy()
    return region as HTMLElement
  })
}

function normalizedText(element: HTMLElement): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim()
}

/** The typing sentence reads exactly this ('' for nobody), in a polite live region. */
export function expectTypingSentence(sentence: string): Play {
  return async ({ canvasElement }) => {
    const region = await liveRegion(canvasElement, 'typing-indicator')
    expect(region).toHaveAttribute('aria-live', 'polite')
    await waitFor(() => expect(normalizedText(region)).toBe(sentence), SLOW)
    for (const dots of parts(canvasElement, 'typing-dots'))
      expect(dots).toHaveAttribute('aria-hidden', 'true')
  }
}

/** Members start and stop typing; the sentence follows, and clears when the last one stops. */
export const typingAppearsAndClears: Play = async (context) => {
  const presence = getStoryPresence(context)
  const region = await liveRegion(context.canvasElement, 'typing-indicator')
  const sentence = (text: string) => waitFor(() => expect(normalizedText(region)).toBe(text), SLOW)
  const [indicator] = parts(context.canvasElement, 'typing-indicator')

  await sentence('')
  presence.startTyping('grace')
  await sentence('Grace Hopper is typing…')
  expect(indicator).toHaveAttribute('data-active')
  presence.startTyping('alan')
  await sentence('Grace Hopper and Alan Turing are typing…')
  presence.stopTyping('grace')
  await sentence('Alan Turing is typing…')
  presence.stopTyping('alan')
  await sentence('')
  expect(indicator).not.toHaveAttribute('data-active')
}

/** The connection badge says this ('' once connected), as `data-connection`. */
export function expectConnection(connection: string, text: string): Play {
  return async ({ canvasElement }) => {
    const region = await liveRegion(canvasElement, 'connection-status')
    await waitFor(() => {
      expect(region).toHaveAttribute('data-connection', connection)
      expect(normalizedText(region)).toBe(text)
    }, SLOW)
  }
}

/** The dot carries the status, and says it in words. */
export function expectActivity(status: string, label: string): Play {
  return async ({ canvasElement }) => {
    await waitFor(() => {
      const [dot] = parts(canvasElement, 'activity-dot')
      expect(dot).toHaveAttribute('data-status', status)
      expect(dot).toHaveTextContent(label)
    })
  }
}

// ---------------------------------------------------------------------------------------------
// Live crowd

/** The crowd is alive: the roster is in, and within seconds someone types and someone arrives or leaves. */
export const expectLiveCrowd: Play = async ({ canvasElement, args }) => {
  const members = Number(args['members'])
  const listbox = await within(canvasElement).findByRole('listbox', {}, SLOW)
  const setSize = () => Number(within(listbox).queryAllByRole('option')[0]?.getAttribute('aria-setsize'))
  await waitFor(() => expect(setSize()).toBeGreaterThan(members * 0.9), SLOW)
  const region = await liveRegion(canvasElement, 'typing-indicator')
  await waitFor(() => expect(normalizedText(region)).toMatch(/typing…$/), SLOW)
  const before = listbox.querySelector('[role="option"]')?.parentElement?.textContent
  const sizeBefore = setSize()
  await waitFor(() => {
    const changed =
      setSize() !== sizeBefore ||
      listbox.querySelector('[role="option"]')?.parentElement?.textContent !== before
    expect(changed).toBe(true)
  }, SLOW)
}
