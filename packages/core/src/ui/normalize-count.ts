/**
 * A count from props or options made safe to compute with: a non-negative integer. Fractions round
 * down and negatives become 0; anything that is not a finite number (NaN, Infinity, a string, null)
 * gives `fallback`. Component props are often fed from untyped sources, and a bad `max` should
 * render a sensible stack rather than throw or loop.
 */
export function normalizeCount(value: unknown, fallback: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback
  return value <= 0 ? 0 : Math.floor(value)
}
