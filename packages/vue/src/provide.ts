import {
  createServerRenderingClient,
  isBrowser,
  PresenceError,
  type PresenceClient,
} from '@presence-kit/core'
import { hasInjectionContext, inject, provide, type App, type InjectionKey, type Plugin } from 'vue'

/** Where the client of an app (or of a subtree) is provided. */
export const presenceClientKey: InjectionKey<PresenceClient> = Symbol('presence-kit client')

/**
 * A Vue plugin that makes a client available to every composable and component of the app:
 * `app.use(createPresencePlugin(() => createPresenceClient(...)))`. A factory is called once, in the
 * browser only: while rendering on a server (Nuxt, Vite SSR) the app gets a client without a
 * transport, whose rooms show the same loading state the browser's first render shows. A client
 * made by the app is taken as it is: one per app, never a module singleton.
 */
export function createPresencePlugin(client: PresenceClient | (() => PresenceClient)): Plugin {
  let made: PresenceClient | undefined
  return {
    install(app: App) {
      if (typeof client !== 'function') {
        app.provide(presenceClientKey, client)
        return
      }
      made ??= isBrowser() ? client() : createServerRenderingClient()
      app.provide(presenceClientKey, made)
    },
  }
}

/**
 * Makes `client` available to the calling component's descendants, not to the component itself
 * (Vue's `provide`): composables in the same `setup` still see the client from above. Call in `setup`.
 */
export function providePresence(client: PresenceClient): void {
  provide(presenceClientKey, client)
}

/**
 * The client provided by `createPresencePlugin` or `providePresence`. Throws a `PresenceError` that
 * says what to do when there is none.
 */
export function usePresenceClient(): PresenceClient {
  const client = hasInjectionContext() ? inject(presenceClientKey, null) : null
  if (client === null) {
    throw new PresenceError(
      'invalid-state',
      'No presence client here: install it with app.use(createPresencePlugin(() => createPresenceClient(...))) or call providePresence(client) in a parent component.',
    )
  }
  return client
}
