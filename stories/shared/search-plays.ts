// Plays of OnlineList's search box: it filters by name whatever the case and accents, says the count
// of matches politely, hands the keyboard to the list, and at 100,000 members re-tests only what
// changed.
import { foldSearchText, type MemberSearch } from '@presence-kit/core/ui'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { findPart, normalizedText, SLOW, type Play, type PlayContext } from './play-dom.ts'
import { getStoryPresence, STORY_ROOM } from './presence-fixtures.ts'

const searchOf = (context: PlayContext) => {
  const search = context.loaded['search'] as MemberSearch | undefined
  if (search === undefined) throw new Error('This story has no search: load one as `loaded.search`.')
  return search
}

const optionNames = (listbox: HTMLElement) =>
  within(listbox)
    .queryAllByRole('option')
    .map((option) => normalizedText(option.querySelector('[data-presence-name]') ?? option))

const setSize = (listbox: HTMLElement) =>
  Number(within(listbox).queryAllByRole('option')[0]?.getAttribute('aria-setsize') ?? 0)

/** Where an element is on the page, to the pixel. */
const boxOf = (element: Element) => {
  const { x, y, width, height } = element.getBoundingClientRect()
  return { x, y, width, height }
}

async function searchBox(canvasElement: HTMLElement) {
  const input = await within(canvasElement).findByRole('searchbox', { name: 'Search members' }, SLOW)
  const listbox = await within(canvasElement).findByRole('listbox', {}, SLOW)
  const status = within(await findPart(canvasElement, 'online-list-search')).getByRole('status')
  return { input, listbox, status }
}

/**
 * Typing narrows the list (accents and case ignored), the count of matches is said in a polite
 * region, deleting widens it again, and Escape clears the box. The count beside the input has its
 * room from the start: the input stays where it is, at its width, whatever the count says.
 */
export const searchNarrowsAndWidens: Play = async (context) => {
  searchOf(context).setQuery('')
  const { input, listbox, status } = await searchBox(context.canvasElement)
  expect(input).toHaveAttribute('aria-controls', listbox.id)
  expect(status).toHaveAttribute('aria-live', 'polite')
  const everyone = await waitFor(() => {
    expect(setSize(listbox)).toBeGreaterThan(5)
    return setSize(listbox)
  }, SLOW)
  expect(normalizedText(status)).toBe('')
  const inputBox = boxOf(input)
  const inputStays = (when: string) => expect(boxOf(input), `the input's box ${when}`).toEqual(inputBox)

  await userEvent.type(input, 'elo')
  await waitFor(() => expect(optionNames(listbox)).toEqual(['Élodie Ångström']))
  expect(normalizedText(status)).toBe('1 match')
  inputStays('with "1 match"')

  await userEvent.clear(input)
  await userEvent.type(input, 'MULLER')
  await waitFor(() => expect(optionNames(listbox)).toEqual(['Zoë MÜLLER']))

  await userEvent.clear(input)
  await userEvent.type(input, 'ar')
  await waitFor(() => expect(normalizedText(status)).toBe(`${setSize(listbox)} matches`))
  const wider = setSize(listbox)
  expect(wider).toBeGreaterThan(1)
  expect(wider).toBeLessThan(everyone)
  for (const name of optionNames(listbox)) expect(foldSearchText(name)).toContain('ar')
  inputStays(`with "${wider} matches"`)

  await userEvent.type(input, 'zzz')
  await waitFor(() => expect(normalizedText(status)).toBe('No matches'))
  expect(within(context.canvasElement).queryAllByRole('option')).toHaveLength(0)
  inputStays('with "No matches"')

  await userEvent.keyboard('{Escape}')
  expect(input).toHaveValue('')
  const list = await within(context.canvasElement).findByRole('listbox')
  await waitFor(() => expect(setSize(list)).toBe(everyone))
  expect(normalizedText(status)).toBe('')
  inputStays('once the query is cleared')
}

/**
 * ArrowDown in the box moves focus into the list onto its first match; the list's own keys take
 * over from there.
 */
export const searchHandsKeysToList: Play = async (context) => {
  searchOf(context).setQuery('')
  const { input, listbox } = await searchBox(context.canvasElement)
  await waitFor(() => expect(setSize(listbox)).toBeGreaterThan(5), SLOW)
  await userEvent.click(input)
  await userEvent.type(input, 'a')
  const matches = await waitFor(() => {
    expect(normalizedText(within(context.canvasElement).getByRole('status'))).toMatch(/matches$/)
    return setSize(listbox)
  })
  expect(matches).toBeGreaterThan(2)
  await userEvent.keyboard('{ArrowDown}')
  expect(listbox).toHaveFocus()
  const active = () =>
    listbox.querySelector(`#${CSS.escape(listbox.getAttribute('aria-activedescendant') ?? '')}`)
  await waitFor(() => expect(active()).toHaveAttribute('aria-posinset', '1'))
  await userEvent.keyboard('{ArrowDown}')
  await waitFor(() => expect(active()).toHaveAttribute('aria-posinset', '2'))
  await userEvent.keyboard('{End}')
  await waitFor(() => expect(active()).toHaveAttribute('aria-posinset', String(matches)))
  // "Ångström" is found by "a": accents are ignored.
  for (const name of optionNames(listbox)) expect(foldSearchText(name)).toContain('a')
  searchOf(context).setQuery('')
}

/**
 * 100,000 members: a join while a query is on tests that one member, not the roster; a longer query
 * tests only the previous matches.
 */
export const searchIsIncremental: Play = async (context) => {
  const search = searchOf(context)
  search.setQuery('')
  const { input, listbox, status } = await searchBox(context.canvasElement)
  await waitFor(() => expect(setSize(listbox)).toBeGreaterThan(99_000), { timeout: 30_000 })
  await userEvent.type(input, 'ada')
  const matches = await waitFor(() => {
    expect(normalizedText(status)).toMatch(/match/)
    return setSize(listbox)
  }, SLOW)
  expect(matches).toBeGreaterThan(0)
  expect(matches).toBeLessThan(99_000)

  // Someone joins: exactly one member is tested.
  let before = search.tested
  getStoryPresence(context).hub.addVirtual(STORY_ROOM, {
    userId: 'searched-newcomer',
    connectionId: 'searched-newcomer/tab-1',
    data: { name: 'Ada Newcomer' },
    profile: { name: 'Ada Newcomer' },
  })
  await waitFor(() => expect(setSize(listbox)).toBe(matches + 1), SLOW)
  expect(search.tested - before).toBe(1)

  // One more letter: only the previous matches are tested.
  before = search.tested
  await userEvent.type(input, ' n')
  await waitFor(() => expect(optionNames(listbox)).toContain('Ada Newcomer'), SLOW)
  expect(setSize(listbox)).toBeLessThan(matches + 1)
  // "ada " trims to the same query; "ada n" narrows the previous matches and the newcomer.
  expect(search.tested - before).toBe(matches + 1)
  search.setQuery('')
}
