import { createPresenceClient, type BatchScheduler, type PresenceClientOptions } from '@presence-kit/core'
import { createMemoryHub } from '@presence-kit/core/testing'
import { act, cleanup } from '@testing-library/react'
import type { ReactNode } from 'react'
import { PresenceProvider } from '../../src/provider.js'

/**
 * A room of `members` virtual users on a memory hub, watched by Ada's client. Commits happen only
 * when the test calls `commit()`, so a burst of events can be delivered and committed as one.
 */
export function setupCrowdRoom(members: number, options: Partial<PresenceClientOptions> = {}) {
  const hub = createMemoryHub()
  const connections: string[] = []
  for (let i = 0; i < members; i++) connections.push(addUser(i))
  function addUser(index: number, status?: 'idle'): string {
    return hub.addVirtual('lobby', {
      userId: `user-${index}`,
      connectionId: `c-${index}`,
      data: { name: `User ${String(index).padStart(6, '0')}` },
      ...(status === 'idle' ? { activity: { inactiveMs: 120_000, hidden: false, away: false } } : {}),
    })
  }
  const queued: (() => void)[] = []
  const manual: BatchScheduler = (flush) => {
    queued.push(flush)
    return () => {
      const at = queued.indexOf(flush)
      if (at !== -1) queued.splice(at, 1)
    }
  }
  const client = createPresenceClient({
    adapter: hub.adapter(),
    user: { id: 'ada', name: 'Ada Lovelace' },
    batch: manual,
    leaveGraceMs: 0,
    ...options,
  })
  const commit = () =>
    act(() => {
      for (const flush of queued.splice(0)) flush()
    })
  const wrapper = ({ children }: { children?: ReactNode }) => (
    <PresenceProvider client={client}>{children}</PresenceProvider>
  )
  // Components go before their client, as in an app.
  return { hub, client, connections, addUser, commit, wrapper, destroy: () => (cleanup(), client.destroy()) }
}
