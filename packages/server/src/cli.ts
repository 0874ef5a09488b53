#!/usr/bin/env node
import { CLI_HELP, parseCli } from './cli-options.js'
import { isPresenceServerError } from './errors.js'
import { createPresenceServer } from './presence-server.js'

async function main(): Promise<void> {
  let settings: ReturnType<typeof parseCli>
  try {
    settings = parseCli(process.argv.slice(2), process.env)
  } catch (error) {
    process.stderr.write(
      `presence-kit-server: ${error instanceof Error ? error.message : String(error)}\n\n${CLI_HELP}`,
    )
    process.exit(2)
  }
  if (settings === 'help') {
    process.stdout.write(CLI_HELP)
    return
  }
  const server = createPresenceServer(settings.options)
  const address = await server.listen(settings.port, settings.host)
  process.stdout.write(
    `${JSON.stringify({ time: new Date().toISOString(), level: 'info', msg: 'presence-kit server started', node: server.nodeId, url: `http://${settings.host}:${address.port}` })}\n`,
  )

  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    // A second signal, or a close that hangs, ends the process anyway.
    setTimeout(() => process.exit(1), 10_000).unref()
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`presence-kit-server: close after ${signal} failed: ${String(error)}\n`)
        process.exit(1)
      },
    )
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
}

main().catch((error: unknown) => {
  const code = isPresenceServerError(error) ? ` (${error.code})` : ''
  process.stderr.write(
    `presence-kit-server: ${error instanceof Error ? error.message : String(error)}${code}\n`,
  )
  process.exit(1)
})
