import type { PresenceLogger } from '../logger.js'

/** The Redis reads of a recovery, which the multi-node tests can stretch to force a race. */
export type RecoveryRead = 'purge' | 'full-resync'

/**
 * For the multi-node tests only: `PRESENCE_TEST_SLOW_READS="purge:1500,full-resync:1500"` holds
 * each such read's result that many milliseconds before it is used, and logs when it starts, so a
 * test can act inside the window a slow Redis would open. Unset (always, outside the tests), free.
 */
function parse(spec: string | undefined): Map<string, number> {
  const delays = new Map<string, number>()
  for (const part of (spec ?? '').split(',')) {
    const [name, ms] = part.split(':')
    const delay = Number(ms)
    if (name !== undefined && name !== '' && Number.isFinite(delay) && delay > 0) delays.set(name, delay)
  }
  return delays
}

const delays = parse(process.env.PRESENCE_TEST_SLOW_READS)

export async function holdRecoveryRead(read: RecoveryRead, log: PresenceLogger): Promise<void> {
  const delay = delays.get(read)
  if (delay === undefined) return
  log.info('test hook: holding a redis read', { read, delayMs: delay })
  await new Promise((resolve) => setTimeout(resolve, delay))
}
