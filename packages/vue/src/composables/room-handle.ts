import { isPresenceError, type PresenceClient, type PresenceData, type Room } from '@presence-kit/core'
import { computed, toValue, type ComputedRef, type MaybeRefOrGetter } from 'vue'
import { usePresenceClient } from '../provide.js'
import { reportInDevelopment } from './report.js'

/**
 * The room for a name that may change, or undefined while there is no name (`undefined`) or one the
 * client refuses (reported in development): composables and components then show an empty room
 * instead of failing.
 */
export function useRoomHandle<D extends PresenceData>(
  name: MaybeRefOrGetter<string | undefined>,
): ComputedRef<Room<D> | undefined> {
  const client = usePresenceClient()
  return computed(() => resolveRoom<D>(client, toValue(name)))
}

function resolveRoom<D extends PresenceData>(client: PresenceClient, name: unknown): Room<D> | undefined {
  if (name === undefined) return undefined
  try {
    return client.room<D>(name as string)
  } catch (error) {
    if (!isPresenceError(error)) throw error
    reportInDevelopment(error)
    return undefined
  }
}
