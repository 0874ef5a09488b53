// The types of the type tests of the core, React and Vue packages, which declare the same registration.

/** An interface, as apps declare data: it has no index signature, and must still be accepted. */
export interface Cursor {
  x: number
  y: number
}

/** Presence data of one room that differs from the registered type: given per call. */
export interface DrawingPresence {
  readonly tool: 'pen' | 'eraser'
  readonly strokes: readonly Cursor[]
}

/** Not JSON: a `Date` does not survive the trip. */
export interface WithDate {
  readonly seenAt: Date
}

/** What test-d/register.ts of each package registers, to compare with. */
export type RegisteredData = { status: 'editing' | 'viewing'; cursor: Cursor | null }
export type RegisteredInfo = { name: string; avatarUrl?: string; team: 'design' | 'engineering' }
