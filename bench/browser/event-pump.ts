/**
 * Delivers `count` events at `eventsPerSecond`, each in a task of its own (a message on a
 * MessageChannel, as messages from a socket arrive): every 4 ms, the events then due are posted.
 * `stop()` ends it; what is still queued is dropped, so a side that falls behind does not stretch
 * the window. Runs in the page.
 */
export function pumpEvents(count: number, eventsPerSecond: number, deliver: (index: number) => void) {
  const channel = new MessageChannel()
  let delivered = 0
  let sent = 0
  let open = true
  channel.port1.addEventListener('message', () => {
    if (open) deliver(delivered++)
  })
  channel.port1.start()
  const start = performance.now()
  const pump = setInterval(() => {
    const due = Math.min(count, Math.floor(((performance.now() - start) / 1000) * eventsPerSecond))
    while (sent < due) {
      channel.port2.postMessage(0)
      sent++
    }
  }, 4)
  return {
    start,
    delivered: () => delivered,
    stop() {
      open = false
      clearInterval(pump)
      channel.port1.close()
    },
  }
}
