import { existsSync } from 'node:fs'

/** Flags Debian's Chromium needs to run headless here, as root and without a network. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

const DEBIAN_CHROMIUM = '/usr/bin/chromium'

/**
 * The Chromium the story tests drive: `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`; undefined
 * when neither exists. Playwright's own browser download is never used.
 */
export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, DEBIAN_CHROMIUM].filter(
    (path): path is string => typeof path === 'string' && path !== '',
  )
  return candidates.find((path) => existsSync(path))
}

/** Where to launch Chromium from; a missing one is reported by `requireChromium` before any test. */
export function chromiumExecutable(): string {
  return findChromium() ?? process.env.CHROMIUM_PATH ?? DEBIAN_CHROMIUM
}

/**
 * Global setup of the story-test projects: stops with a message that says what to do when there is
 * no Chromium. A setup rather than a check in the config, so that running other projects on a
 * machine without Chromium still works.
 */
export function requireChromium(): void {
  if (findChromium() !== undefined) return
  throw new Error(
    'The story tests need Chromium: install it (on Debian or Ubuntu: "apt-get install -y chromium") ' +
      'or set CHROMIUM_PATH to its executable, then run the tests again.',
  )
}
