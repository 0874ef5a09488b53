import type { PresenceData } from '../types.js'
import { activityReport, randomActivityState } from './crowd-activity.js'
import { randomIdentity } from './crowd-identity.js'
import type { MemoryHub } from './memory-hub-types.js'
import { resolveSettings, type SimulatedCrowdSettings } from './crowd-settings.js'
import { createRandom, type Random } from './random.js'

export type { SimulatedCrowdSettings } from './crowd-settings.js'

export interface SimulatedCrowdOptions extends SimulatedCrowdSettings {
  /** The hub the crowd lives in, as virtual connections. */
  readonly hub: MemoryHub
  /** @default 'lobby' */
  readonly room?: string
  /**
   * The same seed and options give the same sequence of hub operations.
   * @default 1
   */
  readonly seed?: number
  /**
   * Start of every user and connection id (`sim-1`, `sim-1/tab-1`); give two crowds in one room
   * different prefixes.
   * @default 'sim'
   */
  readonly idPrefix?: string
}

export interface SimulatedCrowdStats {
  /** Users in the room. */
  readonly members: number
  /** Their connections (tabs). */
  readonly connections: number
  /** Connections typing now. */
  readonly typing: number
  /** Hub operations performed so far (joins, updates, leaves, typing signals). */
  readonly events: number
}

export interface SimulatedCrowd {
  readonly room: string
  /** True while the timer of `start()` runs. */
  readonly running: boolean
  /** Advances the simulation every `intervalMs` on a timer of its own. */
  start(): void
  stop(): void
  /** Advances simulated time by `ms` at once, without timers: for tests and benchmarks. */
  step(ms: number): void
  setOptions(settings: SimulatedCrowdSettings): void
  stats(): SimulatedCrowdStats
  /** Stops and removes every connection the crowd added. */
  dispose(): void
}

const MIN_TYPING_MS = 1000
const MAX_TYPING_MS = 4000

/**
 * A deterministic crowd of virtual users in a memory hub, for demos, stories and benchmarks: users
 * arrive and leave, type, go idle, hide their tab and come back, some in several tabs.
 */
export function createSimulatedCrowd(options: SimulatedCrowdOptions): SimulatedCrowd {
  const { hub } = options
  const room = options.room ?? 'lobby'
  const idPrefix = options.idPrefix ?? 'sim'
  const random: Random = createRandom(options.seed ?? 1)
  let settings = resolveSettings({}, options)

  // Two numbers per user rather than an object and an array of ids: a crowd of 100,000 is built in
  // one go, and fewer objects that all survive means less garbage-collection work while it is.
  // Ids are derived from the number; a user leaves by swapping the last one into their place.
  /** Each user's number `n`: the user id is `${idPrefix}-${n}`. */
  const users: number[] = []
  /** How many tabs the user at the same position has open. */
  const tabsOf: number[] = []
  /** Typing connections and the simulated time they stop, in the order they started. */
  const typing = new Map<string, number>()
  let userCount = 0
  let connectionCount = 0
  let events = 0
  let now = 0
  // Fractional events carried between ticks, so rates below one per tick still happen.
  let churnDue = 0
  let typingDue = 0
  let activityDue = 0
  let timer: ReturnType<typeof setInterval> | undefined
  let disposed = false

  const addUser = () => {
    const n = ++userCount
    const userId = `${idPrefix}-${n}`
    const identity = randomIdentity(random, n, settings.names)
    const tabs = random.chance(settings.multiTabRatio) ? random.int(2, 3) : 1
    const data: PresenceData = { name: identity.name, color: identity.color }
    const profile =
      identity.avatarUrl === undefined
        ? { name: identity.name }
        : { name: identity.name, avatarUrl: identity.avatarUrl }
    for (let tab = 1; tab <= tabs; tab++) {
      const connectionId = connectionIdOf(userId, tab)
      const activity = activityReport(random, randomActivityState(random))
      hub.addVirtual(room, { userId, connectionId, data, activity, profile })
      events++
    }
    connectionCount += tabs
    users.push(n)
    tabsOf.push(tabs)
  }

  const removeUser = (index: number) => {
    const userId = `${idPrefix}-${users[index] as number}`
    const tabs = tabsOf[index] as number
    const last = users.length - 1
    users[index] = users[last] as number
    tabsOf[index] = tabsOf[last] as number
    users.pop()
    tabsOf.pop()
    for (let tab = 1; tab <= tabs; tab++) {
      const connectionId = connectionIdOf(userId, tab)
      // A leave clears typing on receivers at once; no stop signal needed.
      typing.delete(connectionId)
      if (!hub.destroyed) hub.removeVirtual(room, connectionId)
      events++
    }
    connectionCount -= tabs
  }

  /** A user drawn at random, as `random.pick(users)` would draw one: by position. */
  const randomUser = (): number => random.int(0, users.length - 1)

  const resize = () => {
    while (users.length < settings.members) addUser()
    while (users.length > settings.members) removeUser(randomUser())
  }

  const churn = () => {
    const target = settings.members
    if (users.length > target) removeUser(randomUser())
    else if (users.length < target) addUser()
    else if (target > 0) {
      if (random.chance(0.5)) removeUser(randomUser())
      else addUser()
    }
  }

  const randomConnection = (): string | undefined => {
    if (users.length === 0) return undefined
    const index = randomUser()
    return connectionIdOf(`${idPrefix}-${users[index] as number}`, random.int(1, tabsOf[index] as number))
  }

  const startTyping = () => {
    const connectionId = randomConnection()
    if (connectionId === undefined || typing.has(connectionId)) return
    typing.set(connectionId, now + random.int(MIN_TYPING_MS, MAX_TYPING_MS))
    hub.typingVirtual(room, connectionId, true)
    events++
  }

  const changeActivity = () => {
    const connectionId = randomConnection()
    if (connectionId === undefined) return
    hub.updateVirtual(room, connectionId, { activity: activityReport(random, randomActivityState(random)) })
    events++
  }

  const stopDueTyping = () => {
    for (const [connectionId, stopAt] of typing) {
      if (stopAt > now) continue
      typing.delete(connectionId)
      hub.typingVirtual(room, connectionId, false)
      events++
    }
  }

  const tick = (ms: number) => {
    now += ms
    stopDueTyping()
    churnDue += (settings.churnPerSecond * ms) / 1000
    for (; churnDue >= 1; churnDue--) churn()
    typingDue += (settings.typingPerSecond * ms) / 1000
    for (; typingDue >= 1; typingDue--) startTyping()
    activityDue += (settings.activityPerSecond * ms) / 1000
    for (; activityDue >= 1; activityDue--) changeActivity()
  }

  const step = (ms: number) => {
    if (!Number.isFinite(ms) || ms < 0)
      throw new RangeError(`crowd.step(ms): ms must be a finite number ≥ 0, got ${ms}.`)
    // Slices of at most one interval, so typing stops and rates land where they would with the timer.
    for (let left = ms; left > 0; left -= settings.intervalMs) {
      // A sink reacting to the crowd may dispose it or destroy the hub mid-step.
      if (disposed) return
      if (hub.destroyed) return stop()
      tick(Math.min(left, settings.intervalMs))
    }
  }

  const start = () => {
    if (disposed || timer !== undefined) return
    // Fixed slices, not measured elapsed time: a late timer never changes the sequence.
    timer = setInterval(() => step(settings.intervalMs), settings.intervalMs)
  }

  const stop = () => {
    if (timer === undefined) return
    clearInterval(timer)
    timer = undefined
  }

  resize()

  return {
    room,
    get running() {
      return timer !== undefined
    },
    start,
    stop,
    step,
    setOptions(next) {
      if (disposed) return
      const previousInterval = settings.intervalMs
      settings = resolveSettings(settings, next)
      if (timer !== undefined && settings.intervalMs !== previousInterval) {
        stop()
        start()
      }
      if (!hub.destroyed) resize()
    },
    stats: () => ({ members: users.length, connections: connectionCount, typing: typing.size, events }),
    dispose() {
      if (disposed) return
      stop()
      disposed = true
      while (users.length > 0) removeUser(users.length - 1)
      typing.clear()
    },
  }
}

function connectionIdOf(userId: string, tab: number): string {
  return `${userId}/tab-${tab}`
}
