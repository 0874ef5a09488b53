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

/**
 * The Chromium the story tests drive: `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`. Playwright's
 * own browser download is never used.
 */
export function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].filter(
    (path): path is string => typeof path === 'string' && path !== '',
  )
  const found = candidates.find((path) => existsSync(path))
  if (found === undefined) {
    throw new Error(
      'The story tests need Chromium: install it (on Debian or Ubuntu: "apt-get install -y chromium") ' +
        'or set CHROMIUM_PATH to its executable, then run the tests again.',
    )
  }
  return found
}
