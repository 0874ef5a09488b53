import { AvatarStack, ConnectionStatus, OnlineList, TypingIndicator } from '@presence-kit/react'
import { MessageBox } from './message-box'
import { PresenceRoot } from './presence-root'
import { userFrom } from './user'

const ROOM = 'lobby'

interface PageProps {
  readonly searchParams: Promise<Record<string, string | string[] | undefined>>
}

/**
 * A Server Component: it renders the kit's components (client components, from the package's
 * `'use client'` entry) inside the client provider. On the server every room is in its loading
 * state; the browser connects after hydration.
 */
export default async function Page({ searchParams }: PageProps) {
  const user = userFrom(await searchParams)
  // Read at request time, so one build runs against any server.
  const serverUrl = process.env.PRESENCE_SERVER_URL ?? 'http://127.0.0.1:3030'
  return (
    <PresenceRoot serverUrl={serverUrl} user={user} room={ROOM}>
      <main>
        <h1>Lobby</h1>
        <p>You are {user.name}.</p>
        <ConnectionStatus room={ROOM} />
        <AvatarStack room={ROOM} max={5} />
        <OnlineList room={ROOM} label="Online in the lobby" height={240} />
        <MessageBox room={ROOM} />
        <TypingIndicator room={ROOM} />
      </main>
    </PresenceRoot>
  )
}
