import type { PresenceClient } from '@presence-kit/core'
import { createElement, useEffect, useRef, type ReactElement } from 'react'
import { mountPresenceDevtools, type PresenceDevtoolsOptions } from './mount.js'

export interface PresenceDevtoolsProps extends Omit<PresenceDevtoolsOptions, 'target'> {
  readonly client: PresenceClient
  /**
   * `inline`: the panel fills this component's box, in the page's flow. `overlay`: it floats over
   * the page's bottom right corner. @default 'overlay'
   */
  readonly placement?: 'overlay' | 'inline'
}

/**
 * The presence devtools as a React component: mounted after render (never on a server), remounted
 * when the client, theme or placement changes, unmounted with the component.
 */
export function PresenceDevtools(props: PresenceDevtoolsProps): ReactElement {
  const box = useRef<HTMLDivElement>(null)
  const latest = useRef(props)
  latest.current = props
  const { client, theme, placement = 'overlay' } = props
  useEffect(() => {
    const { client: _client, placement: _placement, ...options } = latest.current
    const handle = mountPresenceDevtools(client, {
      ...options,
      ...(placement === 'inline' && box.current !== null ? { target: box.current } : {}),
      onClose: () => latest.current.onClose?.(),
    })
    return () => handle.unmount()
  }, [client, theme, placement])
  return createElement('div', {
    ref: box,
    'data-presence-devtools-root': '',
    style: placement === 'inline' ? { height: '100%' } : { display: 'contents' },
  })
}
