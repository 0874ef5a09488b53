import type { RoomState } from '../types.js'
import { formatCount } from './count-format.js'

/**
 * A count-only room's number of users (`mode: 'count'`), or undefined for a listed room: what an
 * online list shows in place of its rows and an avatar stack in its "+N" chip.
 */
export function getCountOnly(state: {
  readonly mode?: RoomState['mode'] | undefined
  readonly count?: number | undefined
}): number | undefined {
  return state.mode === 'count' ? state.count : undefined
}

/** An online list's text for a count-only room: "4,812 online" (digits grouped for `locale`). */
export function getOnlineCountText(count: number, locale?: string): string {
  return `${formatCount(count, locale)} online`
}
