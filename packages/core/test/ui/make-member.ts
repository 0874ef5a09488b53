import type { Member, PresenceData, PresenceStatus, UserInfo } from '../../src/types.js'

interface MemberFields {
  readonly status?: PresenceStatus
  readonly isSelf?: boolean
  readonly name?: string
  readonly info?: UserInfo
  readonly data?: PresenceData
}

/** A member as the store would hand it out, with only the fields the UI helpers read set. */
export function makeMember(userId: string, fields: MemberFields = {}): Member {
  return {
    userId,
    data: fields.data ?? {},
    connections: [],
    status: fields.status ?? 'active',
    isSelf: fields.isSelf ?? false,
    info: fields.info ?? (fields.name === undefined ? undefined : { name: fields.name }),
    joinedAt: 0,
    leftAt: undefined,
  }
}
