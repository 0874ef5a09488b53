import type { PresenceObject, PresenceUpdate, Room } from '@presence-kit/core'
import { toValue, watch, type MaybeRefOrGetter, type Ref } from 'vue'
import { startInBrowser } from './lifecycle.js'

/**
 * Keeps `room` joined (`join` true, entering with `initialPresence`) or watched while the calling
 * effect scope lives, following the room when it changes: the old one is released, the new one
 * held. Holds are counted by the core, so components share one join. Nothing is held while
 * rendering on a server, and in a component nothing is held before it is mounted.
 */
export function holdRoom<D extends PresenceObject>(
  room: Readonly<Ref<Room<D> | undefined>>,
  join: MaybeRefOrGetter<boolean>,
  initialPresence?: () => PresenceUpdate<D> | undefined,
): void {
  startInBrowser(() => {
    watch(
      [room, () => toValue(join)],
      ([current, joined], _previous, onCleanup) => {
        if (current === undefined) return
        onCleanup(joined ? current.acquire(initialPresence?.()) : current.watch())
      },
      { immediate: true, flush: 'sync' },
    )
  })
}
