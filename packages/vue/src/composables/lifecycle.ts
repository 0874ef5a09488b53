import { getCurrentInstance, onMounted } from 'vue'
import { isServerRendering } from './server-rendering.js'

/**
 * Runs `start` (which creates watchers and subscriptions) in the browser only: at once in an effect
 * scope, after mount in a component. Inside a component, joining or subscribing during setup could
 * change the state before the first render, and a hydrating page must render exactly what the
 * server rendered. Watchers created in `onMounted` belong to the component and stop on unmount.
 */
export function startInBrowser(start: () => void): void {
  if (isServerRendering()) return
  const instance = getCurrentInstance()
  if (instance !== null && !instance.isMounted) onMounted(start)
  else start()
}
