// What the docs' examples take from the reader's app, declared with the types an app would have.
// An example uses nothing else it does not import or define itself. Keep this list short: a name
// belongs here only when defining it in the example would say nothing about presence-kit.

/** The signed-in user, as the app knows them. */
declare const me: { readonly id: string; readonly name: string; readonly avatarUrl: string }

/** The adapter of the app's backend, made as the adapters' README shows. */
declare const adapter: import('@presence-kit/core').PresenceAdapter

/** The app's presence client, for an example that shows only the UI made from it. */
declare const client: import('@presence-kit/core').PresenceClient

/** A presence token from the app's backend (`createPresenceToken` of `@presence-kit/server`). */
declare const token: string
declare function fetchPresenceToken(): Promise<string>

/** The app's settings. */
declare const SUPABASE_URL: string
declare const SUPABASE_ANON_KEY: string
declare const SERVER_URL: string
declare const ACCESS_TOKEN: string

/** The pub/sub SDK's client (its package is not published). */
declare const sdk: import('@presence-kit/adapters/pubsub').PubSubClientLike

/** The app's own API: display info of a user. */
declare const api: { user(userId: string): Promise<import('@presence-kit/core').UserInfo> }

/** Opens a user's profile page. */
declare function openProfile(userId: string): void

/** The Vue app's root component (`App.vue`). */
declare const App: import('vue').Component

/** The server's own HTTP handler (an Express app, say), its login sessions and its access rules. */
declare const app: import('node:http').RequestListener
declare const sessions: {
  verify(
    token: unknown,
  ): Promise<{ readonly userId: string; readonly name: string; readonly avatarUrl: string }>
}
declare const acl: { mayEnter(userId: string, room: string): Promise<boolean> }
