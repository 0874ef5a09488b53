import { PresenceProvider } from '@presence-kit/react'
import { createSinkClient } from '../core/sink-client.js'
import { createRoot as createProductionRoot } from 'react-dom/client'
import { createRoot as createProfilingRoot } from 'react-dom/profiling'
import { commitCount, resetCommitCount } from './commit-counter.js'
import { churnEvents, kitInput, userId, type BenchEvent } from '../core/workload.js'
import { median } from '../core/measure.js'
import { KitApp } from './kit-app.js'
import { deliverOnePerTask, waitFor } from './one-per-task.js'
import { createSeedPubSub, SeedApp } from './seed-peer.js'

export interface BurstFigures {
  /** From the first event of the burst to the commit that shows the last one. */
  readonly totalMs: number
  /** React commits during that time. */
  readonly commits: number
}

/**
 * The react-dom build: `production` is what users ship (the headline); `profiling` is production
 * with the Profiler's timings on, slower to commit. Commits are counted the same way in both.
 */
export type ReactBuild = 'production' | 'profiling'

const TIMEOUT_MS = 600_000

function mount(app: React.ReactNode, build: ReactBuild) {
  const container = document.createElement('div')
  document.body.append(container)
  const root = (build === 'production' ? createProductionRoot : createProfilingRoot)(container)
  root.render(app)
  return {
    container,
    unmount() {
      root.unmount()
      container.remove()
    },
  }
}

const countShown = (container: Element) => container.querySelector('[data-count]')?.textContent

/** The kit: a client fed through its adapter sink, `usePresence` and `OnlineList`, default batching. */
async function runKit(
  build: ReactBuild,
  steady: number,
  warmup: BenchEvent[],
  events: BenchEvent[],
): Promise<BurstFigures> {
  const { client, sink } = createSinkClient('bench-self')
  const page = mount(
    <PresenceProvider client={client}>
      <KitApp />
    </PresenceProvider>,
    build,
  )
  await waitFor(() => sink() !== undefined, TIMEOUT_MS)
  const roomSink = sink()!
  roomSink.status('connected', { connectionId: 'bench-self-1' })
  roomSink.snapshot(warmup.map(kitInput))
  await waitFor(() => countShown(page.container) === String(steady), TIMEOUT_MS)

  const room = client.room('lobby')
  const last = events[events.length - 1]!
  const reflectsLast = () => room.isUserPresent(userId(last.index)) === (last.kind === 'join')
  let delivered = false
  let commitsAtFinalStore: number | undefined
  const stop = room.on('change', () => {
    if (delivered && commitsAtFinalStore === undefined && reflectsLast()) commitsAtFinalStore = commitCount()
  })
  resetCommitCount()
  const start = performance.now()
  await deliverOnePerTask(events.length, (i) => {
    const event = events[i]!
    if (event.kind === 'join') roomSink.join(kitInput(event))
    else roomSink.leave(kitInput(event))
  })
  delivered = true
  await waitFor(() => commitsAtFinalStore !== undefined && commitCount() > commitsAtFinalStore, TIMEOUT_MS)
  const totalMs = performance.now() - start
  const figures = { totalMs, commits: commitCount() }
  stop()
  page.unmount()
  client.destroy()
  return figures
}

/** An event as seed 000's SDK would deliver it. */
const packet = (event: BenchEvent) =>
  ({
    clientId: userId(event.index),
    topic: 'lobby',
    status: event.kind === 'join' ? 'online' : 'offline',
    timestamp: event.version,
  }) as const

/** Seed 000's hook and plain list, on the same events. */
async function runPeer(
  build: ReactBuild,
  steady: number,
  warmup: BenchEvent[],
  events: BenchEvent[],
): Promise<BurstFigures> {
  const pubsub = createSeedPubSub()
  const page = mount(<SeedApp client={pubsub} />, build)
  await waitFor(() => pubsub.listening('lobby'), TIMEOUT_MS)
  for (const event of warmup) pubsub.publish(packet(event))
  await waitFor(() => countShown(page.container) === String(steady), TIMEOUT_MS)

  resetCommitCount()
  let commitsAtLastEvent = Number.POSITIVE_INFINITY
  const start = performance.now()
  await deliverOnePerTask(events.length, (i) => {
    pubsub.publish(packet(events[i]!))
    if (i === events.length - 1) commitsAtLastEvent = commitCount()
  })
  // The first commit after the last setState renders the final state.
  await waitFor(() => commitCount() > commitsAtLastEvent, TIMEOUT_MS)
  const totalMs = performance.now() - start
  const commits = commitCount()
  page.unmount()
  return { totalMs, commits }
}

/** The kit's median of `runs` and the peer's run, on the same events in the same process. */
export async function jsdomBurst(options: {
  steady: number
  burst: number
  runs: number
  build: ReactBuild
}) {
  const { warmup, events } = churnEvents(options.steady, options.burst)
  const kitRuns: BurstFigures[] = []
  for (let run = 0; run < options.runs; run++) {
    kitRuns.push(await runKit(options.build, options.steady, warmup, events))
  }
  const peer = await runPeer(options.build, options.steady, warmup, events)
  const kit = {
    totalMs: median(kitRuns.map((run) => run.totalMs)),
    commits: median(kitRuns.map((run) => run.commits)),
  }
  return { kit, peer }
}
