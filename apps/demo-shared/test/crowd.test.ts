import { afterEach, describe, expect, it } from 'vitest'
import { createDemoCrowd, type DemoCrowd } from '../src/crowd.js'

let crowd: DemoCrowd | undefined
afterEach(() => crowd?.dispose())

describe('createDemoCrowd', () => {
  it('fills its own room with the size asked for, the local user among them, and resizes', async () => {
    crowd = createDemoCrowd(100, { user: { id: 'ada', name: 'Ada' }, batch: 'sync' })
    const room = crowd.client.room(crowd.room)
    const release = room.acquire({ name: 'Ada' })
    await new Promise((resolve) => setTimeout(resolve, 50))
    room.flush()
    expect(crowd.stats().members).toBe(100)
    expect(room.get().count).toBeGreaterThanOrEqual(101)
    expect(room.isUserPresent('ada')).toBe(true)

    crowd.setSize(10)
    expect(crowd.stats().members).toBe(10)
    release()
  })
})
