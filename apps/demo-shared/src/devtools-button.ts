import type { PresenceClient } from '@presence-kit/core'

/** The floating button that opens the presence devtools over the demo page. */
export interface DevtoolsButton {
  /** Removes the button and its panel (the page moved to another client, or unmounted). */
  dispose(): void
}

/** Whether the panel was open, so a new client (identity or transport) reopens it. */
let wasOpen = false

const BUTTON_STYLE = [
  'position: fixed',
  'left: 12px',
  'bottom: 12px',
  'z-index: 2147482000',
  'font: 600 13px/1.2 system-ui, sans-serif',
  'padding: 8px 12px',
  'border-radius: 6px',
  'border: 1px solid #0b5cad',
  'background: #0b5cad',
  'color: #ffffff',
  'cursor: pointer',
].join(';')

/**
 * Development only: the demos load this module in a development build, and the devtools only when
 * the button is pressed, so a production build has no trace of either. Styled inline, so the demo
 * stylesheet (shipped in production) does not grow.
 */
export function showDevtoolsButton(client: PresenceClient): DevtoolsButton {
  const button = document.createElement('button')
  button.type = 'button'
  button.textContent = 'Presence devtools'
  button.dataset['demo'] = 'devtools-toggle'
  button.setAttribute('aria-expanded', 'false')
  button.setAttribute('style', BUTTON_STYLE)
  let panel: { unmount(): void } | undefined
  let disposed = false

  const closed = () => {
    panel = undefined
    button.setAttribute('aria-expanded', 'false')
  }
  const open = async () => {
    const { mountPresenceDevtools } = await import('@presence-kit/devtools')
    if (disposed || panel !== undefined) return
    panel = mountPresenceDevtools(client, {
      onClose: () => {
        wasOpen = false
        closed()
        button.focus()
      },
    })
    button.setAttribute('aria-expanded', 'true')
  }
  button.addEventListener('click', () => {
    if (panel === undefined) {
      wasOpen = true
      void open()
    } else {
      wasOpen = false
      panel.unmount()
      closed()
    }
  })
  document.body.append(button)
  if (wasOpen) void open()
  return {
    dispose() {
      disposed = true
      panel?.unmount()
      button.remove()
    },
  }
}
