import type { PageLifecycleLike } from './types.js'

/**
 * The browser's page lifecycle: `freeze` / `resume` (a page the browser suspends), `pagehide` /
 * `pageshow` (the back-forward cache keeps a page that is `persisted`), and `pagehide` without it
 * (the page goes). Read only when a room opens, so importing the adapter on a server touches no
 * `window`.
 */
export const browserLifecycle: PageLifecycleLike = {
  listen({ pause, resume, unload }) {
    const target = globalThis as unknown as Partial<Window>
    const doc = target.document
    if (typeof target.addEventListener !== 'function') return () => {}
    const onPageHide = (event: Event) => ((event as PageTransitionEvent).persisted ? pause() : unload())
    const onPageShow = (event: Event) => {
      if ((event as PageTransitionEvent).persisted) resume()
    }
    target.addEventListener('pagehide', onPageHide)
    target.addEventListener('pageshow', onPageShow)
    doc?.addEventListener('freeze', pause)
    doc?.addEventListener('resume', resume)
    return () => {
      target.removeEventListener?.('pagehide', onPageHide)
      target.removeEventListener?.('pageshow', onPageShow)
      doc?.removeEventListener('freeze', pause)
      doc?.removeEventListener('resume', resume)
    }
  },
}
