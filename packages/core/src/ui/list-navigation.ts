/** Keys a list of people answers to, as a listbox or grid would. */
export type ListNavigationKey = 'ArrowUp' | 'ArrowDown' | 'Home' | 'End' | 'PageUp' | 'PageDown'

const KEYS = new Set<string>(['ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown'])

export function isListNavigationKey(key: string): key is ListNavigationKey {
  return KEYS.has(key)
}

/**
 * Where focus goes in a list of `count` rows after `key`, from `index` (-1 when nothing is focused
 * yet). Stops at the ends instead of wrapping, so holding a key never jumps back to the top.
 * Returns -1 for an empty list.
 */
export function getNextListIndex(
  key: ListNavigationKey,
  index: number,
  count: number,
  pageSize = 10,
): number {
  if (count <= 0) return -1
  const last = count - 1
  const from = Math.min(Math.max(index, -1), last)
  const page = Math.max(1, Math.floor(pageSize))
  switch (key) {
    case 'ArrowDown':
      return Math.min(from + 1, last)
    case 'ArrowUp':
      return from <= 0 ? 0 : from - 1
    case 'Home':
      return 0
    case 'End':
      return last
    case 'PageDown':
      return Math.min(Math.max(from, 0) + page, last)
    case 'PageUp':
      return Math.max(from - page, 0)
  }
}

/**
 * The rows a virtualized list renders, with the active row added when it is scrolled out of view,
 * so that `aria-activedescendant` always names an element in the page. `indexes` is ascending;
 * `activeIndex` is -1 when no row is active.
 */
export function withActiveRow(indexes: number[], activeIndex: number): number[] {
  if (activeIndex < 0 || indexes.includes(activeIndex)) return indexes
  return [...indexes, activeIndex].toSorted((a, b) => a - b)
}
