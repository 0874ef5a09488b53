// Counts, for the live stories, what the story's client receives from the hub and how many store
// updates the core makes of it, so a person can watch batching work: many events, few updates.
// Both numbers come from public API: the memory hub's delivery stats and the room's zustand store.
import type { Room } from '@presence-kit/core'
import { formatCount } from '@presence-kit/core/ui'
import type { MemoryHub } from '@presence-kit/core/testing'

export interface BatchingCounts {
  /** Messages the hub handed to the client's room (joins, updates, leaves, typing, snapshots, status). */
  readonly events: number
  /** Times the room's store got a new state: one per commit, whatever the number of events in it. */
  readonly updates: number
}

/** An external store of the counts, for `useSyncExternalStore` and a Vue ref alike. */
export interface BatchingMeter {
  /** The latest sample; the same object until a count changes. */
  read(): BatchingCounts
  /** Samples every `SAMPLE_MS` while anyone listens. */
  subscribe(listener: () => void): () => void
  dispose(): void
}

// Four readings a second: fast enough to watch, slow enough not to be an update storm of its own.
const SAMPLE_MS = 250

/**
 * Starts counting at once, so the first snapshot and its commit are counted too. The hub serves one
 * client in a story, so everything it delivered reached this client.
 */
export function createBatchingMeter(hub: MemoryHub, room: Room): BatchingMeter {
  let updates = 0
  const stopCounting = room.store.subscribe(() => {
    updates++
  })
  let counts: BatchingCounts = Object.freeze({ events: 0, updates: 0 })
  const listeners = new Set<() => void>()
  let timer: ReturnType<typeof setInterval> | undefined

  const sample = () => {
    const events = hub.destroyed ? counts.events : deliveredMessages(hub)
    if (events === counts.events && updates === counts.updates) return
    counts = Object.freeze({ events, updates })
    for (const listener of listeners) listener()
  }

  return {
    read: () => counts,
    subscribe(listener) {
      listeners.add(listener)
      timer ??= setInterval(sample, SAMPLE_MS)
      sample()
      return () => {
        listeners.delete(listener)
        if (listeners.size > 0 || timer === undefined) return
        clearInterval(timer)
        timer = undefined
      }
    },
    dispose() {
      stopCounting()
      listeners.clear()
      clearInterval(timer)
      timer = undefined
    },
  }
}

function deliveredMessages(hub: MemoryHub): number {
  let total = 0
  for (const count of Object.values(hub.stats().delivered)) total += count
  return total
}

/** "1,240 events → 31 updates". */
export function formatBatching(counts: BatchingCounts): string {
  return `${formatCount(counts.events)} ${counts.events === 1 ? 'event' : 'events'} → ${formatCount(
    counts.updates,
  )} ${counts.updates === 1 ? 'update' : 'updates'}`
}

/** What the readout means, for its tooltip. */
export const BATCHING_TITLE =
  'Events the client received from the simulated crowd, and the store updates the core batched them into'

/** The readout's look, the same in both frameworks (camel-cased for React and Vue style objects). */
export const batchingReadoutStyle = { fontSize: '0.75rem', fontVariantNumeric: 'tabular-nums' } as const
