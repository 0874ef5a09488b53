import type { ActivityReport } from '../types.js'
import type { MemoryHub } from './memory-hub.js'
import { crowdAvatarUrl, crowdName } from './crowd-names.js'
import { createSeededRandom, type SeededRandom } from './random.js'

export interface SimulatedCrowdOptions {
  hub: MemoryHub
  /** @default 'lobby' */
  room?: string
  /** The same seed and options give the same sequence of events. @default 1 */
  seed?: number
  /** How many users the crowd keeps in the room. @default 100 */
  members?: number
  /** Users leaving (and others joining in their place) per second. @default 0 */
  churnPerSecond?: number
  /** Users starting to type per second; each stops after 1 to 4 seconds. @default 0 */
  typingPerSecond?: number
  /** Activity changes (active, idle, hidden, away) per second. @default 0 */
  activityPerSecond?: number
  /** Share of users with a second or third tab open. @default 0.1 */
  multiTabRatio?: number
  /** How often `start()` steps the simulation. @default 100 */
  intervalMs?: number
}

export interface SimulatedCrowdStats {
  readonly members: number
  readonly connections: number
  readonly typing: number
  /** Hub operations performed so far. */
  readonly events: number
}

export interface SimulatedCrowd {
  /** Steps the simulation on a timer of its own. */
  start(): void
  stop(): void
  /** Advances simulated time by `ms` at once, without timers (tests and benchmarks). */
  step(ms: number): void
  setOptions(options: Partial<Omit<SimulatedCrowdOptions, 'hub' | 'room' | 'seed'>>): void
  stats(): SimulatedCrowdStats
  /** Stops and removes every connection the crowd added. */
  dispose(): void
}

interface SimulatedUser {
  readonly userId: string
  readonly index: number
  readonly connections: string[]
}

const ACTIVITY_STATES: readonly ActivityReport[] = [
  { inactiveMs: 0, hidden: false, away: false },
  { inactiveMs: 90_000, hidden: false, away: false },
  { inactiveMs: 0, hidden: true, away: false },
  { inactiveMs: 0, hidden: false, away: true },
]

/**
 * A seeded, deterministic crowd of virtual users in one room of a memory hub: joins, multi-tab
 * users, churn, typing and activity changes at the rates asked for. Drives stories, demos and
 * benchmarks without any real client.
 */
export function createSimulatedCrowd(options: SimulatedCrowdOptions): SimulatedCrowd {
  const { hub } = options
  const room = options.room ?? 'lobby'
  const random: SeededRandom = createSeededRandom(options.seed ?? 1)
  const settings = {
    members: options.members ?? 100,
    churnPerSecond: options.churnPerSecond ?? 0,
    typingPerSecond: options.typingPerSecond ?? 0,
    activityPerSecond: options.activityPerSecond ?? 0,
    multiTabRatio: options.multiTabRatio ?? 0.1,
    intervalMs: options.intervalMs ?? 100,
  }
  const present: SimulatedUser[] = []
  const typingUntil = new Map<string, number>()
  let nextIndex = 0
  let now = 0
  let events = 0
  let timer: ReturnType<typeof setInterval> | undefined
  // Fractions of an event carried from one step to the next, so low rates still happen.
  const carry = { churn: 0, typing: 0, activity: 0 }

  function addUser(): void {
    const index = nextIndex++
    const user: SimulatedUser = { userId: `sim-${index}`, index, connections: [] }
    const tabs = random.chance(settings.multiTabRatio) ? random.int(2, 3) : 1
    const name = crowdName(index)
    for (let t = 0; t < tabs; t++) {
      user.connections.push(
        hub.addVirtual(room, {
          userId: user.userId,
          connectionId: `${user.userId}-tab-${t + 1}`,
          data: { name, color: `hsl(${(index * 47) % 360} 60% 45%)` },
          activity: ACTIVITY_STATES[0]!,
          profile: { name, avatarUrl: crowdAvatarUrl(index) },
        }),
      )
      events++
    }
    present.push(user)
  }

  function removeUser(position: number): void {
    const [user] = present.splice(position, 1)
    if (user === undefined) return
    typingUntil.delete(user.userId)
    for (const connectionId of user.connections) {
      hub.removeVirtual(room, connectionId)
      events++
    }
  }

  function resize(): void {
    while (present.length < settings.members) addUser()
    while (present.length > settings.members) removeUser(random.int(0, present.length - 1))
  }

  function due(kind: keyof typeof carry, perSecond: number, ms: number): number {
    carry[kind] += (perSecond * ms) / 1000
    const count = Math.floor(carry[kind])
    carry[kind] -= count
    return count
  }

  function advance(ms: number): void {
    now += ms
    for (const [userId, until] of typingUntil) {
      if (until > now) continue
      typingUntil.delete(userId)
      const user = present.find((u) => u.userId === userId)
      if (user !== undefined) {
        hub.typingVirtual(room, user.connections[0]!, false)
        events++
      }
    }
    for (let i = due('churn', settings.churnPerSecond, ms); i > 0 && present.length > 0; i--) {
      removeUser(random.int(0, present.length - 1))
      addUser()
    }
    for (let i = due('typing', settings.typingPerSecond, ms); i > 0 && present.length > 0; i--) {
      const user = random.pick(present)
      typingUntil.set(user.userId, now + random.int(1_000, 4_000))
      hub.typingVirtual(room, user.connections[0]!, true)
      events++
    }
    for (let i = due('activity', settings.activityPerSecond, ms); i > 0 && present.length > 0; i--) {
      const user = random.pick(present)
      hub.updateVirtual(room, random.pick(user.connections), { activity: random.pick(ACTIVITY_STATES) })
      events++
    }
  }

  resize()

  return {
    start() {
      if (timer !== undefined) return
      timer = setInterval(() => advance(settings.intervalMs), settings.intervalMs)
    },
    stop() {
      if (timer !== undefined) clearInterval(timer)
      timer = undefined
    },
    step(ms) {
      // Whole intervals, so stepping 1 s at once equals ten 100 ms ticks.
      let left = ms
      while (left > 0) {
        const slice = Math.min(left, settings.intervalMs)
        advance(slice)
        left -= slice
      }
    },
    setOptions(next) {
      for (const [key, value] of Object.entries(next)) {
        if (typeof value === 'number' && Number.isFinite(value) && value >= 0 && key in settings) {
          settings[key as keyof typeof settings] = value
        }
      }
      settings.members = Math.floor(settings.members)
      settings.intervalMs = Math.max(1, settings.intervalMs)
      resize()
    },
    stats() {
      return {
        members: present.length,
        connections: present.reduce((sum, user) => sum + user.connections.length, 0),
        typing: typingUntil.size,
        events,
      }
    },
    dispose() {
      this.stop()
      while (present.length > 0) removeUser(present.length - 1)
    },
  }
}
