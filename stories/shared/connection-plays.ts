// Plays of the honest states: a stale roster says so, a first connection that fails offers a
// retry, and the connection badge keeps its box whatever it says.
import { expect, userEvent, waitFor } from 'storybook/test'
import { DEFAULT_STALE_TEXT } from '@presence-kit/core/ui'
import { findPart, normalizedText, parts, SLOW, type Play } from './play-dom.ts'
import { getStoryPresence } from './presence-fixtures.ts'

const badgeState = (badge: HTMLElement, state: string) =>
  waitFor(() => expect(badge).toHaveAttribute('data-state', state), SLOW)

/** The list is dimmed and described as the last known state, by a note screen readers read. */
export const expectStaleList: Play = async ({ canvasElement }) => {
  const list = await findPart(canvasElement, 'online-list')
  await waitFor(() => expect(list).toHaveAttribute('data-stale'), SLOW)
  const note = await findPart(canvasElement, 'online-list-stale')
  expect(normalizedText(note)).toBe(DEFAULT_STALE_TEXT)
  expect(list).toHaveAttribute('aria-describedby', note.id)
  expect(list).toHaveAccessibleDescription(DEFAULT_STALE_TEXT)
  // A strip of its own above the list: it covers no row, not even the first row's name.
  const strip = note.getBoundingClientRect()
  expect(strip.height).toBeGreaterThan(0)
  expect(strip.bottom).toBeLessThanOrEqual(list.getBoundingClientRect().top)
  const [row] = parts(list, 'online-list-row')
  const name = row!.querySelector('[data-presence-name]')!.getBoundingClientRect()
  expect(name.width).toBeGreaterThan(0)
  expect(intersects(strip, name)).toBe(false)
  // Its text fits on its line, at the width the story gives (a phone's, 375 px).
  expect(note.scrollWidth).toBeLessThanOrEqual(note.clientWidth)
  expect(getComputedStyle(row!).color).not.toBe(getComputedStyle(list).color)
}

const intersects = (a: DOMRect, b: DOMRect) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom

function boxOf(element: Element | null | undefined) {
  expect(element).toBeTruthy()
  const { x, y, width, height } = element!.getBoundingClientRect()
  return { x, y, width, height }
}

/** The boxes of the list, its first row and the row's name, to compare before and after. */
function listBoxes(root: HTMLElement) {
  const list = parts(root, 'online-list')[0]
  const row = list?.querySelector('[role="option"]')
  return { list: boxOf(list), row: boxOf(row), name: boxOf(row?.querySelector('[data-presence-name]')) }
}

/** The stack's avatars are greyed and its name says the count is the last known one. */
export const expectStaleStack: Play = async ({ canvasElement }) => {
  const stack = await findPart(canvasElement, 'avatar-stack')
  await waitFor(() => expect(stack).toHaveAttribute('data-stale'), SLOW)
  expect(stack.getAttribute('aria-label')).toContain(DEFAULT_STALE_TEXT)
  const [avatar] = parts(stack, 'avatar')
  expect(getComputedStyle(avatar!).filter).toBe('grayscale(1)')
}

/** Live again: the list's note and dimming go. */
export const staleListRecovers: Play = async (context) => {
  const list = await findPart(context.canvasElement, 'online-list')
  await waitFor(() => expect(list).toHaveAttribute('data-stale'), SLOW)
  getStoryPresence(context).restoreLink()
  await waitFor(() => expect(list).not.toHaveAttribute('data-stale'), SLOW)
  // The strip stays, holding its room, with nothing to say.
  const [strip] = parts(context.canvasElement, 'online-list-stale')
  expect(normalizedText(strip!)).toBe('')
  expect(list).not.toHaveAttribute('aria-describedby')
}

/**
 * Nothing moves when the list goes stale and back: the list, its first row and the row's name keep
 * their boxes, since the strip's room was held from the start.
 */
export const staleStripMovesNothing: Play = async (context) => {
  const list = await findPart(context.canvasElement, 'online-list')
  await waitFor(() => expect(list.querySelector('[role="option"]')).toBeTruthy(), SLOW)
  await waitFor(() => expect(list).not.toHaveAttribute('data-stale'), SLOW)
  const live = listBoxes(context.canvasElement)
  const presence = getStoryPresence(context)
  presence.dropLink()
  await waitFor(() => expect(list).toHaveAttribute('data-stale'), SLOW)
  expect(normalizedText(parts(context.canvasElement, 'online-list-stale')[0]!)).toBe(DEFAULT_STALE_TEXT)
  expect(listBoxes(context.canvasElement)).toEqual(live)
  presence.restoreLink()
  await waitFor(() => expect(list).not.toHaveAttribute('data-stale'), SLOW)
  expect(listBoxes(context.canvasElement)).toEqual(live)
}

/**
 * The badge's box is the same connected (empty), reconnecting and back: what lies around it never
 * moves when it appears.
 */
export const badgeKeepsItsBox: Play = async (context) => {
  const badge = await findPart(context.canvasElement, 'connection-status')
  await badgeState(badge, 'connected')
  const box = () => {
    const { x, y, width, height } = badge.getBoundingClientRect()
    return { x, y, width, height }
  }
  const before = box()
  expect(before.width).toBeGreaterThan(0)
  expect(before.height).toBeGreaterThan(0)
  const presence = getStoryPresence(context)
  presence.dropLink()
  await badgeState(badge, 'reconnecting')
  expect(normalizedText(badge)).toBe('Reconnecting…')
  expect(box()).toEqual(before)
  presence.restoreLink()
  await badgeState(badge, 'connected')
  expect(box()).toEqual(before)
}

/**
 * A first connection that outlives its deadline reports a failure with a retry button; the
 * button calls `onRetry` and starts the deadline again.
 */
export const failureOffersRetry: Play = async ({ canvasElement, args }) => {
  const badge = await findPart(canvasElement, 'connection-status')
  await badgeState(badge, 'failed')
  const [label] = parts(badge, 'connection-status-label')
  expect(label?.firstChild?.textContent).toBe('Couldn’t connect')
  const [button] = parts(badge, 'connection-status-retry')
  expect(button).toHaveAccessibleName('Retry')
  await userEvent.click(button!)
  expect(args['onRetry']).toHaveBeenCalledTimes(1)
  await badgeState(badge, 'connecting')
  await badgeState(badge, 'failed')
}

/** The backend gave up: a failure, with the retry button the story's `onRetry` brings. */
export const expectFailed: Play = async ({ canvasElement }) => {
  const badge = await findPart(canvasElement, 'connection-status')
  await badgeState(badge, 'failed')
  expect(badge).toHaveAttribute('data-connection', 'failed')
  expect(parts(badge, 'connection-status-retry')).toHaveLength(1)
}
