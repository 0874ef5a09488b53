import { defineComponent, h, onMounted, onUnmounted, ref } from 'vue'

/**
 * The peer: the Vue composition of the seed document's pub/sub SDK (000), written from its
 * description: `onPresence(topic, handler)` packets feed a Set, and every packet rebuilds the array
 * of online users (`Array.from(set)`) and the count, rendered as a plain list.
 */
export interface PresencePacket {
  readonly clientId: string
  readonly topic: string
  readonly status: 'online' | 'offline'
  readonly timestamp: number
}

type Handler = (packet: PresencePacket) => void

/** The SDK surface the composition uses, in process: `onPresence`, `offPresence` and a sender. */
export function createSeedClient() {
  const handlers = new Map<string, Set<Handler>>()
  return {
    async onPresence(topic: string, handler: Handler): Promise<void> {
      let set = handlers.get(topic)
      if (set === undefined) handlers.set(topic, (set = new Set()))
      set.add(handler)
    },
    offPresence(topic: string, handler: Handler): void {
      handlers.get(topic)?.delete(handler)
    },
    publish(packet: PresencePacket): void {
      for (const handler of handlers.get(packet.topic) ?? []) handler(packet)
    },
  }
}

export type SeedClient = ReturnType<typeof createSeedClient>

function useSeedPresence(client: SeedClient, topic: string) {
  const onlineUsers = ref<string[]>([])
  const userCount = ref(0)
  const isLoading = ref(true)
  let presenceHandler: Handler | undefined
  onMounted(async () => {
    const users = new Set<string>()
    presenceHandler = (presence) => {
      if (presence.status === 'online') users.add(presence.clientId)
      else users.delete(presence.clientId)
      onlineUsers.value = Array.from(users)
      userCount.value = users.size
      isLoading.value = false
    }
    await client.onPresence(topic, presenceHandler)
  })
  onUnmounted(() => {
    if (presenceHandler) client.offPresence(topic, presenceHandler)
  })
  return { onlineUsers, userCount, isLoading }
}

/** The composition's list; with `height`, in a scroll viewport of that height. */
export function seedApp(client: SeedClient, topic: string, height?: number) {
  return defineComponent({
    setup() {
      const { onlineUsers, userCount } = useSeedPresence(client, topic)
      return () =>
        h('main', [
          h('p', { id: 'count' }, `${userCount.value} online`),
          h(
            'ul',
            height === undefined
              ? { id: 'list' }
              : { id: 'list', style: { height: `${height}px`, overflowY: 'auto', margin: '0' } },
            onlineUsers.value.map((id) => h('li', { key: id }, id)),
          ),
        ])
    },
  })
}
