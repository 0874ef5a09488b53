/**
 * `messages[key]` when it is a string of the object's own, else undefined: what an app's wording
 * overrides a default with. Own properties only, so a key from bad data ("constructor",
 * "__proto__") never reaches Object.prototype; `Object(…)` reads `null` as no overrides.
 */
export function getMessageOverride(messages: unknown, key: string): string | undefined {
  const value = Object.hasOwn(Object(messages), key) ? (messages as Record<string, unknown>)[key] : undefined
  return typeof value === 'string' ? value : undefined
}
