import { afterEach, describe, expect, it, vi } from 'vitest'
import { observeVirtualizerOffset, watchScrollOffset } from '../../src/ui/index.js'

// The core's tests run without a DOM: an EventTarget with a scrollTop is all the watcher reads.
function scroller() {
  const element = Object.assign(new EventTarget(), { scrollTop: 0 })
  const scrollTo = (top: number) => {
    element.scrollTop = top
    element.dispatchEvent(new Event('scroll'))
  }
  return { element: element as unknown as HTMLElement, scrollTo }
}

afterEach(() => vi.useRealTimers())

describe('watchScrollOffset', () => {
  it('reports each scroll as scrolling, then the offset once more when still for settleMs', () => {
    vi.useFakeTimers()
    const { element, scrollTo } = scroller()
    const onOffset = vi.fn()
    watchScrollOffset(element, onOffset, 150)
    scrollTo(40)
    vi.advanceTimersByTime(100)
    scrollTo(80)
    expect(onOffset.mock.calls).toEqual([
      [40, true],
      [80, true],
    ])
    vi.advanceTimersByTime(149)
    expect(onOffset).toHaveBeenCalledTimes(2)
    vi.advanceTimersByTime(1)
    expect(onOffset).toHaveBeenLastCalledWith(80, false)
    expect(vi.getTimerCount()).toBe(0)
  })

  it('stopping mid-scroll removes the listener and cancels the settle timer', () => {
    vi.useFakeTimers()
    const { element, scrollTo } = scroller()
    const onOffset = vi.fn()
    const stop = watchScrollOffset(element, onOffset, 150)
    scrollTo(40)
    expect(vi.getTimerCount()).toBe(1)
    stop()
    expect(vi.getTimerCount()).toBe(0)
    scrollTo(90)
    vi.advanceTimersByTime(1_000)
    expect(onOffset.mock.calls).toEqual([[40, true]])
  })
})

describe('observeVirtualizerOffset', () => {
  it("watches the virtualizer's scroll element with its settle delay, and nothing before it has one", () => {
    vi.useFakeTimers()
    const { element, scrollTo } = scroller()
    const onOffset = vi.fn()
    expect(
      observeVirtualizerOffset({ scrollElement: null, options: { isScrollingResetDelay: 150 } }, onOffset),
    ).toBe(undefined)
    const stop = observeVirtualizerOffset(
      { scrollElement: element, options: { isScrollingResetDelay: 50 } },
      onOffset,
    )
    scrollTo(30)
    vi.advanceTimersByTime(50)
    expect(onOffset.mock.calls).toEqual([
      [30, true],
      [30, false],
    ])
    stop?.()
    scrollTo(60)
    expect(onOffset).toHaveBeenCalledTimes(2)
  })
})
