/**
 * An in-process transport for the real `phoenix` `Socket`: it takes the place of a WebSocket, so
 * the client's socket, channels and serializer run unchanged while the test plays the server,
 * message by message and synchronously. `phx_join` is answered `ok`; anything the test delivers
 * reaches the channel in the same tick, which is what 1,000 property runs need.
 */
export interface Loopback {
  /** The transport class to pass as `transport` to phoenix's `Socket`. */
  readonly Transport: new (url: string) => object
  /** Delivers a server message to the channel of `topic`. */
  deliver(topic: string, event: string, payload: unknown): void
  /** Resolves once the socket is open and every join has been answered. */
  ready(): Promise<void>
}

const OPEN = 1
const CLOSED = 3

export function createLoopback(): Loopback {
  let current: LoopbackTransport | undefined
  const replies: Promise<void>[] = []
  const adopt = (transport: LoopbackTransport) => {
    current = transport
  }

  class LoopbackTransport {
    readyState = 0
    bufferedAmount = 0
    binaryType = 'arraybuffer'
    onopen: (() => void) | null = null
    onmessage: ((event: { data: string }) => void) | null = null
    onclose: ((event: { code: number }) => void) | null = null
    onerror: ((error: unknown) => void) | null = null

    constructor(_url: string) {
      adopt(this)
      replies.push(
        Promise.resolve().then(() => {
          this.readyState = OPEN
          this.onopen?.()
        }),
      )
    }

    send(frame: string): void {
      const [joinRef, ref, topic, event] = JSON.parse(frame) as [string | null, string, string, string]
      if (event !== 'phx_join' && !(topic === 'phoenix' && event === 'heartbeat')) return
      replies.push(
        Promise.resolve().then(() => {
          this.receive(JSON.stringify([joinRef, ref, topic, 'phx_reply', { status: 'ok', response: {} }]))
        }),
      )
    }

    receive(data: string): void {
      if (this.readyState === OPEN) this.onmessage?.({ data })
    }

    close(): void {
      this.readyState = CLOSED
      this.onclose?.({ code: 1000 })
    }
  }

  return {
    Transport: LoopbackTransport,
    deliver(topic, event, payload) {
      current?.receive(JSON.stringify([null, null, topic, event, payload]))
    },
    async ready() {
      while (replies.length > 0) await replies.shift()
    },
  }
}
