import { DEFAULT_ROOMS, isValidRoomName } from '@presence-kit/demo-shared'
import { usePresence } from '@presence-kit/react'
import { useId, useState, type FormEvent } from 'react'

interface RoomSwitcherProps {
  rooms: readonly string[]
  current: string
  onShow: (room: string) => void
  onJoin: (room: string) => void
  onLeave: (room: string) => void
}

/** Every joined room stays joined; this picks the one shown, joins more and leaves them. */
export function RoomSwitcher({ rooms, current, onShow, onJoin, onLeave }: RoomSwitcherProps) {
  const inputId = useId()
  const listId = useId()
  const [draft, setDraft] = useState('')
  const [error, setError] = useState('')
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const name = draft.trim()
    if (!isValidRoomName(name)) {
      setError('Room names are 1 to 40 letters, digits, "-" or "_".')
      return
    }
    setError('')
    setDraft('')
    onJoin(name)
  }
  return (
    <nav className="demo-card" aria-labelledby="rooms-title">
      <h2 id="rooms-title">Rooms</h2>
      <ul className="demo-rooms" data-demo="rooms">
        {rooms.map((room) => (
          <li key={room} className="demo-room-tab">
            <button
              type="button"
              aria-pressed={room === current}
              data-demo-room-button={room}
              onClick={() => onShow(room)}
            >
              # {room} <RoomCount room={room} />
            </button>
            <button type="button" aria-label={`Leave ${room}`} onClick={() => onLeave(room)}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <form className="demo-inline-form" onSubmit={submit}>
        <div className="demo-field">
          <label htmlFor={inputId}>Join a room</label>
          <input
            id={inputId}
            type="text"
            list={listId}
            value={draft}
            aria-invalid={error !== ''}
            aria-describedby={error === '' ? undefined : `${inputId}-error`}
            onChange={(event) => setDraft(event.target.value)}
          />
          <datalist id={listId}>
            {DEFAULT_ROOMS.filter((room) => !rooms.includes(room)).map((room) => (
              <option key={room} value={room} />
            ))}
          </datalist>
        </div>
        <button type="submit">Join</button>
      </form>
      {error !== '' && (
        <p id={`${inputId}-error`} role="alert" className="demo-muted">
          {error}
        </p>
      )}
    </nav>
  )
}

function RoomCount({ room }: { room: string }) {
  const count = usePresence(room, (state) => state.count)
  return <span className="demo-muted">({count})</span>
}
