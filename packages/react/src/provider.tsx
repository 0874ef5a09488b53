import {
  createServerRenderingClient,
  isBrowser,
  PresenceError,
  type PresenceClient,
} from '@presence-kit/core'
import { createContext, useContext, useState, type ReactNode } from 'react'

const PresenceContext = createContext<PresenceClient | null>(null)

export type PresenceProviderProps = {
  children?: ReactNode
} & (
  | {
      /** A client from `createPresenceClient`, made by the app: one per app, never a module singleton. */
      client: PresenceClient
      createClient?: never
    }
  | {
      /**
       * Makes the app's one client: called once, in the browser only. While rendering on a server
       * (and so in SSR frameworks such as Next.js) the provider uses a client without a transport,
       * whose rooms show the same loading state the browser's first render shows.
       */
      createClient: () => PresenceClient
      client?: never
    }
)

// StrictMode calls state initialisers twice with the same props: the factory's client is kept per
// factory, so it is still made once.
const madeBy = new WeakMap<() => PresenceClient, PresenceClient>()

function makeOnce(createClient: () => PresenceClient): PresenceClient {
  let client = madeBy.get(createClient)
  if (client === undefined) {
    client = createClient()
    madeBy.set(createClient, client)
  }
  return client
}

/** Makes a presence client available to every hook and component below it. */
export function PresenceProvider(props: PresenceProviderProps) {
  const [made] = useState(() =>
    props.client !== undefined
      ? undefined
      : isBrowser()
        ? makeOnce(props.createClient)
        : createServerRenderingClient(),
  )
  return (
    <PresenceContext.Provider value={props.client ?? made ?? null}>{props.children}</PresenceContext.Provider>
  )
}

/** The client of the nearest `PresenceProvider`. Throws a `PresenceError` that says what to do outside one. */
export function usePresenceClient(): PresenceClient {
  const client = useContext(PresenceContext)
  if (client === null) {
    throw new PresenceError(
      'invalid-state',
      'No presence client here: wrap your app in <PresenceProvider createClient={() => createPresenceClient(...)}>.',
    )
  }
  return client
}
