import {
  createPresenceClient,
  type ChangeEvent,
  type Member,
  type PresenceClient,
  type PresenceData,
  type PresenceEventMap,
  type RoomState,
  type SelfUser,
} from '@presence-kit/core'
import { getPresenceSnapshot } from '@presence-kit/core/ui'
import { describe, expectTypeOf, test } from 'vitest'
import './register.js'
import type { Cursor, DrawingPresence, RegisteredData, RegisteredInfo } from './shapes.js'

declare const client: PresenceClient

/** A selector as an app writes one: `RoomState` without a type argument is the registered state. */
const typingStatuses = (state: RoomState) => state.typing.map((member) => member.data.status)

describe('the registered types flow through the core', () => {
  test('client.room() hands out rooms of the registered presence', () => {
    const room = client.room('doc')
    expectTypeOf(room.get().self?.data).toEqualTypeOf<RegisteredData | undefined>()
    expectTypeOf(room.get('ada')).toEqualTypeOf<Member<RegisteredData> | undefined>()
    expectTypeOf(room.list((member) => member.data.cursor)).toEqualTypeOf<(Cursor | null)[]>()
    expectTypeOf(client.rooms()[0]!.get().members[0]!.data.status).toEqualTypeOf<'editing' | 'viewing'>()
  })

  test('members carry the registered user info', () => {
    const member = client.room('doc').get().members[0]!
    expectTypeOf(member.info).toEqualTypeOf<RegisteredInfo | undefined>()
    expectTypeOf(member.connections[0]!.profile).toEqualTypeOf<RegisteredInfo | undefined>()
    expectTypeOf(client.user).toEqualTypeOf<SelfUser>()
    expectTypeOf(client.user.team).toEqualTypeOf<'design' | 'engineering'>()
  })

  test('join and update take the registered presence, and nothing else', () => {
    const room = client.room('doc')
    room.join({ status: 'viewing', cursor: null })
    room.update((current) => ({ ...current, cursor: { x: 1, y: 2 } }))
    // @ts-expect-error: 'idle' is not a registered status
    room.update({ status: 'idle', cursor: null })
    // @ts-expect-error: the cursor is missing
    room.join({ status: 'viewing' })
  })

  test('the store and its selectors see the registered state', () => {
    const store = client.room('doc').store
    expectTypeOf(store.getState()).toEqualTypeOf<RoomState<RegisteredData>>()
    expectTypeOf(typingStatuses(store.getState())).toEqualTypeOf<('editing' | 'viewing')[]>()
    store.subscribe((state) =>
      expectTypeOf(state.self?.data.cursor).toEqualTypeOf<Cursor | null | undefined>(),
    )
    expectTypeOf(getPresenceSnapshot(store.getState()).others[0]!.data).toEqualTypeOf<RegisteredData>()
  })

  test('events are typed by the registration', () => {
    const room = client.room('doc')
    room.on('join', (event) => expectTypeOf(event.member.data).toEqualTypeOf<RegisteredData>())
    room.on(['leave', 'update'], (event) =>
      expectTypeOf(event.previous.info).toEqualTypeOf<RegisteredInfo | undefined>(),
    )
    room.on('change', (event) => expectTypeOf(event).toEqualTypeOf<ChangeEvent<RegisteredData>>())
    expectTypeOf<PresenceEventMap['typing']['typing'][number]['data']>().toEqualTypeOf<RegisteredData>()
  })

  test('createPresenceClient takes the registered user and resolveUser returns it', () => {
    createPresenceClient({
      adapter: null as never,
      user: { id: 'ada', name: 'Ada', team: 'design' },
      resolveUser: async (userId) => ({ name: userId, team: 'engineering' }),
    })
    createPresenceClient({
      adapter: null as never,
      // @ts-expect-error: the registered user has a team
      user: { id: 'ada', name: 'Ada' },
    })
    createPresenceClient({
      adapter: null as never,
      user: { id: 'ada', name: 'Ada', team: 'design' },
      // @ts-expect-error: 'sales' is not a registered team
      resolveUser: () => ({ name: 'Grace', team: 'sales' }),
    })
  })
})

describe('a type given at one call overrides the registration', () => {
  test('client.room<D>() with an interface', () => {
    const room = client.room<DrawingPresence>('canvas')
    expectTypeOf(room.get().members[0]!.data).toEqualTypeOf<DrawingPresence>()
    room.on('update', (event) => expectTypeOf(event.member.data.tool).toEqualTypeOf<'pen' | 'eraser'>())
    // The user info stays the registered one: it is the app's, not the room's.
    expectTypeOf(room.get().members[0]!.info).toEqualTypeOf<RegisteredInfo | undefined>()
  })

  test('the unregistered JSON object is still there to ask for', () => {
    const room = client.room<PresenceData>('anything')
    expectTypeOf(room.get().self!.data['any key']).toEqualTypeOf<PresenceData[string] | undefined>()
  })
})
