import { existsSync } from 'node:fs'

/** The flags Debian's Chromium needs here (no sandbox for root, no GPU, no background traffic). */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/**
 * Frames not held to the display's rate: a frame's time is then the work it took, not the wait
 * for the next refresh, so a 95th percentile can be compared with the 16.7 ms budget.
 */
export const UNCAPPED_FRAME_FLAGS = ['--disable-frame-rate-limit', '--disable-gpu-vsync']

/** `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`; stops with what to do when neither exists. */
export function findChromium(): string {
  const candidates = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium'].filter(
    (path): path is string => typeof path === 'string' && path !== '',
  )
  const found = candidates.find((path) => existsSync(path))
  if (found === undefined) {
    console.error(
      'The browser benchmarks: no Chromium found. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.',
    )
    process.exit(1)
  }
  return found
}
