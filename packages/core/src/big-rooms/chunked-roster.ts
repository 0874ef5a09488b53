import type { Roster, RosterFactory } from '../model/roster.js'

// A chunk holds 512 members (4 KB): a write after a commit copies its chunk, never the room.
const BITS = 9
const MASK = 511

/**
 * A roster whose commit costs what changed since the last one, not the size of the room: for
 * rooms of thousands to hundreds of thousands of members. Pass it as the client's `roster`.
 *
 * Each user has a slot, given in order of arrival; slots live in chunks of 512. A commit hands
 * out the chunks as they are, and the next write to one of them copies it first, so a committed
 * roster never changes; it is joined into one array only when someone reads `members`. A user who
 * leaves leaves a hole (a deleted element, which `Array.prototype.flat` skips); once holes
 * outnumber members, the slots are renumbered into fresh chunks. A user who comes back gets a new
 * slot at the end, as in a `Map`.
 *
 * @example createPresenceClient({ adapter, user, roster: bigRoomRoster })
 */
export const bigRoomRoster: RosterFactory = <M>(): Roster<M> => {
  // Insertion order is slot order: the keys are the user ids in roster order.
  const slots = new Map<string, number>()
  let chunks: M[][] = []
  let frozen: readonly M[][] = []
  let end = 0

  /** The chunk of `slot`, copied first if it was handed out (or made, if it does not exist yet). */
  const chunkOf = (slot: number): M[] => {
    const index = slot >> BITS
    let chunk = chunks[index]
    if (chunk === frozen[index]) chunk = chunks[index] = chunk?.slice() ?? []
    return chunk!
  }

  return {
    get size() {
      return slots.size
    },
    get(userId) {
      const slot = slots.get(userId)
      return slot === undefined ? undefined : chunks[slot >> BITS]![slot & MASK]
    },
    has: (userId) => slots.has(userId),
    set(userId, member) {
      let slot = slots.get(userId)
      if (slot === undefined) slots.set(userId, (slot = end++))
      chunkOf(slot)[slot & MASK] = member
    },
    delete(userId) {
      const slot = slots.get(userId)
      if (slot === undefined) return
      slots.delete(userId)
      delete chunkOf(slot)[slot & MASK]
      if (end > 2 * slots.size + MASK) {
        // Renumbered in order, into chunks never handed out.
        const members = chunks.flat()
        chunks = []
        frozen = []
        end = 0
        for (const id of slots.keys()) {
          slots.set(id, end)
          chunkOf(end)[end & MASK] = members[end++]!
        }
      }
    },
    keys: () => slots.keys(),
    values: () => chunks.flat().values(),
    freeze() {
      const list = (frozen = chunks)
      chunks = list.slice()
      let members: readonly M[] | undefined
      return () => (members ??= Object.freeze(list.flat()))
    },
  }
}
