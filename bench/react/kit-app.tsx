import { OnlineList, usePresence } from '@presence-kit/react'

/** The kit's side: `usePresence` for the count, `OnlineList` for the list. */
export function KitApp() {
  const count = usePresence('lobby', (state) => (state.synced ? state.count : -1))
  return (
    <section>
      <p data-count="">{count === -1 ? 'Loading' : count}</p>
      <OnlineList room="lobby" />
    </section>
  )
}
