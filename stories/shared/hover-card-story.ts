// The app's own content in the stories' member cards, the same in React and Vue.
import type { Member } from '@presence-kit/core'

/** What an app might add to a member's card: a handle and the member's local time. */
export function appCardLine(member: Member): string {
  return `@${member.userId} · Local time 09:41`
}

/** Inline, so the unstyled page shows it the same. */
export const appCardStyle = { fontSize: '0.75rem', color: 'var(--presence-muted, #5b616e)' }
