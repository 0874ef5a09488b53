import { findChromium as findSystemChromium, missingChromiumMessage } from '../../scripts/chromium.js'

export { CHROMIUM_FLAGS } from '../../scripts/chromium.js'

/**
 * Frames not held to the display's rate: a frame's time is then the work it took, not the wait
 * for the next refresh, so a 95th percentile can be compared with the 16.7 ms budget.
 */
export const UNCAPPED_FRAME_FLAGS = ['--disable-frame-rate-limit', '--disable-gpu-vsync']

/** `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`; stops with what to do when neither exists. */
export function findChromium(): string {
  const found = findSystemChromium()
  if (found === undefined) {
    console.error(missingChromiumMessage('The browser benchmarks'))
    process.exit(1)
  }
  return found
}

/** esbuild `define`s for the production builds users ship: React's and Vue's. */
export const PRODUCTION_DEFINES: Readonly<Record<string, string>> = {
  'process.env.NODE_ENV': '"production"',
  __VUE_OPTIONS_API__: 'true',
  __VUE_PROD_DEVTOOLS__: 'false',
  __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
}
