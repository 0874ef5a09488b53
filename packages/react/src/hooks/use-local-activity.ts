import { watchDomActivity, type WatchDomActivityOptions } from '@presence-kit/core/dom'
import { useEffect } from 'react'
import { usePresenceClient } from '../provider.js'

/**
 * Feeds the page's input and visibility into the client's local activity, so others see this
 * user as active, idle (no input for a minute, or the tab hidden) or away. Use once near the root.
 * Runs only in the browser.
 */
export function useLocalActivity(options: WatchDomActivityOptions = {}): void {
  const client = usePresenceClient()
  const { window: target, events } = options
  const eventsKey = events?.join(' ')
  useEffect(() => {
    const names = eventsKey?.split(' ')
    return watchDomActivity(client, {
      ...(target === undefined ? {} : { window: target }),
      ...(names === undefined ? {} : { events: names }),
    })
  }, [client, target, eventsKey])
}
