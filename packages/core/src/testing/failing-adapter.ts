import type { AdapterRoom, PresenceAdapter } from '../adapter.js'

/** The methods of an adapter room the store calls. */
export type AdapterRoomMethod = keyof AdapterRoom

/** How the wrapped method fails: it throws, or returns a promise that rejects. */
export type AdapterFailure = 'throws' | 'rejects'

/**
 * Wraps an adapter (a memory hub's, or a real one) so that `method` of every room it opens fails
 * with `Error('<method> failed')`, the way a backend that is down or refuses a call fails. The call
 * is passed on first, so the backend's own state is what it would be, and closes still release
 * it: only the failure is made up. How a test shows that no adapter failure reaches the UI.
 */
export function failAdapterCalls(
  inner: PresenceAdapter,
  method: AdapterRoomMethod,
  failure: AdapterFailure = 'throws',
): PresenceAdapter {
  return {
    name: `failing ${inner.name}`,
    openRoom(context) {
      const room = inner.openRoom(context)
      const pass = room[method] as (arg?: unknown) => unknown
      const failing = (arg?: unknown) => {
        pass.call(room, arg)
        const error = new Error(`${method} failed`)
        if (failure === 'throws') throw error
        return Promise.reject(error)
      }
      return { ...room, [method]: failing }
    },
    destroy: () => inner.destroy?.(),
  }
}
