import { readFileSync } from 'node:fs'

/** The machine's CPU time since boot, busy and in all, in clock ticks over every CPU (Linux). */
export interface MachineTicks {
  readonly busy: number
  readonly total: number
}

export function machineTicks(): MachineTicks {
  const [line] = readFileSync('/proc/stat', 'utf8').split('\n', 1)
  // cpu user nice system idle iowait irq softirq steal …: idle and iowait are the idle ones.
  const fields = (line ?? '').trim().split(/\s+/).slice(1, 9).map(Number)
  const total = fields.reduce((sum, value) => sum + value, 0)
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0)
  return { busy: total - idle, total }
}

/** The share of the machine's CPU time that was busy between two readings, from 0 to 1. */
export function busyShare(before: MachineTicks, after: MachineTicks): number {
  const total = after.total - before.total
  return total <= 0 ? Number.NaN : (after.busy - before.busy) / total
}
