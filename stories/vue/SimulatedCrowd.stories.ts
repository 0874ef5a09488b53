import type { Meta, StoryObj } from '@storybook/vue3-vite'
import { AvatarStack, ConnectionStatus, OnlineList, TypingIndicator, usePresence } from '@presence-kit/vue'
import { defineComponent, h, type PropType } from 'vue'
import type { BatchingMeter } from '../shared/batching-meter.ts'
import { liveArgs, liveArgTypes, liveStories as stories } from '../shared/component-stories.ts'
import { getStoryPresence, STORY_ROOM, type CrowdArgs } from '../shared/presence-fixtures.ts'
import { BatchingReadout } from './batching-readout.ts'

/**
 * A room page: every component on one room that a simulated crowd keeps busy, and beside the count
 * how many events arrived and how few store updates the core made of them.
 */
const CrowdRoom = defineComponent({
  name: 'CrowdRoom',
  props: {
    room: { type: String, required: true },
    batching: { type: Object as PropType<BatchingMeter>, required: true },
  },
  setup(props) {
    const count = usePresence(
      () => props.room,
      (state) => state.count,
    )
    return () =>
      h('section', { 'aria-label': 'Lobby', style: { display: 'grid', gap: '0.75rem', maxWidth: '28rem' } }, [
        h('header', { style: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '0.75rem' } }, [
          h(AvatarStack, { room: props.room }),
          h('span', { 'data-testid': 'online-count' }, `${count.value.toLocaleString('en-GB')} online`),
          h(BatchingReadout, { meter: props.batching }),
          h(ConnectionStatus, { room: props.room }),
        ]),
        h(OnlineList, { room: props.room, groupByStatus: true, height: 360 }),
        h(TypingIndicator, { room: props.room }),
      ])
  },
})

const meta = {
  title: 'Live/Simulated Crowd',
  tags: ['!autodocs'],
  args: liveArgs,
  argTypes: liveArgTypes,
  render: (_args, context) => ({
    setup: () => () => h(CrowdRoom, { room: STORY_ROOM, batching: getStoryPresence(context).batching }),
  }),
} satisfies Meta<CrowdArgs>

export default meta
type Story = StoryObj<typeof meta>

export const Lobby: Story = { ...stories.Lobby }
export const HundredThousandMembers: Story = { ...stories.HundredThousandMembers }
