import { Redis } from 'ioredis'
import type { ClusterLink, ClusterStatus } from '../cluster-link.js'
import type { PresenceEngine } from '../engine.js'
import type { PresenceLogger } from '../logger.js'
import { heartbeatKeyLifeMs, type ClusterTimings } from '../options.js'
import type { LeaveMessage, TypingMessage } from '../protocol.js'
import type { RoomEntry } from '../room-replica.js'
import { RedisKeys } from './keys.js'
import { parseClusterMessage, type ClusterMessage } from './messages.js'
import { DeadRuns } from './dead-runs.js'
import { deleteNodeEntries, readLiveEntries, writeNodeEntries } from './node-entries.js'
import { forgetIfStillDead } from './scripts.js'
import { holdRecoveryRead } from './test-hooks.js'

export interface RedisLinkOptions {
  readonly url: string
  readonly prefix: string
  readonly timings: ClusterTimings
  readonly engine: PresenceEngine
  readonly log: PresenceLogger
}

/** Retries a lost Redis every 100 ms at first, then every second. */
const retryStrategy = (attempt: number) => Math.min(100 * attempt, 1000)

/** How long `start` waits for a first connection before serving from memory and retrying behind. */
const FIRST_CONNECT_WAIT_MS = 3000

/**
 * Rooms shared through Redis. Each node writes its own connections to one hash per room, renews a
 * heartbeat key with a TTL, and publishes every change on one channel; the other nodes apply what
 * they hear to their replicas. A node whose key expired is dead: its members are removed and the
 * leaves emitted by every node on its own, and one node cleans its entries out of Redis.
 *
 * Ownership: only the node holding a socket decides that its connection left. A node that was
 * taken for dead while it lived (stalled, or cut from Redis) finds its key gone at its next
 * heartbeat and writes every live connection again under a new run, which no sweep can match.
 */
export class RedisLink implements ClusterLink {
  private readonly keys: RedisKeys
  private readonly command: Redis
  private readonly subscriber: Redis
  private readonly engine: PresenceEngine
  private readonly log: PresenceLogger
  private readonly timings: ClusterTimings
  private ready = false
  private everReady = false
  private stopped = false
  /** After Redis comes back, other nodes need a moment to write their connections again. */
  private sweepPausedUntil = 0
  private readonly timers: NodeJS.Timeout[] = []
  private fullResync: NodeJS.Timeout | undefined
  /** The heartbeat under way, so a second one (a timer, a leave for an own connection) joins it. */
  private beating: Promise<void> | undefined
  private readonly deadRuns = new DeadRuns()

  constructor(options: RedisLinkOptions) {
    this.keys = new RedisKeys(options.prefix)
    this.engine = options.engine
    this.log = options.log
    this.timings = options.timings
    // Commands fail at once while Redis is away: the node serves from memory and writes
    // everything again when it is back, rather than queueing a backlog.
    this.command = new Redis(options.url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      retryStrategy,
    })
    this.subscriber = new Redis(options.url, { lazyConnect: true, retryStrategy })
  }

  status(): ClusterStatus {
    return this.ready ? 'ready' : 'down'
  }

  async start(): Promise<void> {
    let outageLogged = false
    const onError = (error: unknown) => {
      if (outageLogged || this.stopped) return
      outageLogged = true
      this.log.warn('redis unavailable; serving this node from memory until it is back', { error })
    }
    this.command.on('error', onError)
    this.subscriber.on('error', onError)
    this.command.on('close', () => {
      if (this.ready) this.log.warn('redis connection lost')
      this.ready = false
    })
    this.subscriber.on('message', (channel: string, text: string) => {
      if (channel === this.keys.channel) this.receive(text)
    })
    const firstReady = new Promise<void>((resolve) => {
      this.command.on('ready', () => {
        outageLogged = false
        this.onReady().then(resolve, (error: unknown) => {
          this.log.warn('redis resync failed; retrying on the next heartbeat', { error })
          resolve()
        })
      })
    })
    this.subscriber.connect().catch(() => undefined)
    this.subscriber.subscribe(this.keys.channel).catch(() => undefined)
    this.command.connect().catch(() => undefined)
    const wait = new Promise<void>((resolve) => setTimeout(resolve, FIRST_CONNECT_WAIT_MS).unref())
    await Promise.race([firstReady, wait])
    this.timers.push(setInterval(() => void this.heartbeat(), this.timings.heartbeatIntervalMs).unref())
    this.timers.push(setInterval(() => void this.sweep(), this.timings.sweepIntervalMs).unref())
  }

  /**
   * On the first connection and after every outage: write this node's connections back (under
   * versions that outrank any leave a sweeper published meanwhile), take out what it left behind,
   * then catch its replicas up with what the other nodes wrote.
   */
  private async onReady(): Promise<void> {
    const reconnected = this.everReady
    this.everReady = true
    // Ready first, so what clients send from now on is written through; the heartbeat then finds
    // this node's key gone (or another run's) and writes every live connection under a new run.
    this.ready = true
    await this.heartbeat(true)
    await this.purgeOwnLeftovers()
    await this.resync(false)
    if (reconnected) this.sweepPausedUntil = Date.now() + this.timings.nodeTtlMs
    // Rooms may have been served without Redis (an outage, or a late first connection): once
    // every live node had time to write itself back, drop what Redis no longer has.
    if (reconnected || this.engine.rooms.size > 0) {
      clearTimeout(this.fullResync)
      this.fullResync = setTimeout(() => void this.resync(true), this.timings.nodeTtlMs).unref()
    }
    this.log.info(reconnected ? 'redis connection back; resynced' : 'redis connected', {
      rooms: this.engine.rooms.size,
    })
  }

  private heartbeat(force = false): Promise<void> {
    if ((!this.ready && !force) || this.stopped) return Promise.resolve()
    this.beating ??= this.beat().finally(() => (this.beating = undefined))
    return this.beating
  }

  /** Renews the key and reads what it held: anything but this run means the node was swept. */
  private async beat(): Promise<void> {
    try {
      const replies = await this.command
        .pipeline()
        .set(
          this.keys.node(this.engine.nodeId),
          this.engine.runId,
          'PX',
          heartbeatKeyLifeMs(this.timings),
          'GET',
        )
        .sadd(this.keys.nodes, this.engine.nodeId)
        .exec()
      const [error, previous] = replies?.[0] ?? [null, undefined]
      if (error !== null) throw error
      if (previous !== this.engine.runId) await this.reannounce()
    } catch (error) {
      this.log.debug('heartbeat failed', { error })
    }
  }

  /** Writes every live connection of this node again under a new run (see `writeNodeEntries`). */
  private async reannounce(): Promise<void> {
    const restamped = this.engine.restampLocal()
    const { nodeId, runId } = this.engine
    await writeNodeEntries(this.command, this.keys, {
      nodeId,
      runId,
      restamped,
      keyLifeMs: heartbeatKeyLifeMs(this.timings),
    })
    if (restamped.length > 0 && this.everReady) {
      this.log.info('wrote this node’s connections again under a new run', { connections: restamped.length })
    }
  }

  /**
   * Takes out what this node's name holds in Redis and no live socket backs: a previous run's
   * connections after a restart, or leaves that could not be written during an outage.
   */
  private async purgeOwnLeftovers(): Promise<void> {
    const purged = await deleteNodeEntries({
      command: this.command,
      keys: this.keys,
      publisher: this.engine.nodeId,
      nodeId: this.engine.nodeId,
      // Live is decided after the reads: a join handled while they were under way is live.
      keep: (room, connectionId) => this.engine.holdsLocally(room, connectionId),
      onlyDeadRuns: false,
      afterListing: () => holdRecoveryRead('purge', this.log),
    })
    if (purged > 0) this.log.info('purged connections a previous run left in redis', { purged })
  }

  /**
   * Catches the replicas up with Redis after an outage, when messages may have been lost. With
   * `removeMissing`, what Redis lacks is removed, unless it changed after the read began.
   */
  private async resync(removeMissing: boolean): Promise<void> {
    if (!this.ready || this.stopped) return
    try {
      for (const name of Array.from(this.engine.rooms.keys())) {
        const readSince = removeMissing ? this.engine.remoteVersions(name) : undefined
        const stored = await readLiveEntries(this.command, this.keys, name)
        if (removeMissing) await holdRecoveryRead('full-resync', this.log)
        this.engine.reconcile(name, stored, readSince)
      }
      if (removeMissing) this.log.info('full resync with redis done', { rooms: this.engine.rooms.size })
    } catch (error) {
      this.log.warn('resync with redis failed', { error })
    }
  }

  loadRoom(room: string): Promise<RoomEntry[]> {
    if (!this.ready) return Promise.resolve([])
    return readLiveEntries(this.command, this.keys, room)
  }

  /** Finds nodes whose heartbeat expired, or that restarted, and drops what they held. */
  private async sweep(): Promise<void> {
    if (!this.ready || this.stopped || Date.now() < this.sweepPausedUntil) return
    try {
      // The runs held before reading: a run a node takes meanwhile is not among them.
      const held = this.engine.remoteNodes()
      const known = await this.command.smembers(this.keys.nodes)
      const ids = new Set([...known, ...held.keys()])
      ids.delete(this.engine.nodeId)
      if (ids.size === 0) return
      const list = [...ids]
      const runs = await this.command.mget(list.map((id) => this.keys.node(id)))
      const previous = this.deadRuns.next()
      for (const [index, id] of list.entries()) {
        const run = runs[index] ?? undefined
        const dead = this.deadRuns.of(previous, id, held.get(id) ?? new Set(), run)
        const removed = this.engine.removeNode(id, dead)
        if (removed > 0)
          this.log.info('removed the members of a dead or restarted node', { deadNode: id, removed })
        if (run === undefined) await this.cleanDeadNode(id)
      }
    } catch (error) {
      this.log.debug('sweep failed', { error })
    }
  }

  /** One node (whoever takes the lock) deletes a dead node's entries from Redis. */
  private async cleanDeadNode(nodeId: string): Promise<void> {
    const locked = await this.command.set(
      this.keys.sweepLock(nodeId),
      this.engine.nodeId,
      'PX',
      this.timings.nodeTtlMs,
      'NX',
    )
    if (locked !== 'OK') return
    await deleteNodeEntries({
      command: this.command,
      keys: this.keys,
      publisher: this.engine.nodeId,
      nodeId,
      keep: () => false,
      onlyDeadRuns: true,
    })
    const keys = {
      node: this.keys.node(nodeId),
      nodeRooms: this.keys.nodeRooms(nodeId),
      nodes: this.keys.nodes,
    }
    await forgetIfStillDead(this.command, keys, nodeId)
  }

  private receive(text: string): void {
    const message = parseClusterMessage(text)
    if (message === undefined) {
      this.log.warn('skipped an unreadable cluster message', { bytes: text.length })
      return
    }
    if (message.n === this.engine.nodeId) return
    if (message.t === 'upsert') this.engine.remoteUpsert(message.room, message.entry)
    else if (message.t === 'leave') {
      // A sweeper took this node for dead: its connections stay, and the heartbeat writes them again.
      if (this.engine.remoteLeave(message.room, message.leave) === 'own') void this.heartbeat()
    } else this.engine.remoteTyping(message.room, message.typing)
  }

  private encode(message: ClusterMessage): string {
    return JSON.stringify(message)
  }

  private send(pipeline: ReturnType<Redis['pipeline']>): void {
    if (!this.ready) return
    pipeline.exec().catch((error: unknown) => this.log.debug('redis write failed', { error }))
  }

  publishUpsert(room: string, entry: RoomEntry): void {
    if (!this.ready) return
    const message = this.encode({ n: this.engine.nodeId, t: 'upsert', room, entry })
    this.send(
      this.command
        .pipeline()
        .hset(this.keys.room(room), entry.wire.connectionId, JSON.stringify(entry))
        .sadd(this.keys.nodeRooms(this.engine.nodeId), room)
        .publish(this.keys.channel, message),
    )
  }

  publishLeave(room: string, leave: LeaveMessage): void {
    if (!this.ready) return
    const message = this.encode({ n: this.engine.nodeId, t: 'leave', room, leave })
    this.send(
      this.command
        .pipeline()
        .hdel(this.keys.room(room), leave.connectionId)
        .publish(this.keys.channel, message),
    )
  }

  publishTyping(room: string, typing: TypingMessage): void {
    if (!this.ready) return
    const message = this.encode({ n: this.engine.nodeId, t: 'typing', room, typing })
    this.command.publish(this.keys.channel, message).catch(() => undefined)
  }

  async stop(): Promise<void> {
    if (this.stopped) return
    this.stopped = true
    for (const timer of this.timers) clearInterval(timer)
    clearTimeout(this.fullResync)
    if (this.ready) {
      try {
        await this.purgeOwnLeftovers()
        await this.command
          .pipeline()
          .del(this.keys.node(this.engine.nodeId))
          .del(this.keys.nodeRooms(this.engine.nodeId))
          .srem(this.keys.nodes, this.engine.nodeId)
          .exec()
      } catch (error) {
        this.log.warn('could not take this node out of redis', { error })
      }
    }
    this.ready = false
    await Promise.allSettled([this.command.quit(), this.subscriber.quit()])
    this.command.disconnect()
    this.subscriber.disconnect()
  }
}
