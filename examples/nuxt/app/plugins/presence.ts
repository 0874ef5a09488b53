import { createSocketIoAdapter } from '@presence-kit/adapters/socket-io'
import { createPresenceClient, createPresencePlugin } from '@presence-kit/vue'
import { defineNuxtPlugin, useRequestURL, useRuntimeConfig } from '#imports'
import { pageUserFrom } from '../page-user'

/**
 * The app's presence client. Nuxt runs this plugin on the server for every request and once in
 * the browser. The adapter is made in both: it opens nothing until a room opens in a browser, so
 * server rendering never connects to the presence server. The client is made by the factory, in
 * the browser only; on the server rooms render in their loading state.
 */
export default defineNuxtPlugin((nuxtApp) => {
  const { presenceServerUrl } = useRuntimeConfig().public
  const user = pageUserFrom(useRequestURL().searchParams)
  const adapter = createSocketIoAdapter({
    url: presenceServerUrl,
    // The reference server in development mode takes the identity from the query.
    query: { userId: user.id, name: user.name },
  })
  nuxtApp.vueApp.use(
    createPresencePlugin(() => createPresenceClient({ adapter, user: { id: user.id, name: user.name } })),
  )
})
