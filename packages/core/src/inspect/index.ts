export { inspectPresenceClient, type InspectListener, type PresenceInspector } from './inspector.js'
export type {
  AdapterInputKind,
  AdapterInputRecord,
  ClientInternals,
  CommitRecord,
  InspectedActivity,
  InspectedConnection,
  InspectedLeft,
  InspectedMember,
  InspectedRoom,
  InspectedTyper,
  InspectRecord,
} from './types.js'
