import { getCurrentInstance, inject, ssrContextKey } from 'vue'

/**
 * True inside a component's setup while it renders on a server (`renderToString`). The server
 * renderer provides an SSR context; nothing may subscribe, join or start a timer then, since no
 * unmount will ever come to undo it.
 */
export function isServerRendering(): boolean {
  return getCurrentInstance() !== null && inject(ssrContextKey, null) !== null
}
