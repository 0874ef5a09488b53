const two = (n: number) => String(n).padStart(2, '0')

/** `12:04:05.123`, the receiver's wall clock of a record or deadline. */
export function clockTime(at: number): string {
  const date = new Date(at)
  return `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}.${String(date.getMilliseconds()).padStart(3, '0')}`
}

/** `in 2.4 s`, `0.3 s ago`: a deadline against now. */
export function fromNow(at: number, now: number): string {
  const seconds = Math.abs(at - now) / 1000
  const text = seconds < 10 ? seconds.toFixed(1) : String(Math.round(seconds))
  return at >= now ? `in ${text} s` : `${text} s ago`
}

/**
 * JSON of a value from the wire, cut at `max` characters. Never throws: a value that cannot be
 * written as JSON (a cycle, a BigInt, a getter that throws) is described instead.
 */
export function preview(value: unknown, max = 240): string {
  let text: string
  try {
    text = JSON.stringify(value) ?? String(value)
  } catch {
    text = `(not JSON: ${typeof value})`
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

/** A field of a value from the wire, or undefined; never throws, whatever the value is. */
export function field(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null) return undefined
  try {
    return Object.prototype.hasOwnProperty.call(value, key)
      ? (value as Record<string, unknown>)[key]
      : undefined
  } catch {
    return undefined
  }
}

/** `batching 4.0 inputs per commit`, or a dash before the first commit. */
export function batchingRatio(inputs: number, commits: number): string {
  return commits === 0 ? '–' : (inputs / commits).toFixed(1)
}
