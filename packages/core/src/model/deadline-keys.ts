// The kinds of a room's deadlines: a key is the kind, then the user id. Shared with the
// inspection API (`@presence-kit/core/inspect`), which reads them.
export const GRACE = 'g'
export const RETAIN = 'r'
export const TYPING = 't'
export const ACTIVITY = 'a'
