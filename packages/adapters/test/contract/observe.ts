import {
  createPresenceClient,
  type PresenceAdapter,
  type PresenceClientOptions,
  type PresenceEvent,
  type Room,
} from '@presence-kit/core'
import { vi } from 'vitest'

/** Short timings so grace, typing and expiry play out in a real-time test. */
export const TIMINGS = {
  leaveGraceMs: 150,
  typing: { ttlMs: 700, throttleMs: 100, autoStopMs: 400 },
} as const

export interface ObservedRoom {
  readonly adapter: PresenceAdapter
  readonly room: Room
  readonly events: PresenceEvent[]
  /** `join:ada`, `update:ada`, `leave:ada`, `sync`, `status:connected`, `error:invalid-input`… */
  names(): string[]
  /** Member events about one user. */
  about(userId: string): string[]
  clear(): void
  destroy(): void
}

/** A kit client on `adapter` with one room and a log of its events; `options` override the timings. */
export function observeRoom(
  adapter: PresenceAdapter,
  userId: string,
  roomName: string,
  options: Partial<PresenceClientOptions> = {},
): ObservedRoom {
  const client = createPresenceClient({
    adapter,
    user: { id: userId },
    batch: 'sync',
    ...TIMINGS,
    ...options,
  })
  const room = client.room(roomName)
  const events: PresenceEvent[] = []
  room.on(['join', 'leave', 'update', 'sync', 'typing', 'status', 'error'], (event) => events.push(event))
  return {
    adapter,
    room,
    events,
    names: () => events.map(nameOf),
    about: (user) =>
      events
        .filter(
          (e) => (e.type === 'join' || e.type === 'leave' || e.type === 'update') && e.member.userId === user,
        )
        .map((e) => e.type),
    clear: () => {
      events.length = 0
    },
    destroy: () => client.destroy(),
  }
}

function nameOf(event: PresenceEvent): string {
  switch (event.type) {
    case 'join':
    case 'leave':
    case 'update':
      return `${event.type}:${event.member.userId}`
    case 'status':
      return `status:${event.status}`
    case 'error':
      return `error:${event.error.code}`
    default:
      return event.type
  }
}

/** Retries `assertion` until it passes (real sockets take real time). */
export async function eventually(assertion: () => void, timeout = 5_000): Promise<void> {
  await vi.waitFor(assertion, { timeout, interval: 10 })
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
