import { browserStorage, loadProfile, newGuestId, saveProfile, type DemoProfile } from './profile.js'
import type { DemoSettings } from './settings.js'

/**
 * The page's address with the user's id in it, as the banner says: a reload, a bookmark or a copied
 * link is the same person. Name and picture are left to what the browser remembers for that id, so
 * a name saved in the form is not undone by an old `?name=` on the next reload.
 */
export function addressWithUser(pageUrl: string, profile: Pick<DemoProfile, 'userId'>): string {
  const url = new URL(pageUrl)
  url.searchParams.set('user', profile.userId)
  url.searchParams.delete('name')
  url.searchParams.delete('avatar')
  return url.href
}

/** The same page (rooms, transport, server, theme) as a new guest: "open as another person". */
export function anotherPersonAddress(pageUrl: string): string {
  return addressWithUser(pageUrl, { userId: newGuestId() })
}

/**
 * Who this page is, settled at start: loaded (address, then what the browser remembered, then a new
 * guest), remembered, and written into the address, so a reload is the same person.
 */
export function settlePageIdentity(settings: DemoSettings): DemoProfile {
  const profile = loadProfile(settings, browserStorage())
  saveProfile(profile, browserStorage())
  window.history.replaceState(window.history.state, '', addressWithUser(window.location.href, profile))
  return profile
}

/** Opens this page as a new guest in another tab: someone to see yourself from. */
export function openAsAnotherPerson(): void {
  window.open(anotherPersonAddress(window.location.href), '_blank', 'noopener')
}
