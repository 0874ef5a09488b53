import { createPresenceClient } from '@presence-kit/core'
import { createMemoryHub } from '@presence-kit/core/testing'
import { render } from '@testing-library/vue'
import { h, nextTick, type ComponentPublicInstance } from 'vue'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { OnlineList } from '../src/components/online-list.js'
import { createPresencePlugin } from '../src/provide.js'

const SECOND = 1_000
const MINUTE = 60 * SECOND
/** The shared clock's period (packages/core/src/ui/shared-clock.ts). */
const TICK = 15 * SECOND

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-03-02T09:00:00Z') })
})
afterEach(() => vi.useRealTimers())

/** The components a row is made of that could render again on a tick. */
const counted = new Set(['OnlineListRow', 'StatusText'])

describe('relative times on one shared clock (Vue)', () => {
  it('a tick renders again only the rows whose text it changes', async () => {
    const hub = createMemoryHub()
    const client = createPresenceClient({
      adapter: hub.adapter(),
      user: { id: 'ada', name: 'Ada Lovelace' },
      batch: 'sync',
      leaveGraceMs: 0,
      offlineRetentionMs: 30 * MINUTE,
    })
    const add = (userId: string, inactiveMs?: number) =>
      hub.addVirtual('lobby', {
        userId,
        connectionId: `${userId}/tab`,
        data: { name: userId },
        ...(inactiveMs === undefined ? {} : { activity: { inactiveMs, hidden: false, away: false } }),
      })
    // Each update of a row or of its status text, by member: a global mixin sees every component.
    const updates = new Map<string, number>()
    const countUpdates = {
      updated(this: ComponentPublicInstance) {
        const member = (this.$props as { member?: { userId: string } }).member
        if (!counted.has(this.$options.name ?? '') || member === undefined) return
        updates.set(member.userId, (updates.get(member.userId) ?? 0) + 1)
      },
    }
    // The list mounts first, so the client watches the room when a member leaves.
    const { container } = render(() => h(OnlineList, { room: 'lobby', showRecentlyLeft: true }), {
      global: { plugins: [createPresencePlugin(client)], mixins: [countUpdates] },
    })
    // Left 105 s before the ticks below: "left 1 min ago" until the first of them makes it 2 min.
    const leaving = add('left-soon-2-min')
    await nextTick()
    hub.removeVirtual('lobby', leaving)
    await nextTick()
    vi.advanceTimersByTime(7 * TICK)
    add('active-a')
    add('active-b')
    // Idle for 2 min 40 s: "Idle · 2 min" until the second tick makes it 3 min.
    add('idle-soon-3-min', 2 * MINUTE + 40 * SECOND)
    add('idle-steady', 65 * SECOND)
    add('away-steady', 10 * MINUTE)
    await nextTick()

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
      updates.clear()
      vi.advanceTimersByTime(TICK)
      await nextTick()
      const after = texts()
      const changed = [...after].filter(([name, text]) => before.get(name) !== text).map(([name]) => name)
      changedOnTicks.push(changed)
      // Exactly the rows whose text changed rendered, once each (their status text, not the row);
      // the others not at all.
      expect(Object.fromEntries(updates)).toEqual(Object.fromEntries(changed.map((name) => [name, 1])))
    }
    // The scene is as planned: each tick changes a different row, or none.
    expect(changedOnTicks).toEqual([['left-soon-2-min'], ['idle-soon-3-min'], []])
    expect(texts().get('idle-soon-3-min')).toBe('Idle · 3 min')
    expect(texts().get('idle-steady')).toBe('Idle · 1 min')
    expect(texts().get('away-steady')).toBe('Away · 10 min')
    client.destroy()
  })
})
