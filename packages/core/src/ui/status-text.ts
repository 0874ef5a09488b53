import type { Member } from '../types.js'
import type { PresenceObject } from '../register.js'
import { getMessageOverride } from './message-override.js'
import { getStatusLabel, type StatusMessages } from './status-labels.js'

const MINUTE = 60_000

/**
 * Since when a member has had their status, on the receiver's clock: for idle and away, their
 * latest input on any connection; for who left, when they left. Undefined when unknown.
 */
export function getStatusSince(member: Member<PresenceObject>): number | undefined {
  if (member.status === 'offline') return member.leftAt
  if (member.status === 'active') return undefined
  let latest: number | undefined
  for (const connection of member.connections) {
    const at = connection.lastActiveAt
    if (at !== undefined && (latest === undefined || at > latest)) latest = at
  }
  return latest
}

function pickUnit(ms: number): [number, 'minute' | 'hour' | 'day'] {
  const minutes = Math.max(1, Math.floor(ms / MINUTE))
  if (minutes < 60) return [minutes, 'minute']
  if (minutes < 1440) return [Math.floor(minutes / 60), 'hour']
  return [Math.floor(minutes / 1440), 'day']
}

function safely<T>(format: (locale: string | undefined) => T, locale: string | undefined): T {
  try {
    return format(locale)
  } catch {
    // A bad locale tag from settings costs the language, not the row.
    return format('en')
  }
}

/** What a row says of a member's status: "Active", "Idle · 12 min", "left 2 min ago". */
export function getStatusText(
  member: Member<PresenceObject>,
  now: number,
  messages?: Partial<StatusMessages>,
  locale?: string,
): string {
  const label = getStatusLabel(member.status, messages)
  const since = getStatusSince(member)
  if (since === undefined) return label
  const [value, unit] = pickUnit(now - since)
  if (member.status === 'offline') {
    const [ago, english] = safely((tag) => {
      const format = new Intl.RelativeTimeFormat(tag, { numeric: 'auto', style: 'short' })
      return [format.format(-value, unit), format.resolvedOptions().locale.startsWith('en')] as const
    }, locale)
    // "left" is English: other languages say the status and the time ("Offline · vor 2 Min.")
    // unless the app words it (`messages.left`, with {ago} and {status}).
    const template = getMessageOverride(messages, 'left') ?? (english ? 'left {ago}' : '{status} · {ago}')
    return template.replace('{status}', label).replace('{ago}', ago)
  }
  const duration = safely(
    (tag) => new Intl.NumberFormat(tag, { style: 'unit', unit, unitDisplay: 'short' }).format(value),
    locale,
  )
  return `${label} · ${duration}`
}

/** What a row or card says of a member typing now: `messages.typing`, else "typing…". */
export function getTypingText(messages?: Partial<StatusMessages>): string {
  const text = messages?.typing
  return typeof text === 'string' ? text : 'typing…'
}
