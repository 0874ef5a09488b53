'use client'

import { createSocketIoAdapter } from '@presence-kit/adapters/socket-io'
import { createPresenceClient, PresenceProvider, useRoom } from '@presence-kit/react'
import { useState, type ReactNode } from 'react'
import type { PageUser } from './user'

interface PresenceRootProps {
  readonly serverUrl: string
  readonly user: PageUser
  /** The room this page is present in while it is open. */
  readonly room: string
  readonly children: ReactNode
}

/**
 * The app's presence client, made once in the browser by the provider's factory. The adapter is
 * made here while rendering, on the server too: it opens nothing until a room opens in a browser,
 * so server rendering never connects to the presence server.
 */
export function PresenceRoot({ serverUrl, user, room, children }: PresenceRootProps) {
  const [createClient] = useState(() => {
    const adapter = createSocketIoAdapter({
      url: serverUrl,
      // The reference server in development mode takes the identity from the query.
      query: { userId: user.id, name: user.name },
    })
    return () => createPresenceClient({ adapter, user: { id: user.id, name: user.name } })
  })
  return (
    <PresenceProvider createClient={createClient}>
      <JoinRoom room={room} />
      {children}
    </PresenceProvider>
  )
}

/** Present in the room while the page is open (rendering nothing). */
function JoinRoom({ room }: { readonly room: string }) {
  useRoom(room, { initialPresence: { status: 'available' } })
  return null
}
