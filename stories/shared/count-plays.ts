// Plays of a count-only room (one too big to list, whose backend sends only its number of users)
// and of the connection badge's own retry: the same in React and Vue.
import { expect, userEvent, waitFor } from 'storybook/test'
import { findPart, normalizedText, parts, SLOW, type Play } from './play-dom.ts'
import { getStoryPresence, STORY_ROOM } from './presence-fixtures.ts'

/** The room's count as the store has it, once the count arrived. */
async function roomCount(context: Parameters<Play>[0]): Promise<number> {
  const room = getStoryPresence(context).client.room(STORY_ROOM)
  await waitFor(() => expect(room.get().mode).toBe('count'), SLOW)
  return room.get().count
}

/** The list says "N online" in a named group: no listbox, no rows, no empty state. */
export const expectOnlineCount: Play = async (context) => {
  const count = await roomCount(context)
  const list = await findPart(context.canvasElement, 'online-list')
  await waitFor(() => expect(list).toHaveAttribute('data-state', 'count'), SLOW)
  expect(list).toHaveAttribute('role', 'group')
  expect(list).toHaveAccessibleName('Online')
  expect(normalizedText(list)).toBe(`${count.toLocaleString('en')} online`)
  expect(context.canvasElement.querySelector('[role="listbox"], [role="option"]')).toBeNull()
}

/** The stack counts the room in its name and in a "+N" chip that is not a button. */
export const expectCountChip: Play = async (context) => {
  const count = await roomCount(context)
  const stack = await findPart(context.canvasElement, 'avatar-stack')
  await waitFor(() => expect(stack).toHaveAccessibleName(`${count.toLocaleString('en')} people online`), SLOW)
  const [chip] = parts(stack, 'avatar-overflow')
  expect(chip?.tagName).toBe('SPAN')
  expect(chip).toHaveAttribute('aria-hidden', 'true')
  expect(normalizedText(chip!)).toMatch(/^\+\d+(\.\d)?K$/)
  expect(stack.querySelector('button')).toBeNull()
  // The chip has the look of the "+N" button: a circle of its own, not bare text.
  expect(chip!.getBoundingClientRect().width).toBeGreaterThan(16)
}

/**
 * Without `onRetry`, the failure's button retries through the room itself: the adapter opens the
 * room again and the badge clears once it is connected.
 */
export const retryThroughRoom: Play = async (context) => {
  const badge = await findPart(context.canvasElement, 'connection-status')
  await waitFor(() => expect(badge).toHaveAttribute('data-state', 'failed'), SLOW)
  const [button] = parts(badge, 'connection-status-retry')
  expect(button).toHaveAccessibleName('Retry')
  await userEvent.click(button!)
  await waitFor(() => expect(badge).toHaveAttribute('data-state', 'connected'), SLOW)
  expect(normalizedText(badge)).toBe('')
}
