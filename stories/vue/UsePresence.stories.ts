import type { Meta, StoryObj } from '@storybook/vue3-vite'
import { usePresence } from '@presence-kit/vue'
import { defineComponent, h } from 'vue'
import { cast, STORY_ROOM } from '../shared/presence-fixtures.ts'
import { expectRoomSummary } from '../shared/plays.ts'

/** What `usePresence(room)` returns, for building your own views on the store. */
const RoomSummary = defineComponent({
  name: 'RoomSummary',
  props: { room: { type: String, required: true } },
  setup(props) {
    const { count, others, synced, status, stale } = usePresence(() => props.room)
    return () =>
      h('dl', { 'data-testid': 'room-summary' }, [
        h('dt', 'Link'),
        h('dd', status.value),
        h('dt', 'Synced'),
        h('dd', synced.value ? 'yes' : 'no'),
        h('dt', 'Stale'),
        h('dd', stale.value ? 'yes' : 'no'),
        h('dt', 'Online'),
        h('dd', String(count.value)),
        h('dt', 'Others'),
        h('dd', others.value.map((member) => member.userId).join(', ') || 'nobody'),
      ])
  },
})

const meta = {
  title: 'Composables/usePresence',
  component: RoomSummary,
  args: { room: STORY_ROOM },
} satisfies Meta<typeof RoomSummary>

export default meta
type Story = StoryObj<typeof meta>

export const AFew: Story = {
  parameters: { presence: { members: cast.few } },
  play: expectRoomSummary({ status: 'connected', synced: 'yes', count: '6' }),
}

export const Loading: Story = {
  parameters: { presence: { members: cast.few, connection: 'loading' } },
  play: expectRoomSummary({ synced: 'no', count: '1' }),
}

export const Reconnecting: Story = {
  parameters: { presence: { members: cast.few, connection: 'reconnecting' } },
  play: expectRoomSummary({ status: 'reconnecting', stale: 'yes', count: '6' }),
}
