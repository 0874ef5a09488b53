import { describe, expect, it } from 'vitest'
import { cloneWire } from '../../src/testing/clone-wire.js'

const callback = () => 1

describe('cloneWire', () => {
  it('copies every plain object and array, however deep, and keeps primitives', () => {
    const value = { a: [1, { b: { c: 'x' } }], d: null, e: undefined, f: true }
    const copy = cloneWire(value)
    expect(copy).toEqual(value)
    expect(copy).not.toBe(value)
    expect(copy.a).not.toBe(value.a)
    expect(copy.a[1]).not.toBe(value.a[1])
    expect((copy.a[1] as { b: object }).b).not.toBe((value.a[1] as { b: object }).b)
    expect(cloneWire('text')).toBe('text')
    expect(cloneWire(null)).toBeNull()
  })

  it('gives an object reached twice, not in a cycle, a copy each time, as JSON would', () => {
    const shared = { n: 1 }
    const copy = cloneWire({ first: shared, second: shared, list: [shared, shared] })
    expect(copy.first).toEqual(shared)
    expect(copy.first).not.toBe(shared)
    expect(copy.second).not.toBe(copy.first)
    expect(copy.list[0]).not.toBe(copy.list[1])
  })

  it('passes class instances, functions and the way back of a cycle through by reference', () => {
    const date = new Date(0)
    const cyclic: { self?: unknown; inner: { up?: unknown } } = { inner: {} }
    cyclic.self = cyclic
    cyclic.inner.up = cyclic
    const copy = cloneWire({ date, callback, cyclic })
    expect(copy.date).toBe(date)
    expect(copy.callback).toBe(callback)
    expect(copy.cyclic).not.toBe(cyclic)
    expect(copy.cyclic.self).toBe(cyclic)
    expect(copy.cyclic.inner).not.toBe(cyclic.inner)
    expect(copy.cyclic.inner.up).toBe(cyclic)
  })

  it('copies an object it met in an earlier cycle, once that copy is over', () => {
    const cyclic: { self?: unknown } = {}
    cyclic.self = cyclic
    cloneWire(cyclic)
    const copy = cloneWire({ again: cyclic })
    expect(copy.again).not.toBe(cyclic)
    expect(copy.again.self).toBe(cyclic)
  })

  it('forgets the objects it was copying when a getter throws, so the next copy is whole', () => {
    let reads = 0
    const parent = {
      child: {
        get flaky(): number {
          if (reads++ === 0) throw new Error('no')
          return 1
        },
      },
    }
    expect(() => cloneWire(parent)).toThrow('no')
    const copy = cloneWire(parent)
    expect(copy).not.toBe(parent)
    expect(copy.child).not.toBe(parent.child)
    expect(copy).toEqual({ child: { flaky: 1 } })
  })
})
