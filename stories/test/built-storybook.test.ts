import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))

interface IndexEntry {
  readonly id: string
  readonly title: string
  readonly name: string
  readonly type: 'story' | 'docs'
  readonly tags?: readonly string[]
}

function readIndex(path: string): IndexEntry[] {
  const index = JSON.parse(readFileSync(`${root}/${path}`, 'utf8')) as { entries: Record<string, IndexEntry> }
  return Object.values(index.entries)
}

const react = readIndex('storybook-static/index.json')
const vue = readIndex('storybook-static/vue/index.json')

/** The states every component shows, in both frameworks, as story names. */
const requiredStories: Record<string, readonly string[]> = {
  OnlineList: [
    'Loading',
    'Empty',
    'One Member',
    'A Few',
    'Hundred Thousand Members',
    'Every Status',
    'Reconnecting',
    'Broken And Unsafe Avatars',
    'Very Long Names',
    'Right To Left',
    'Dark Mode',
    'Unstyled',
    'Keyboard Navigation',
  ],
  AvatarStack: [
    'Loading',
    'Empty',
    'One Member',
    'A Few',
    'Overflow',
    'Open Overflow With Keyboard',
    'Hundred Thousand Members',
    'Every Status',
    'Sizes',
    'Broken And Unsafe Avatars',
    'Very Long Names',
    'Right To Left',
    'Dark Mode',
    'Unstyled',
    'Reconnecting',
  ],
  TypingIndicator: [
    'Loading',
    'Nobody Typing',
    'One Typing',
    'Two Typing',
    'Many Typing',
    'Hundred Thousand Members',
    'Appears And Clears',
    'Very Long Names',
    'Right To Left',
    'Dark Mode',
    'Unstyled',
    'Reconnecting',
  ],
  ActivityDot: [
    'Active',
    'Idle',
    'Away',
    'Offline',
    'From Room',
    'Loading',
    'Reconnecting',
    'Right To Left',
    'Dark Mode',
    'Unstyled',
  ],
  ConnectionStatus: [
    'Connecting',
    'Connected',
    'Reconnecting',
    'Failed',
    'First Connection Times Out',
    'Appears Without Layout Shift',
    'Right To Left',
    'Dark Mode',
    'Unstyled',
  ],
}

const liveStories = ['Lobby', 'Hundred Thousand Members']

function storyNames(entries: readonly IndexEntry[], title: string): string[] {
  return entries.filter((entry) => entry.type === 'story' && entry.title === title).map((entry) => entry.name)
}

describe.each([
  ['React', react],
  ['Vue', vue],
])('the built %s Storybook', (_framework, entries) => {
  it.each(Object.entries(requiredStories))('shows every state of %s', (component, required) => {
    expect(storyNames(entries, `Components/${component}`)).toEqual(expect.arrayContaining([...required]))
  })

  it.each(Object.keys(requiredStories))('has a docs page with the props table of %s', (component) => {
    const docs = entries.filter((entry) => entry.type === 'docs' && entry.title === `Components/${component}`)
    expect(docs.map((entry) => entry.tags ?? [])).toContainEqual(expect.arrayContaining(['autodocs']))
  })

  it('has the live stories driven by the simulated crowd', () => {
    expect(storyNames(entries, 'Live/Simulated Crowd')).toEqual(expect.arrayContaining(liveStories))
  })
})

describe('the composed Storybook', () => {
  it('shows the same stories for every component in React and in Vue', () => {
    for (const component of Object.keys(requiredStories)) {
      const title = `Components/${component}`
      expect(storyNames(vue, title).toSorted(), title).toEqual(storyNames(react, title).toSorted())
    }
  })

  it('has the concept and adapter pages', () => {
    // MDX pages of their own, not attached to a component.
    const pages = react.filter(
      (entry) => entry.type === 'docs' && (entry.tags ?? []).includes('unattached-mdx'),
    )
    expect(pages.map((entry) => entry.title)).toEqual(expect.arrayContaining(['Introduction', 'Adapters']))
  })

  it('refers to the Vue Storybook served at ./vue', () => {
    const manager = readFileSync(`${root}/storybook-static/index.html`, 'utf8')
    const refs = /window\['REFS'\] = (\{[\s\S]*?\});/.exec(manager)?.[1]
    expect(refs, 'the React Storybook has no refs').toBeDefined()
    expect(JSON.parse(refs ?? '{}')).toMatchObject({ vue: { url: './vue' } })
    const vueIframe = readFileSync(`${root}/storybook-static/vue/iframe.html`, 'utf8')
    expect(vueIframe).toContain('<div id="storybook-root">')
  })
})
