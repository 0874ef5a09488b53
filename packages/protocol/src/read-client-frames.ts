import { WireError } from './error-codes.js'
import type { WireActivity, WireData } from './frames.js'
import { isFiniteNumber, isJsonValue, isPlainObject, jsonBytes } from './guards.js'

/**
 * What the server checks in a client's frames before anything is stored. Each throws a
 * `WireError` whose code the server answers with.
 */

/** How deep presence data may nest. */
export const MAX_DATA_DEPTH = 16

function invalid(message: string): WireError {
  return new WireError('invalid-message', message)
}

/** The body every client event carries: a plain object. */
export function readBody(payload: unknown): Record<string, unknown> {
  if (!isPlainObject(payload)) throw invalid('the message must be an object')
  return payload
}

export function readRoom(body: Record<string, unknown>, maxLength: number): string {
  const room = body.room
  if (typeof room !== 'string' || room.length === 0 || room.length > maxLength) {
    throw invalid(`room must be a string of 1 to ${maxLength} characters`)
  }
  return room
}

/** Presence data: a JSON object (an empty one when left out) of at most `maxBytes` as JSON. */
export function readData(body: Record<string, unknown>, maxBytes: number): WireData {
  const data = body.data ?? {}
  if (!isPlainObject(data) || !isJsonValue(data, MAX_DATA_DEPTH)) {
    throw invalid(`data must be a JSON object at most ${MAX_DATA_DEPTH} levels deep`)
  }
  const bytes = jsonBytes(data)
  if (bytes === undefined || bytes > maxBytes) {
    throw new WireError('data-too-large', `presence data is ${bytes ?? '?'} bytes; the limit is ${maxBytes}`)
  }
  return data as WireData
}

export function readActivity(body: Record<string, unknown>): WireActivity | undefined {
  const activity = body.activity
  if (activity === undefined || activity === null) return undefined
  if (!isPlainObject(activity)) throw invalid('activity must be an object')
  const { inactiveMs, hidden, away } = activity
  if (!isFiniteNumber(inactiveMs) || inactiveMs < 0) {
    throw invalid('activity.inactiveMs must be a number of milliseconds, 0 or more')
  }
  if (typeof hidden !== 'boolean' || typeof away !== 'boolean') {
    throw invalid('activity.hidden and activity.away must be booleans')
  }
  return { inactiveMs, hidden, away }
}

export function readTypingFlag(body: Record<string, unknown>): boolean {
  if (typeof body.typing !== 'boolean') throw invalid('typing must be a boolean')
  return body.typing
}
