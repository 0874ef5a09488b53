import {
  THEME_CHOICES,
  TRANSPORT_CHOICES,
  applyTheme,
  isDemoTransport,
  transportChoice,
  type DemoTheme,
  type DemoTransport,
} from '@presence-kit/demo-shared'
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
  transport: DemoTransport
  onTransportChange: (transport: DemoTransport) => void
}

/**
 * Title, the link (always spelled out here with its transport, as well as the component's own
 * status), the transport picker, theme.
 */
export function Header({ framework, room, theme, onThemeChange, transport, onTransportChange }: HeaderProps) {
  const themeId = useId()
  const transportId = useId()
  useEffect(() => applyTheme(theme, document.documentElement), [theme])
  return (
    <div className="demo-header">
      <h1>presence-kit demo · {framework}</h1>
      <div className="demo-status-line">
        {room !== '' && <ServerLink room={room} transport={transport} />}
        <label htmlFor={transportId}>Transport</label>
        <select
          id={transportId}
          value={transport}
          onChange={(event) => {
            if (isDemoTransport(event.target.value)) onTransportChange(event.target.value)
          }}
        >
          {TRANSPORT_CHOICES.map((choice) => (
            <option key={choice.id} value={choice.id}>
              {choice.label}
            </option>
          ))}
        </select>
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

function ServerLink({ room, transport }: { room: string; transport: DemoTransport }) {
  const { status, synced } = useConnectionStatus(room)
  return (
    <span className="demo-status-line">
      <span
        data-demo="server-link"
        data-transport={transport}
        data-connection={status}
        data-synced={synced ? 'true' : 'false'}
      >
        {transportChoice(transport).linkName}: {LINK_WORDS[status]}
      </span>
      <ConnectionStatus room={room} />
    </span>
  )
}
