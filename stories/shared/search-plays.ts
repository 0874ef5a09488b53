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
  const field = await findPart(canvasElement, 'online-list-search')
  const status = within(field).getByRole('status')
  return { input, listbox, status, field }
}

/** The input or the nearest element round it that draws a border: what looks like the field. */
function fieldFrameOf(input: HTMLElement): HTMLElement {
  for (let element: HTMLElement | null = input; element !== null; element = element.parentElement) {
    if (Number.parseFloat(getComputedStyle(element).borderTopWidth) > 0) return element
  }
  throw new Error('Nothing round the search input draws a border.')
}

/**
 * The count of matches is inside the field's border, at its end, and the input ends where the
 * count's room begins: typed text never runs under the count.
 */
function expectCountInsideFieldEnd(field: HTMLElement, input: HTMLElement) {
  const count = field.querySelector<HTMLElement>('[data-part="online-list-search-count"]')
  if (count === null) throw new Error('The search box has no count of matches.')
  const frame = fieldFrameOf(input).getBoundingClientRect()
  const room = count.getBoundingClientRect()
  const typed = input.getBoundingClientRect()
  expect(room.width, 'the room kept for the count').toBeGreaterThan(0)
  expect(room.left, "the count's start, inside the field's border").toBeGreaterThanOrEqual(frame.left)
  expect(room.right, "the count's end, inside the field's border").toBeLessThanOrEqual(frame.right)
  expect(room.top, "the count's top, inside the field's border").toBeGreaterThanOrEqual(frame.top)
  expect(room.bottom, "the count's bottom, inside the field's border").toBeLessThanOrEqual(frame.bottom)
  if (getComputedStyle(field).direction === 'rtl') {
    expect(typed.left, 'the input, clear of the count (right to left)').toBeGreaterThanOrEqual(room.right)
  } else {
    expect(typed.right, 'the input, clear of the count').toBeLessThanOrEqual(room.left)
  }
}

/**
 * Typing narrows the list (accents and case ignored), the count of matches is said in a polite
 * region, deleting widens it again, and Escape clears the box. The count, inside the field at its
 * end, has its room from the start: the input stays where it is, at its width, whatever the count
 * says, and ends where the count begins.
 */
export const searchNarrowsAndWidens: Play = async (context) => {
  searchOf(context).setQuery('')
  const { input, listbox, status, field } = await searchBox(context.canvasElement)
  expect(input).toHaveAttribute('aria-controls', listbox.id)
  // Names are not words to correct, nor a form's history to offer.
  expect(input).toHaveAttribute('spellcheck', 'false')
  expect(input).toHaveAttribute('autocomplete', 'off')
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
  expectCountInsideFieldEnd(field, input)

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
