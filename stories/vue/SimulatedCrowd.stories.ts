import type { Meta, StoryObj } from '@storybook/vue3-vite'
import { AvatarStack, ConnectionStatus, OnlineList, TypingIndicator, usePresence } from '@presence-kit/vue'
import { defineComponent, h } from 'vue'
import { liveArgs, liveArgTypes, liveStories as stories } from '../shared/component-stories.ts'
import { STORY_ROOM, type CrowdArgs } from '../shared/presence-fixtures.ts'

/** A room page: every component on one room that a simulated crowd keeps busy. */
const CrowdRoom = defineComponent({
  name: 'CrowdRoom',
  props: { room: { type: String, required: true } },
  setup(props) {
    const count = usePresence(
      () => props.room,
      (state) => state.count,
    )
    return () =>
      h('section', { 'aria-label': 'Lobby', style: { display: 'grid', gap: '0.75rem', maxWidth: '28rem' } }, [
        h('header', { style: { display: 'flex', alignItems: 'center', gap: '0.75rem' } }, [
          h(AvatarStack, { room: props.room }),
          h('span', `${count.value.toLocaleString('en-GB')} online`),
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
  render: () => ({ setup: () => () => h(CrowdRoom, { room: STORY_ROOM }) }),
} satisfies Meta<CrowdArgs>

export default meta
type Story = StoryObj<typeof meta>

export const Lobby: Story = { ...stories.Lobby }
export const HundredThousandMembers: Story = { ...stories.HundredThousandMembers }
