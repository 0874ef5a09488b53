import { ActivityDot, usePresenceClient } from '@presence-kit/react'
import { useState } from 'react'

/** Your own status as others see it, and the switch to set yourself away. */
export function MyStatus({ room, userId }: { room: string; userId: string }) {
  const client = usePresenceClient()
  const [away, setAway] = useState(false)
  const toggle = () => {
    const next = !away
    setAway(next)
    client.activity.setAway(next)
  }
  return (
    <section className="demo-card" aria-labelledby="my-status-title">
      <h2 id="my-status-title">Your status</h2>
      <p className="demo-status-line" data-demo="my-status">
        <ActivityDot room={room} userId={userId} showLabel />
      </p>
      <button type="button" aria-pressed={away} onClick={toggle}>
        Set me away
      </button>
    </section>
  )
}
