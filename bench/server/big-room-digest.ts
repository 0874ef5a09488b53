import { createHash } from 'node:crypto'

/** A short fingerprint of a roster, the same for the same user ids in any order. */
export function rosterDigest(userIds: readonly string[]): string {
  return createHash('sha1').update(userIds.toSorted().join(',')).digest('hex')
}
