#!/usr/bin/env node
// `npm start` ends here (through scripts/kit.mjs, after install and build): the reference presence
// server in memory, in its development mode, and both demo pages on Vite, with their addresses.
// Ctrl-C stops all three. When the server alone stops, the pages stay up (they show the reconnecting
// state, as an app does through a server restart) and the launcher says how to start it again.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const HOST = '127.0.0.1'

/** Resolves with the port it could listen on, or undefined when `value` is taken. */
function tryListen(value) {
  return new Promise((resolve) => {
    const server = createServer()
    server.once('error', () => resolve(undefined))
    server.listen(value, HOST, () => {
      const { port: given } = server.address()
      server.close(() => resolve(given))
    })
  })
}

/** `preferred` when it is free, else any free port the OS gives. */
async function port(preferred) {
  return (await tryListen(preferred)) ?? tryListen(0)
}

const children = []
let stopping = false

function stopAll(code) {
  if (stopping) return
  stopping = true
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM')
  setTimeout(() => process.exit(code), 500).unref()
}

function start(name, command, args, options, onStopped = undefined) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options })
  const prefix = (chunk) =>
    chunk
      .toString()
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => `[${name}] ${line}\n`)
      .join('')
  child.stdout.on('data', (chunk) => process.stdout.write(prefix(chunk)))
  child.stderr.on('data', (chunk) => process.stderr.write(prefix(chunk)))
  child.on('exit', (code, signal) => {
    children.splice(children.indexOf(child), 1)
    if (stopping) return
    const how = signal ?? `exit code ${code}`
    if (onStopped !== undefined) return onStopped(how)
    process.stderr.write(`[${name}] stopped (${how}); stopping the demo.\n`)
    stopAll(1)
  })
  children.push(child)
  return child
}

/** Resolves once `url` answers, or rejects after `timeoutMs`. */
async function waitFor(url, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      const response = await fetch(url)
      if (response.status < 500) return
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s.`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

const serverCli = join(root, 'packages', 'server', 'dist', 'cli.js')
let serverRunning = false

function serverArgs(serverPort) {
  return [serverCli, '--host', HOST, '--port', String(serverPort), '--dev']
}

function startPresenceServer(serverPort) {
  if (!existsSync(serverCli))
    throw new Error(`${serverCli} is missing: build the packages first (pnpm build).`)
  serverRunning = true
  return start('server', process.execPath, serverArgs(serverPort), { cwd: root }, (how) => {
    serverRunning = false
    // The pages stay: they show the reconnecting state until a server answers on the same port.
    process.stderr.write(
      [
        `[server] stopped (${how}). The demo pages stay up and show that they are reconnecting.`,
        `[server] Restart it: press r then Enter here, or run in another terminal`,
        `[server]   node ${serverArgs(serverPort).join(' ')}`,
        '',
      ].join('\n'),
    )
  })
}

/** "r" + Enter restarts a stopped server on its port: the pages reconnect by themselves. */
function listenForRestart(serverPort) {
  if (!process.stdin.readable) return
  process.stdin.setEncoding('utf8')
  process.stdin.on('data', (text) => {
    if (text.trim().toLowerCase() !== 'r' || stopping) return
    if (serverRunning) process.stdout.write('[server] is running; nothing to restart.\n')
    else {
      process.stdout.write('[server] restarting…\n')
      startPresenceServer(serverPort)
    }
  })
  // Reading stdin must not keep the launcher alive once everything has stopped.
  process.stdin.unref?.()
}

function startDemo(framework, demoPort, serverUrl) {
  const app = join(root, 'apps', `${framework}-demo`)
  const vite = join(
    dirname(createRequire(join(app, 'package.json')).resolve('vite/package.json')),
    'bin',
    'vite.js',
  )
  return start(
    framework,
    process.execPath,
    [vite, '--host', HOST, '--port', String(demoPort), '--strictPort', '--clearScreen', 'false'],
    { cwd: app, env: { ...process.env, VITE_PRESENCE_SERVER_URL: serverUrl } },
  )
}

process.on('SIGINT', () => stopAll(0))
process.on('SIGTERM', () => stopAll(0))

const serverPort = await port(3030)
const reactPort = await port(5173)
const vuePort = await port(reactPort === 5174 ? 5175 : 5174)
const serverUrl = `http://${HOST}:${serverPort}`

startPresenceServer(serverPort)
startDemo('react', reactPort, serverUrl)
startDemo('vue', vuePort, serverUrl)

try {
  await Promise.all([
    waitFor(`${serverUrl}/healthz`),
    waitFor(`http://${HOST}:${reactPort}/`),
    waitFor(`http://${HOST}:${vuePort}/`),
  ])
} catch (error) {
  process.stderr.write(`${error.message}\n`)
  stopAll(1)
}

if (!stopping) {
  process.stdout.write(
    [
      '',
      'presence-kit demo is running:',
      `  React demo        http://${HOST}:${reactPort}/`,
      `  Vue demo          http://${HOST}:${vuePort}/`,
      `  presence server   ${serverUrl}  (in memory, development identity: the user id comes from the address)`,
      '',
      `Open a demo in two browsers, or press "Open as another person" on the page. Ctrl-C stops all.`,
      'Stopping the server alone leaves the pages up (reconnecting); press r then Enter to restart it.',
      '',
    ].join('\n'),
  )
  listenForRestart(serverPort)
}
