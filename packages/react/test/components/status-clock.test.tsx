import { act, render } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { OnlineList } from '../../src/components/online-list/online-list.js'
import { setupCrowdRoom } from '../support/crowd-room.js'
import { installLayout } from '../support/layout.js'

// Each render of a status text, by member. StatusText is not memoised, so a row that renders again
// renders its status text too: these counts cover the rows as well.
const statusRenders = vi.hoisted(() => new Map<string, number>())

vi.mock('../../src/components/shared/status-text.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/components/shared/status-text.js')>()
  // The same component, counted: its hooks run in this one, so it renders exactly when it would.
  function StatusText(props: Parameters<typeof actual.StatusText>[0]) {
    statusRenders.set(props.member.userId, (statusRenders.get(props.member.userId) ?? 0) + 1)
    return actual.StatusText(props)
  }
  return { ...actual, StatusText }
})

const SECOND = 1_000
const MINUTE = 60 * SECOND
/** The shared clock's period (packages/core/src/ui/shared-clock.ts). */
const TICK = 15 * SECOND

let restoreLayout: () => void
beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-03-02T09:00:00Z') })
  restoreLayout = installLayout()
})
afterEach(() => {
  restoreLayout()
  vi.useRealTimers()
})

describe('relative times on one shared clock (React)', () => {
  it('a tick renders again only the rows whose text it changes', () => {
    const env = setupCrowdRoom(0, { offlineRetentionMs: 30 * MINUTE })
    const add = (userId: string, inactiveMs?: number) =>
      env.hub.addVirtual('lobby', {
        userId,
        connectionId: `${userId}/tab`,
        data: { name: userId },
        ...(inactiveMs === undefined ? {} : { activity: { inactiveMs, hidden: false, away: false } }),
      })
    // The list mounts first, so the client watches the room when a member leaves.
    const { container } = render(<OnlineList room="lobby" showRecentlyLeft />, { wrapper: env.wrapper })
    // Left 105 s before the ticks below: "left 1 min ago" until the first of them makes it 2 min.
    const leaving = add('left-soon-2-min')
    env.commit()
    env.hub.removeVirtual('lobby', leaving)
    env.commit()
    act(() => vi.advanceTimersByTime(7 * TICK))
    add('active-a')
    add('active-b')
    // Idle for 2 min 40 s: "Idle · 2 min" until the second tick makes it 3 min.
    add('idle-soon-3-min', 2 * MINUTE + 40 * SECOND)
    add('idle-steady', 65 * SECOND)
    add('away-steady', 10 * MINUTE)
    env.commit()

    const texts = () =>
      new Map(
        [...container.querySelectorAll('[role="option"]')].map((row) => [
          row.querySelector('[data-presence-name]')?.textContent ?? '',
          row.querySelector('[data-part="status-text"]')?.textContent ?? '',
        ]),
      )
    expect([...texts().keys()].toSorted()).toEqual([
      'active-a',
      'active-b',
      'away-steady',
      'idle-soon-3-min',
      'idle-steady',
      'left-soon-2-min',
    ])

    const changedOnTicks: string[][] = []
    for (let tick = 0; tick < 3; tick++) {
      const before = texts()
      statusRenders.clear()
      act(() => vi.advanceTimersByTime(TICK))
      const after = texts()
      const changed = [...after].filter(([name, text]) => before.get(name) !== text).map(([name]) => name)
      changedOnTicks.push(changed)
      // Exactly the rows whose text changed rendered, once each; the others not at all.
      expect(Object.fromEntries(statusRenders)).toEqual(Object.fromEntries(changed.map((name) => [name, 1])))
    }
    // The scene is as planned: each tick changes a different row, or none.
    expect(changedOnTicks).toEqual([['left-soon-2-min'], ['idle-soon-3-min'], []])
    expect(texts().get('idle-soon-3-min')).toBe('Idle · 3 min')
    expect(texts().get('idle-steady')).toBe('Idle · 1 min')
    expect(texts().get('away-steady')).toBe('Away · 10 min')
    env.destroy()
  })
})
