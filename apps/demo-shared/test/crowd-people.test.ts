import { createMemoryHub, createSimulatedCrowd } from '@presence-kit/core/testing'
import { describe, expect, it } from 'vitest'
import { localCrowdConnection, withLocalCrowdPeople } from '../src/crowd-people.js'

describe('the crowd seen through withLocalCrowdPeople', () => {
  it('no avatar URL of its users would make the browser fetch anything, and no two neighbours share a name', () => {
    const hub = createMemoryHub()
    const crowd = createSimulatedCrowd({
      hub: withLocalCrowdPeople(hub),
      room: 'crowd',
      seed: 7,
      members: 2_000,
    })
    const connections = hub.connections('crowd')
    expect(connections.length).toBeGreaterThanOrEqual(2_000)
    const users = new Map(connections.map((connection) => [connection.userId, connection]))
    for (const connection of users.values()) {
      const url = connection.profile?.avatarUrl
      if (typeof url === 'string') expect(url).not.toMatch(/^(?:https?:)?\/\//i)
    }
    const names = [...users.values()].map((connection) => String(connection.data['name']))
    expect(new Set(names).size).toBe(users.size)
    crowd.dispose()
    hub.destroy()
  })

  it('keeps an unsafe URL, which shows initials without a request, and names from the user number', () => {
    const unsafe = localCrowdConnection({
      userId: 'sim-3',
      profile: { name: 'x', avatarUrl: 'javascript:alert(1)' },
    })
    expect(unsafe.profile).toEqual({ name: expect.any(String), avatarUrl: 'javascript:alert(1)' })
    expect(localCrowdConnection({ userId: 'sim-3' }).data?.['name']).toBe(unsafe.data?.['name'])
    expect(localCrowdConnection({ userId: 'sim-4' }).data?.['name']).not.toBe(unsafe.data?.['name'])
  })
})
