import { createPresencePlugin, type ConnectionInput } from '@presence-kit/vue'
import { createApp, type App } from 'vue'
import { createSinkClient } from '../../core/sink-client.js'
import { pumpEvents } from '../event-pump.js'
import { burstEvents, userId, type BurstEvent } from '../../vue/burst-events.js'
import { kitApp } from '../../vue/kit-app.js'
import { createSeedClient, seedApp } from '../../vue/seed-composition.js'

/**
 * The page the Chromium run drives: the kit (`usePresence` + `OnlineList`) or the seed's Vue
 * composition over a large room, then joins and leaves at a steady rate, each in its own task,
 * while the list scrolls by a row every frame. Frame times come from `requestAnimationFrame`.
 */
const ROOM = 'lobby'

export interface RunResult {
  readonly frameTimes: number[]
  readonly maxRows: number
  readonly delivered: number
  readonly finalCount: string | null
}

interface Driver {
  /** Sends one event as the backend would. */
  deliver(event: BurstEvent): void
  /** The scroll viewport and how many rows it holds in the DOM now. */
  viewport(): HTMLElement
  rows(): number
}

let driver: Driver | undefined
let app: App | undefined

const connection = (index: number): ConnectionInput => ({
  connectionId: `conn-${index}`,
  userId: userId(index),
  data: {},
  version: 1,
  profile: { name: `User ${index}` },
})

function setupKit(root: HTMLElement, members: number): Promise<void> {
  const { client, sink: opened } = createSinkClient('viewer')
  app = createApp(kitApp(ROOM, 480)).use(createPresencePlugin(client))
  app.mount(root)
  return new Promise((resolve) =>
    setTimeout(() => {
      const sink = opened()!
      sink.status('connected', { connectionId: 'viewer-1' })
      sink.snapshot(Array.from({ length: members }, (_, index) => connection(index)))
      driver = {
        deliver(event) {
          if (event.kind === 'join') sink.join(connection(event.index))
          else sink.leave({ connectionId: `conn-${event.index}`, userId: userId(event.index), version: 2 })
        },
        viewport: () => root.querySelector<HTMLElement>('[data-part="online-list"]')!,
        rows: () => root.querySelectorAll('[data-part="online-list-row"]').length,
      }
      requestAnimationFrame(() => resolve())
    }),
  )
}

function setupSeed(root: HTMLElement, members: number): Promise<void> {
  const client = createSeedClient()
  app = createApp(seedApp(client, ROOM, 480))
  app.mount(root)
  const packet = (index: number, status: 'online' | 'offline') =>
    client.publish({ clientId: userId(index), topic: ROOM, status, timestamp: Date.now() })
  return new Promise((resolve) =>
    setTimeout(() => {
      for (let i = 0; i < members; i++) packet(i, 'online')
      const list = root.querySelector<HTMLElement>('#list')!
      driver = {
        deliver: (event) => packet(event.index, event.kind === 'join' ? 'online' : 'offline'),
        viewport: () => list,
        rows: () => list.childElementCount,
      }
      requestAnimationFrame(() => resolve())
    }),
  )
}

async function setup(kind: 'kit' | 'seed', members: number): Promise<void> {
  const root = document.getElementById('app')!
  await (kind === 'kit' ? setupKit(root, members) : setupSeed(root, members))
}

/**
 * `eventsPerSecond` for `seconds`: each event due is posted as its own task (as messages from a
 * socket arrive); what is still queued at the end is dropped, so a side that falls behind does
 * not stretch the window.
 */
function run(members: number, eventsPerSecond: number, seconds: number): Promise<RunResult> {
  const current = driver!
  const { events } = burstEvents(members, eventsPerSecond * seconds)
  const frameTimes: number[] = []
  let maxRows = 0
  const pump = pumpEvents(events.length, eventsPerSecond, (index) => current.deliver(events[index]!))
  const end = pump.start + seconds * 1000
  return new Promise((resolve) => {
    let last = performance.now()
    const frame = (now: number) => {
      frameTimes.push(now - last)
      last = now
      maxRows = Math.max(maxRows, current.rows())
      const viewport = current.viewport()
      viewport.scrollTop =
        (viewport.scrollTop + 40) % Math.max(1, viewport.scrollHeight - viewport.clientHeight)
      if (now < end) {
        requestAnimationFrame(frame)
        return
      }
      pump.stop()
      resolve({
        frameTimes,
        maxRows,
        delivered: pump.delivered(),
        finalCount: document.getElementById('count')?.textContent ?? null,
      })
    }
    requestAnimationFrame((now) => {
      last = now
      requestAnimationFrame(frame)
    })
  })
}

Object.assign(window, { benchSetup: setup, benchRun: run })
