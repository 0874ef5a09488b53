/**
 * Follows a scroll container's vertical offset for a list virtualizer: `onOffset(offset, true)` on
 * each scroll, then `onOffset(offset, false)` once scrolling has been still for `settleMs`.
 *
 * The virtualizers' own offset observer leaves its settle timer running when the list unmounts
 * mid-scroll; this one cancels it on stop, so nothing of the list runs after it is gone.
 */
export function watchScrollOffset(
  element: HTMLElement,
  onOffset: (offset: number, isScrolling: boolean) => void,
  settleMs: number,
): () => void {
  let settle: ReturnType<typeof setTimeout> | undefined
  const cancel = () => {
    if (settle !== undefined) clearTimeout(settle)
    settle = undefined
  }
  const settled = () => {
    settle = undefined
    onOffset(element.scrollTop, false)
  }
  const onScroll = () => {
    cancel()
    settle = setTimeout(settled, settleMs)
    onOffset(element.scrollTop, true)
  }
  element.addEventListener('scroll', onScroll, { passive: true })
  return () => {
    element.removeEventListener('scroll', onScroll)
    cancel()
  }
}

/** The part of a list virtualizer (TanStack Virtual's) that its offset observer reads. */
export interface ScrollVirtualizer {
  readonly scrollElement: HTMLElement | null
  readonly options: { readonly isScrollingResetDelay: number }
}

/** A virtualizer's `observeElementOffset` option, on `watchScrollOffset`. */
export function observeVirtualizerOffset(
  instance: ScrollVirtualizer,
  notify: (offset: number, isScrolling: boolean) => void,
): (() => void) | undefined {
  const element = instance.scrollElement
  return element === null
    ? undefined
    : watchScrollOffset(element, notify, instance.options.isScrollingResetDelay)
}
