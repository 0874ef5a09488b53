import type { LocalPresence } from '@presence-kit/core'

/**
 * The local user's presence in one room as the adapter has to deliver it: held while the link is
 * down, sent once per link. The store calls `enter` again after every reconnect; this keeps a
 * presence entered before the first link from being sent twice, or not at all.
 */
export class LocalPresenceSlot {
  #presence: LocalPresence | undefined
  #sentOnLink = -1
  #link = 0
  #linked = false

  /** The presence to show, or undefined when the user has not entered (or left). */
  get presence(): LocalPresence | undefined {
    return this.#presence
  }

  get linked(): boolean {
    return this.#linked
  }

  /** Remembers the presence; true when it should go out now. */
  set(presence: LocalPresence): boolean {
    this.#presence = presence
    if (!this.#linked) return false
    this.#sentOnLink = this.#link
    return true
  }

  clear(): void {
    this.#presence = undefined
  }

  /** A link is up: what was sent before it no longer counts. */
  linkUp(): void {
    this.#link++
    this.#linked = true
  }

  /** What is still owed on the current link (entered before it came up), marked as sent. */
  owed(): LocalPresence | undefined {
    if (!this.#linked || this.#presence === undefined || this.#sentOnLink === this.#link) return undefined
    this.#sentOnLink = this.#link
    return this.#presence
  }

  linkDown(): void {
    this.#linked = false
  }
}
