// Play functions shared by the React and the Vue stories: they drive the rendered DOM (roles,
// labels, data-part) and the story's presence, never a framework, so both frameworks pass the same
// checks.
import { formatChipCount, formatCount } from '@presence-kit/core/ui'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { findPart, liveRegion, normalizedText, parts, SLOW, type Play } from './play-dom.ts'
import { getStoryPresence, STORY_ROOM } from './presence-fixtures.ts'
import type { RoomState } from '@presence-kit/core'

export type { Play, PlayContext } from './play-dom.ts'

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

/** The story's room is in this state in the core's store (e.g. not synced yet, or stale). */
export function expectRoomState(expected: Partial<Pick<RoomState, 'status' | 'synced' | 'stale'>>): Play {
  return async (context) => {
    const room = getStoryPresence(context).client.room(STORY_ROOM)
    await waitFor(() => expect(room.store.getState()).toMatchObject(expected), SLOW)
  }
}

/**
 * Loading, and staying so: the room is not synced, and its first snapshot waits in the hub rather
 * than being about to commit.
 */
export const expectNotSyncedYet: Play = async (context) => {
  await expectRoomState({ synced: false })(context)
  const pending = getStoryPresence(context).hub.pending()
  expect(pending.map((message) => message.method)).toContain('snapshot')
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

/** The stack's own avatars, not those in the list behind "+N". */
function stackAvatars(stack: HTMLElement): HTMLElement[] {
  return parts(stack, 'avatar').filter(
    (avatar) => avatar.closest('[data-part="avatar-overflow-list"]') === null,
  )
}

/**
 * Each avatar of the stack is an image named after its member and carries the member's status
 * (`data-status`), in this order; members who left are not in the stack.
 */
export function expectAvatarStatuses(expected: readonly (readonly [name: string, status: string])[]): Play {
  return async ({ canvasElement }) => {
    const stack = await findPart(canvasElement, 'avatar-stack')
    await waitFor(() => {
      const shown = stackAvatars(stack).map((avatar) => [
        avatar.getAttribute('role') === 'img' ? avatar.getAttribute('aria-label') : null,
        avatar.getAttribute('data-status'),
      ])
      expect(shown).toEqual(expected.map(([name, status]) => [name, status]))
    }, SLOW)
  }
}

/**
 * Stacks of these sizes, in this order: every avatar of a stack is a circle of one size, and the
 * sizes grow from one stack to the next.
 */
export function expectAvatarSizes(sizes: readonly string[]): Play {
  return async ({ canvasElement }) => {
    const widths = await waitFor(() => {
      const stacks = parts(canvasElement, 'avatar-stack')
      expect(stacks.map((stack) => stack.getAttribute('data-size'))).toEqual([...sizes])
      return stacks.map((stack) => {
        const boxes = stackAvatars(stack).map((avatar) => avatar.getBoundingClientRect())
        expect(boxes.length).toBeGreaterThan(1)
        for (const box of boxes) {
          expect(box.width).toBeCloseTo(boxes[0]?.width ?? 0, 1)
          expect(box.height).toBeCloseTo(box.width, 1)
        }
        return boxes[0]?.width ?? 0
      })
    }, SLOW)
    for (let i = 1; i < widths.length; i++) expect(widths[i]).toBeGreaterThan(widths[i - 1] ?? Infinity)
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

  // Each avatar is a tab stop before it.
  const avatars = button.parentElement!.querySelectorAll(':scope > [data-part="avatar"]')
  await userEvent.click(document.body)
  for (const avatar of avatars) {
    await userEvent.tab()
    expect(avatar).toHaveFocus()
  }
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
        : // The label is "name, status".
          (avatar.getAttribute('aria-label')?.replace(/, [^,]+$/, '') ?? null),
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

/**
 * Before the first snapshot: someone's typing signal waits in the hub, the indicator shows nobody,
 * and its live region is already there to announce typers once the roster arrives.
 */
export const expectNoTypingBeforeSync: Play = async (context) => {
  await expectNotSyncedYet(context)
  const pending = getStoryPresence(context).hub.pending()
  expect(pending.map((message) => message.method)).toContain('typing')
  await expectTypingSentence('')(context)
  const indicator = await findPart(context.canvasElement, 'typing-indicator')
  expect(indicator).not.toHaveAttribute('data-active')
  expect(parts(indicator, 'typing-dots')[0]).not.toBeVisible()
}

/**
 * A crowd typing: the sentence names the first two and counts the rest ("and 1000 others"), and it
 * stays one short sentence in the same few elements however many type.
 */
export function expectTypingCrowd(first: string, second: string, others: number): Play {
  return async (context) => {
    await expectTypingSentence(`${first}, ${second} and ${others} others are typing…`)(context)
    const indicator = await findPart(context.canvasElement, 'typing-indicator')
    // The dots (a span of three) and the live region: nothing per typer.
    expect(indicator.querySelectorAll('*')).toHaveLength(5)
    expect(normalizedText(indicator).length).toBeLessThan(first.length + second.length + 40)
  }
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
