import { hostname } from 'node:os'
import { parseArgs } from 'node:util'
import { PresenceServerError } from './errors.js'
import type { LogLevel } from './logger.js'
import type { ClusterTimings, PresenceServerOptions } from './options.js'

export interface CliSettings {
  readonly port: number
  readonly host: string
  readonly options: PresenceServerOptions
}

export const CLI_HELP = `presence-kit-server: the presence-kit reference server (Socket.IO, optional Redis)

Options (each also from the environment variable named after it):
  --port <n>                    PORT                 port to listen on (default 3001)
  --host <name>                 HOST                 address to bind (default 127.0.0.1)
  --secret <s>                  PRESENCE_SECRET      secret that presence tokens are signed with
  --redis-url <url>             REDIS_URL            share rooms with other nodes through Redis
  --node-id <id>                PRESENCE_NODE_ID     this node's name in Redis (default host:port)
  --dev                         PRESENCE_DEV=1       development mode: trust ?userId= (never in production)
  --cors-origin <origin>        CORS_ORIGIN          allowed browser origin; * for any
  --log-level <level>           LOG_LEVEL            debug, info, warn or error (default info)
  --heartbeat-interval-ms <n>   PRESENCE_HEARTBEAT_INTERVAL_MS   (default 2000)
  --node-ttl-ms <n>             PRESENCE_NODE_TTL_MS             a silent node's members leave within this (default 10000;
                                                                 at least 2 x heartbeat interval + sweep interval)
  --sweep-interval-ms <n>       PRESENCE_SWEEP_INTERVAL_MS       (default 2000)
  --batch-window-ms <n>         PRESENCE_BATCH_WINDOW_MS         gather a room's changes this long into one frame
                                                                 for clients that read batches; 0 for none (default 50)
  --count-only-prefix <p>       PRESENCE_COUNT_ONLY_PREFIX       rooms whose names start with this are sent as a count
                                                                 to clients that read counts (default none)
  --ping-timeout-ms <n>         PRESENCE_PING_TIMEOUT_MS         how long a client may leave the server's ping unanswered
                                                                 before its connection is cut (default 10000)
  --help                        this text
`

const LEVELS = new Set(['debug', 'info', 'warn', 'error'])

function integer(name: string, text: string | undefined, fallback?: number): number | undefined {
  if (text === undefined || text === '') return fallback
  const value = Number(text)
  if (!Number.isInteger(value) || value < 0) {
    throw new PresenceServerError('invalid-options', `${name} must be a whole number, got "${text}"`)
  }
  return value
}

/** Flags win over the environment; everything is checked before the server starts. */
export function parseCli(argv: readonly string[], env: NodeJS.ProcessEnv): CliSettings | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      secret: { type: 'string' },
      'redis-url': { type: 'string' },
      'node-id': { type: 'string' },
      dev: { type: 'boolean' },
      'cors-origin': { type: 'string' },
      'log-level': { type: 'string' },
      'heartbeat-interval-ms': { type: 'string' },
      'node-ttl-ms': { type: 'string' },
      'sweep-interval-ms': { type: 'string' },
      'batch-window-ms': { type: 'string' },
      'count-only-prefix': { type: 'string' },
      'ping-timeout-ms': { type: 'string' },
      help: { type: 'boolean' },
    },
  })
  if (values.help === true) return 'help'
  const port = integer('port', values.port ?? env.PORT, 3001) as number
  if (port > 65_535)
    throw new PresenceServerError('invalid-options', `port must be at most 65535, got ${port}`)
  const host = values.host ?? env.HOST ?? '127.0.0.1'
  const logLevel = values['log-level'] ?? env.LOG_LEVEL ?? 'info'
  if (!LEVELS.has(logLevel)) {
    throw new PresenceServerError(
      'invalid-options',
      `log level must be debug, info, warn or error, got "${logLevel}"`,
    )
  }
  const devMode = values.dev === true || env.PRESENCE_DEV === '1' || env.PRESENCE_DEV === 'true'
  const cluster: Partial<Record<keyof ClusterTimings, number>> = {}
  const timing = (key: keyof ClusterTimings, flag: string, variable: string) => {
    const value = integer(flag, (values as Record<string, string | undefined>)[flag] ?? env[variable])
    if (value !== undefined) cluster[key] = value
  }
  timing('heartbeatIntervalMs', 'heartbeat-interval-ms', 'PRESENCE_HEARTBEAT_INTERVAL_MS')
  timing('nodeTtlMs', 'node-ttl-ms', 'PRESENCE_NODE_TTL_MS')
  timing('sweepIntervalMs', 'sweep-interval-ms', 'PRESENCE_SWEEP_INTERVAL_MS')
  const batchWindowMs = integer('batch-window-ms', values['batch-window-ms'] ?? env.PRESENCE_BATCH_WINDOW_MS)
  const pingTimeoutMs = integer('ping-timeout-ms', values['ping-timeout-ms'] ?? env.PRESENCE_PING_TIMEOUT_MS)
  const countOnlyPrefix = values['count-only-prefix'] ?? env.PRESENCE_COUNT_ONLY_PREFIX
  const redisUrl = values['redis-url'] ?? env.REDIS_URL
  const secret = values.secret ?? env.PRESENCE_SECRET
  const corsOrigin = values['cors-origin'] ?? env.CORS_ORIGIN
  const options: PresenceServerOptions = {
    devMode,
    logger: logLevel as LogLevel,
    nodeId: values['node-id'] ?? env.PRESENCE_NODE_ID ?? `${hostname()}:${port}`,
    cluster,
    ...(batchWindowMs === undefined ? {} : { batchWindowMs }),
    ...(pingTimeoutMs === undefined ? {} : { pingTimeoutMs }),
    ...(countOnlyPrefix === undefined || countOnlyPrefix === ''
      ? {}
      : { countOnly: (room: string) => room.startsWith(countOnlyPrefix) }),
    ...(redisUrl === undefined || redisUrl === '' ? {} : { redisUrl }),
    ...(secret === undefined || secret === '' || devMode ? {} : { secret }),
    ...(corsOrigin === undefined ? {} : { corsOrigin: corsOrigin === '*' ? true : corsOrigin }),
  }
  return { port, host, options }
}
