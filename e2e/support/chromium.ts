import { existsSync } from 'node:fs'

/** The flags Debian's Chromium needs on these machines (no sandbox for root, no GPU, no phoning home). */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** The system Chromium: `CHROMIUM_PATH`, else Debian's; Playwright's own download is never used. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']
  for (const candidate of candidates) {
    if (candidate !== undefined && candidate !== '' && existsSync(candidate)) return candidate
  }
  throw new Error(
    'The end-to-end tests need Chromium: install it ("apt-get install -y chromium") or set CHROMIUM_PATH to its path.',
  )
}
