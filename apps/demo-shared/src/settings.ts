/**
 * Everything the demo page can be told through its address, so a link (or a test) sets up a
 * scenario: who you are, which rooms, which transport and server, and short thresholds to watch idle
 * and away.
 *
 * `?user=ada&name=Ada&avatar=sun&rooms=lobby,design&server=http://127.0.0.1:3030&idle=2000&away=5000`
 */
export interface DemoSettings {
  /** How presence travels: through the reference server, or between this browser's tabs. */
  readonly transport: DemoTransport
  /** The reference server's address. */
  readonly serverUrl: string
  /** Identity given in the address; the server's development mode trusts it. */
  readonly userId: string | undefined
  readonly name: string | undefined
  /** One of `AVATAR_CHOICES` ids, or `none`. */
  readonly avatar: string | undefined
  /** Rooms joined at start; the first is shown. */
  readonly rooms: readonly string[]
  readonly idleAfterMs: number | undefined
  readonly awayAfterMs: number | undefined
  readonly leaveGraceMs: number | undefined
  readonly typingTtlMs: number | undefined
  readonly typingThrottleMs: number | undefined
  readonly typingAutoStopMs: number | undefined
  readonly activityRefreshMs: number | undefined
  /** Simulated crowd size at start; 0 keeps the crowd off. */
  readonly crowd: number
  readonly theme: DemoTheme
}

export type DemoTheme = 'system' | 'light' | 'dark'

/** `server`: the reference server. `broadcast-channel`: the tabs of this browser, no server. */
export type DemoTransport = 'server' | 'broadcast-channel'

export const DEMO_TRANSPORTS: readonly DemoTransport[] = ['server', 'broadcast-channel']

export function isDemoTransport(value: unknown): value is DemoTransport {
  return (DEMO_TRANSPORTS as readonly unknown[]).includes(value)
}

export const DEFAULT_SERVER_URL = 'http://localhost:3030'
export const DEFAULT_ROOMS: readonly string[] = ['lobby', 'design', 'support']

const ROOM_NAME = /^[\w-]{1,40}$/u
const USER_ID = /^[\w.@-]{1,64}$/u

export function isValidRoomName(value: string): boolean {
  return ROOM_NAME.test(value)
}

export function isValidUserId(value: string): boolean {
  return USER_ID.test(value)
}

function milliseconds(params: URLSearchParams, key: string): number | undefined {
  const raw = params.get(key)
  if (raw === null || raw.trim() === '') return undefined
  const value = Number(raw)
  // A wrong value in the address is ignored rather than breaking the page.
  return Number.isFinite(value) && value >= 0 ? value : undefined
}

function text(params: URLSearchParams, key: string, maxLength: number): string | undefined {
  const value = params.get(key)?.trim()
  return value === undefined || value === '' ? undefined : value.slice(0, maxLength)
}

function serverUrl(value: string | undefined, fallback: string): string {
  if (value === undefined) return fallback
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href.replace(/\/$/u, '') : fallback
  } catch {
    return fallback
  }
}

/** Reads the settings from a query string (`location.search`). */
export function readDemoSettings(
  search: string,
  defaults: { serverUrl?: string | undefined } = {},
): DemoSettings {
  const params = new URLSearchParams(search)
  const userId = text(params, 'user', 64)
  const rooms = (params.get('rooms') ?? '')
    .split(',')
    .map((room) => room.trim())
    .filter(isValidRoomName)
  const crowd = Number(params.get('crowd') ?? 0)
  const theme = params.get('theme')
  const transport = params.get('transport')?.trim()
  return {
    transport: isDemoTransport(transport) ? transport : 'server',
    serverUrl: serverUrl(text(params, 'server', 2048), defaults.serverUrl ?? DEFAULT_SERVER_URL),
    userId: userId !== undefined && isValidUserId(userId) ? userId : undefined,
    name: text(params, 'name', 60),
    avatar: text(params, 'avatar', 20),
    rooms: rooms.length > 0 ? [...new Set(rooms)] : [DEFAULT_ROOMS[0] as string],
    idleAfterMs: milliseconds(params, 'idle'),
    awayAfterMs: milliseconds(params, 'away'),
    leaveGraceMs: milliseconds(params, 'grace'),
    typingTtlMs: milliseconds(params, 'typingTtl'),
    typingThrottleMs: milliseconds(params, 'typingThrottle'),
    typingAutoStopMs: milliseconds(params, 'typingAutoStop'),
    activityRefreshMs: milliseconds(params, 'activityRefresh'),
    crowd: Number.isInteger(crowd) && crowd > 0 ? Math.min(crowd, 100_000) : 0,
    theme: theme === 'light' || theme === 'dark' ? theme : 'system',
  }
}
