import {
  AvatarStack,
  OnlineList,
  usePresence,
  type OnlineListProps,
  type AvatarStackProps,
} from '@presence-kit/react'
import { describe, expectTypeOf, test } from 'vitest'
import './register.js'
import type { RegisteredData, RegisteredInfo } from '../../core/test-d/shapes.js'

describe('React component props use the registered types', () => {
  test('OnlineList: sort, onSelect and renderRow get registered members', () => {
    expectTypeOf<
      Parameters<NonNullable<OnlineListProps['onSelect']>>[0]['data']
    >().toEqualTypeOf<RegisteredData>()
    const list = (
      <OnlineList
        room="doc"
        sort={(a, b) => a.data.status.localeCompare(b.data.status)}
        onSelect={(member) => expectTypeOf(member.info).toEqualTypeOf<RegisteredInfo | undefined>()}
        renderRow={(member) => member.info?.team}
      />
    )
    expectTypeOf(list).not.toBeAny()
    // @ts-expect-error: `mood` is not registered presence data
    ;<OnlineList room="doc" onSelect={(member) => member.data.mood} />
  })

  test('AvatarStack takes members of the registered type', () => {
    const { members } = usePresence('doc')
    expectTypeOf(<AvatarStack members={members} />).not.toBeAny()
    expectTypeOf<Extract<AvatarStackProps, { members: unknown }>['members']>().toEqualTypeOf<
      readonly import('@presence-kit/react').Member<RegisteredData>[]
    >()
  })
})
