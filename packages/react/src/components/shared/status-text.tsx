import type { Member } from '@presence-kit/core'
import { getStatusLabel, getStatusText, sharedClock, type StatusMessages } from '@presence-kit/core/ui'
import { useSyncExternalStore } from 'react'
import { part, visuallyHidden } from './anatomy.js'

export interface StatusTextProps {
  readonly member: Member
  readonly messages?: Partial<StatusMessages> | undefined
  readonly locale?: string | undefined
}

/**
 * "Active", "Idle · 12 min", "left 2 min ago", kept current by the page's one shared clock. The
 * snapshot is the text itself, so a tick that leaves it unchanged renders nothing.
 */
export function StatusText({ member, messages, locale }: StatusTextProps) {
  const text = useSyncExternalStore(
    sharedClock.subscribe,
    () => getStatusText(member, sharedClock.now(), messages, locale),
    // The server, and hydration, say the status alone: its duration depends on the viewer's clock.
    () => getStatusLabel(member.status, messages),
  )
  // Read as one text node after the name ("Ada, Idle · 12 min"): a separate comma would be trimmed.
  return (
    <>
      <span {...part('status-text')} aria-hidden="true">
        {text}
      </span>
      <span style={visuallyHidden}>{`, ${text}`}</span>
    </>
  )
}
