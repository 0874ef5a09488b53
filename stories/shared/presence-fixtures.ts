// Story fixtures shared by the React and the Vue stories: every story gets a real presence client
// on the core's in-memory hub, so the components run through the same store, rules and batching
// they run through against a real backend.
import { createPresenceClient, type PresenceClient, type SelfUser } from '@presence-kit/core'
import {
  countOnlyAdapter,
  createMemoryHub,
  createSimulatedCrowd,
  type MemoryAdapter,
  type MemoryHub,
  type SimulatedCrowd,
} from '@presence-kit/core/testing'
import { createBatchingMeter, type BatchingMeter } from './batching-meter.ts'

/** The room every story shows. */
export const STORY_ROOM = 'lobby'

/** How present a cast member is when the story opens. `offline` means they just left. */
export type CastStatus = 'active' | 'idle' | 'away' | 'offline'

/** A user in a story's room. */
export interface CastMember {
  readonly id: string
  readonly name: string
  /** Left out: a generated raster image, so avatars show pictures unless a story says otherwise. */
  readonly avatarUrl?: string | null
  /** @default 'active' */
  readonly status?: CastStatus
  /** How many tabs the user has open; still one member. @default 1 */
  readonly tabs?: number
}

/** The link between the story's client and the hub. */
export type StoryConnection = 'synced' | 'loading' | 'reconnecting' | 'failed'

/** What a story needs in its room; put it in `parameters.presence`. */
export interface PresenceScenario {
  /** The local user; `false` only watches the room without entering it. @default `SELF` */
  readonly self?: CastMember | false
  readonly members?: readonly CastMember[]
  /** This many generated users besides `members`, e.g. 100,000 for the scrolling stories. */
  readonly crowdSize?: number
  /** Ids of members who keep typing while the story is open. */
  readonly typing?: readonly string[]
  /** This many of the generated users (`crowdSize`) keep typing too, after those in `typing`. */
  readonly crowdTyping?: number
  /** @default 'synced' */
  readonly connection?: StoryConnection
  /** A live crowd driven by the story's args (see `crowdArgs`). */
  readonly live?: boolean
  /**
   * The room is too big to list: the client gets its number of users (and typing), as from a
   * server that keeps it count-only, and the components show the count. @default false
   */
  readonly countOnly?: boolean
  /** Other rooms the client watches, each with the ids of `members` who are in it too. */
  readonly otherRooms?: Readonly<Record<string, readonly string[]>>
}

/** The controls of the live stories, as the simulated crowd names them. */
export interface CrowdArgs {
  readonly members: number
  readonly churnPerSecond: number
  readonly typingPerSecond: number
  readonly multiTabRatio: number
}

export const crowdArgs: CrowdArgs = {
  members: 200,
  churnPerSecond: 5,
  typingPerSecond: 1,
  multiTabRatio: 0.2,
}

export const crowdArgTypes = {
  members: { control: { type: 'range', min: 0, max: 100_000, step: 100 }, description: 'Users in the room' },
  churnPerSecond: {
    control: { type: 'range', min: 0, max: 500, step: 5 },
    description: 'Users leaving or arriving per second',
  },
  typingPerSecond: {
    control: { type: 'range', min: 0, max: 50, step: 1 },
    description: 'Typing bursts started per second',
  },
  multiTabRatio: {
    control: { type: 'range', min: 0, max: 1, step: 0.05 },
    description: 'Share of new users with 2 or 3 tabs open',
  },
} as const

// ---------------------------------------------------------------------------------------------
// The cast

export const SELF: CastMember = { id: 'ada', name: 'Ada Lovelace' }

const grace: CastMember = { id: 'grace', name: 'Grace Hopper', tabs: 3 }
const alan: CastMember = { id: 'alan', name: 'Alan Turing' }
const katherine: CastMember = { id: 'katherine', name: 'Katherine Johnson', status: 'idle' }
const margaret: CastMember = { id: 'margaret', name: 'Margaret Hamilton' }
const tim: CastMember = { id: 'tim', name: 'Tim Berners-Lee', status: 'away' }
const radia: CastMember = { id: 'radia', name: 'Radia Perlman' }
const edsger: CastMember = { id: 'edsger', name: 'Edsger Dijkstra' }
const barbara: CastMember = { id: 'barbara', name: 'Barbara Liskov' }
const donald: CastMember = { id: 'donald', name: 'Donald Knuth' }

export const cast = {
  few: [grace, alan, katherine, margaret, tim],
  /** More than an avatar stack shows, so it ends in "+N". */
  many: [grace, alan, katherine, margaret, tim, radia, edsger, barbara, donald],
  /** Names with accents and capitals, for the search stories. */
  accented: [
    { id: 'elodie', name: 'Élodie Ångström' },
    { id: 'zoe', name: 'Zoë MÜLLER' },
  ] satisfies CastMember[],
  everyStatus: [
    { id: 'active', name: 'Ines Active', status: 'active' },
    { id: 'idle', name: 'Ivan Idle', status: 'idle' },
    { id: 'away', name: 'Awa Away', status: 'away' },
    { id: 'offline', name: 'Otto Offline', status: 'offline' },
  ],
  longNames: [
    {
      id: 'long-1',
      name: 'Pablo Diego José Francisco de Paula Juan Nepomuceno María de los Remedios Ruiz Picasso',
    },
    {
      id: 'long-2',
      name: 'Wolfeschlegelsteinhausenbergerdorffwelchevoralternwarengewissenhaftschaferswessen',
    },
    { id: 'long-3', name: 'Hubert Blaine Wolfeschlegelsteinhausenbergerdorff Senior the Third of His Name' },
  ],
  rightToLeft: [
    { id: 'layla', name: 'ليلى عبد الله' },
    { id: 'noa', name: 'נועה כהן' },
    { id: 'sara', name: 'سارا رضایی', status: 'idle' },
    { id: 'yosef', name: 'יוסף לוי', status: 'away' },
  ],
  /** Each avatar URL must end in initials: refused by `isSafeImageUrl`, or failing to load. */
  badAvatars: [
    { id: 'not-found', name: 'Nora Notfound', avatarUrl: 'https://avatars.invalid/missing.png' },
    { id: 'script', name: 'Jay Script', avatarUrl: 'javascript:alert(1)' },
    { id: 'svg', name: 'Sven Svg', avatarUrl: 'data:image/svg+xml,<svg onload="alert(1)"></svg>' },
    { id: 'html', name: 'Hana Html', avatarUrl: 'data:text/html,<script>alert(1)</script>' },
    { id: 'protocol-relative', name: 'Paul Relative', avatarUrl: '//avatars.invalid/1.png' },
    { id: 'padded', name: 'Wim Whitespace', avatarUrl: '  https://avatars.invalid/2.png' },
    { id: 'garbage', name: 'Gus Garbage', avatarUrl: 'not a url' },
    { id: 'none', name: 'Nell Noavatar', avatarUrl: null },
  ],
} satisfies Record<string, readonly CastMember[]>

/** Who types in the typing stories (ids from `cast.many`). */
export const typers = {
  one: ['grace'],
  two: ['grace', 'alan'],
  many: ['grace', 'alan', 'margaret', 'radia', 'edsger'],
}

// ---------------------------------------------------------------------------------------------
// A story's presence

/** A story's room on its own hub and client; `dispose` releases all of it. */
export interface StoryPresence {
  readonly room: string
  readonly hub: MemoryHub
  readonly client: PresenceClient
  readonly crowd: SimulatedCrowd | undefined
  /** Events the client received and the store updates they made, counted from the start. */
  readonly batching: BatchingMeter
  /**
   * A member starts typing and keeps on, re-sending every 2 s as a typing client does, until
   * `stopTyping`: a page that stalls for longer than the receiver's 6 s (another story's crowd of
   * 100,000 being let go) does not see the typing expire in the middle of a play.
   */
  startTyping(userId: string): void
  stopTyping(userId: string): void
  /** Applies the live controls to the crowd; unchanged values change nothing. */
  setCrowd(args: Partial<CrowdArgs>): void
  /** The client's link drops (the roster stays, stale) or comes back. */
  dropLink(): void
  restoreLink(): void
  dispose(): void
}

// The core keeps typing for 6 s after the last signal; a typer who keeps typing re-sends every 2 s.
const TYPING_REFRESH_MS = 2_000

/**
 * Builds the hub, the room's other users and the client, joins the local user, and brings the link
 * into the scenario's state. Everyone but the local user is in the room before the client opens it,
 * so even 100,000 members arrive in one snapshot.
 */
export function createStoryPresence(
  scenario: PresenceScenario = {},
  args: Partial<CrowdArgs> = {},
): StoryPresence {
  const connection = scenario.connection ?? 'synced'
  // A hub that never delivers keeps the client before its first snapshot: the loading state.
  const hub = createMemoryHub({ delivery: connection === 'loading' ? 'manual' : 'sync' })
  const members = scenario.members ?? []
  const connectionsOf = new Map<string, string[]>()

  for (const member of members) {
    const tabs = Math.max(1, member.tabs ?? 1)
    const ids: string[] = []
    for (let tab = 1; tab <= tabs; tab++) {
      const profile = profileOf(member)
      ids.push(
        hub.addVirtual(STORY_ROOM, {
          userId: member.id,
          connectionId: `${member.id}/tab-${tab}`,
          data: { name: member.name },
          activity: activityOf(member.status),
          profile,
        }),
      )
    }
    connectionsOf.set(member.id, ids)
  }

  const crowd = createCrowd(hub, scenario, args)

  const self = scenario.self ?? SELF
  const adapter: MemoryAdapter = hub.adapter()
  const user: SelfUser = self === false ? { id: 'watcher', name: 'Watcher' } : selfUserOf(self)
  const client = createPresenceClient({
    adapter: scenario.countOnly === true ? countOnlyAdapter(adapter, (name) => name === STORY_ROOM) : adapter,
    user,
    // Members who left show as offline at once and stay listed while the story is open.
    leaveGraceMs: 0,
    offlineRetentionMs: 60 * 60 * 1000,
  })
  const room = client.room(STORY_ROOM)
  const batching = createBatchingMeter(hub, room)
  if (self === false) room.watch()
  else room.join({ name: self.name })

  for (const [name, ids] of Object.entries(scenario.otherRooms ?? {})) {
    for (const id of ids) {
      const member = members.find((candidate) => candidate.id === id)
      if (member === undefined) throw new Error(`No member "${id}" in this story's room.`)
      hub.addVirtual(name, { userId: id, connectionId: `${id}/${name}`, data: { name: member.name } })
    }
    client.room(name).watch()
  }

  // Those who are offline in the story were there when the client arrived, then left.
  for (const member of members) {
    if (member.status !== 'offline') continue
    for (const id of connectionsOf.get(member.id) ?? []) hub.removeVirtual(STORY_ROOM, id)
  }

  const typingTimers = new Map<string, ReturnType<typeof setInterval>>()
  const signal = (userId: string, typing: boolean) => {
    const ids = connectionsOf.get(userId)
    if (ids === undefined) throw new Error(`No member "${userId}" in this story's room.`)
    if (!hub.destroyed && ids[0] !== undefined) hub.typingVirtual(STORY_ROOM, ids[0], typing)
  }
  const keepTyping = (userId: string) => {
    signal(userId, true)
    clearInterval(typingTimers.get(userId))
    typingTimers.set(
      userId,
      setInterval(() => signal(userId, true), TYPING_REFRESH_MS),
    )
  }
  for (const userId of scenario.typing ?? []) keepTyping(userId)
  const crowdTypers = crowdConnections(scenario.crowdTyping ?? 0, scenario.crowdSize ?? 0)
  const crowdTyping = () => {
    if (hub.destroyed) return
    for (const connectionId of crowdTypers) hub.typingVirtual(STORY_ROOM, connectionId, true)
  }
  crowdTyping()
  const crowdTypingTimer = crowdTypers.length > 0 ? setInterval(crowdTyping, TYPING_REFRESH_MS) : undefined

  // Last, so the typers and the roster were seen before the link went down.
  if (connection === 'reconnecting') hub.disconnect(adapter, { removeFromRoom: false })
  if (connection === 'failed') hub.inject(STORY_ROOM, { method: 'status', payload: 'failed' })

  return {
    room: STORY_ROOM,
    hub,
    client,
    crowd,
    batching,
    startTyping: keepTyping,
    stopTyping(userId) {
      clearInterval(typingTimers.get(userId))
      typingTimers.delete(userId)
      signal(userId, false)
    },
    setCrowd(next) {
      crowd?.setOptions(pickCrowdSettings(next))
    },
    dropLink: () => hub.disconnect(adapter, { removeFromRoom: false }),
    restoreLink: () => hub.reconnect(adapter),
    dispose() {
      for (const timer of typingTimers.values()) clearInterval(timer)
      clearInterval(crowdTypingTimer)
      batching.dispose()
      crowd?.dispose()
      client.destroy()
      hub.destroy()
    },
  }
}

function createCrowd(
  hub: MemoryHub,
  scenario: PresenceScenario,
  args: Partial<CrowdArgs>,
): SimulatedCrowd | undefined {
  if (scenario.live === true) {
    const crowd = createSimulatedCrowd({
      hub,
      room: STORY_ROOM,
      ...pickCrowdSettings({ ...crowdArgs, ...args }),
      activityPerSecond: 2,
    })
    crowd.start()
    return crowd
  }
  if (scenario.crowdSize !== undefined && scenario.crowdSize > 0) {
    // A still crowd: generated once, never stepped.
    return createSimulatedCrowd({
      hub,
      room: STORY_ROOM,
      members: scenario.crowdSize,
      idPrefix: CROWD_ID_PREFIX,
    })
  }
  return undefined
}

// The still crowd's ids are `crowd-1/tab-1`, `crowd-2/tab-1`, …: every generated user has a first tab.
const CROWD_ID_PREFIX = 'crowd'

function crowdConnections(typing: number, crowdSize: number): string[] {
  const count = Math.min(Math.max(0, Math.floor(typing)), crowdSize)
  return Array.from({ length: count }, (_, index) => `${CROWD_ID_PREFIX}-${index + 1}/tab-1`)
}

function pickCrowdSettings(args: Partial<CrowdArgs>): Partial<CrowdArgs> {
  const settings: { -readonly [K in keyof CrowdArgs]?: number } = {}
  for (const key of ['members', 'churnPerSecond', 'typingPerSecond', 'multiTabRatio'] as const) {
    const value = args[key]
    if (typeof value === 'number' && Number.isFinite(value)) settings[key] = value
  }
  return settings
}

// Receivers age activity on their own clock: two minutes without input is idle, away is said outright.
function activityOf(status: CastStatus | undefined) {
  switch (status) {
    case 'idle':
      return { inactiveMs: 120_000, hidden: false, away: false }
    case 'away':
      return { inactiveMs: 0, hidden: false, away: true }
    default:
      return { inactiveMs: 0, hidden: false, away: false }
  }
}

function profileOf(member: CastMember): { name: string; avatarUrl?: string } {
  const avatarUrl = member.avatarUrl === undefined ? generatedAvatar(member.id) : member.avatarUrl
  return avatarUrl === null || avatarUrl === undefined
    ? { name: member.name }
    : { name: member.name, avatarUrl }
}

function selfUserOf(member: CastMember): SelfUser {
  const avatarUrl = member.avatarUrl === undefined ? generatedAvatar(member.id) : member.avatarUrl
  return avatarUrl === null || avatarUrl === undefined
    ? { id: member.id, name: member.name }
    : { id: member.id, name: member.name, avatarUrl }
}

const avatarCache = new Map<string, string>()

/**
 * A small PNG drawn in the page, so stories show real pictures without a network. Undefined where
 * there is no canvas (a server render), which shows the initials.
 */
function generatedAvatar(seed: string): string | undefined {
  if (typeof document === 'undefined') return undefined
  const cached = avatarCache.get(seed)
  if (cached !== undefined) return cached
  const canvas = document.createElement('canvas')
  canvas.width = 64
  canvas.height = 64
  const context = canvas.getContext('2d')
  if (context === null) return undefined
  let hash = 0
  for (const char of seed) hash = (hash * 31 + char.charCodeAt(0)) >>> 0
  const hue = hash % 360
  const gradient = context.createLinearGradient(0, 0, 64, 64)
  gradient.addColorStop(0, `hsl(${hue} 70% 55%)`)
  gradient.addColorStop(1, `hsl(${(hue + 60) % 360} 70% 35%)`)
  context.fillStyle = gradient
  context.fillRect(0, 0, 64, 64)
  context.fillStyle = 'rgb(255 255 255 / 0.85)'
  context.beginPath()
  context.arc(32, 26, 12, 0, Math.PI * 2)
  context.arc(32, 64, 22, Math.PI, 0)
  context.fill()
  const url = canvas.toDataURL('image/png')
  avatarCache.set(seed, url)
  return url
}

// ---------------------------------------------------------------------------------------------
// Storybook lifecycle, the same in both frameworks

/** The part of a story context the fixtures read and write. */
export interface PresenceStoryContext {
  readonly parameters: { readonly presence?: PresenceScenario }
  readonly args: Record<string, unknown>
  readonly loaded: Record<string, unknown>
}

/**
 * A project-wide `beforeEach`: a story with `parameters.presence` gets its presence in
 * `context.loaded.presence` before it renders; Storybook runs the returned cleanup when it leaves.
 */
export function presenceBeforeEach(context: PresenceStoryContext): (() => void) | undefined {
  const scenario = context.parameters.presence
  if (scenario === undefined) return undefined
  const presence = createStoryPresence(scenario, context.args as Partial<CrowdArgs>)
  context.loaded['presence'] = presence
  const lease: Lease = { rendered: 0, mounted: false, released: false, disposed: false }
  leases.set(presence, lease)
  // Storybook runs a story's cleanup before it unmounts the story; a docs page that renders one
  // story twice runs the first render's cleanup when the second starts, before the first has even
  // mounted; and a docs page unmounts its stories later still. A client destroyed while its
  // components are on the page (or about to be) makes them render on a destroyed client: it goes
  // once the story is left and its tree is gone (see `holdStoryPresence`).
  return () => {
    lease.released = true
    disposeWhenFree(presence)
    // A render that never mounts (aborted, failed) must not keep the presence's timers for ever.
    setTimeout(() => {
      if (!lease.mounted) {
        lease.mounted = true
        disposeWhenFree(presence)
      }
    }, NEVER_MOUNTED_MS)
  }
}

// How long a left story's presence waits for a tree that has not mounted yet.
const NEVER_MOUNTED_MS = 10_000

interface Lease {
  /** Trees of the story on the page now. */
  rendered: number
  /** Whether a tree of the story has mounted (or given up on). */
  mounted: boolean
  released: boolean
  disposed: boolean
}

const leases = new WeakMap<StoryPresence, Lease>()

function disposeWhenFree(presence: StoryPresence): void {
  // In the next task: an unmount's own effects and commits finish first.
  setTimeout(() => {
    const lease = leases.get(presence)
    if (lease === undefined || lease.disposed || !lease.released || !lease.mounted || lease.rendered > 0)
      return
    lease.disposed = true
    presence.dispose()
  }, 0)
}

/**
 * Called by the decorators when the story's tree mounts: the story's client is not destroyed until
 * the returned function has run (on unmount) and Storybook has left the story.
 */
export function holdStoryPresence(presence: StoryPresence): () => void {
  const lease = leases.get(presence)
  if (lease === undefined) return () => undefined
  lease.rendered++
  lease.mounted = true
  let held = true
  return () => {
    if (!held) return
    held = false
    lease.rendered--
    disposeWhenFree(presence)
  }
}

/** The story's presence, for decorators and play functions; undefined for a story without one. */
export function findStoryPresence(context: Pick<PresenceStoryContext, 'loaded'>): StoryPresence | undefined {
  return context.loaded['presence'] as StoryPresence | undefined
}

export function getStoryPresence(context: Pick<PresenceStoryContext, 'loaded'>): StoryPresence {
  const presence = findStoryPresence(context)
  if (presence === undefined) throw new Error('This story has no presence: give it `parameters.presence`.')
  return presence
}
