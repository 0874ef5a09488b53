import type { Member } from '@presence-kit/core'
import { render } from '@testing-library/react'
import { Profiler, useCallback, type ProfilerOnRenderCallback } from 'react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ActivityDot } from '../../src/components/activity-dot/activity-dot.js'
import { AvatarStack } from '../../src/components/avatar-stack/avatar-stack.js'
import { OnlineList } from '../../src/components/online-list/online-list.js'
import { setupCrowdRoom } from '../support/crowd-room.js'
import { installLayout } from '../support/layout.js'
import { deliverOnePerTask, outsideAct, sleep } from '../support/one-per-task.js'

let restoreLayout: () => void
beforeEach(() => {
  restoreLayout = installLayout()
})
afterEach(() => restoreLayout())

describe('render counts (React Profiler)', () => {
  it('a burst of 1,000 joins and leaves, one per task, over 10,000 members gives at most 2 commits of OnlineList', async () => {
    // The store's own batching (one commit per 100 ms window here), not act(), groups the burst.
    const env = setupCrowdRoom(10_000, { batch: 100 })
    const commits: string[] = []
    const onRender: ProfilerOnRenderCallback = (_id, phase) => commits.push(phase)
    const { container } = render(
      <Profiler id="list" onRender={onRender}>
        <OnlineList room="lobby" />
      </Profiler>,
      { wrapper: env.wrapper },
    )
    await outsideAct(() => sleep(150))
    expect(container.querySelectorAll('[role="option"]').length).toBeGreaterThan(0)
    commits.length = 0

    await outsideAct(async () => {
      await deliverOnePerTask(1_000, (i) => {
        if (i % 2 === 0) env.addUser(20_000 + i)
        else env.hub.removeVirtual('lobby', env.connections[i]!)
      })
      await sleep(250)
    })
    expect(env.client.room('lobby').get().count).toBe(10_000)
    expect(commits.length).toBeGreaterThanOrEqual(1)
    expect(commits.length).toBeLessThanOrEqual(2)
    // The rows shown are those of the new roster, in order: user-1 left, user-0 and user-2 stayed.
    const names = [...container.querySelectorAll('[data-presence-name]')].map((name) => name.textContent)
    expect(names.slice(0, 2)).toEqual(['User 000000', 'User 000002'])
    env.destroy()
  })

  it('an update of one member re-renders only that row and the components that show that member', () => {
    const env = setupCrowdRoom(1_000)
    const rowRenders = new Map<string, number>()
    const dotCommits: Record<string, number> = { target: 0, other: 0 }
    const stackCommits: string[] = []

    function Page() {
      const renderRow = useCallback((member: Member) => {
        rowRenders.set(member.userId, (rowRenders.get(member.userId) ?? 0) + 1)
        return <span>{`${String(member.data['name'])} ${String(member.data['mood'] ?? '')}`}</span>
      }, [])
      return (
        <>
          <OnlineList room="lobby" renderRow={renderRow} />
          <Profiler id="target" onRender={() => dotCommits['target']!++}>
            <ActivityDot room="lobby" userId="user-3" />
          </Profiler>
          <Profiler id="other" onRender={() => dotCommits['other']!++}>
            <ActivityDot room="lobby" userId="user-900" />
          </Profiler>
          <Profiler id="stack" onRender={(_id, phase) => stackCommits.push(phase)}>
            <AvatarStack room="lobby" max={5} />
          </Profiler>
        </>
      )
    }
    const { container } = render(<Page />, { wrapper: env.wrapper })
    env.commit()
    expect(rowRenders.get('user-3')).toBeGreaterThan(0)
    rowRenders.clear()
    dotCommits['target'] = 0
    dotCommits['other'] = 0
    stackCommits.length = 0

    // Same name and status, so the order does not move: only the member's object changes.
    env.hub.updateVirtual('lobby', env.connections[3]!, { data: { name: 'User 000003', mood: 'happy' } })
    env.commit()
    expect(env.client.room('lobby').get('user-3')?.data['mood']).toBe('happy')
    expect([...rowRenders.entries()]).toEqual([['user-3', 1]])
    expect(dotCommits['target']).toBe(1)
    expect(dotCommits['other']).toBe(0)
    // The stack shows user-3 (the first five are 0..4 by name), so it follows the update.
    expect(stackCommits.length).toBe(1)
    const row = [...container.querySelectorAll('[role="option"]')].find((option) =>
      option.textContent?.includes('User 000003'),
    )
    expect(row?.textContent).toBe('User 000003 happy')
    env.destroy()
  })
})
