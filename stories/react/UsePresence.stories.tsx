import type { Meta, StoryObj } from '@storybook/react-vite'
import { usePresence } from '@presence-kit/react'
import { cast, STORY_ROOM } from '../shared/presence-fixtures.ts'
import { expectRoomSummary } from '../shared/plays.ts'

/** What `usePresence(room)` returns, for building your own views on the store. */
function RoomSummary({ room }: { room: string }) {
  const { count, others, synced, status, stale } = usePresence(room)
  return (
    <dl data-testid="room-summary">
      <dt>Link</dt>
      <dd>{status}</dd>
      <dt>Synced</dt>
      <dd>{synced ? 'yes' : 'no'}</dd>
      <dt>Stale</dt>
      <dd>{stale ? 'yes' : 'no'}</dd>
      <dt>Online</dt>
      <dd>{count}</dd>
      <dt>Others</dt>
      <dd>{others.map((member) => member.userId).join(', ') || 'nobody'}</dd>
    </dl>
  )
}

const meta = {
  title: 'Hooks/usePresence',
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
