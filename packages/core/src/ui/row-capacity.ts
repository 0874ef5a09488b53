/** The smallest step in which a virtualized list's row capacity grows and shrinks. */
export const ROW_CAPACITY_STEP = 1024

/**
 * The number of rows to give a virtualizer for a list of `count` rows of one height, given the
 * capacity it has now. Virtualizers lay every row out again whenever their count changes, which
 * for 100,000 rows costs a frame (and 100,000 layout records) on each join or leave; a capacity
 * that moves in steps, with a step of room above the count and up to two steps to spare before it
 * shrinks, keeps joins and leaves from changing it. A step is 1,024 rows, or about a sixteenth of
 * a longer list (a power of two): a room of 100,000 drifts by thousands in a busy minute.
 * Rows at or past `count` are the caller's to leave unrendered.
 */
export function getRowCapacity(count: number, previous: number): number {
  const rows = Number.isFinite(count) && count > 0 ? Math.floor(count) : 0
  const step = Math.max(ROW_CAPACITY_STEP, 2 ** (Math.floor(Math.log2(rows)) - 4))
  if (rows <= previous && rows > previous - 2 * step) return previous
  return (Math.ceil(rows / step) + 1) * step
}
