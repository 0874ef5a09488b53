// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { twoPeople } from './support.js'

describe('on a server', () => {
  it('imports without touching a DOM, and mounting throws a clear error', async () => {
    expect(typeof document).toBe('undefined')
    const { mountPresenceDevtools } = await import('../src/index.js')
    const env = twoPeople()
    expect(() => mountPresenceDevtools(env.ada)).toThrow(/needs a DOM: call it in the browser/)
    env.destroy()
  })
})
