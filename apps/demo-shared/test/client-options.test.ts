import { createPresenceClient } from '@presence-kit/core'
import { createMemoryHub } from '@presence-kit/core/testing'
import { describe, expect, it } from 'vitest'
import { demoClientOptions, profilePresence } from '../src/client-options.js'
import { readDemoSettings } from '../src/settings.js'

const PAGE = 'http://127.0.0.1:5173/?user=ada'
const ada = { userId: 'ada', name: 'Ada', avatar: 'sun' }

describe('demoClientOptions', () => {
  it('passes the thresholds of the address and the user with an absolute picture URL', () => {
    const options = demoClientOptions(readDemoSettings('?idle=1500&away=4000&grace=500'), ada, PAGE)
    expect(options).toMatchObject({
      user: { id: 'ada', name: 'Ada', avatarUrl: 'http://127.0.0.1:5173/avatars/sun.png' },
      idleAfterMs: 1500,
      awayAfterMs: 4000,
      leaveGraceMs: 500,
    })
  })

  it('drops pairs the core would refuse, so the client can always be made', () => {
    for (const search of [
      '?idle=10000&away=5000',
      '?typingTtl=1000&typingThrottle=2000',
      '?away=1000',
      '?typingTtl=100',
    ]) {
      const options = demoClientOptions(readDemoSettings(search), ada, PAGE)
      const hub = createMemoryHub()
      expect(() => createPresenceClient({ ...options, adapter: hub.adapter() }).destroy()).not.toThrow()
      hub.destroy()
    }
  })

  it('enters rooms with the name and, when there is one, the picture', () => {
    expect(profilePresence(ada, PAGE)).toEqual({
      name: 'Ada',
      avatarUrl: 'http://127.0.0.1:5173/avatars/sun.png',
    })
    expect(profilePresence({ ...ada, avatar: 'none' }, PAGE)).toEqual({ name: 'Ada' })
    expect(profilePresence({ ...ada, avatar: 'made-up' }, PAGE)).toEqual({ name: 'Ada' })
  })
})
