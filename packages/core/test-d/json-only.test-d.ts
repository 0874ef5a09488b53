import type { PresenceClient, PresenceShape } from '@presence-kit/core'
import { describe, expectTypeOf, test } from 'vitest'
import type { PresenceOf, UserOf } from '../src/register.js'
import type { Cursor, WithDate } from './shapes.js'

declare const client: PresenceClient

interface WithFunction {
  readonly onClick: () => void
}
interface Nested {
  readonly selection: {
    readonly ranges: readonly { readonly from: number; readonly to: Map<string, number> }[]
  }
}

describe('presence data must be JSON, interface or type', () => {
  test('interfaces and types of JSON values are accepted', () => {
    client.room<Cursor>('a')
    client.room<{ readonly cursor: Cursor | null; tags: string[]; optional?: number }>('b')
    expectTypeOf<Cursor>().toExtend<PresenceShape<Cursor>>()
  })

  test('values that are not JSON are rejected', () => {
    // @ts-expect-error: a Date is not JSON
    client.room<WithDate>('a')
    // @ts-expect-error: a function is not JSON
    client.room<WithFunction>('b')
    // @ts-expect-error: a Map deep inside is not JSON
    client.room<Nested>('c')
    // @ts-expect-error: a bigint is not JSON
    client.room<{ count: bigint }>('d')
    // @ts-expect-error: presence data is an object, not a string
    client.room<string>('e')
  })
})

describe('what the registration resolves to', () => {
  test('nothing registered: any JSON object and UserInfo', () => {
    expectTypeOf<PresenceOf<object>>().toEqualTypeOf<import('@presence-kit/core').PresenceData>()
    expectTypeOf<UserOf<object>>().toEqualTypeOf<import('@presence-kit/core').UserInfo>()
  })

  test('a registered presence that is not JSON names the problem instead of passing', () => {
    type Bad = PresenceOf<{ presence: WithDate }>
    expectTypeOf<Bad>().not.toEqualTypeOf<WithDate>()
    expectTypeOf<Bad>().toHaveProperty('Register["presence"] must be JSON data')
  })

  test('a registered user whose name is not a string names the problem', () => {
    expectTypeOf<UserOf<{ user: { name: number } }>>().toHaveProperty(
      'Register["user"] must have string name and avatarUrl, when it has them',
    )
    expectTypeOf<UserOf<{ user: { name: string; team: string } }>>().toEqualTypeOf<{
      name: string
      team: string
    }>()
  })
})
