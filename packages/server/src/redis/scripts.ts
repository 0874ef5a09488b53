import type { Redis } from 'ioredis'

/**
 * Deletes one connection from a room hash only if it still holds the text that was read, and (with
 * a run given) only if that run is no longer its node's live one; then publishes the leave. Done in
 * Redis in one step, so a join, update or re-announce written after the read is never deleted.
 */
const DELETE_IF_UNCHANGED = `
if redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[2] then return 0 end
if ARGV[3] ~= '' and redis.call('GET', KEYS[2]) == ARGV[3] then return 0 end
redis.call('HDEL', KEYS[1], ARGV[1])
if ARGV[5] ~= '' then redis.call('PUBLISH', ARGV[4], ARGV[5]) end
return 1
`

/** Forgets a dead node's bookkeeping, unless it came back (its heartbeat key is there again). */
const FORGET_IF_STILL_DEAD = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('DEL', KEYS[2])
redis.call('SREM', KEYS[3], ARGV[1])
return 1
`

export interface DeleteIfUnchanged {
  readonly roomKey: string
  readonly nodeKey: string
  readonly connectionId: string
  /** The entry's text as read. */
  readonly expected: string
  /** Delete only while this run is not the node's live one; '' to skip the check. */
  readonly deadRun: string
  readonly channel: string
  /** The leave to publish once deleted; '' for none. */
  readonly message: string
}

export async function deleteIfUnchanged(redis: Redis, input: DeleteIfUnchanged): Promise<boolean> {
  const deleted = await redis.eval(
    DELETE_IF_UNCHANGED,
    2,
    input.roomKey,
    input.nodeKey,
    input.connectionId,
    input.expected,
    input.deadRun,
    input.channel,
    input.message,
  )
  return deleted === 1
}

export async function forgetIfStillDead(
  redis: Redis,
  keys: { node: string; nodeRooms: string; nodes: string },
  nodeId: string,
): Promise<void> {
  await redis.eval(FORGET_IF_STILL_DEAD, 3, keys.node, keys.nodeRooms, keys.nodes, nodeId)
}
