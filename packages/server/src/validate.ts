import { PresenceServerError } from './errors.js'
import type { PresenceLimits } from './options.js'
import type { WireActivity, WireData } from './protocol.js'

const MAX_DEPTH = 16

/** JSON byte size of what Socket.IO parsed, or undefined for values JSON cannot carry. */
export function jsonBytes(value: unknown): number | undefined {
  try {
    const text = JSON.stringify(value)
    return text === undefined ? undefined : Buffer.byteLength(text)
  } catch {
    return undefined
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const prototype: unknown = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

/** Plain JSON only: Socket.IO also carries binary, which presence data must not be. */
function isJson(value: unknown, depth: number): boolean {
  if (depth > MAX_DEPTH) return false
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true
  if (typeof value === 'number') return Number.isFinite(value)
  if (Array.isArray(value)) return value.every((item) => isJson(item, depth + 1))
  if (!isPlainObject(value)) return false
  for (const key of Object.keys(value)) if (!isJson(value[key], depth + 1)) return false
  return true
}

function invalid(message: string): PresenceServerError {
  return new PresenceServerError('invalid-message', message)
}

/** The message body every client event carries: a plain object. */
export function readBody(payload: unknown): Record<string, unknown> {
  if (!isPlainObject(payload)) throw invalid('the message must be an object')
  return payload
}

export function readRoom(body: Record<string, unknown>, limits: PresenceLimits): string {
  const room = body.room
  if (typeof room !== 'string' || room.length === 0 || room.length > limits.maxRoomNameLength) {
    throw invalid(`room must be a string of 1 to ${limits.maxRoomNameLength} characters`)
  }
  return room
}

export function readData(body: Record<string, unknown>, limits: PresenceLimits): WireData {
  const data = body.data ?? {}
  if (!isPlainObject(data) || !isJson(data, 0)) {
    throw new PresenceServerError(
      'invalid-message',
      `data must be a JSON object at most ${MAX_DEPTH} levels deep`,
    )
  }
  const bytes = jsonBytes(data)
  if (bytes === undefined || bytes > limits.maxDataBytes) {
    throw new PresenceServerError(
      'data-too-large',
      `presence data is ${bytes ?? '?'} bytes; the limit is ${limits.maxDataBytes}`,
    )
  }
  return data as WireData
}

export function readActivity(body: Record<string, unknown>): WireActivity | undefined {
  const activity = body.activity
  if (activity === undefined || activity === null) return undefined
  if (!isPlainObject(activity)) throw invalid('activity must be an object')
  const { inactiveMs, hidden, away } = activity
  if (typeof inactiveMs !== 'number' || !Number.isFinite(inactiveMs) || inactiveMs < 0) {
    throw invalid('activity.inactiveMs must be a number of milliseconds, 0 or more')
  }
  if (typeof hidden !== 'boolean' || typeof away !== 'boolean') {
    throw invalid('activity.hidden and activity.away must be booleans')
  }
  return { inactiveMs, hidden, away }
}

export function readTyping(body: Record<string, unknown>): boolean {
  if (typeof body.typing !== 'boolean') throw invalid('typing must be a boolean')
  return body.typing
}
