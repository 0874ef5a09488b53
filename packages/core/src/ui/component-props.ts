import { PresenceError } from '../errors.js'

/** Avatar and dot sizes of the components. */
export type PresenceSize = 'sm' | 'md' | 'lg'

const SIZES = new Set<unknown>(['sm', 'md', 'lg'])

/** A size prop made safe: 'sm', 'md' or 'lg'; anything else gives `fallback`. */
export function normalizeSize(value: unknown, fallback: PresenceSize = 'md'): PresenceSize {
  return SIZES.has(value) ? (value as PresenceSize) : fallback
}

/**
 * Checks a component's `room` prop: a non-blank string. Returns the error to report (props often
 * come from untyped sources, so a component renders nothing for a bad room rather than throw).
 */
export function checkRoomProp(value: unknown, component: string): PresenceError | undefined {
  if (typeof value === 'string' && value.trim() !== '') return undefined
  const shown = typeof value === 'string' ? JSON.stringify(value) : typeof value
  return new PresenceError(
    'invalid-input',
    `<${component}>: the "room" prop must be a non-blank string (got ${shown}); nothing is rendered.`,
  )
}
