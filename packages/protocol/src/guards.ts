/**
 * The small checks every reader of untrusted input needs, once. Values come from JSON (the wire,
 * Redis) or from an app's calls, so "object" means what JSON makes: never an array, a class
 * instance or anything with a prototype of its own.
 */

/** A plain object, as JSON makes it (or one without a prototype). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false
  const prototype: unknown = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

/** A string with something in it: ids, room names. */
export function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value !== ''
}

/** A number JSON can carry: not NaN, not an infinity. */
export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value)
}

/** Plain JSON at most `maxDepth` levels deep: no binary, no class instances, no NaN. */
export function isJsonValue(value: unknown, maxDepth: number, depth = 0): boolean {
  if (depth > maxDepth) return false
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true
  if (typeof value === 'number') return Number.isFinite(value)
  if (Array.isArray(value)) return value.every((item) => isJsonValue(item, maxDepth, depth + 1))
  if (!isPlainObject(value)) return false
  for (const key of Object.keys(value)) if (!isJsonValue(value[key], maxDepth, depth + 1)) return false
  return true
}

/** UTF-8 bytes of a string, counted without encoding it. */
export function utf8Length(text: string): number {
  let bytes = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code < 0x80) bytes += 1
    else if (code < 0x800) bytes += 2
    else if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4
        index++
      } else bytes += 3
    } else bytes += 3
  }
  return bytes
}

/** UTF-8 bytes of a value as JSON, or undefined for values JSON cannot carry (cycles, BigInt). */
export function jsonBytes(value: unknown): number | undefined {
  try {
    const text = JSON.stringify(value)
    return text === undefined ? undefined : utf8Length(text)
  } catch {
    return undefined
  }
}
