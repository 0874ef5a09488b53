import { useEffect, useRef } from 'react'

/**
 * Releases the previous `value` once the page has moved to its successor (after the commit that
 * stopped using it). Safe under StrictMode, which runs effects twice: the second run sees the same
 * value and releases nothing.
 */
export function useReleasePrevious<T>(value: T | undefined, release: (old: T) => void): void {
  const previous = useRef<T | undefined>(undefined)
  useEffect(() => {
    const old = previous.current
    previous.current = value
    if (old !== undefined && old !== value) release(old)
    // A new `release` alone (an inline function) re-runs this with the same value: nothing released.
  }, [value, release])
}
