import { describe, expect, it } from 'vitest'
import { parseCli } from '../src/cli-options.js'
import {
  createPresenceServer,
  createPresenceToken,
  verifyPresenceToken,
  type PresenceServerError,
} from '../src/index.js'
import { SECRET } from './helpers/clients.js'

function codeOf(run: () => unknown): string | undefined {
  try {
    run()
  } catch (error) {
    return (error as PresenceServerError).code
  }
  return undefined
}

describe('presence tokens', () => {
  it('round-trips an identity and refuses it once expired', () => {
    const now = Date.UTC(2030, 0, 1)
    const token = createPresenceToken(
      { userId: 'ada', name: 'Ada', avatarUrl: 'https://x.test/a.png' },
      SECRET,
      {
        expiresInSeconds: 60,
        now,
      },
    )
    expect(verifyPresenceToken(token, SECRET, now + 59_000)).toEqual({
      userId: 'ada',
      name: 'Ada',
      avatarUrl: 'https://x.test/a.png',
    })
    expect(codeOf(() => verifyPresenceToken(token, SECRET, now + 60_000))).toBe('unauthorized')
    expect(codeOf(() => verifyPresenceToken(token, 'a-different-secret-value', now))).toBe('unauthorized')
  })

  it('refuses a short secret and a bad identity when making one', () => {
    expect(codeOf(() => createPresenceToken({ userId: 'ada' }, 'short'))).toBe('invalid-options')
    expect(codeOf(() => createPresenceToken({ userId: '' }, SECRET))).toBe('unauthorized')
    expect(codeOf(() => createPresenceToken({ userId: 'x'.repeat(129) }, SECRET))).toBe('unauthorized')
  })
})

describe('options', () => {
  it('refuses to start without a secret, and wrong limits', async () => {
    const previous = process.env.PRESENCE_SECRET
    delete process.env.PRESENCE_SECRET
    try {
      expect(codeOf(() => createPresenceServer({ logger: 'silent' }))).toBe('invalid-options')
    } finally {
      if (previous !== undefined) process.env.PRESENCE_SECRET = previous
    }
    expect(
      codeOf(() => createPresenceServer({ secret: SECRET, logger: 'silent', limits: { maxDataBytes: -1 } })),
    ).toBe('invalid-options')
    expect(
      codeOf(() =>
        createPresenceServer({
          secret: SECRET,
          logger: 'silent',
          cluster: { heartbeatIntervalMs: 5000, nodeTtlMs: 6000 },
        }),
      ),
    ).toBe('invalid-options')
    // Twice the heartbeat would do, but the key lives a sweep less than the TTL: 5,000 < 2 × 2,000 + 2,000.
    expect(
      codeOf(() =>
        createPresenceServer({
          secret: SECRET,
          logger: 'silent',
          cluster: { heartbeatIntervalMs: 2000, nodeTtlMs: 5000, sweepIntervalMs: 2000 },
        }),
      ),
    ).toBe('invalid-options')
    const justEnough = createPresenceServer({
      secret: SECRET,
      logger: 'silent',
      cluster: { heartbeatIntervalMs: 2000, nodeTtlMs: 6000, sweepIntervalMs: 2000 },
    })
    await justEnough.close()
  })

  it('reads the CLI from flags over the environment', () => {
    const settings = parseCli(['--port', '4100', '--dev', '--node-ttl-ms', '3000'], {
      PORT: '9999',
      HOST: '0.0.0.0',
      REDIS_URL: 'redis://127.0.0.1:6390',
      PRESENCE_SECRET: 'ignored-in-dev-mode',
    })
    if (settings === 'help') throw new Error('expected settings')
    expect(settings.port).toBe(4100)
    expect(settings.host).toBe('0.0.0.0')
    expect(settings.options).toMatchObject({
      devMode: true,
      redisUrl: 'redis://127.0.0.1:6390',
      cluster: { nodeTtlMs: 3000 },
    })
    expect(settings.options.secret).toBeUndefined()
    expect(settings.options.pingTimeoutMs).toBeUndefined()
    const pings = parseCli(['--ping-timeout-ms', '60000'], { PRESENCE_PING_TIMEOUT_MS: '20000' })
    if (pings === 'help') throw new Error('expected settings')
    expect(pings.options.pingTimeoutMs).toBe(60_000)
    expect(codeOf(() => parseCli([], { PRESENCE_PING_TIMEOUT_MS: 'long' }))).toBe('invalid-options')
    expect(parseCli(['--help'], {})).toBe('help')
    expect(codeOf(() => parseCli(['--port', 'eighty'], {}))).toBe('invalid-options')
    expect(codeOf(() => parseCli([], { LOG_LEVEL: 'loud' }))).toBe('invalid-options')
  })

  it('refuses timings from the environment that leave the heartbeat key too short, naming the rule', () => {
    const settings = parseCli([], { PRESENCE_SECRET: SECRET, PRESENCE_NODE_TTL_MS: '5000' })
    if (settings === 'help') throw new Error('expected settings')
    expect(() => createPresenceServer({ ...settings.options, logger: 'silent' })).toThrow(
      /nodeTtlMs must be at least twice cluster\.heartbeatIntervalMs plus cluster\.sweepIntervalMs/,
    )
  })
})
