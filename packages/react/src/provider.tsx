import { PresenceError, type PresenceClient } from '@presence-kit/core'
import { createContext, useContext, type ReactNode } from 'react'

const PresenceContext = createContext<PresenceClient | null>(null)

export interface PresenceProviderProps {
  /** The client from `createPresenceClient`: one per app (or per request on a server), never a module singleton. */
  client: PresenceClient
  children?: ReactNode
}

/** Makes a presence client available to every hook and component below it. */
export function PresenceProvider({ client, children }: PresenceProviderProps) {
  return <PresenceContext.Provider value={client}>{children}</PresenceContext.Provider>
}

/** The client of the nearest `PresenceProvider`. Throws a `PresenceError` that says what to do outside one. */
export function usePresenceClient(): PresenceClient {
  const client = useContext(PresenceContext)
  if (client === null) {
    throw new PresenceError(
      'invalid-state',
      'No presence client here: wrap your app in <PresenceProvider client={createPresenceClient(...)}>.',
    )
  }
  return client
}
