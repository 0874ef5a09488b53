import type { PresenceShape, Room } from '@presence-kit/core'
import { checkRoomName } from '@presence-kit/core/ui'
import { computed, toValue, type ComputedRef, type MaybeRefOrGetter } from 'vue'
import { usePresenceClient } from '../provide.js'
import { reportInDevelopment } from './report.js'

/**
 * The room for a name that may change, or undefined while there is no name (`undefined`) or one
 * that breaks the room-name rule (reported in development): composables and components then show
 * an empty room instead of failing. `caller` is only ever part of that development message, so
 * callers name themselves under the same development check and a production bundle carries no names.
 */
export function useRoomHandle<D extends PresenceShape<D>>(
  name: MaybeRefOrGetter<string | undefined>,
  caller = process.env.NODE_ENV !== 'production' ? 'A presence composable' : '',
): ComputedRef<Room<D> | undefined> {
  const client = usePresenceClient()
  return computed(() => {
    const value = toValue(name)
    if (value === undefined) return undefined
    const problem = checkRoomName(value, caller)
    if (problem === undefined) return client.room<D>(value)
    if (process.env.NODE_ENV !== 'production') reportInDevelopment(problem)
    return undefined
  })
}
