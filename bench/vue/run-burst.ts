import { createPresencePlugin, type ConnectionInput } from '@presence-kit/vue'
import { createSinkClient } from '../core/sink-client.js'
import { createApp } from 'vue'
import { burstEvents, deliverOnePerTask, until, userId, type BurstEvent } from './burst.js'
import { kitApp } from './kit-app.js'
import { createSeedClient, seedApp } from './seed-composition.js'

const ROOM = 'lobby'

function mountPoint(): HTMLElement {
  const element = document.createElement('div')
  document.body.append(element)
  return element
}

const countText = (root: HTMLElement) => root.querySelector('#count')?.textContent

const connection = (index: number): ConnectionInput => ({
  connectionId: `conn-${index}`,
  userId: userId(index),
  data: {},
  version: 1,
  profile: { name: `User ${index}` },
})

/** A client fed straight through its sink (default batching: once per animation frame). */
function createDirectClient() {
  const { client, sink } = createSinkClient('viewer')
  return { client, sink: () => sink()! }
}

/** Milliseconds from the first event until the page shows the final roster, for the kit. */
export async function runKit(members: number, events: readonly BurstEvent[], finalCount: number) {
  const { client, sink } = createDirectClient()
  const root = mountPoint()
  const app = createApp(kitApp(ROOM)).use(createPresencePlugin(client))
  app.mount(root)
  // The room opens after mount; the backend then reports the link and the roster.
  await until(() => true)
  sink().status('connected', { connectionId: 'viewer-1' })
  sink().snapshot(Array.from({ length: members }, (_, index) => connection(index)))
  await until(() => countText(root) === `${members} online`)

  const start = performance.now()
  await deliverOnePerTask(events, (event) => {
    if (event.kind === 'join') sink().join(connection(event.index))
    else sink().leave({ connectionId: `conn-${event.index}`, userId: userId(event.index), version: 2 })
  })
  const setSize = () => root.querySelector('[data-part="online-list-row"]')?.getAttribute('aria-setsize')
  await until(() => countText(root) === `${finalCount} online` && setSize() === String(finalCount))
  const elapsed = performance.now() - start

  const rows = root.querySelectorAll('[data-part="online-list-row"]').length
  app.unmount()
  root.remove()
  client.destroy()
  return { elapsed, rows }
}

/** The same for the seed's composition. */
export async function runSeed(members: number, events: readonly BurstEvent[], finalCount: number) {
  const client = createSeedClient()
  const root = mountPoint()
  const app = createApp(seedApp(client, ROOM))
  app.mount(root)
  const packet = (index: number, status: 'online' | 'offline') =>
    client.publish({ clientId: userId(index), topic: ROOM, status, timestamp: Date.now() })
  // The handler is registered after mount (the composition awaits onPresence in onMounted).
  await until(() => true)
  for (let i = 0; i < members; i++) packet(i, 'online')
  await until(() => countText(root) === `${members} online`)

  const start = performance.now()
  await deliverOnePerTask(events, (event) =>
    packet(event.index, event.kind === 'join' ? 'online' : 'offline'),
  )
  const list = root.querySelector('#list')!
  await until(() => countText(root) === `${finalCount} online` && list.children.length === finalCount)
  const elapsed = performance.now() - start

  const rows = list.children.length
  app.unmount()
  root.remove()
  return { elapsed, rows }
}

export { burstEvents }
