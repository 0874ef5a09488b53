import type { PresenceEvent } from '../events.js'
import type { PresenceObject } from '../register.js'
import type { Member } from '../types.js'
import type { MemberChanges } from './sorted-members.js'

/**
 * Turns the events of one commit (a `change` event's `events`) into the changes between the
 * previous roster and the new one, for `createSortedMembers`: a member who joined and left within
 * the commit is in neither list, and several updates of one member collapse into one pair.
 */
export function getMemberChanges<D extends PresenceObject>(
  events: readonly PresenceEvent<D>[],
): MemberChanges<Member<D>> {
  // Per user: the object in the previous roster (undefined: absent) and the one in the new roster.
  const byUser = new Map<string, { before: Member<D> | undefined; after: Member<D> | undefined }>()
  for (const event of events) {
    if (event.type !== 'join' && event.type !== 'update' && event.type !== 'leave') continue
    const { userId } = event.member
    let entry = byUser.get(userId)
    if (entry === undefined) {
      entry = { before: event.type === 'join' ? undefined : event.previous, after: undefined }
      byUser.set(userId, entry)
    }
    entry.after = event.type === 'leave' ? undefined : event.member
  }
  const added: Member<D>[] = []
  const removed: Member<D>[] = []
  const updated: (readonly [Member<D>, Member<D>])[] = []
  for (const { before, after } of byUser.values()) {
    if (before === undefined && after !== undefined) added.push(after)
    else if (before !== undefined && after === undefined) removed.push(before)
    else if (before !== undefined && after !== undefined && before !== after) updated.push([before, after])
  }
  return { added, removed, updated }
}
