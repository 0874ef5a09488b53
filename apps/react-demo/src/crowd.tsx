import { CROWD_SIZES, profilePresence, type DemoCrowd, type DemoProfile } from '@presence-kit/demo-shared'
import { PresenceProvider, useLocalActivity, useRoom } from '@presence-kit/react'
import { useId, useState } from 'react'
import { RoomView } from './room-view.js'

const DEFAULT_SIZE = 1_000

/** The switch and the size of the simulated crowd. */
export function CrowdCard({ size, onSizeChange }: { size: number; onSizeChange: (size: number) => void }) {
  const selectId = useId()
  const [chosen, setChosen] = useState(size > 0 ? size : DEFAULT_SIZE)
  const on = size > 0
  return (
    <section className="demo-card" aria-labelledby="crowd-title">
      <h2 id="crowd-title">Simulated crowd</h2>
      <p className="demo-muted">
        A crowd simulated in this page, in a room of its own beside the real ones: it never reaches the
        server.
      </p>
      <div className="demo-switch">
        <button
          type="button"
          role="switch"
          aria-checked={on}
          aria-labelledby="crowd-switch-label"
          data-demo="crowd-switch"
          onClick={() => onSizeChange(on ? 0 : chosen)}
        />
        <span id="crowd-switch-label">Simulated crowd</span>
      </div>
      <div className="demo-field">
        <label htmlFor={selectId}>Crowd size</label>
        <select
          id={selectId}
          value={chosen}
          data-demo="crowd-size"
          onChange={(event) => {
            const next = Number(event.target.value)
            setChosen(next)
            if (on) onSizeChange(next)
          }}
        >
          {CROWD_SIZES.map((value) => (
            <option key={value} value={value}>
              {value.toLocaleString('en')} members
            </option>
          ))}
        </select>
      </div>
    </section>
  )
}

/**
 * The crowd's room, on its own client and in-page hub; you are in it too. The page makes the crowd
 * when the switch is turned on (in the click, not in an effect: StrictMode runs effects twice in
 * development, and a crowd of 100,000 made, dropped and made again took seconds) and drops it when
 * the switch is turned off.
 */
export function CrowdPanel({ crowd, profile }: { crowd: DemoCrowd; profile: DemoProfile }) {
  return (
    <PresenceProvider client={crowd.client}>
      <CrowdRoom room={crowd.room} profile={profile} />
    </PresenceProvider>
  )
}

function CrowdRoom({ room, profile }: { room: string; profile: DemoProfile }) {
  useRoom(room, { initialPresence: profilePresence(profile, window.location.href) })
  useLocalActivity()
  return (
    <aside aria-label="Simulated crowd, in this page" data-demo="crowd">
      <RoomView room={room} title="Crowd room" />
    </aside>
  )
}
