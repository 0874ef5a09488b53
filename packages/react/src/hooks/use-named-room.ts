import type { PresenceShape, Room } from '@presence-kit/core'
import { checkRoomName, reportPropError } from '@presence-kit/core/ui'
import { useMemo } from 'react'
import { usePresenceClient } from '../provider.js'

/**
 * The room for a name given to a hook, or undefined when the name breaks the room-name rule
 * (`isValidRoomName`): reported once in development, and the hook shows an empty room. Hooks that
 * only read or signal a room never throw for a bad name; `useRoom`, which hands out the room to act
 * on, throws as `client.room()` does. `caller` is only ever part of the development message, so
 * hooks name themselves under the same development check and a production bundle carries no names.
 */
export function useNamedRoom<D extends PresenceShape<D>>(name: unknown, caller: string): Room<D> | undefined {
  const client = usePresenceClient()
  const problem = checkRoomName(name, caller)
  // Asked once per client and name, as `useRoom` does: a destroyed client is not asked again.
  const room = useMemo(
    () => (problem === undefined ? client.room<D>(name as string) : undefined),
    // The problem follows from the name alone.
    [client, name],
  )
  if (problem !== undefined && process.env.NODE_ENV !== 'production') reportPropError(problem)
  return room
}
