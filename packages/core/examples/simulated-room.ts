import { createPresenceClient, type Member } from '@presence-kit/core'
import { createMemoryHub, createSimulatedCrowd } from '@presence-kit/core/testing'
import { getDisplayName, getStatusLabel, getTypingSentence, sortMembers } from '@presence-kit/core/ui'

/**
 * A room with a simulated crowd, printed once a second: the headless store at work with no UI.
 * `pnpm example` (or `npm start`) runs it until Ctrl-C; `--seconds N` stops it after N seconds.
 */
const secondsArg = process.argv.indexOf('--seconds')
const seconds = secondsArg > 0 ? Number(process.argv[secondsArg + 1]) : Infinity

const hub = createMemoryHub()
const client = createPresenceClient({ adapter: hub.adapter(), user: { id: 'you', name: 'You' } })
const room = client.room('lobby')
room.join({ status: 'watching the crowd' })

const crowd = createSimulatedCrowd({
  hub,
  members: 40,
  churnPerSecond: 2,
  typingPerSecond: 0.5,
  activityPerSecond: 3,
  multiTabRatio: 0.2,
})
crowd.start()

let joins = 0
let leaves = 0
room.on('join', () => joins++)
room.on('leave', () => leaves++)

const dot: Record<Member['status'], string> = { active: '●', idle: '◐', away: '○', offline: '·' }

function print(): void {
  const state = room.get()
  const counts = { active: 0, idle: 0, away: 0, offline: 0 }
  for (const member of state.members) counts[member.status]++
  const first = sortMembers(state.members)
    .slice(0, 6)
    .map(
      (m) =>
        `${dot[m.status]} ${getDisplayName(m)}${m.isSelf ? ' (you)' : ''}${m.connections.length > 1 ? ` ×${m.connections.length}` : ''}`,
    )
  console.log(
    `${state.count} online (${counts.active} ${getStatusLabel('active').toLowerCase()}, ${counts.idle} idle, ${counts.away} away) · +${joins} −${leaves} since start`,
  )
  console.log(`  ${first.join('  ')}`)
  const typing = getTypingSentence(state.typing)
  if (typing !== '') console.log(`  ${typing}`)
}

let elapsed = 0
const timer = setInterval(() => {
  print()
  elapsed++
  if (elapsed >= seconds) stop()
}, 1_000)

function stop(): void {
  clearInterval(timer)
  crowd.dispose()
  client.destroy()
}

process.on('SIGINT', () => {
  stop()
  process.exit(0)
})
