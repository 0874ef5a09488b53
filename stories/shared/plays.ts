// Play functions shared by the React and the Vue stories: they drive the rendered DOM (roles,
// labels, data-part) and the story's presence, never a framework.
import { expect, waitFor, within } from 'storybook/test'

interface PlayContext {
  readonly canvasElement: HTMLElement
  readonly loaded: Record<string, unknown>
}

/** The room summary of the hook and composable stories shows these values. */
export function expectRoomSummary(expected: {
  status?: string
  synced?: string
  stale?: string
  count?: string
}) {
  return async ({ canvasElement }: PlayContext) => {
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
