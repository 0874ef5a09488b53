import type { Envelope } from './hub-model.js'
import type { DeliveryMode, PendingMessage } from './memory-hub-types.js'

/** Below this many delivered slots the array is left alone; compacting it costs more than it saves. */
const COMPACT_AFTER = 1024

/**
 * The hub's single FIFO of sink calls. One queue for every client keeps one global order, so each
 * sink sees messages in the order the hub made them, whatever the delivery mode.
 */
export class DeliveryQueue {
  // A head index instead of shift(): a held queue can grow to hundreds of thousands of messages.
  private items: Envelope[] = []
  private head = 0
  private draining = false
  private scheduled = false

  constructor(
    private readonly mode: DeliveryMode,
    private readonly send: (envelope: Envelope) => void,
  ) {}

  get size(): number {
    return this.items.length - this.head
  }

  push(envelopes: readonly Envelope[]): void {
    if (envelopes.length === 0) return
    for (const envelope of envelopes) this.items.push(envelope)
    if (this.mode === 'sync') {
      // Re-entrant pushes (a sink reacting to a message) wait behind the loop already running.
      if (!this.draining) this.deliver()
    } else if (this.mode === 'microtask' && !this.scheduled) {
      this.scheduled = true
      queueMicrotask(() => {
        this.scheduled = false
        this.deliver()
      })
    }
  }

  /** Delivers up to `count` messages from the head; without it, until the queue is empty. */
  deliver(count = Number.POSITIVE_INFINITY): number {
    if (this.draining) return 0
    this.draining = true
    let delivered = 0
    try {
      while (delivered < count && this.head < this.items.length) {
        const envelope = this.items[this.head] as Envelope
        this.head++
        delivered++
        this.send(envelope)
      }
    } finally {
      this.draining = false
      this.compact()
    }
    return delivered
  }

  pending(): PendingMessage[] {
    return this.items.slice(this.head).map((envelope) => envelope.message)
  }

  reorder(permute: (messages: readonly PendingMessage[]) => readonly PendingMessage[]): void {
    const current = this.items.slice(this.head)
    const byMessage = new Map(current.map((envelope) => [envelope.message, envelope]))
    const next = permute(current.map((envelope) => envelope.message)).map((message) => {
      const envelope = byMessage.get(message)
      if (envelope === undefined) {
        throw new TypeError('hub.reorder(permute): permute returned a message that was not pending.')
      }
      return envelope
    })
    this.items = next
    this.head = 0
  }

  duplicate(index: number): void {
    if (!Number.isInteger(index) || index < 0 || index >= this.size) {
      throw new RangeError(`hub.duplicate(${index}): there are ${this.size} pending messages.`)
    }
    const at = this.head + index
    const original = this.items[at] as Envelope
    // A new message object, so the copy has an identity of its own in pending() and reorder().
    this.items.splice(at + 1, 0, { ...original, message: { ...original.message } })
  }

  clear(): void {
    this.items = []
    this.head = 0
  }

  private compact(): void {
    if (this.head === this.items.length) {
      this.items = []
      this.head = 0
    } else if (this.head > COMPACT_AFTER && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head)
      this.head = 0
    }
  }
}
