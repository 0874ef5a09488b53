import { PresenceError } from '../errors.js'
import type { PresenceData } from '../types.js'

const MAX_DEPTH = 32

/**
 * Checks that `value` is plain JSON no larger than `maxBytes` (an estimate of its JSON length),
 * then freezes it in place so no listener or component can change stored state. Objects must have
 * `Object.prototype` or no prototype: a class instance, a Date or a Map is not JSON. Keys such as
 * `__proto__` stay ordinary own keys because nothing here assigns through a setter.
 *
 * Returns the same object (adapters hand over data they own) or a `PresenceError`.
 */
export function takePresenceData(value: unknown, maxBytes: number): PresenceData | PresenceError {
  if (!isPlainObject(value)) {
    return new PresenceError('invalid-data', 'Presence data must be a plain JSON object.', {
      detail: describe(value),
    })
  }
  const budget = { left: maxBytes }
  const problem = check(value, 0, budget)
  if (problem !== undefined) return problem
  deepFreeze(value)
  return value as PresenceData
}

/** Copies data the application owns (so freezing it does not surprise the caller), then takes it. */
export function copyPresenceData(value: unknown, maxBytes: number): PresenceData | PresenceError {
  if (!isPlainObject(value)) return takePresenceData(value, maxBytes)
  const problem = check(value, 0, { left: maxBytes })
  if (problem !== undefined) return problem
  // Checked above: plain JSON without cycles, so the round trip cannot throw and only drops
  // properties whose value is undefined.
  return takePresenceData(JSON.parse(JSON.stringify(value)), maxBytes)
}

function check(value: unknown, depth: number, budget: { left: number }): PresenceError | undefined {
  if (depth > MAX_DEPTH) {
    return new PresenceError('invalid-data', `Presence data is nested deeper than ${MAX_DEPTH} levels.`)
  }
  switch (typeof value) {
    case 'string':
      budget.left -= value.length + 2
      break
    case 'number':
      if (!Number.isFinite(value)) {
        return new PresenceError('invalid-data', 'Presence data holds a number that is not finite.', {
          detail: String(value),
        })
      }
      budget.left -= 8
      break
    case 'boolean':
      budget.left -= 5
      break
    case 'object':
      if (value === null) {
        budget.left -= 4
        break
      }
      if (Array.isArray(value)) {
        budget.left -= 2
        for (let i = 0; i < value.length; i++) {
          const problem = check(value[i], depth + 1, budget)
          if (problem !== undefined) return problem
        }
        break
      }
      if (!isPlainObject(value)) {
        return new PresenceError('invalid-data', 'Presence data holds an object that is not plain JSON.', {
          detail: describe(value),
        })
      }
      budget.left -= 2
      for (const key of Object.keys(value)) {
        const child = (value as Record<string, unknown>)[key]
        // An absent optional field is common in application code; JSON leaves it out.
        if (child === undefined) continue
        budget.left -= key.length + 3
        const problem = check(child, depth + 1, budget)
        if (problem !== undefined) return problem
      }
      break
    default:
      return new PresenceError('invalid-data', `Presence data holds a ${typeof value}, which is not JSON.`)
  }
  if (budget.left < 0) {
    return new PresenceError('data-too-large', 'Presence data is larger than maxDataBytes.')
  }
  return undefined
}

function deepFreeze(value: object): void {
  if (Object.isFrozen(value)) return
  Object.freeze(value)
  for (const key of Object.keys(value)) {
    const child = (value as Record<string, unknown>)[key]
    if (typeof child === 'object' && child !== null) deepFreeze(child)
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/** A short description of a rejected value that never includes the value itself. */
export function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'object') {
    const ctor: unknown = (Object.getPrototypeOf(value) as { constructor?: unknown } | null)?.constructor
    return typeof ctor === 'function' && ctor.name ? `${ctor.name} instance` : 'object'
  }
  return typeof value
}
