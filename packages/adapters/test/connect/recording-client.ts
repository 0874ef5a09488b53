import type { RoomSink } from '@presence-kit/core'

/**
 * A stand-in for any backend client that records every method called on it, at any depth
 * (`client.channels.get(...)`, `socket.channel(...).join()`). It does nothing else: the tests that
 * use it only ask whether an adapter touched its client at all, never how the backend answers.
 */
export function recordingClient(): { readonly client: any; readonly calls: string[] } {
  const calls: string[] = []
  const node = (path: string): any =>
    new Proxy(function recorded() {}, {
      get(_target, key) {
        if (typeof key === 'symbol') return undefined
        return node(path === '' ? key : `${path}.${key}`)
      },
      apply(_target, _this, args: unknown[]) {
        calls.push(path)
        // A callback given to `then` is never called: nothing answers.
        void args
        return node(`${path}()`)
      },
    })
  return { client: node(''), calls }
}

const ignore = () => {}

/** A sink that records the statuses and errors it is told. */
export function recordingSink(): {
  readonly sink: RoomSink
  readonly statuses: string[]
  readonly errors: unknown[]
} {
  const statuses: string[] = []
  const errors: unknown[] = []
  return {
    statuses,
    errors,
    sink: {
      snapshot: ignore,
      join: ignore,
      update: ignore,
      leave: ignore,
      typing: ignore,
      status: (status) => statuses.push(status),
      error: (error) => errors.push(error),
    },
  }
}
