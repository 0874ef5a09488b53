import { availableParallelism, loadavg } from 'node:os'

export function median(values: readonly number[]): number {
  return values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)]!
}

/**
 * The median of several timed runs: robust to a noisy neighbour on a shared machine. One untimed
 * run first, so neither side is timed while its code is still being compiled.
 */
export function medianMs(runs: number, setup: () => () => void): number {
  setup()()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const run = setup()
    globalThis.gc?.()
    const start = performance.now()
    run()
    times.push(performance.now() - start)
  }
  return median(times)
}

function format(n: number): string {
  return n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2)
}

/** `<metric>: kit <value> <unit>, <peer> <value> <unit>, ratio <x>` (above 1: the kit is better). */
export function report(
  metric: string,
  kit: number,
  peerName: string,
  peer: number,
  unit: string,
  higherIsBetter: boolean,
  target?: number,
): number {
  const ratio = higherIsBetter ? kit / peer : peer / kit
  const verdict =
    target === undefined
      ? ''
      : ratio >= target
        ? `  (target ${target}x: met)`
        : `  (target ${target}x: MISSED)`
  console.log(
    `${metric}: kit ${format(kit)} ${unit}, ${peerName} ${format(peer)} ${unit}, ratio ${ratio.toFixed(2)}${verdict}`,
  )
  return ratio
}

/** The machine's load when figures are taken: on a shared machine they mean little without it. */
export function machineLoad(): string {
  const [one, five, fifteen] = loadavg().map((value) => value.toFixed(2))
  return `load average ${one}, ${five}, ${fifteen} on ${availableParallelism()} cores (${new Date().toISOString()})`
}
