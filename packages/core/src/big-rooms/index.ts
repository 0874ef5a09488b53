export { bigRoomRoster } from './versioned-roster.js'
export type { Roster, RosterFactory } from '../model/roster.js'
