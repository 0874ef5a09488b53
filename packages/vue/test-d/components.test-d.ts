import { AvatarStack, OnlineList, type OnlineListRowSlotProps } from '@presence-kit/vue'
import { describe, expectTypeOf, test } from 'vitest'
import './register.js'
import type { RegisteredData, RegisteredInfo } from '../../core/test-d/shapes.js'

type PropsOf<C> = C extends abstract new (...args: never) => { $props: infer P } ? P : never

describe('Vue component props, events and slots use the registered types', () => {
  test('OnlineList: sort, the select event and the row slot', () => {
    type Props = PropsOf<typeof OnlineList>
    expectTypeOf<Parameters<NonNullable<Props['sort']>>[0]['data']>().toEqualTypeOf<RegisteredData>()
    expectTypeOf<Parameters<NonNullable<Props['onSelect']>>[0]['info']>().toEqualTypeOf<
      RegisteredInfo | undefined
    >()
    expectTypeOf<OnlineListRowSlotProps['member']['data']>().toEqualTypeOf<RegisteredData>()
  })

  test('AvatarStack takes members of the registered type', () => {
    type Props = PropsOf<typeof AvatarStack>
    expectTypeOf<NonNullable<Props['members']>[number]['data']>().toEqualTypeOf<RegisteredData>()
  })
})
