import type { ConnectionInput } from '@presence-kit/core'
import { isNonEmptyString, isPlainObject } from '@presence-kit/protocol'
import { describe, invalidInput, readActivity, readProfile } from '../shared/wire.js'

const BACKEND = 'yjs'

/** What one awareness state says, for a client that is present. */
export interface ClientPresence {
  readonly connection: ConnectionInput
  readonly typing: boolean
  /** The state's presence as JSON, to tell a real change from a renewal of the clock. */
  readonly fingerprint: string
}

/**
 * Reads one client's awareness state. Present: the kit's field with a `userId`, or (for clients
 * that do not run the kit) a `user` field with an `id`. The kit's field set to `null` is a client
 * that left but keeps its awareness for other things. Undefined: not present, or reported.
 */
export function readClientState(
  clientID: number,
  state: unknown,
  clock: number,
  field: string,
  report: (error: unknown) => void,
): ClientPresence | undefined {
  if (state === null || state === undefined) return undefined
  if (!isPlainObject(state)) {
    report(
      invalidInput(BACKEND, `the awareness state of client ${clientID} is not an object.`, describe(state)),
    )
    return undefined
  }
  const own = state[field]
  if (own === null) return undefined
  if (own !== undefined) {
    if (!isPlainObject(own) || !isNonEmptyString(own.userId)) {
      report(invalidInput(BACKEND, `"${field}" of client ${clientID} needs a userId.`, describe(own)))
      return undefined
    }
    if (own.data !== undefined && !isPlainObject(own.data)) {
      report(
        invalidInput(BACKEND, `"${field}.data" of client ${clientID} must be an object.`, describe(own.data)),
      )
      return undefined
    }
    const activity = readActivity(own.activity)
    const profile = readProfile(own.profile)
    // The store freezes what it keeps: hand it a copy, not the awareness's own objects.
    const data = own.data === undefined ? {} : (JSON.parse(JSON.stringify(own.data)) as Record<string, never>)
    return {
      connection: {
        connectionId: String(clientID),
        userId: own.userId,
        data,
        version: clock,
        ...(activity === undefined ? {} : { activity }),
        ...(profile === undefined ? {} : { profile }),
      },
      typing: own.typing === true,
      fingerprint: JSON.stringify([own.userId, own.data, own.activity, own.profile]),
    }
  }
  const user = state.user
  if (user === undefined) return undefined
  if (!isPlainObject(user) || !isNonEmptyString(user.id)) {
    report(invalidInput(BACKEND, `"user" of client ${clientID} needs a string id.`, describe(user)))
    return undefined
  }
  const profile = readProfile(user)
  return {
    connection: {
      connectionId: String(clientID),
      userId: user.id,
      data: {},
      version: clock,
      ...(profile === undefined ? {} : { profile }),
    },
    typing: false,
    fingerprint: JSON.stringify([user.id, user.name, user.avatarUrl]),
  }
}
