import type { PresenceObject } from '../register.js'
import type { RoomState } from '../types.js'

/** What a hook, composable or component shows while its room name is not valid: nobody, not synced. */
const EMPTY_ROOM_STATE: RoomState = Object.freeze({
  room: '',
  status: 'disconnected',
  synced: false,
  stale: false,
  joined: false,
  self: undefined,
  mode: 'list',
  members: Object.freeze([]),
  count: 0,
  typing: Object.freeze([]),
  recentlyLeft: Object.freeze([]),
  lastError: undefined,
})

export function emptyRoomState<D extends PresenceObject>(): RoomState<D> {
  return EMPTY_ROOM_STATE as RoomState<D>
}
