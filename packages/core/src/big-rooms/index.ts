export { bigRoomRoster } from './chunked-roster.js'
export type { Roster, RosterFactory } from '../model/roster.js'
