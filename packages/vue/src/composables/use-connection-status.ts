import type { ConnectionStatus } from '@presence-kit/core'
import { computed, type ComputedRef, type MaybeRefOrGetter } from 'vue'
import { holdRoom } from './room-hold.js'
import { useRoomHandle } from './room-handle.js'
import { shallowEqual } from './shallow-equal.js'
import { useRoomState } from './use-room-state.js'

export interface UseConnectionStatusReturn {
  readonly status: ComputedRef<ConnectionStatus>
  /** True while reconnecting: the roster shown is the last one known. */
  readonly stale: ComputedRef<boolean>
  /** False until the first roster arrived. */
  readonly synced: ComputedRef<boolean>
  /** Try the backend again (`room.retry()`): after a failure, or when the first connection is slow. */
  readonly retry: () => void
}

/** The state of the link to the backend for one room. */
export function useConnectionStatus(name: MaybeRefOrGetter<string | undefined>): UseConnectionStatusReturn {
  const room = useRoomHandle(name, process.env.NODE_ENV !== 'production' ? 'useConnectionStatus()' : '')
  holdRoom(room, false)
  const link = useRoomState(
    room,
    (state) => ({ status: state.status, stale: state.stale, synced: state.synced }),
    shallowEqual,
  )
  return {
    status: computed(() => link.value.status),
    stale: computed(() => link.value.stale),
    synced: computed(() => link.value.synced),
    retry: () => room.value?.retry(),
  }
}
