/** Avatar and dot sizes of the components. */
export type PresenceSize = 'sm' | 'md' | 'lg'

/** A size prop made safe: 'sm', 'md' or 'lg'; anything else gives `fallback`. */
export function normalizeSize(value: unknown, fallback: PresenceSize = 'md'): PresenceSize {
  return value === 'sm' || value === 'md' || value === 'lg' ? value : fallback
}

/**
 * Checks a component's `room` prop: a non-blank string. Returns what is wrong, for the framework
 * to report as a `PresenceError` (`invalid-input`); props often come from untyped sources, so a
 * component renders nothing for a bad room rather than throw.
 */
export function checkRoomProp(value: unknown, component: string): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return undefined
  const shown = typeof value === 'string' ? JSON.stringify(value) : typeof value
  return `<${component}> needs a non-blank string "room", not ${shown}`
}
