/**
 * Where a room keeps its members, by user id, in the order they were first seen (a `Map`'s
 * order): `Map`-like, plus `freeze` for each commit. The client's `roster` option picks one.
 */
export interface Roster<M> {
  readonly size: number
  get(userId: string): M | undefined
  has(userId: string): boolean
  set(userId: string, member: M): unknown
  delete(userId: string): unknown
  /** User ids in roster order. */
  keys(): IterableIterator<string>
  /** Members in roster order. */
  values(): IterableIterator<M>
  /**
   * The members as they are now, never changed by later writes: a function that returns them as
   * one frozen array, the same array on every call.
   */
  freeze(): () => readonly M[]
}

/** Makes an empty roster: the client's `roster` option. */
export type RosterFactory = <M>() => Roster<M>

/**
 * The default: a `Map`, copied into a frozen array at each commit that changed it. A copy of the
 * whole room per commit is nothing for a room of hundreds; for tens of thousands, see `bigRoomRoster`
 * in `@presence-kit/core/big-rooms`.
 */
export const mapRoster: RosterFactory = <M>(): Roster<M> =>
  Object.assign(new Map<string, M>(), {
    freeze(this: Map<string, M>) {
      const members = Object.freeze([...this.values()])
      return () => members
    },
  })
