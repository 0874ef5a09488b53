/** Structured logs: one JSON object a line, so any log shipper can read them. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error'

export type LogFields = Readonly<Record<string, unknown>>

export interface PresenceLogger {
  debug(message: string, fields?: LogFields): void
  info(message: string, fields?: LogFields): void
  warn(message: string, fields?: LogFields): void
  error(message: string, fields?: LogFields): void
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 }

export interface JsonLoggerOptions {
  /** @default 'info' */
  readonly level?: LogLevel
  /** Where lines go. @default process.stdout */
  readonly write?: (line: string) => void
  /** Fields added to every line (the node id, for instance). */
  readonly base?: LogFields
}

function errorFields(value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message }
  return value
}

export function createJsonLogger(options: JsonLoggerOptions = {}): PresenceLogger {
  const threshold = RANK[options.level ?? 'info']
  const write = options.write ?? ((line: string) => void process.stdout.write(line))
  const base = options.base ?? {}
  const log = (level: LogLevel, message: string, fields: LogFields = {}) => {
    if (RANK[level] < threshold) return
    const record: Record<string, unknown> = { time: new Date().toISOString(), level, msg: message }
    for (const [key, value] of Object.entries(base)) record[key] = value
    for (const [key, value] of Object.entries(fields)) record[key] = errorFields(value)
    let line: string
    try {
      line = JSON.stringify(record)
    } catch {
      line = JSON.stringify({ time: record.time, level, msg: message, note: 'fields were not serialisable' })
    }
    write(`${line}\n`)
  }
  return {
    debug: (message, fields) => log('debug', message, fields),
    info: (message, fields) => log('info', message, fields),
    warn: (message, fields) => log('warn', message, fields),
    error: (message, fields) => log('error', message, fields),
  }
}

export const silentLogger: PresenceLogger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
}
