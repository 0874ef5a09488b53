import { existsSync } from 'node:fs'

/**
 * Debian's Chromium, as every browser test, story test, end-to-end test and browser benchmark of
 * the workspace launches it. Playwright's own browser download is never used.
 */

/** The flags it needs on these machines: no sandbox for root, no GPU, no background traffic. */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** The path Chromium is looked for at when `CHROMIUM_PATH` is not set. */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium'

/** `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium` (or Ubuntu's name); undefined when none exists. */
export function findChromium(): string | undefined {
  const candidates = [process.env['CHROMIUM_PATH'], DEBIAN_CHROMIUM, '/usr/bin/chromium-browser'].filter(
    (path): path is string => typeof path === 'string' && path !== '',
  )
  return candidates.find((path) => existsSync(path))
}

/** The message for a machine without Chromium, naming what needs it. */
export function missingChromiumMessage(purpose: string): string {
  return `${purpose} need Chromium: install it (on Debian or Ubuntu: "apt-get install -y chromium") or set CHROMIUM_PATH to its path.`
}

/** Chromium's path, or an error that says what to do. */
export function requireChromiumPath(purpose: string): string {
  const found = findChromium()
  if (found === undefined) throw new Error(missingChromiumMessage(purpose))
  return found
}
