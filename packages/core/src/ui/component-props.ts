import { describeRoomName, isValidRoomName, MAX_ROOM_NAME_LENGTH } from '../room-name.js'

/** Avatar and dot sizes of the components. */
export type PresenceSize = 'sm' | 'md' | 'lg'

/** A size prop made safe: 'sm', 'md' or 'lg'; anything else gives `fallback`. */
export function normalizeSize(value: unknown, fallback: PresenceSize = 'md'): PresenceSize {
  return value === 'sm' || value === 'md' || value === 'lg' ? value : fallback
}

/**
 * Checks a room name given to a hook, composable or component (`where`: `usePresence()`,
 * `<AvatarStack>`): undefined when valid (see `isValidRoomName`), else what is wrong, for the
 * binding to report in development while it shows an empty room. Names often come from untyped
 * sources, so nothing throws. In a production build the text is '' and the bundler drops it; `where`
 * is only ever part of that text, so bindings pass it under the same development check.
 */
export function checkRoomName(value: unknown, where: string): string | undefined {
  if (isValidRoomName(value)) return undefined
  return process.env.NODE_ENV !== 'production'
    ? `${where} needs a room name with a non-space character, at most ${MAX_ROOM_NAME_LENGTH} characters, not ${describeRoomName(value)}; it shows an empty room.`
    : ''
}

/** `checkRoomName` for a component's `room` prop. */
export function checkRoomProp(value: unknown, component: string): string | undefined {
  return checkRoomName(value, `<${component}>`)
}
