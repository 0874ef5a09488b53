// Plays of the live stories, where a simulated crowd keeps the room busy while the play watches.
import { formatChipCount, formatCount } from '@presence-kit/core/ui'
import { expect, waitFor, within } from 'storybook/test'
import { formatBatching } from './batching-meter.ts'
import { liveRegion, normalizedText, parts, SLOW, type Play } from './play-dom.ts'

// Rows the list keeps in the page at most, whatever the room's size: about a viewport's worth.
const MAX_ROWS = 100
// The stack shows 5 avatars; the list behind "+N" names at most 50 people.
const MAX_STACK_AVATARS = 5 + 50

function onlineCount(element: HTMLElement): number {
  return Number(normalizedText(element).replace(/\D/g, ''))
}

function readoutCounts(readout: HTMLElement): { events: number; updates: number } {
  return { events: Number(readout.dataset['events']), updates: Number(readout.dataset['updates']) }
}

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

/**
 * The readout beside "N online" shows the events the client received and the store updates made
 * of them; once the crowd has churned a while, there are fewer updates than events: batching.
 */
export const expectBatching: Play = async ({ canvasElement }) => {
  const readout = await within(canvasElement).findByTestId('batching-readout', {}, SLOW)
  const start = readoutCounts(readout)
  await waitFor(() => expect(readoutCounts(readout).events).toBeGreaterThanOrEqual(start.events + 40), {
    timeout: 15_000,
  })
  const end = readoutCounts(readout)
  expect(normalizedText(readout)).toBe(formatBatching(end))
  // The store did follow the crowd, in fewer steps than the crowd took: over the whole story, and
  // over the churn watched here by a clear margin (a commit per event would give as many).
  expect(end.updates).toBeGreaterThan(start.updates)
  expect(end.updates).toBeLessThan(end.events)
  expect(end.updates - start.updates).toBeLessThan(0.9 * (end.events - start.events))
}

/**
 * 100,000 people: "N online" says the full count, the "+N" chip the rest in short, and the page
 * holds a bounded number of list rows and avatars however many there are.
 */
export const expectLiveHundredThousand: Play = async ({ canvasElement, args }) => {
  const members = Number(args['members'])
  const canvas = within(canvasElement)
  const count = await canvas.findByTestId('online-count', {}, SLOW)
  // The crowd and the local user, give or take the few that churn moves in or out.
  await waitFor(() => {
    expect(onlineCount(count)).toBeGreaterThan(members * 0.99)
    expect(onlineCount(count)).toBeLessThan(members * 1.01)
  }, SLOW)
  expect(normalizedText(count)).toBe(`${formatCount(onlineCount(count), 'en-GB')} online`)

  const listbox = await canvas.findByRole('listbox', {}, SLOW)
  await waitFor(() => {
    const options = within(listbox).getAllByRole('option')
    expect(Number(options[0]?.getAttribute('aria-setsize'))).toBeGreaterThan(members * 0.99)
    expect(options.length).toBeLessThanOrEqual(MAX_ROWS)
  }, SLOW)

  const [stack] = parts(canvasElement, 'avatar-stack')
  expect(stack).toBeDefined()
  expect(parts(stack as HTMLElement, 'avatar').length).toBeLessThanOrEqual(MAX_STACK_AVATARS)
  const [chip] = parts(stack as HTMLElement, 'avatar-overflow')
  // "+100K. Show 99,996 more people": the short chip, then the whole count.
  const more = /([\d,]+) more/.exec(chip?.getAttribute('aria-label') ?? '')?.[1] ?? ''
  const hidden = Number(more.replace(/,/g, ''))
  expect(hidden).toBeGreaterThan(members * 0.99 - 5)
  expect(chip).toHaveTextContent(`+${formatChipCount(hidden)}`)
  // The whole page stays small: nothing is rendered per member.
  expect(canvasElement.querySelectorAll('*').length).toBeLessThan(2_000)
}
