import { describe, expect, it } from 'vitest'
import { DEFAULT_SERVER_URL, readDemoSettings } from '../src/settings.js'

describe('readDemoSettings', () => {
  it('gives the defaults for an empty address', () => {
    const settings = readDemoSettings('')
    expect(settings.serverUrl).toBe(DEFAULT_SERVER_URL)
    expect(settings.rooms).toEqual(['lobby'])
    expect(settings.userId).toBeUndefined()
    expect(settings.crowd).toBe(0)
    expect(settings.theme).toBe('system')
    expect(settings.transport).toBe('server')
    expect(settings.idleAfterMs).toBeUndefined()
  })

  it('reads the transport, and falls back to the server for anything else', () => {
    expect(readDemoSettings('?transport=broadcast-channel').transport).toBe('broadcast-channel')
    expect(readDemoSettings('?transport=%20broadcast-channel%20').transport).toBe('broadcast-channel')
    expect(readDemoSettings('?transport=server').transport).toBe('server')
    for (const value of [
      '',
      'BroadcastChannel',
      'Broadcast-Channel',
      'websocket',
      'broadcast-channel,server',
    ]) {
      expect(readDemoSettings(`?transport=${encodeURIComponent(value)}`).transport).toBe('server')
    }
    // The first one counts, as for every other parameter.
    expect(readDemoSettings('?transport=broadcast-channel&transport=server').transport).toBe(
      'broadcast-channel',
    )
  })

  it('reads identity, rooms, thresholds and the crowd', () => {
    const settings = readDemoSettings(
      '?user=ada&name=Ada%20Lovelace&avatar=sun&rooms=lobby,design,lobby&idle=1500&away=4000&grace=2000&typingTtl=2500&crowd=1000&theme=dark',
    )
    expect(settings).toMatchObject({
      userId: 'ada',
      name: 'Ada Lovelace',
      avatar: 'sun',
      rooms: ['lobby', 'design'],
      idleAfterMs: 1500,
      awayAfterMs: 4000,
      leaveGraceMs: 2000,
      typingTtlMs: 2500,
      crowd: 1000,
      theme: 'dark',
    })
  })

  it('prefers ?server= over the build-time default, and ignores what is not http(s)', () => {
    expect(readDemoSettings('?server=http://127.0.0.1:4000/', { serverUrl: 'http://x:1' }).serverUrl).toBe(
      'http://127.0.0.1:4000',
    )
    expect(readDemoSettings('', { serverUrl: 'http://x:1' }).serverUrl).toBe('http://x:1')
    expect(readDemoSettings('?server=javascript:alert(1)').serverUrl).toBe(DEFAULT_SERVER_URL)
    expect(readDemoSettings('?server=not%20a%20url').serverUrl).toBe(DEFAULT_SERVER_URL)
  })

  it('drops bad values instead of breaking the page', () => {
    const settings = readDemoSettings(
      '?user=a%20b%3Cscript%3E&rooms=%3Cx%3E,,&idle=-1&away=soon&crowd=1e9&theme=neon',
    )
    expect(settings.userId).toBeUndefined()
    expect(settings.rooms).toEqual(['lobby'])
    expect(settings.idleAfterMs).toBeUndefined()
    expect(settings.awayAfterMs).toBeUndefined()
    expect(settings.crowd).toBe(100_000)
    expect(settings.theme).toBe('system')
    expect(readDemoSettings('?crowd=2.5').crowd).toBe(0)
  })
})
