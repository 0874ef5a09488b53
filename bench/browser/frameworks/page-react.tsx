import { AvatarStack, OnlineList, PresenceProvider, usePresence } from '@presence-kit/react'
import { createRoot } from 'react-dom/client'
import { installDriver, ROOM } from './driver.js'

/** The React side: the count through `usePresence`, `AvatarStack` and the virtualized `OnlineList`. */
function Page() {
  const count = usePresence(ROOM, (state) => state.count)
  return (
    <main>
      <p id="count">{count.toLocaleString('en')} online</p>
      <AvatarStack room={ROOM} max={5} />
      <OnlineList room={ROOM} height={480} />
    </main>
  )
}

installDriver((root, client) => {
  createRoot(root).render(
    <PresenceProvider client={client}>
      <Page />
    </PresenceProvider>,
  )
})
