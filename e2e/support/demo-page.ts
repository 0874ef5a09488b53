import type { Locator, Page } from '@playwright/test'

/** What a demo page is opened with (see the demo's README for every query parameter). */
export interface DemoUser {
  readonly user: string
  readonly name?: string
  readonly avatar?: string
  readonly rooms?: readonly string[]
  /** Extra query parameters: thresholds such as `idle`, `away`, `grace`, `typingTtl`. */
  readonly params?: Readonly<Record<string, string | number>>
}

export function demoUrl(base: string, serverUrl: string, who: DemoUser): string {
  const url = new URL(base)
  url.searchParams.set('server', serverUrl)
  url.searchParams.set('user', who.user)
  if (who.name !== undefined) url.searchParams.set('name', who.name)
  if (who.avatar !== undefined) url.searchParams.set('avatar', who.avatar)
  if (who.rooms !== undefined) url.searchParams.set('rooms', who.rooms.join(','))
  for (const [key, value] of Object.entries(who.params ?? {})) url.searchParams.set(key, String(value))
  return url.href
}

/**
 * The demo page as a user sees it. The components are found by their `data-part` anatomy (the same in
 * React and Vue); the demo's own controls by their accessible names.
 */
export class DemoPage {
  constructor(
    readonly page: Page,
    readonly room = 'lobby',
  ) {}

  /** The same page, looking at another of its rooms (the one the switcher shows). */
  inRoom(room: string): DemoPage {
    return new DemoPage(this.page, room)
  }

  /** The panel of the room shown (the real room, not the crowd). */
  get roomPanel(): Locator {
    return this.page.locator(`main [data-demo-room="${this.room}"]`)
  }

  get onlineList(): Locator {
    return this.roomPanel.locator('[data-part="online-list"]')
  }

  get rows(): Locator {
    return this.roomPanel.locator('[data-part="online-list-row"]')
  }

  /** The row of the member with this display name. */
  row(name: string): Locator {
    return this.rows.filter({ hasText: name })
  }

  /** The status a row's activity dot shows. */
  async rowStatus(name: string): Promise<string | null> {
    return this.row(name).locator('[data-part="activity-dot"]').first().getAttribute('data-status')
  }

  get avatarStack(): Locator {
    return this.roomPanel.locator('[data-part="avatar-stack"]')
  }

  get typingIndicator(): Locator {
    return this.roomPanel.locator('[data-part="typing-indicator"]')
  }

  get messageBox(): Locator {
    return this.roomPanel.getByRole('textbox', { name: 'Message' })
  }

  get sendButton(): Locator {
    return this.roomPanel.getByRole('button', { name: 'Send' })
  }

  /** The demo's spelled-out link state (`data-connection`), shown even when the component shows nothing. */
  get serverLink(): Locator {
    return this.page.locator('[data-demo="server-link"]')
  }

  /** The header's transport picker: the reference server or BroadcastChannel. */
  get transportPicker(): Locator {
    return this.page.getByRole('combobox', { name: 'Transport', exact: true })
  }

  get connectionStatus(): Locator {
    return this.page.locator('[data-part="connection-status"]').first()
  }

  get awayButton(): Locator {
    return this.page.getByRole('button', { name: 'Set me away' })
  }

  get crowdSwitch(): Locator {
    return this.page.getByRole('switch', { name: 'Simulated crowd' })
  }

  get crowdSize(): Locator {
    return this.page.getByLabel('Crowd size')
  }

  get crowdPanel(): Locator {
    return this.page.locator('[data-demo="crowd"]')
  }

  /** Waits until the page has its first roster from the server. */
  async waitForSynced(): Promise<void> {
    await this.serverLink.and(this.page.locator('[data-synced="true"]')).waitFor()
  }

  async type(text: string): Promise<void> {
    await this.messageBox.click()
    await this.messageBox.pressSequentially(text, { delay: 20 })
  }
}
