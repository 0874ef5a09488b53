import type { ConnectionInput, PresenceClient, RoomSink } from '@presence-kit/core'
import { bigRoomRoster } from '@presence-kit/core/big-rooms'
import { createSinkClient } from '../../core/sink-client.js'
import { pumpEvents } from '../event-pump.js'
import { burstEvents, userId, type BurstEvent } from '../../vue/burst-events.js'

/**
 * The in-page half of the framework benchmark, the same for React and Vue: a client fed through its
 * adapter sink, the framework's page mounted on it (count, `AvatarStack`, `OnlineList`), a snapshot
 * of `members`, then joins and leaves at a steady rate, each in its own task, while the list
 * scrolls 40 px every frame. Every frame's duration (rAF to rAF) and the JS heap at every frame are
 * recorded from the first paint of the list to the end. The client keeps its rooms on
 * `bigRoomRoster`, as an app with rooms this size would (see `@presence-kit/core/big-rooms`).
 */
export const ROOM = 'lobby'

/** Mounts the framework's page on `root` with `client` provided; the page shows the count in `#count`. */
export type MountPage = (root: HTMLElement, client: PresenceClient) => void

export interface SetupResult {
  /** From the snapshot handed to the sink to the frame after the first list rows are in the DOM. */
  readonly firstPaintMs: number
  /** From the snapshot to the frame after the count shows every member. */
  readonly countShownMs: number
}

export interface RunResult {
  /** Every frame from the first paint of the list to the end of the run. */
  readonly frameTimes: number[]
  /** The largest `usedJSHeapSize` seen at a frame or an event. */
  readonly heapPeakBytes: number
  readonly maxRows: number
  readonly delivered: number
  readonly expectedCount: number
  readonly finalCount: string | null
}

interface PerformanceMemory {
  readonly usedJSHeapSize: number
}
const usedHeap = () =>
  (performance as Performance & { memory?: PerformanceMemory }).memory?.usedJSHeapSize ?? 0

const connection = (index: number): ConnectionInput => ({
  connectionId: `conn-${index}`,
  userId: userId(index),
  data: { name: `User ${index}` },
  version: 1,
})

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve))
const countText = () => document.getElementById('count')?.textContent ?? null

export function installDriver(mountPage: MountPage): void {
  let sink: RoomSink | undefined
  let members = 0
  const deliver = (event: BurstEvent) => {
    if (event.kind === 'join') sink!.join(connection(event.index))
    else sink!.leave({ connectionId: `conn-${event.index}`, userId: userId(event.index), version: 2 })
  }
  const frameTimes: number[] = []
  let heapPeakBytes = 0
  let recording = false
  let lastFrame = 0
  const root = document.getElementById('app')!
  const rows = () => root.querySelectorAll('[data-part="online-list-row"]').length

  const onFrame = (now: number) => {
    if (!recording) return
    frameTimes.push(now - lastFrame)
    lastFrame = now
    heapPeakBytes = Math.max(heapPeakBytes, usedHeap())
    requestAnimationFrame(onFrame)
  }

  async function setup(size: number): Promise<SetupResult> {
    members = size
    const made = createSinkClient('viewer', { roster: bigRoomRoster })
    const client = made.client
    mountPage(root, client)
    // The page opens the room when it mounts; the adapter hands over the sink then.
    while (made.sink() === undefined) await nextFrame()
    const opened = made.sink()!
    sink = opened
    opened.status('connected', { connectionId: 'viewer-1' })
    const snapshot = Array.from({ length: size }, (_, index) => connection(index))
    await nextFrame()
    const start = performance.now()
    opened.snapshot(snapshot)
    let firstPaintMs: number | undefined
    let countShownMs: number | undefined
    const shown = size.toLocaleString('en')
    while (firstPaintMs === undefined || countShownMs === undefined) {
      const listed = rows() > 0
      const counted = countText()?.includes(shown) ?? false
      // The frame after the one that found them: by then they have been painted.
      const now = await nextFrame()
      if (listed && firstPaintMs === undefined) {
        firstPaintMs = now - start
        recording = true
        lastFrame = now
        requestAnimationFrame(onFrame)
      }
      if (counted && countShownMs === undefined) countShownMs = now - start
    }
    return { firstPaintMs, countShownMs }
  }

  function run(eventsPerSecond: number, seconds: number): Promise<RunResult> {
    const { events, finalCount } = burstEvents(members, eventsPerSecond * seconds)
    let maxRows = 0
    const pump = pumpEvents(events.length, eventsPerSecond, (index) => {
      deliver(events[index]!)
      if (index % 100 === 0) heapPeakBytes = Math.max(heapPeakBytes, usedHeap())
    })
    const end = pump.start + seconds * 1000
    const viewport = root.querySelector<HTMLElement>('[data-part="online-list"]')!
    return new Promise((resolve) => {
      const scroll = (now: number) => {
        maxRows = Math.max(maxRows, rows())
        viewport.scrollTop =
          (viewport.scrollTop + 40) % Math.max(1, viewport.scrollHeight - viewport.clientHeight)
        if (now < end || pump.delivered() < events.length) {
          requestAnimationFrame(scroll)
          return
        }
        pump.stop()
        // One more frame, so the last events are on screen when the count is read.
        requestAnimationFrame(() => {
          recording = false
          resolve({
            frameTimes,
            heapPeakBytes,
            maxRows,
            delivered: pump.delivered(),
            expectedCount: finalCount,
            finalCount: countText(),
          })
        })
      }
      requestAnimationFrame(scroll)
    })
  }

  Object.assign(window, { presenceBench: { setup, run } })
}
