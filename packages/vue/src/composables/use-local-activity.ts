import { watchDomActivity, type WatchDomActivityOptions } from '@presence-kit/core'
import { toValue, watch, type MaybeRefOrGetter } from 'vue'
import { usePresenceClient } from '../provide.js'
import { startInBrowser } from './lifecycle.js'

/**
 * Feeds the page's input and visibility into the client's local activity, so others see this
 * user as active, idle (no input for a minute, or the tab hidden) or away, while the calling scope
 * lives. Use once near the root. Does nothing on a server.
 */
export function useLocalActivity(options: MaybeRefOrGetter<WatchDomActivityOptions> = {}): void {
  const client = usePresenceClient()
  startInBrowser(() => {
    watch(
      () => toValue(options),
      (current, _previous, onCleanup) => onCleanup(watchDomActivity(client, current)),
      { immediate: true },
    )
  })
}
