/** Longest room name a client accepts; backends key rooms by name, so it stays bounded. */
export const MAX_ROOM_NAME_LENGTH = 256

/**
 * The one rule for a room name, in the core, the hooks, the composables and the components: a
 * string with at least one character that is not white space, at most 256 characters long. A
 * blank name is almost always a value not loaded yet, so it is refused rather than shared by
 * everyone who has one.
 */
export function isValidRoomName(name: unknown): name is string {
  return typeof name === 'string' && name.trim() !== '' && name.length <= MAX_ROOM_NAME_LENGTH
}

/** What was given instead of a valid name, for error messages: the string quoted, else its type. */
export function describeRoomName(name: unknown): string {
  if (typeof name !== 'string') return name === null ? 'null' : typeof name
  return name.length > MAX_ROOM_NAME_LENGTH ? `a string of ${name.length} characters` : JSON.stringify(name)
}
