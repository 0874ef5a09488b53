import type { Member } from '../types.js'
import type { PresenceObject } from '../register.js'

/** What `getDisplayName` needs from a member. */
export type NameableMember = Pick<Member<PresenceObject>, 'userId' | 'info' | 'data'>

/**
 * The name to show for a member: `info.name`, else a string `data.name`, else the user id, trimmed.
 *
 * `info` and `data` come from resolvers and other clients, so their types are not trusted at runtime:
 * anything that is not a non-blank string is skipped.
 *
 * @param unnamed - shown when even the user id is blank, so a row or a sentence is never empty
 */
export function getDisplayName(member: NameableMember, unnamed = '?'): string {
  return (
    nonBlank(member.info?.name) ??
    nonBlank((member.data as { readonly name?: unknown } | undefined)?.['name']) ??
    nonBlank(member.userId) ??
    unnamed
  )
}

function nonBlank(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  const trimmed = value.trim()
  return trimmed === '' ? undefined : trimmed
}
