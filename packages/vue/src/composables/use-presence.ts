import type { PresenceObject, PresenceShape, RegisteredPresence, RoomState } from '@presence-kit/core'
import { getPresenceSnapshot, type PresenceSnapshot } from '@presence-kit/core/ui'
import { computed, type ComputedRef, type MaybeRefOrGetter, type Ref } from 'vue'
import { holdRoom } from './room-hold.js'
import { useRoomHandle } from './room-handle.js'
import type { EqualityFn } from './shallow-equal.js'
import { useRoomState } from './use-room-state.js'

export type { PresenceSnapshot } from '@presence-kit/core/ui'

/** `usePresence(room)`: the snapshot, and each of its fields as its own ref for destructuring. */
export type UsePresenceReturn<D extends PresenceObject = RegisteredPresence> = {
  readonly [K in keyof PresenceSnapshot<D>]: ComputedRef<PresenceSnapshot<D>[K]>
} & {
  /** The whole snapshot: one object per committed state. */
  readonly snapshot: Readonly<Ref<PresenceSnapshot<D>>>
}

// Every field of the snapshot (a test checks that none is missing).
const FIELDS = [
  'members',
  'others',
  'self',
  'count',
  'mode',
  'synced',
  'status',
  'stale',
] as const satisfies readonly (keyof PresenceSnapshot)[]

/**
 * Who is in a room. Watches the room (its roster, without entering presence) while the calling
 * scope lives; use `useRoom` to join. Returns refs (`members`, `others`, `self`, `count`, `mode`,
 * `synced`, `status`, `stale`) that change only when their value does. With a selector, one ref that
 * changes only when the selected value does (`Object.is`, or `isEqual`).
 */
export function usePresence<D extends PresenceShape<D> = RegisteredPresence>(
  room: MaybeRefOrGetter<string | undefined>,
): UsePresenceReturn<D>
export function usePresence<D extends PresenceShape<D> = RegisteredPresence, T = unknown>(
  room: MaybeRefOrGetter<string | undefined>,
  selector: (state: RoomState<D>) => T,
  isEqual?: EqualityFn<T>,
): Readonly<Ref<T>>
export function usePresence<D extends PresenceShape<D> = RegisteredPresence, T = unknown>(
  name: MaybeRefOrGetter<string | undefined>,
  selector?: (state: RoomState<D>) => T,
  isEqual?: EqualityFn<T>,
): Readonly<Ref<T>> | UsePresenceReturn<D> {
  const room = useRoomHandle<D>(name, process.env.NODE_ENV !== 'production' ? 'usePresence()' : '')
  holdRoom(room, false)
  if (selector !== undefined) return useRoomState(room, selector, isEqual)
  const snapshot = useRoomState(room, getPresenceSnapshot<D>)
  // One computed per field, each changing only when its own value does.
  const fields = Object.fromEntries(FIELDS.map((key) => [key, computed(() => snapshot.value[key])])) as Omit<
    UsePresenceReturn<D>,
    'snapshot'
  >
  return { snapshot, ...fields }
}
