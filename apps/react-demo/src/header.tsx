import { THEME_CHOICES, applyTheme, type DemoTheme } from '@presence-kit/demo-shared'
import { ConnectionStatus, useConnectionStatus } from '@presence-kit/react'
import { useEffect, useId } from 'react'

const LINK_WORDS = {
  connecting: 'Connecting',
  connected: 'Connected',
  reconnecting: 'Reconnecting',
  disconnected: 'Disconnected',
  failed: 'Connection failed',
} as const

interface HeaderProps {
  framework: string
  room: string
  theme: DemoTheme
  onThemeChange: (theme: DemoTheme) => void
}

/** Title, the link to the server (always spelled out here, as well as the component's own status), theme. */
export function Header({ framework, room, theme, onThemeChange }: HeaderProps) {
  const themeId = useId()
  useEffect(() => applyTheme(theme, document.documentElement), [theme])
  return (
    <div className="demo-header">
      <h1>presence-kit demo · {framework}</h1>
      <div className="demo-status-line">
        {room !== '' && <ServerLink room={room} />}
        <label htmlFor={themeId}>Theme</label>
        <select
          id={themeId}
          value={theme}
          onChange={(event) => onThemeChange(event.target.value as DemoTheme)}
        >
          {THEME_CHOICES.map((choice) => (
            <option key={choice.id} value={choice.id}>
              {choice.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  )
}

function ServerLink({ room }: { room: string }) {
  const { status, synced } = useConnectionStatus(room)
  return (
    <span className="demo-status-line">
      <span data-demo="server-link" data-connection={status} data-synced={synced ? 'true' : 'false'}>
        Server: {LINK_WORDS[status]}
      </span>
      <ConnectionStatus room={room} />
    </span>
  )
}
