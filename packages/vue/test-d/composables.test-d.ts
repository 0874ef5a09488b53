import {
  useMember,
  useMyPresence,
  usePresence,
  usePresenceEvent,
  useRoom,
  useRoomState,
  useTyping,
  type Member,
  type RoomState,
} from '@presence-kit/vue'
import { describe, expectTypeOf, test } from 'vitest'
import './register.js'
import type {
  Cursor,
  DrawingPresence,
  RegisteredData,
  RegisteredInfo,
  WithDate,
} from '../../core/test-d/shapes.js'

describe('Vue composables use the registered types without a type argument', () => {
  test('usePresence, its refs and a selector', () => {
    const { members, self, snapshot } = usePresence('doc')
    expectTypeOf(members.value[0]!.data).toEqualTypeOf<RegisteredData>()
    expectTypeOf(self.value?.info).toEqualTypeOf<RegisteredInfo | undefined>()
    expectTypeOf(snapshot.value.others[0]!.data.cursor).toEqualTypeOf<Cursor | null>()
    const statuses = usePresence('doc', (state) => state.members.map((member) => member.data.status))
    expectTypeOf(statuses.value).toEqualTypeOf<('editing' | 'viewing')[]>()
  })

  test('useRoom, useMyPresence and their initial presence', () => {
    const room = useRoom('doc', { initialPresence: { status: 'viewing', cursor: null } })
    expectTypeOf(room.value.get().self?.data).toEqualTypeOf<RegisteredData | undefined>()
    // @ts-expect-error: the initial presence is checked against the registered type, not guessed from
    useRoom('doc', { initialPresence: { status: 'idle', cursor: null } })
    const { data, update } = useMyPresence('doc', { status: 'editing', cursor: { x: 0, y: 0 } })
    expectTypeOf(data.value).toEqualTypeOf<RegisteredData | undefined>()
    update((current) => ({ ...current, status: 'viewing' }))
    // @ts-expect-error: a registered status only
    update({ status: 'gone', cursor: null })
  })

  test('useMember, useTyping, usePresenceEvent, useRoomState', () => {
    expectTypeOf(useMember('doc', 'ada').value?.info?.team).toEqualTypeOf<
      'design' | 'engineering' | undefined
    >()
    expectTypeOf(useTyping('doc').typingUsers.value[0]!.data).toEqualTypeOf<RegisteredData>()
    usePresenceEvent('doc', 'join', (event) => {
      expectTypeOf(event.member.data).toEqualTypeOf<RegisteredData>()
    })
    usePresenceEvent('doc', ['leave', 'update'], (event) => {
      expectTypeOf(event.previous.info).toEqualTypeOf<RegisteredInfo | undefined>()
    })
    const room = useRoom('doc')
    expectTypeOf(useRoomState(room, (state) => state.self?.data.cursor).value).toEqualTypeOf<
      Cursor | null | undefined
    >()
  })
})

describe('a type argument overrides the registration for one call', () => {
  test('an interface is accepted as presence data', () => {
    expectTypeOf(
      usePresence<DrawingPresence>('canvas').members.value[0]!.data,
    ).toEqualTypeOf<DrawingPresence>()
    expectTypeOf(useRoom<DrawingPresence>('canvas').value.get().self?.data.tool).toEqualTypeOf<
      'pen' | 'eraser' | undefined
    >()
    const { data } = useMyPresence<DrawingPresence>('canvas', { tool: 'pen', strokes: [] })
    expectTypeOf(data.value).toEqualTypeOf<DrawingPresence | undefined>()
    expectTypeOf(useMember<DrawingPresence>('canvas', 'ada').value?.data).toEqualTypeOf<
      DrawingPresence | undefined
    >()
    expectTypeOf(useTyping<DrawingPresence>('canvas').typingUsers.value).toEqualTypeOf<
      readonly Member<DrawingPresence>[]
    >()
    usePresenceEvent<'join', DrawingPresence>('canvas', 'join', (event) => {
      expectTypeOf(event.member.data).toEqualTypeOf<DrawingPresence>()
    })
  })

  test('a selector typed for a room chooses that room type', () => {
    const tools = usePresence('canvas', (state: RoomState<DrawingPresence>) =>
      state.members.map((m) => m.data.tool),
    )
    expectTypeOf(tools.value).toEqualTypeOf<('pen' | 'eraser')[]>()
  })

  test('data that is not JSON is rejected', () => {
    // @ts-expect-error: a Date is not JSON
    usePresence<WithDate>('doc')
    // @ts-expect-error: a Date is not JSON
    useRoom<WithDate>('doc')
    // @ts-expect-error: a Date is not JSON
    useMyPresence<WithDate>('doc')
  })
})
