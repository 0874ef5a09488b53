import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { createServer, type Server } from 'node:net'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHROMIUM_FLAGS, requireChromiumPath } from './chromium.ts'

// What `npm start` runs once the packages are built: the reference server and both demos, with
// their addresses printed. Started here as a user starts it, then stopped as Ctrl-C stops it.

const launcher = fileURLToPath(new URL('./demo.mjs', import.meta.url))

interface Addresses {
  readonly react: string
  readonly vue: string
  readonly server: string
}

let demo: ChildProcess
let output = ''
let addresses: Addresses
let browser: Browser
const blockers: Server[] = []

/**
 * Takes the ports the launcher prefers, so it has to pick others and the pages can reach the server
 * only through the address it hands them (a page that fell back to its built-in default of 3030
 * would find nothing there).
 */
async function blockPreferredPorts(): Promise<void> {
  for (const port of [3030, 5173, 5174]) {
    const blocker = createServer()
    await new Promise<void>((resolve) => {
      blocker.once('error', () => resolve())
      blocker.listen(port, '127.0.0.1', () => resolve())
    })
    if (blocker.listening) blockers.push(blocker)
  }
}

function readAddresses(text: string): Addresses | undefined {
  const react = /React demo\s+(http:\/\/\S+)/.exec(text)?.[1]
  const vue = /Vue demo\s+(http:\/\/\S+)/.exec(text)?.[1]
  const server = /presence server\s+(http:\/\/\S+)/.exec(text)?.[1]
  return react && vue && server ? { react, vue, server } : undefined
}

async function serverConnections(): Promise<number> {
  const health = (await (await fetch(`${addresses.server}/healthz`)).json()) as { connections: number }
  return health.connections
}

/** The printed addresses that still accept a request. */
async function stillAnswering(): Promise<string[]> {
  const tries = Object.values(addresses).map((url) =>
    fetch(url).then(
      () => url,
      () => undefined,
    ),
  )
  return (await Promise.all(tries)).filter((url) => url !== undefined)
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode)
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)))
}

beforeAll(async () => {
  await blockPreferredPorts()
  // A group of its own, so a failed run can take the server and both Vite servers down with it.
  demo = spawn(process.execPath, [launcher], { stdio: ['pipe', 'pipe', 'pipe'], detached: true })
  demo.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  demo.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  addresses = await new Promise<Addresses>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no addresses within 90 s; it printed:\n${output}`)),
      90_000,
    )
    const check = () => {
      const found = readAddresses(output)
      if (found === undefined) return
      clearTimeout(timer)
      resolve(found)
    }
    demo.stdout?.on('data', check)
    demo.once('exit', (code) => reject(new Error(`the demo exited (${code}) before it was up:\n${output}`)))
  })
  browser = await chromium.launch({
    executablePath: requireChromiumPath('The demo launcher test'),
    args: [...CHROMIUM_FLAGS],
  })
}, 120_000)

afterAll(async () => {
  for (const blocker of blockers) blocker.close()
  await browser?.close()
  if (demo?.pid === undefined) return
  try {
    // Every process of the group: after a passing run there are none left and this throws.
    process.kill(-demo.pid, 'SIGKILL')
  } catch {
    // Already gone.
  }
  await exited(demo)
})

describe('npm start', () => {
  it('prints the three addresses, and the server answers on its health path in development mode', async () => {
    expect(output).toContain('presence-kit demo is running:')
    for (const url of Object.values(addresses)) expect(new URL(url).port).not.toMatch(/^(3030|5173|5174)$/)
    expect(output).toMatch(/DEVELOPMENT MODE/)
    const health = (await (await fetch(`${addresses.server}/healthz`)).json()) as Record<string, unknown>
    expect(health).toMatchObject({ status: 'ok', redis: 'disabled' })
  })

  it('serves both demos wired to that server: each page connects and shows its user', async () => {
    for (const page of [addresses.react, addresses.vue]) {
      const tab = await browser.newPage()
      try {
        await tab.goto(`${page}?user=launcher-check&name=Launcher%20Check`)
        // Connected means the page found the printed server on its own: nothing was passed in the address.
        await tab
          .locator('[data-demo="server-link"][data-connection="connected"][data-synced="true"]')
          .waitFor({ timeout: 60_000 })
        await expect
          .poll(() =>
            tab.locator('[data-part="online-list-row"]').filter({ hasText: 'Launcher Check' }).count(),
          )
          .toBe(1)
      } finally {
        await tab.close()
      }
    }
    await expect.poll(serverConnections, { timeout: 10_000 }).toBe(0)
  }, 150_000)

  it('the server stopping leaves both pages up, reconnecting, says how to restart it, and r restarts it', async () => {
    const tabs = await Promise.all([addresses.react, addresses.vue].map(() => browser.newPage()))
    try {
      const links = tabs.map((tab) => tab.locator('[data-demo="server-link"]'))
      for (const [index, page] of [addresses.react, addresses.vue].entries()) {
        await tabs[index]?.goto(`${page}?user=restart-check`)
        await expect
          .poll(() => links[index]?.getAttribute('data-connection'), { timeout: 60_000 })
          .toBe('connected')
      }
      // The launcher's own child: the reference server's CLI, and nothing else, is stopped.
      const server = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(demo.pid)], {
        encoding: 'utf8',
      })
        .split('\n')
        .find((line) => line.includes('server/dist/cli.js'))
      const serverPid = Number(server?.trim().split(/\s+/)[0])
      expect(serverPid).toBeGreaterThan(0)
      process.kill(serverPid, 'SIGTERM')

      await expect.poll(() => output, { timeout: 15_000 }).toContain('Restart it: press r then Enter')
      expect(output).toContain(`--port ${new URL(addresses.server).port} --dev`)
      expect(demo.exitCode).toBeNull()
      for (const link of links) {
        await expect
          .poll(() => link.getAttribute('data-connection'), { timeout: 30_000 })
          .toBe('reconnecting')
      }
      expect(await stillAnswering()).toEqual([addresses.react, addresses.vue])

      demo.stdin?.write('r\n')
      await expect.poll(serverConnections, { timeout: 30_000 }).toBeGreaterThan(0)
      for (const link of links) {
        await expect.poll(() => link.getAttribute('data-connection'), { timeout: 60_000 }).toBe('connected')
      }
    } finally {
      for (const tab of tabs) await tab.close()
    }
  }, 180_000)

  it('stops the server and both demos on Ctrl-C', async () => {
    demo.kill('SIGINT')
    expect(await exited(demo)).toBe(0)
    // Nothing is left listening: every address refuses the connection.
    await expect.poll(stillAnswering, { timeout: 10_000 }).toEqual([])
  }, 30_000)
})
