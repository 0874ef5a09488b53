import type { ConnectionStatus } from '@presence-kit/core'
import { useMemo } from 'react'
import { useNamedRoom } from './use-named-room.js'
import { useHoldRoom } from './use-room.js'
import { shallowEqual, useRoomState } from './use-room-state.js'

export interface ConnectionState {
  readonly status: ConnectionStatus
  /** True while reconnecting: the roster shown is the last one known. */
  readonly stale: boolean
  /** False until the first roster arrived. */
  readonly synced: boolean
  /** Try the backend again (`room.retry()`): after a failure, or when the first connection is slow. */
  readonly retry: () => void
}

/** The state of the link to the backend for one room. */
export function useConnectionStatus(name: string): ConnectionState {
  const room = useNamedRoom(name, process.env.NODE_ENV !== 'production' ? 'useConnectionStatus()' : '')
  useHoldRoom(room, false)
  const link = useRoomState(
    room,
    (state) => ({ status: state.status, stale: state.stale, synced: state.synced }),
    shallowEqual,
  )
  return useMemo(() => ({ ...link, retry: () => room?.retry() }), [link, room])
}
