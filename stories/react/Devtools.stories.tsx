import type { Meta, StoryObj } from '@storybook/react-vite'
import { PresenceDevtools } from '@presence-kit/devtools/react'
import { AvatarStack, OnlineList, TypingIndicator, usePresence } from '@presence-kit/react'
import { expect, waitFor } from 'storybook/test'
import { liveArgs, liveArgTypes } from '../shared/component-stories.ts'
import { getStoryPresence, STORY_ROOM, type CrowdArgs } from '../shared/presence-fixtures.ts'
import { SLOW, type Play } from '../shared/play-dom.ts'

function CrowdRoom({ room }: { room: string }) {
  const count = usePresence(room, (state) => state.count)
  return (
    <section aria-label="Lobby" style={{ display: 'grid', gap: '0.75rem', alignContent: 'start' }}>
      <header style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '0.75rem' }}>
        <AvatarStack room={room} />
        <span>{count.toLocaleString('en-GB')} online</span>
      </header>
      <OnlineList room={room} groupByStatus height={360} />
      <TypingIndicator room={room} />
    </section>
  )
}

/** The panel sees the crowd: its members view lists the room's roster, its timeline fills up. */
const expectPanelFollowsCrowd: Play = async ({ canvasElement }) => {
  const host = await waitFor(() => {
    const found = canvasElement.querySelector<HTMLElement>('[data-presence-devtools]')
    expect(found?.shadowRoot).toBeTruthy()
    return found!
  }, SLOW)
  const shadow = host.shadowRoot!
  await waitFor(() => {
    const card = shadow.querySelector<HTMLElement>('[data-view="rooms"] > li[data-room="lobby"]')
    expect(Number(card?.dataset['members'])).toBeGreaterThan(5)
    expect(card?.dataset['synced']).toBe('true')
  }, SLOW)
  shadow.querySelector<HTMLElement>('[data-tab="timeline"]')!.click()
  await waitFor(() => {
    expect(
      shadow.querySelectorAll('[data-view="timeline"] > li[data-source="adapter"]').length,
    ).toBeGreaterThan(0)
    expect(shadow.querySelectorAll('[data-view="timeline"] > li[data-kind="commit"]').length).toBeGreaterThan(
      0,
    )
  }, SLOW)
}

const meta = {
  title: 'Live/Devtools',
  tags: ['!autodocs'],
  args: { ...liveArgs, members: 40 },
  argTypes: liveArgTypes,
  render: (_args, context) => {
    const presence = getStoryPresence(context)
    return (
      <div
        style={{
          display: 'grid',
          gap: '1rem',
          gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 22rem), 1fr))',
          padding: '1rem',
        }}
      >
        <CrowdRoom room={STORY_ROOM} />
        <div style={{ height: '36rem' }}>
          <PresenceDevtools
            client={presence.client}
            placement="inline"
            view="rooms"
            link={{ drop: () => presence.dropLink(), restore: () => presence.restoreLink() }}
          />
        </div>
      </div>
    )
  },
} satisfies Meta<CrowdArgs>

export default meta
type Story = StoryObj<typeof meta>

/** The devtools beside a live crowd: every join, leave, update and typing signal, as the store sees it. */
export const BesideALiveCrowd: Story = {
  parameters: { presence: { live: true } },
  play: expectPanelFollowsCrowd,
}
