import axe from 'axe-core'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mountPresenceDevtools, type PresenceDevtoolsHandle } from '../src/index.js'
import { settle, shadowOf, twoPeople } from './support.js'

let env: ReturnType<typeof twoPeople>
let handle: PresenceDevtoolsHandle | undefined
beforeEach(() => {
  env = twoPeople()
})
afterEach(() => {
  handle?.unmount()
  handle = undefined
  env.destroy()
})

const $ = (selector: string) => shadowOf(handle!.element).querySelector<HTMLElement>(selector)
const $$ = (selector: string) => Array.from(shadowOf(handle!.element).querySelectorAll<HTMLElement>(selector))
const click = (selector: string) => {
  const target = $(selector)
  if (target === null) throw new Error(`nothing matches ${selector}`)
  target.click()
}
const card = () => $('[data-room="lobby"]')!
const show = async (view: string) => {
  click(`[data-tab="${view}"]`)
  await settle()
}

describe('the devtools panel', () => {
  it('mounts over the page in a shadow root, and unmount removes it and its tap', async () => {
    const lobby = env.ada.room('lobby')
    lobby.join()
    handle = mountPresenceDevtools(env.ada)
    expect(handle.element.parentElement).toBe(document.body)
    expect(handle.element.dataset['placement']).toBe('overlay')
    expect($('style')?.textContent).toContain(':host')
    expect($('[aria-label="Presence devtools"]')).not.toBeNull()
    expect(lobby.listenerCount('change')).toBe(1)
    handle.unmount()
    expect(handle.element.isConnected).toBe(false)
    expect(lobby.listenerCount('change')).toBe(0)
  })

  it('shows rooms with status, synced, stale and counts, and a dropped link as stale', async () => {
    const lobby = env.ada.room('lobby')
    lobby.join()
    env.grace.room('lobby').join()
    handle = mountPresenceDevtools(env.ada, { link: env.link })
    await settle()
    expect(card().dataset).toMatchObject({ status: 'connected', synced: 'true', stale: 'false' })
    expect(card().dataset['members']).toBe('2')

    await show('actions')
    click('[data-action="drop-link"]')
    await show('rooms')
    expect(card().dataset).toMatchObject({ stale: 'true' })
    expect(card().dataset['status']).not.toBe('connected')

    await show('actions')
    click('[data-action="restore-link"]')
    await show('rooms')
    expect(card().dataset).toMatchObject({ status: 'connected', synced: 'true', stale: 'false' })
  })

  it('lists the members as room.get() holds them, each connection with its version and data', async () => {
    const lobby = env.ada.room('lobby')
    lobby.join({ mood: 'calm' })
    env.grace.room('lobby').join({ mood: 'busy' })
    handle = mountPresenceDevtools(env.ada, { view: 'members' })
    await settle()
    const items = $$('[data-view="members"] > li')
    expect(items.map((li) => li.dataset['userId'])).toEqual(lobby.get().members.map((m) => m.userId))
    expect(items.map((li) => Number(li.dataset['connections']))).toEqual(
      lobby.get().members.map((m) => m.connections.length),
    )
    const grace = $('[data-view="members"] > li[data-user-id="grace"]')!
    expect(grace.querySelector('[data-connection-id="grace-1"]')?.textContent).toContain('{"mood":"busy"}')
    expect(grace.textContent).toContain(`version ${lobby.get('grace')!.connections[0]!.version}`)
    expect($('[data-view="members"] > li[data-self]')?.dataset['userId']).toBe('ada')
  })

  it('puts a second user’s join, update, typing and leave in the timeline, in order, with commits', async () => {
    env.ada.room('lobby').join()
    handle = mountPresenceDevtools(env.ada, { view: 'timeline' })
    const graceLobby = env.grace.room('lobby')
    graceLobby.join({ mood: 'hello' })
    graceLobby.update({ mood: 'typing away' })
    graceLobby.startTyping()
    graceLobby.leave()
    await settle()
    const lines = $$('[data-view="timeline"] > li')
    const fromGrace = lines
      .filter((li) => li.dataset['source'] === 'adapter' && li.dataset['userId'] === 'grace')
      .map((li) => li.dataset['kind'])
    // Leaving stops typing first: a second typing signal, then the leave.
    expect(fromGrace).toEqual(['join', 'update', 'typing', 'typing', 'leave'])
    expect(lines.some((li) => li.dataset['kind'] === 'commit')).toBe(true)
    const stats = $('[data-view="batching"]')!
    expect(Number(stats.dataset['inputs'])).toBeGreaterThanOrEqual(4)
    expect(Number(stats.dataset['commits'])).toBeGreaterThanOrEqual(1)

    // Filters: commits off, then a text that only Grace's lines have.
    ;($('[data-filter="commit"]') as HTMLInputElement).click()
    expect($$('[data-view="timeline"] > li[data-kind="commit"]')).toHaveLength(0)
    const search = $('input[type="search"]') as HTMLInputElement
    search.value = 'typing away'
    search.dispatchEvent(new Event('input'))
    expect($$('[data-view="timeline"] > li').map((li) => li.dataset['kind'])).toEqual(['update'])
  })

  it('shows an injected malformed event as an error, and the store keeps working', async () => {
    const lobby = env.ada.room('lobby')
    lobby.join()
    handle = mountPresenceDevtools(env.ada, { view: 'actions' })
    click('[data-action="inject-malformed"]')
    await show('timeline')
    const errors = $$('[data-view="timeline"] > li[data-kind="error"]')
    expect(errors).toHaveLength(1)
    expect(errors[0]!.textContent).toContain('invalid-input')
    expect(lobby.get().lastError?.code).toBe('invalid-input')
    expect($('[role="status"]')?.textContent).toContain('injected into # lobby')
    env.grace.room('lobby').join()
    expect(
      lobby
        .get()
        .members.map((m) => m.userId)
        .toSorted(),
    ).toEqual(['ada', 'grace'])
  })

  it('sets the local user idle and away, and shows typing with its expiry', async () => {
    env.ada.room('lobby').join()
    const graceLobby = env.grace.room('lobby')
    graceLobby.join()
    handle = mountPresenceDevtools(env.ada, { view: 'actions' })
    click('[data-action="self-away"]')
    expect(env.ada.activity.away).toBe(true)
    expect($('[data-action="self-away"]')?.getAttribute('aria-pressed')).toBe('true')
    click('[data-action="self-idle"]')
    expect(env.ada.activity).toMatchObject({ away: false, hidden: true })
    expect(env.grace.room('lobby').get('ada')?.status).toBe('idle')
    graceLobby.startTyping()
    await show('typing')
    expect($('[data-view="activity"]')?.dataset['status']).toBe('idle')
    expect($('[data-view="typing"] > li[data-user-id="grace"]')?.textContent).toMatch(/expires in \d/)
    click('[data-tab="actions"]')
    click('[data-action="self-active"]')
    expect(env.ada.activity).toMatchObject({ away: false, hidden: false })
  })

  it('starts a simulated crowd in the room and takes it out again', async () => {
    const lobby = env.ada.room('lobby')
    lobby.join()
    handle = mountPresenceDevtools(env.ada, { view: 'actions' })
    click('[data-action="start-crowd"]')
    await vi.waitFor(() => expect(lobby.get().members.length).toBeGreaterThan(5), { timeout: 5_000 })
    expect(lobby.get().members.some((m) => m.userId.startsWith('devtools-sim'))).toBe(true)
    click('[data-action="stop-crowd"]')
    expect(lobby.get().members.map((m) => m.userId)).toEqual(['ada'])
  })

  it('moves between views with the arrow keys, Home and End', () => {
    env.ada.room('lobby').join()
    handle = mountPresenceDevtools(env.ada)
    const tab = (id: string) => $(`[data-tab="${id}"]`)!
    const press = (key: string) =>
      shadowOf(handle!.element).activeElement!.dispatchEvent(
        new KeyboardEvent('keydown', { key, bubbles: true }),
      )
    tab('rooms').focus()
    press('ArrowRight')
    expect(tab('members').getAttribute('aria-selected')).toBe('true')
    expect(shadowOf(handle.element).activeElement).toBe(tab('members'))
    expect($('[data-panel="members"]')!.hidden).toBe(false)
    expect($('[data-panel="rooms"]')!.hidden).toBe(true)
    press('End')
    expect(tab('actions').getAttribute('aria-selected')).toBe('true')
    press('ArrowRight')
    expect(tab('rooms').getAttribute('aria-selected')).toBe('true')
    press('ArrowLeft')
    expect(tab('actions').getAttribute('aria-selected')).toBe('true')
    expect($$('[role="tab"][tabindex="0"]')).toHaveLength(1)
  })

  it('closes on Escape when floating, and tells the app', () => {
    env.ada.room('lobby').join()
    const onClose = vi.fn()
    handle = mountPresenceDevtools(env.ada, { onClose })
    $('[data-tab="rooms"]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
    expect(onClose).toHaveBeenCalledTimes(1)
    expect(handle.element.isConnected).toBe(false)
  })

  it('mounts in a given element, in the theme asked for', () => {
    env.ada.room('lobby').join()
    const box = document.createElement('div')
    document.body.append(box)
    handle = mountPresenceDevtools(env.ada, { target: box, theme: 'dark' })
    expect(handle.element.parentElement).toBe(box)
    expect(handle.element.dataset).toMatchObject({ placement: 'inline', theme: 'dark' })
    expect($('[data-action="close"]')).toBeNull()
    box.remove()
  })

  it('has no axe violations in any view', async () => {
    const lobby = env.ada.room('lobby')
    lobby.join()
    env.grace.room('lobby').join()
    env.grace.room('lobby').startTyping()
    handle = mountPresenceDevtools(env.ada)
    const found: string[] = []
    for (const view of ['rooms', 'members', 'typing', 'timeline', 'actions']) {
      await show(view)
      // jsdom has no layout or colours, so contrast cannot be computed here (the e2e test runs it).
      const results = await axe.run(handle.element, { rules: { 'color-contrast': { enabled: false } } })
      found.push(
        ...results.violations.map((v) => `${view}: ${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`),
      )
    }
    expect(found).toEqual([])
  })
})
