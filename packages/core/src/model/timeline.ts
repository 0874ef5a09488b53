import type { Clock } from '../clock.js'

/**
 * Many deadlines, one timer. Each key has at most one deadline; rescheduling a key replaces it.
 * The heap keeps stale entries and skips them when they surface, which keeps every change O(log n).
 */
export interface Timeline {
  _schedule(key: string, at: number): void
  _cancel(key: string): void
  /** Drops every deadline; the timeline stays usable. */
  _clear(): void
  _dispose(): void
  readonly _size: number
  /** Every pending deadline by key: read by the inspection API, never written outside. */
  readonly _deadlines: ReadonlyMap<string, number>
}

export function createTimeline(clock: Clock, onDue: (key: string, at: number) => void): Timeline {
  const deadlines = new Map<string, number>()
  const heapAt: number[] = []
  const heapKey: string[] = []
  let timer: unknown
  let timerAt = Infinity
  let disposed = false

  function push(key: string, at: number): void {
    let i = heapAt.length
    heapAt.push(at)
    heapKey.push(key)
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (heapAt[parent]! <= at) break
      heapAt[i] = heapAt[parent]!
      heapKey[i] = heapKey[parent]!
      i = parent
    }
    heapAt[i] = at
    heapKey[i] = key
  }

  function pop(): void {
    const lastAt = heapAt.pop()!
    const lastKey = heapKey.pop()!
    if (heapAt.length === 0) return
    let i = 0
    const n = heapAt.length
    for (;;) {
      const left = 2 * i + 1
      if (left >= n) break
      const right = left + 1
      const child = right < n && heapAt[right]! < heapAt[left]! ? right : left
      if (heapAt[child]! >= lastAt) break
      heapAt[i] = heapAt[child]!
      heapKey[i] = heapKey[child]!
      i = child
    }
    heapAt[i] = lastAt
    heapKey[i] = lastKey
  }

  function skipStale(): void {
    while (heapAt.length > 0 && deadlines.get(heapKey[0]!) !== heapAt[0]) pop()
  }

  function arm(): void {
    if (disposed) return
    skipStale()
    const next = heapAt.length > 0 ? heapAt[0]! : Infinity
    if (next === timerAt) return
    if (timer !== undefined) clock.clearTimeout(timer)
    timer = undefined
    timerAt = next
    if (next === Infinity) return
    timer = clock.setTimeout(fire, Math.max(0, next - clock.now()))
  }

  function fire(): void {
    timer = undefined
    timerAt = Infinity
    const now = clock.now()
    for (;;) {
      skipStale()
      if (heapAt.length === 0 || heapAt[0]! > now) break
      const key = heapKey[0]!
      const at = heapAt[0]!
      pop()
      deadlines.delete(key)
      onDue(key, at)
    }
    arm()
  }

  return {
    _schedule(key, at) {
      if (disposed) return
      if (deadlines.get(key) === at) return
      deadlines.set(key, at)
      push(key, at)
      // Compaction: stale entries can pile up when keys are rescheduled often.
      if (heapAt.length > 64 && heapAt.length > deadlines.size * 4) {
        heapAt.length = 0
        heapKey.length = 0
        for (const [k, a] of deadlines) push(k, a)
      }
      if (at < timerAt) arm()
    },
    _cancel(key) {
      deadlines.delete(key)
    },
    _clear() {
      if (timer !== undefined) clock.clearTimeout(timer)
      timer = undefined
      timerAt = Infinity
      deadlines.clear()
      heapAt.length = 0
      heapKey.length = 0
    },
    _dispose() {
      disposed = true
      if (timer !== undefined) clock.clearTimeout(timer)
      timer = undefined
      deadlines.clear()
      heapAt.length = 0
      heapKey.length = 0
    },
    get _size() {
      return deadlines.size
    },
    _deadlines: deadlines,
  }
}
