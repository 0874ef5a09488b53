import type { Roster, RosterFactory } from '../model/roster.js'

/**
 * One commit's roster: either its own copy of the slots (`base`), or the writes made after it
 * (`log`: slot, then the value the slot held before) and the version that came next, from which it
 * is read by undoing them.
 */
interface Version<M> {
  base?: (M | undefined)[]
  log?: (number | M | undefined)[] | undefined
  next?: Version<M>
  members?: readonly M[]
}

const present = (member: unknown) => member !== undefined

/**
 * A roster whose commit costs what changed since the last one, not the size of the room: for
 * rooms of thousands to hundreds of thousands of members. Pass it as the client's `roster`.
 *
 * Each user has a slot in one array, given in order of arrival; a user who leaves empties theirs,
 * and once empty slots outnumber members the slots are renumbered. A commit copies nothing: it
 * starts a log of the writes that follow, and a committed roster is read back, only when someone
 * reads `members`, by undoing on a copy of the slots the writes made since. Once the logs since
 * the last copy hold as many entries as there are slots, the newest commit gets a copy of its own,
 * so that a state held for long keeps at most about two rooms' worth of memory, and copies cost
 * less than one slot per write.
 *
 * @example createPresenceClient({ adapter, user, roster: bigRoomRoster })
 */
export const bigRoomRoster: RosterFactory = <M>(): Roster<M> => {
  // Insertion order is slot order: the keys are the user ids in roster order.
  const slots = new Map<string, number>()
  let live: (M | undefined)[] = []
  /** The newest commit, while writes must be logged for it. */
  let open: Version<M> | undefined
  /** Log entries since the last commit that got a copy. */
  let logged = 0

  /** The slots of `version`: a copy of the next one with a copy (or of `live`), writes undone. */
  const slotsOf = (version: Version<M>): (M | undefined)[] => {
    const chain: Version<M>[] = []
    // Single letters are left to the build's short internal names (scripts/mangle-internals.ts).
    let link: Version<M> | undefined = version
    for (; link !== undefined && link.base === undefined; link = link.next) chain.push(link)
    const copy = (link?.base ?? live).slice()
    for (let depth = chain.length; depth--;) {
      const log = chain[depth]!.log!
      for (let entry = log.length; (entry -= 2) >= 0;)
        copy[log[entry] as number] = log[entry + 1] as M | undefined
    }
    return copy
  }

  /** Gives the newest commit its own copy: older ones stop reading there, and nothing is logged. */
  const settle = () => {
    if (open === undefined) return
    open.base = slotsOf(open)
    open.log = undefined
    open = undefined
    logged = 0
  }

  const write = (slot: number, member: M | undefined) => {
    if (logged > live.length + 256) settle()
    if (open !== undefined) {
      open.log!.push(slot, live[slot])
      logged += 2
    }
    live[slot] = member
  }

  return {
    get size() {
      return slots.size
    },
    get(userId) {
      const slot = slots.get(userId)
      return slot === undefined ? undefined : live[slot]
    },
    has: (userId) => slots.has(userId),
    set(userId, member) {
      let slot = slots.get(userId)
      if (slot === undefined) slots.set(userId, (slot = live.length))
      write(slot, member)
    },
    delete(userId) {
      const slot = slots.get(userId)
      if (slot === undefined) return
      slots.delete(userId)
      write(slot, undefined)
      if (live.length > 2 * slots.size + 256) {
        // Renumbered in order; the newest commit first gets a copy, since its log names old slots.
        settle()
        live = live.filter(present)
        let next = 0
        for (const id of slots.keys()) slots.set(id, next++)
      }
    },
    keys: () => slots.keys(),
    values: () => (live.filter(present) as M[]).values(),
    freeze() {
      const version: Version<M> = { log: [] }
      if (open !== undefined) open.next = version
      open = version
      return () =>
        (version.members ??= Object.freeze((version.base ?? slotsOf(version)).filter(present) as M[]))
    },
  }
}
