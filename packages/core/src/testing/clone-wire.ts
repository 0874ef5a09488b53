/**
 * What a value looks like after a trip through a real wire: fresh arrays and plain objects the
 * receiver owns, so one client freezing or keeping what it got never touches another's copy or the
 * hub's state.
 *
 * The hub does not validate (that is the store's job): anything a serializer would choke on
 * (functions, class instances, cycles) is passed through by reference, so the store sees exactly the
 * bad input a sloppy sender produced.
 */
export function cloneWire<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value
  return cloneValue(value, new Set()) as T
}

function cloneValue(value: unknown, ancestors: Set<object>): unknown {
  if (typeof value !== 'object' || value === null) return value
  if (ancestors.has(value)) return value
  if (Array.isArray(value)) {
    ancestors.add(value)
    const copy = value.map((item: unknown) => cloneValue(item, ancestors))
    ancestors.delete(value)
    return copy
  }
  const prototype: unknown = Object.getPrototypeOf(value)
  if (prototype !== Object.prototype && prototype !== null) return value
  ancestors.add(value)
  const copy: Record<string, unknown> = {}
  for (const key of Object.keys(value)) {
    const item = cloneValue((value as Record<string, unknown>)[key], ancestors)
    // Plain assignment of `__proto__` would set the prototype instead of an own key, as JSON.parse makes.
    if (key === '__proto__') {
      Object.defineProperty(copy, key, { value: item, enumerable: true, writable: true, configurable: true })
    } else {
      copy[key] = item
    }
  }
  ancestors.delete(value)
  return copy
}
