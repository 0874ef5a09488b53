/** Every key and channel the cluster uses, under one prefix. */
export class RedisKeys {
  constructor(private readonly prefix: string) {}

  /** Hash: connection id → the connection's entry as JSON. */
  room(room: string): string {
    return `${this.prefix}:room:${room}`
  }

  /** String with a TTL: the node's current run id while it lives. */
  node(nodeId: string): string {
    return `${this.prefix}:node:${nodeId}`
  }

  /** Set: every node id that may hold connections. */
  get nodes(): string {
    return `${this.prefix}:nodes`
  }

  /** Set: the rooms a node has written connections to. */
  nodeRooms(nodeId: string): string {
    return `${this.prefix}:node-rooms:${nodeId}`
  }

  /** Held by the one node that cleans a dead node's entries out of Redis. */
  sweepLock(nodeId: string): string {
    return `${this.prefix}:sweep-lock:${nodeId}`
  }

  get channel(): string {
    return `${this.prefix}:events`
  }
}
