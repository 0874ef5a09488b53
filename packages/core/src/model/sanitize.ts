import { isPlainObject } from '@presence-kit/protocol'
import { PresenceError } from '../errors.js'
import type { PresenceData } from '../types.js'

const MAX_DEPTH = 32

/** Why the last walk failed; read right after a failing `walk` to build the error. */
let problem: PresenceError | undefined

/**
 * Checks that `value` is plain JSON no larger than `maxBytes` (an estimate of its JSON length),
 * freezing it in place on the way so no listener or component can change stored state. Objects
 * must have `Object.prototype` or no prototype: a class instance, a Date or a Map is not JSON.
 * Keys such as `__proto__` stay ordinary own keys because nothing here assigns through a setter.
 *
 * Returns the same object (adapters hand over data they own) or a `PresenceError`.
 */
export function takePresenceData(value: unknown, maxBytes: number): PresenceData | PresenceError {
  if (!isPlainObject(value)) {
    return new PresenceError('invalid-data', 'Presence data must be a plain JSON object.', {
      detail: describe(value),
    })
  }
  if (walk(value, 0, maxBytes) < 0) return takeProblem()
  return value as PresenceData
}

/** Copies data the application owns (so freezing it does not surprise the caller), then takes it. */
export function copyPresenceData(value: unknown, maxBytes: number): PresenceData | PresenceError {
  if (!isPlainObject(value)) return takePresenceData(value, maxBytes)
  if (walk(value, 0, maxBytes, false) < 0) return takeProblem()
  // Checked above: plain JSON without cycles, so the round trip cannot throw and only drops
  // properties whose value is undefined.
  return takePresenceData(JSON.parse(JSON.stringify(value)), maxBytes)
}

function takeProblem(): PresenceError {
  const error = problem ?? new PresenceError('invalid-data', 'Presence data is not plain JSON.')
  problem = undefined
  return error
}

function fail(error: PresenceError): number {
  problem = error
  return -1
}

/**
 * One pass that checks and freezes. Returns the budget left, or -1 with `problem` set. Written
 * as a plain loop without intermediate arrays: it runs for every presence message.
 */
function walk(value: unknown, depth: number, budget: number, freeze = true): number {
  if (depth > MAX_DEPTH) {
    return fail(new PresenceError('invalid-data', `Presence data is nested deeper than ${MAX_DEPTH} levels.`))
  }
  switch (typeof value) {
    case 'string':
      budget -= value.length + 2
      break
    case 'number':
      if (!Number.isFinite(value)) {
        return notJson(String(value), String(value))
      }
      budget -= 8
      break
    case 'boolean':
      budget -= 5
      break
    case 'object': {
      if (value === null) {
        budget -= 4
        break
      }
      if (Array.isArray(value)) {
        budget -= 2
        for (let i = 0; i < value.length && budget >= 0; i++) {
          budget = walk(value[i], depth + 1, budget, freeze)
          if (budget < 0) return budget
        }
      } else {
        if (!isPlainObject(value)) {
          return notJson(`a ${describe(value)}`, describe(value))
        }
        budget -= 2
        for (const key in value) {
          if (!Object.prototype.hasOwnProperty.call(value, key)) continue
          const child = (value as Record<string, unknown>)[key]
          // An absent optional field is common in application code; JSON leaves it out.
          if (child === undefined) continue
          budget -= key.length + 3
          // Strings, the usual field, are measured here rather than in a call of their own.
          budget =
            typeof child === 'string' ? budget - child.length - 2 : walk(child, depth + 1, budget, freeze)
          if (budget < 0) return problem === undefined ? tooLarge() : budget
        }
      }
      if (freeze) Object.freeze(value)
      break
    }
    default:
      return notJson(`a ${typeof value}`)
  }
  return budget < 0 && problem === undefined ? tooLarge() : budget
}

/** `what` names the value (NaN, a Date instance, a function), never its content. */
function notJson(what: string, detail?: string): number {
  return fail(
    new PresenceError('invalid-data', `Presence data holds ${what}, which is not JSON.`, { detail }),
  )
}

function tooLarge(): number {
  return fail(new PresenceError('data-too-large', 'Presence data is larger than maxDataBytes.'))
}

// A plain object as JSON makes it: the check every reader of untrusted input shares, kept once in
// the wire protocol's package (dependency-free; bundled into the core's own files).
export { isPlainObject }

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
