// The core's controllers speak DOM names (as Vue does); React spells a few of them its own way.
const REACT_NAMES: Record<string, string> = {
  tabindex: 'tabIndex',
  onKeydown: 'onKeyDown',
  onMouseenter: 'onMouseEnter',
  onMouseleave: 'onMouseLeave',
  onFocusin: 'onFocus',
  onFocusout: 'onBlur',
}

/** The attributes and handlers a core controller returns, named as React expects them. */
export function domProps(props: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key in props) out[REACT_NAMES[key] ?? key] = props[key]
  return out
}
