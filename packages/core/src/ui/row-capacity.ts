/** The step in which a virtualized list's row capacity grows and shrinks. */
export const ROW_CAPACITY_STEP = 1024

/**
 * The number of rows to give a virtualizer for a list of `count` rows of one height, given the
 * capacity it has now. Virtualizers lay every row out again whenever their count changes, which
 * for 100,000 rows costs a frame on each join or leave; a capacity that moves in steps of 1,024,
 * with a step of room above the count and up to two steps to spare before it shrinks, keeps joins
 * and leaves from changing it. Rows at or past `count` are the caller's to leave unrendered.
 */
export function getRowCapacity(count: number, previous: number): number {
  const rows = Number.isFinite(count) && count > 0 ? Math.floor(count) : 0
  if (rows <= previous && rows > previous - 2 * ROW_CAPACITY_STEP) return previous
  return (Math.ceil(rows / ROW_CAPACITY_STEP) + 1) * ROW_CAPACITY_STEP
}
