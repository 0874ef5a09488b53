import { profilePresence, type DemoProfile } from '@presence-kit/demo-shared'
import { useRoom } from '@presence-kit/react'

/** Keeps one room joined while it is in the switcher, shown or not. */
export function RoomKeeper({ room, profile }: { room: string; profile: DemoProfile }) {
  useRoom(room, { initialPresence: profilePresence(profile, window.location.href) })
  return null
}
