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
  const depth = ancestors.length
  try {
    return cloneValue(value) as T
  } finally {
    // A getter that throws mid-copy must not leave its ancestors behind for the next call.
    ancestors.length = depth
  }
}

/**
 * The objects being copied, outermost first: a value found here is a cycle. One array reused by
 * every call, since a snapshot of 100,000 connections clones hundreds of thousands of small objects
 * and a fresh Set for each call was most of the cost; wire values are shallow, so a scan is cheap.
 */
const ancestors: object[] = []

function cloneItem(item: unknown): unknown {
  return typeof item !== 'object' || item === null ? item : cloneValue(item)
}

function cloneValue(value: object): unknown {
  if (ancestors.includes(value)) return value
  if (Array.isArray(value)) {
    ancestors.push(value)
    const copy = value.map(cloneItem)
    ancestors.pop()
    return copy
  }
  const prototype: unknown = Object.getPrototypeOf(value)
  if (prototype !== Object.prototype && prototype !== null) return value
  ancestors.push(value)
  const copy: Record<string, unknown> = {}
  for (const key of Object.keys(value)) {
    const item = cloneItem((value as Record<string, unknown>)[key])
    // Plain assignment of `__proto__` would set the prototype instead of an own key, as JSON.parse makes.
    if (key === '__proto__') {
      Object.defineProperty(copy, key, { value: item, enumerable: true, writable: true, configurable: true })
    } else {
      copy[key] = item
    }
  }
  ancestors.pop()
  return copy
}
