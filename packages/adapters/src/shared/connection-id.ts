/**
 * A fresh id for one connection of this client. Fresh on every (re)join on purpose: the store keeps
 * a tombstone for a connection that left, so an id must never come back after its leave.
 */
export function createConnectionId(): string {
  const crypto = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto
  if (typeof crypto?.randomUUID === 'function') return crypto.randomUUID()
  // Older runtimes: random enough to keep the tabs of one user apart.
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`
}
