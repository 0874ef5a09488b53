/**
 * `value` when it is a function, else `fallback`. Wording and order come from props and from
 * translation files, where `null`, `false` (a `flag && fn`) or a string stands where a function
 * belongs; each of those means "not given", never a crash at the first call.
 */
export function functionOr<F>(value: unknown, fallback: F): F {
  return typeof value === 'function' ? (value as F) : fallback
}
