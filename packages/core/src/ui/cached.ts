/** The keyed caches of core/ui (formatters per locale, names per member, snapshots per state). */
interface Cache<K, V> {
  get(key: K): V | undefined
  set(key: K, value: V): unknown
}

/** `cache`'s value for `key`, made by `make` the first time it is asked for and kept. */
export function cached<K, V>(cache: Cache<K, V>, key: K, make: (key: K) => V): V {
  let value = cache.get(key)
  if (value === undefined) cache.set(key, (value = make(key)))
  return value
}
