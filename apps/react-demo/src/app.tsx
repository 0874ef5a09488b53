import {
  addressWithTransport,
  browserStorage,
  createDemoClient,
  createDemoCrowd,
  demoClientOptions,
  saveProfile,
  type DemoCrowd,
  type DemoProfile,
  type DemoSettings,
  type DemoTheme,
  type DemoTransport,
} from '@presence-kit/demo-shared'
import { PresenceProvider, useLocalActivity, type PresenceClient } from '@presence-kit/react'
import { useEffect, useState } from 'react'
import { CrowdCard, CrowdPanel } from './crowd.js'
import { Header } from './header.js'
import { MyStatus } from './my-status.js'
import { ProfileForm } from './profile-form.js'
import { RoomKeeper } from './room-keeper.js'
import { RoomSwitcher } from './room-switcher.js'
import { RoomView } from './room-view.js'
import { useReleasePrevious } from './release-previous.js'

export interface AppProps {
  settings: DemoSettings
  /**
   * Who the page starts as, that identity's client and, when the address asks for one, the
   * simulated crowd: made once outside React.
   */
  initial: { profile: DemoProfile; client: PresenceClient; crowd: DemoCrowd | undefined }
}

export function connect(
  settings: DemoSettings,
  transport: DemoTransport,
  profile: DemoProfile,
): PresenceClient {
  return createDemoClient(transport, settings, demoClientOptions(settings, profile, window.location.href))
}

/** A simulated crowd of `size` for this identity, on a client and in-page hub of its own. */
export function startCrowd(settings: DemoSettings, profile: DemoProfile, size: number): DemoCrowd {
  return createDemoCrowd(size, demoClientOptions(settings, profile, window.location.href))
}

/**
 * The demo page. The identity (id, name, picture) and the transport belong to the connection, so
 * saving a new name or picture, or picking another transport, opens a new client and closes the old
 * one; the rooms stay joined throughout.
 */
export function App({ settings, initial }: AppProps) {
  // Clients are made outside render (here and in the save handler): StrictMode renders twice, and a
  // client made during render would open a second connection that nothing closes.
  const [profile, setProfile] = useState(initial.profile)
  const [transport, setTransport] = useState<DemoTransport>(settings.transport)
  const [client, setClient] = useState(initial.client)
  const [rooms, setRooms] = useState<readonly string[]>(settings.rooms)
  const [current, setCurrent] = useState(settings.rooms[0] ?? 'lobby')
  const [crowdSize, setCrowdSize] = useState(settings.crowd)
  const [crowd, setCrowd] = useState(initial.crowd)
  const [theme, setTheme] = useState<DemoTheme>(settings.theme)

  // A constant of the build, so every render runs the same hooks; a production build drops it.
  if (import.meta.env.DEV) useDevtoolsButton(client)

  // Closes a client, and drops a crowd, once the page has moved to its successor.
  useReleasePrevious(client, (old) => old.destroy())
  useReleasePrevious(crowd, (old) => old.dispose())

  // The crowd is made in the handler, as clients are: never twice for one click.
  const changeCrowdSize = (size: number) => {
    setCrowdSize(size)
    if (size === 0) setCrowd(undefined)
    else if (crowd === undefined) setCrowd(startCrowd(settings, profile, size))
    else crowd.setSize(size)
  }

  const saveIdentity = (next: DemoProfile) => {
    saveProfile(next, browserStorage())
    setProfile(next)
    setClient(connect(settings, transport, next))
    // A new identity starts a new crowd.
    if (crowd !== undefined) setCrowd(startCrowd(settings, next, crowdSize))
  }

  const switchTransport = (next: DemoTransport) => {
    window.history.replaceState(window.history.state, '', addressWithTransport(window.location.href, next))
    setTransport(next)
    setClient(connect(settings, next, profile))
  }

  const joinRoom = (room: string) => {
    setRooms((list) => (list.includes(room) ? list : [...list, room]))
    setCurrent(room)
  }
  const leaveRoom = (room: string) => {
    const rest = rooms.filter((name) => name !== room)
    setRooms(rest)
    if (current === room) setCurrent(rest[0] ?? '')
  }

  return (
    <PresenceProvider client={client}>
      <ActivityWatcher />
      {rooms.map((room) => (
        <RoomKeeper key={room} room={room} profile={profile} />
      ))}
      <div className="demo">
        <header>
          <Header
            framework="React"
            room={current}
            theme={theme}
            onThemeChange={setTheme}
            transport={transport}
            onTransportChange={switchTransport}
          />
          {transport === 'server' ? (
            <p className="demo-banner" data-demo="dev-identity">
              <strong>Development identity:</strong> the server trusts <code>?user={profile.userId}</code> in
              the address. In production, use signed tokens.
            </p>
          ) : (
            <p className="demo-banner" data-demo="no-server">
              <strong>No server:</strong> presence goes between this browser's tabs through BroadcastChannel.
              Open another person to see each other.
            </p>
          )}
        </header>
        <div className={crowdSize > 0 ? 'demo-grid demo-grid--crowd' : 'demo-grid'}>
          <aside aria-label="You and your rooms">
            <ProfileForm profile={profile} onSave={saveIdentity} />
            {current !== '' && <MyStatus room={current} userId={profile.userId} />}
            <RoomSwitcher
              rooms={rooms}
              current={current}
              onShow={setCurrent}
              onJoin={joinRoom}
              onLeave={leaveRoom}
            />
            <CrowdCard size={crowdSize} onSizeChange={changeCrowdSize} />
          </aside>
          <main>
            {current === '' ? (
              <section className="demo-card" aria-label="No room">
                <h2>No room</h2>
                <p>Join a room to see who is there.</p>
              </section>
            ) : (
              <RoomView key={current} room={current} title={`# ${current}`} messageBox />
            )}
          </main>
          {crowd !== undefined && <CrowdPanel crowd={crowd} profile={profile} />}
        </div>
      </div>
    </PresenceProvider>
  )
}

/** Feeds this page's input and visibility into the client: others see you active, idle or away. */
function ActivityWatcher() {
  useLocalActivity()
  return null
}

/**
 * Development only (called behind `import.meta.env.DEV`): the button that opens the presence
 * devtools, loaded on demand. A production build drops it and never reaches the devtools.
 */
function useDevtoolsButton(client: PresenceClient) {
  useEffect(() => {
    const shown = import('@presence-kit/demo-shared/devtools').then((module) =>
      module.showDevtoolsButton(client),
    )
    return () => void shown.then((button) => button.dispose())
  }, [client])
}
