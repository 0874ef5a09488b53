/** What a stale list or stack says of itself (override with the component's `staleText`). */
export const DEFAULT_STALE_TEXT = 'Reconnecting… showing the last known state'

/**
 * A group's accessible name while its roster is the last known one: "3 people online" alone would
 * claim a live count.
 */
export function getStaleLabel(label: string, stale: boolean, staleText: string = DEFAULT_STALE_TEXT): string {
  return stale ? `${label}. ${staleText}` : label
}
