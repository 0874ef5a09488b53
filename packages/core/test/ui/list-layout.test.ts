import { describe, expect, it } from 'vitest'
import type { PresenceStatus } from '../../src/types.js'
import { getMemberListLayout } from '../../src/ui/index.js'

const statuses = (...list: PresenceStatus[]) => list.map((status) => ({ status }))

describe('getMemberListLayout', () => {
  it('without groups, rows are the members', () => {
    const layout = getMemberListLayout(statuses('active', 'idle'), false)
    expect(layout.itemCount).toBe(2)
    expect(layout.groups).toEqual([])
    expect(layout.itemAt(1)).toEqual({ kind: 'member', position: 1 })
    expect(layout.itemIndexOf(1)).toBe(1)
  })

  it('with groups, puts a header with its count before each status run', () => {
    const layout = getMemberListLayout(statuses('active', 'active', 'idle', 'offline'), true)
    expect(layout.groups).toEqual([
      { status: 'active', count: 2, start: 0, itemIndex: 0 },
      { status: 'idle', count: 1, start: 2, itemIndex: 3 },
      { status: 'offline', count: 1, start: 3, itemIndex: 5 },
    ])
    expect(layout.itemCount).toBe(7)
    const rows = Array.from({ length: layout.itemCount }, (_, index) => layout.itemAt(index))
    expect(rows.map((row) => (row.kind === 'group' ? `#${row.group.status}` : row.position))).toEqual([
      '#active',
      0,
      1,
      '#idle',
      2,
      '#offline',
      3,
    ])
    for (let position = 0; position < 4; position++) {
      expect(layout.itemAt(layout.itemIndexOf(position))).toEqual({ kind: 'member', position })
    }
  })

  it('shows an unknown status from bad data with the offline group', () => {
    const bad = 'sleeping' as PresenceStatus
    const layout = getMemberListLayout(statuses('active', 'offline', bad), true)
    expect(layout.groups.map((group) => [group.status, group.count])).toEqual([
      ['active', 1],
      ['offline', 2],
    ])
  })

  it('an empty grouped list has no rows', () => {
    const layout = getMemberListLayout([], true)
    expect(layout.itemCount).toBe(0)
    expect(layout.groups).toEqual([])
  })
})
