/** The attributes every element of a component carries: `data-scope` and its `data-part`. */
export function part(name: string): { 'data-scope': 'presence'; 'data-part': string } {
  return { 'data-scope': 'presence', 'data-part': name }
}

/** Hidden on screen, read by screen readers; inline so it works without the stylesheet. */
export const visuallyHidden = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  margin: '-1px',
  padding: '0',
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: '0',
} as const

/** A boolean data attribute: present (empty) when true, absent when false. */
export function flag(on: boolean): '' | undefined {
  return on ? '' : undefined
}
