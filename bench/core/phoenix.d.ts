// The phoenix client ships no type declarations; the benchmarks use only Presence's static sync functions.
declare module 'phoenix' {
  type State = Record<string, { metas: { phx_ref: string; [key: string]: unknown }[] }>
  type Callback = (key: string, current: unknown, changed: unknown) => void
  export const Presence: {
    syncState(current: State, next: State, onJoin?: Callback, onLeave?: Callback): State
    syncDiff(
      state: State,
      diff: { joins: State; leaves: State },
      onJoin?: Callback,
      onLeave?: Callback,
    ): State
  }
}
