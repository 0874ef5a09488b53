import type { BrowserContext } from '@playwright/test'

/**
 * Requests may go to this machine only: the demo crowd's simulated avatar URLs point at a host that
 * does not exist here, and a page must show its initials fallback without any request leaving.
 */
export async function keepOnLoopback(context: BrowserContext): Promise<void> {
  await context.route(
    (url) => url.hostname !== '127.0.0.1' && url.hostname !== 'localhost',
    (route) => route.abort('blockedbyclient'),
  )
}
