import type { ConnectionInput } from '@presence-kit/core'
import type { RoomLink } from '../shared/room-link.js'
import { backendError, describe, invalidInput } from '../shared/wire.js'

/**
 * Asks Ably for a room's roster (`presence.get()`, in Pub/Sub and in Chat) and hands it over as the
 * snapshot. Only the latest question counts: an earlier answer that arrives late is dropped, and so
 * is any answer for a room that has closed.
 */
export function latestRoster(
  backend: string,
  link: RoomLink,
): (get: () => Promise<unknown>, collect: (list: readonly unknown[]) => ConnectionInput[]) => void {
  let asked = 0
  return (get, collect) => {
    const question = ++asked
    get().then(
      (list) => {
        if (link.closed || question !== asked) return
        if (!Array.isArray(list))
          return link.report(invalidInput(backend, 'presence.get() gave no list.', describe(list)))
        link.sink.snapshot(collect(list))
      },
      (error: unknown) => link.report(backendError(backend, 'presence.get() failed.', error)),
    )
  }
}
