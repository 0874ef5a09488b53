import { CHROMIUM_FLAGS, DEBIAN_CHROMIUM, findChromium, requireChromiumPath } from '../scripts/chromium.ts'

/** Flags Debian's Chromium needs to run headless here, as root and without a network. */
export const chromiumArgs = [...CHROMIUM_FLAGS]

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
  requireChromiumPath('The story tests')
}
