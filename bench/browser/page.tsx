import { createMemoryHub } from '@presence-kit/core/testing'
import {
  AvatarStack,
  createPresenceClient,
  OnlineList,
  PresenceProvider,
  TypingIndicator,
} from '@presence-kit/react'
import { Profiler } from 'react'
import { createRoot } from 'react-dom/client'

/**
 * The Chromium benchmark page: a room of `members` on an in-page memory hub, the three components
 * mounted, then `eventsPerSecond` joins, leaves, updates and typing signals, one per task, for a
 * second of warm-up and then `seconds`, while the list is scrolled. It records every frame's duration (rAF to rAF), the
 * React commits and the rows in the DOM.
 */
export interface BenchConfig {
  readonly members: number
  readonly eventsPerSecond: number
  readonly seconds: number
}

export interface BenchResult {
  readonly frameTimes: number[]
  readonly commits: number
  readonly seconds: number
  readonly maxRows: number
  readonly events: number
  readonly finalCount: number
}

function random(seed: number) {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648
    return state / 2147483648
  }
}

async function run(config: BenchConfig): Promise<BenchResult> {
  const hub = createMemoryHub()
  const present: string[] = []
  let nextUser = 0
  const addUser = () => {
    const index = nextUser++
    const connectionId = hub.addVirtual('lobby', {
      userId: `user-${index}`,
      connectionId: `c-${index}`,
      data: { name: `User ${index}` },
    })
    present.push(connectionId)
  }
  for (let i = 0; i < config.members; i++) addUser()

  const client = createPresenceClient({ adapter: hub.adapter(), user: { id: 'me', name: 'Bench User' } })
  let commits = 0
  const container = document.getElementById('root')!
  createRoot(container).render(
    <PresenceProvider client={client}>
      <Profiler id="page" onRender={() => commits++}>
        <header style={{ display: 'flex', gap: 16, alignItems: 'center' }}>
          <AvatarStack room="lobby" max={5} />
          <TypingIndicator room="lobby" />
        </header>
        <OnlineList room="lobby" groupByStatus height={480} />
      </Profiler>
    </PresenceProvider>,
  )
  const rows = () => container.querySelectorAll('[data-part="online-list-row"]').length
  await new Promise<void>((resolve) => {
    const check = () => (rows() > 0 ? resolve() : setTimeout(check, 20))
    check()
  })

  const next = random(7)
  let events = 0
  const deliver = () => {
    events++
    const roll = next()
    if (roll < 0.45) addUser()
    else if (roll < 0.9) {
      const at = Math.floor(next() * present.length)
      const [connectionId] = present.splice(at, 1)
      if (connectionId !== undefined) hub.removeVirtual('lobby', connectionId)
    } else if (roll < 0.98) {
      const connectionId = present[Math.floor(next() * present.length)]!
      hub.updateVirtual('lobby', connectionId, {
        data: { name: `User ${connectionId}`, mood: String(events) },
      })
    } else {
      const connectionId = present[Math.floor(next() * Math.min(present.length, 50))]!
      hub.typingVirtual('lobby', connectionId, next() < 0.7)
    }
  }
  // One event per task, as a socket delivers them.
  const channel = new MessageChannel()
  channel.port1.addEventListener('message', deliver)
  channel.port1.start()

  const frameTimes: number[] = []
  let maxRows = rows()
  let running = true
  let previous = performance.now()
  const onFrame = (now: number) => {
    if (!running) return
    frameTimes.push(now - previous)
    previous = now
    requestAnimationFrame(onFrame)
  }
  const perTick = config.eventsPerSecond / 100
  const ticker = setInterval(() => {
    for (let i = 0; i < perTick; i++) channel.port2.postMessage(null)
  }, 10)
  const list = container.querySelector<HTMLElement>('[data-part="online-list"]')!
  const scroller = setInterval(() => {
    list.scrollTop += 40
    maxRows = Math.max(maxRows, rows())
  }, 100)
  // One second of load before recording, so the figures are those of the steady state.
  await new Promise((resolve) => setTimeout(resolve, 1000))
  commits = 0
  events = 0
  const started = performance.now()
  requestAnimationFrame((now) => {
    previous = now
    requestAnimationFrame(onFrame)
  })
  await new Promise((resolve) => setTimeout(resolve, config.seconds * 1000))
  running = false
  clearInterval(ticker)
  clearInterval(scroller)
  const seconds = (performance.now() - started) / 1000
  maxRows = Math.max(maxRows, rows())
  channel.port1.close()
  return { frameTimes, commits, seconds, maxRows, events, finalCount: client.room('lobby').get().count }
}

;(window as unknown as { presenceBench: { run: typeof run } }).presenceBench = { run }
