import { useEffect, useState } from 'react'

/**
 * The hand-written presence hook of seed 000 (a pub/sub SDK's docs), written from its description:
 * a Set of client ids, and on every presence packet a `setState` with `Array.from` of the Set, the
 * count and the loading flag; rendered as a plain list. Its SDK is not published, so the
 * `onPresence`/`offPresence` source is this small in-process stand-in with the same API.
 */
export interface PresencePacket {
  readonly clientId: string
  readonly topic: string
  readonly status: 'online' | 'offline'
  readonly timestamp: number
}

type Handler = (presence: PresencePacket) => void

export function createSeedPubSub() {
  const handlers = new Map<string, Set<Handler>>()
  return {
    onPresence(topic: string, handler: Handler): Promise<void> {
      let set = handlers.get(topic)
      if (set === undefined) handlers.set(topic, (set = new Set()))
      set.add(handler)
      return Promise.resolve()
    },
    offPresence(topic: string, handler: Handler): void {
      handlers.get(topic)?.delete(handler)
    },
    /** Whether anyone listens on `topic` (the hook subscribes in an effect, after its first render). */
    listening(topic: string): boolean {
      return (handlers.get(topic)?.size ?? 0) > 0
    },
    publish(packet: PresencePacket): void {
      for (const handler of handlers.get(packet.topic) ?? []) handler(packet)
    },
  }
}

export type SeedPubSub = ReturnType<typeof createSeedPubSub>

interface PresenceState {
  onlineUsers: string[]
  userCount: number
  isLoading: boolean
}

export function useSeedPresence(client: SeedPubSub, topic: string): PresenceState {
  const [state, setState] = useState<PresenceState>({ onlineUsers: [], userCount: 0, isLoading: true })
  useEffect(() => {
    const onlineUsers = new Set<string>()
    const handlePresence = (presence: PresencePacket) => {
      if (presence.status === 'online') onlineUsers.add(presence.clientId)
      else onlineUsers.delete(presence.clientId)
      setState({ onlineUsers: Array.from(onlineUsers), userCount: onlineUsers.size, isLoading: false })
    }
    void client.onPresence(topic, handlePresence)
    return () => client.offPresence(topic, handlePresence)
  }, [client, topic])
  return state
}

export function SeedApp({ client }: { client: SeedPubSub }) {
  const { onlineUsers, userCount, isLoading } = useSeedPresence(client, 'lobby')
  return (
    <section>
      <p data-count="">{isLoading ? 'Loading' : userCount}</p>
      <ul>
        {onlineUsers.map((id) => (
          <li key={id}>{id}</li>
        ))}
      </ul>
    </section>
  )
}
