const isViewport = (element: Element) => element.getAttribute('data-part') === 'online-list'

/**
 * jsdom computes no layout, so every element measures 0 and a virtualizer would render no rows.
 * This gives scroll viewports (the online list) a measured size and a working scroll position,
 * so tests exercise real virtualization instead of skipping it. Returns the undo.
 */
export function installLayout(viewport = { width: 320, height: 320 }): () => void {
  const proto = HTMLElement.prototype
  const names = ['clientHeight', 'clientWidth', 'scrollTop', 'scrollHeight']
  const saved = names.map((name) => [name, Object.getOwnPropertyDescriptor(Element.prototype, name)] as const)
  const savedScrollTo = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollTo')
  const offsets = new WeakMap<Element, number>()

  Object.defineProperty(proto, 'clientHeight', {
    configurable: true,
    get(this: Element) {
      return isViewport(this) ? viewport.height : 0
    },
  })
  Object.defineProperty(proto, 'clientWidth', {
    configurable: true,
    get(this: Element) {
      return isViewport(this) ? viewport.width : 0
    },
  })
  // The content's height: the virtualizer's sizer is the viewport's only child.
  Object.defineProperty(proto, 'scrollHeight', {
    configurable: true,
    get(this: Element) {
      const sizer = this.firstElementChild as HTMLElement | null
      return isViewport(this) ? Number.parseFloat(sizer?.style.height ?? '0') || 0 : 0
    },
  })
  Object.defineProperty(proto, 'scrollTop', {
    configurable: true,
    get(this: Element) {
      return offsets.get(this) ?? 0
    },
    set(this: Element, value: number) {
      offsets.set(this, value)
    },
  })
  Object.defineProperty(Element.prototype, 'scrollTo', {
    configurable: true,
    value(this: Element, options: ScrollToOptions) {
      if (typeof options?.top === 'number') offsets.set(this, Math.max(0, options.top))
      this.dispatchEvent(new Event('scroll'))
    },
  })

  return () => {
    for (const name of ['clientHeight', 'clientWidth', 'scrollTop'])
      delete (proto as unknown as Record<string, unknown>)[name]
    for (const [name, descriptor] of saved)
      if (descriptor) Object.defineProperty(Element.prototype, name, descriptor)
    if (savedScrollTo) Object.defineProperty(Element.prototype, 'scrollTo', savedScrollTo)
    else delete (Element.prototype as unknown as Record<string, unknown>)['scrollTo']
  }
}
