import type { Member } from '@presence-kit/core'
import {
  checkRoomProp,
  connectOnlineList,
  createOnlineListMachine,
  DEFAULT_STALE_TEXT,
  getOnlineCountText,
  getRowCapacity,
  normalizeCount,
  type ListSearchContext,
  type MemberSearch,
  type StatusMessages,
} from '@presence-kit/core/ui'
import {
  defaultRangeExtractor,
  observeElementRect,
  useVirtualizer,
  type Range,
  type Rect,
  type Virtualizer,
} from '@tanstack/react-virtual'
import { useCallback, useId, useReducer, useRef, useState, type CSSProperties, type ReactNode } from 'react'
import { useMemberList } from '../../hooks/use-member-list.js'
import { useRoomState } from '../../hooks/use-room-state.js'
import { useRoom } from '../../hooks/use-room.js'
import { part } from '../shared/anatomy.js'
import { domProps } from '../shared/dom-props.js'
import type { RenderMemberCard } from '../shared/member-card-host.js'
import { reportPropError, observeVirtualizerOffset, withActiveRow } from '@presence-kit/core/ui'
import { GroupRow, MemberRow, type RenderOnlineListRow } from './online-list-row.js'

/** A search box for `OnlineList`'s `search` prop: `createOnlineListSearch()` from `@presence-kit/react/search`. */
export interface OnlineListSearch extends MemberSearch {
  /** The box, rendered above the list. */
  render(context: ListSearchContext): ReactNode
}

export interface OnlineListProps {
  /** The room whose members the list shows. */
  readonly room: string
  /**
   * The member order. Keep it stable (module level or `useCallback`): a new function re-sorts.
   * @default compareMembers (self first, then status, then name)
   */
  readonly sort?: ((a: Member, b: Member) => number) | undefined
  /** A header per status, with its count. @default false */
  readonly groupByStatus?: boolean | undefined
  /** List the members who left recently, as offline. @default false */
  readonly showRecentlyLeft?: boolean | undefined
  /** List the local user (first, by default). @default true */
  readonly includeSelf?: boolean | undefined
  /** Row height in px; rows are laid out at this height. @default 40 */
  readonly rowHeight?: number | undefined
  /** Rows rendered beyond each edge of the viewport. @default 6 */
  readonly overscan?: number | undefined
  /** Height of the scroll viewport: px or any CSS length. @default 320 */
  readonly height?: number | string | undefined
  /** The list's accessible name. @default 'Online' */
  readonly label?: string | undefined
  /** Status wording (row labels, group headers). */
  readonly messages?: Partial<StatusMessages> | undefined
  /** Locale of relative times ("left 2 min ago", "Idle · 12 min"). @default the runtime's */
  readonly locale?: string | undefined
  /**
   * Shown in a strip above the list, and read as its description, while the rows are the last
   * known roster (reconnecting). The strip's room is held while live, so nothing moves when it
   * speaks. @default DEFAULT_STALE_TEXT ('Reconnecting… showing the last known state')
   */
  readonly staleText?: string | undefined
  /**
   * The text of a count-only room (one the backend only counts), shown in place of the rows.
   * @default getOnlineCountText ("4,812 online", digits grouped for `locale`)
   */
  readonly countText?: ((count: number) => string) | undefined
  /** Shown when nobody is there. @default 'Nobody is here yet.' */
  readonly emptyText?: string | undefined
  /** Replaces the empty text. */
  readonly emptyState?: ReactNode
  /** Renders a row's content (the row element, its role and its placement stay). Keep it stable. */
  readonly renderRow?: RenderOnlineListRow | undefined
  /** Enter on the active row, or a click on a row. */
  readonly onSelect?: ((member: Member) => void) | undefined
  /**
   * A search box above the list, filtering it by name: `createOnlineListSearch()` from
   * `@presence-kit/react/search`, made once (module level or `useState`). One search per list.
   */
  readonly search?: OnlineListSearch | undefined
  /** A card for the row hovered or made active: `(host) => <MemberHoverCard {...host} />`. */
  readonly card?: RenderMemberCard | undefined
  /** On the list's frame, its outer element (around the search box, the stale strip and the list). */
  readonly className?: string | undefined
}

const DEFAULT_ROW_HEIGHT = 40
const DEFAULT_HEIGHT = 320
const DEFAULT_OVERSCAN = 6

/**
 * Who is in a room, virtualized: 100,000 members keep about a viewport of rows in the DOM. One tab
 * stop, a listbox whose active option follows the arrow keys, Home, End, PageUp and PageDown.
 */
export function OnlineList(props: OnlineListProps) {
  const error = checkRoomProp(props.room, process.env.NODE_ENV !== 'production' ? 'OnlineList' : '')
  if (error !== undefined) {
    reportPropError(error)
    return null
  }
  return <VirtualOnlineList {...props} />
}

function VirtualOnlineList({
  room: roomName,
  sort,
  groupByStatus = false,
  showRecentlyLeft = false,
  includeSelf = true,
  rowHeight,
  overscan,
  height,
  label = 'Online',
  messages,
  locale,
  emptyText = 'Nobody is here yet.',
  staleText = DEFAULT_STALE_TEXT,
  countText,
  emptyState,
  renderRow,
  onSelect,
  search,
  card,
  className,
}: OnlineListProps) {
  const room = useRoom(roomName, { join: false })
  const typers = useRoomState(room, (state) => state.typing)
  const view = useMemberList(room, { sort, includeSelf, showRecentlyLeft, groupByStatus, search })
  // A room too big to list has a count and no rows.
  const counted = view.counted
  const rowSize = normalizeCount(rowHeight, DEFAULT_ROW_HEIGHT) || DEFAULT_ROW_HEIGHT
  const viewportHeight =
    typeof height === 'number' && Number.isFinite(height) && height > 0 ? height : undefined
  const baseId = useId()
  const scrollRef = useRef<HTMLDivElement>(null)
  const [, rerender] = useReducer((count: number) => count + 1, 0)
  const [machine] = useState(() => createOnlineListMachine(rerender))
  const latest = useRef({ onSelect })
  latest.current = { onSelect }

  // The virtualizer lays every row out again whenever its count changes: 100,000 rows on each
  // join or leave. Rows have one height, so it is given a capacity that moves in steps of rows
  // (`getRowCapacity`) instead of the count; the rows past the count are not rendered, and the
  // list's height comes from the count itself. Recomputing it twice for one render gives the same
  // capacity.
  const capacityRef = useRef(0)
  const capacity = getRowCapacity(view.itemCount, capacityRef.current)
  capacityRef.current = capacity

  const estimateSize = useCallback(() => rowSize, [rowSize])
  // Until the viewport is laid out (on a server, in a DOM without layout), assume the height asked for.
  const assumedHeight = viewportHeight ?? DEFAULT_HEIGHT
  // A CSS length as given; anything else that is not a usable number is the default, so a bad
  // height never leaves the viewport unbounded (every row rendered) or collapsed.
  const cssHeight = typeof height === 'string' && height.trim() ? height : assumedHeight
  const observeRect = useCallback(
    (instance: Virtualizer<HTMLDivElement, Element>, notify: (rect: Rect) => void) =>
      observeElementRect(instance, (rect) =>
        notify(rect.height > 0 ? rect : { width: rect.width, height: assumedHeight }),
      ),
    [assumedHeight],
  )
  const getScrollElement = useCallback(() => scrollRef.current, [])
  const activePosition = machine.positionIn(view.ordered)
  const activeIndex = activePosition < 0 ? -1 : view.itemIndexOf(activePosition)
  // The active row is always rendered, scrolled into view or not, so that aria-activedescendant
  // never points at an element that is not in the page. A new extractor when the active row
  // moves, so the virtualizer extracts the range again.
  const rangeExtractor = useCallback(
    (range: Range) => withActiveRow(defaultRangeExtractor(range), activeIndex),
    [activeIndex],
  )
  // Only the capacity, the row size and the props below reach the virtualizer, so a commit that
  // changes members leaves its layout as it is. No getItemKey: the default (the index) costs
  // nothing per row, where a key per member would be built for all 100,000 rows on each commit;
  // rows have one height, so its size cache needs no stable keys. React's keys below are the
  // members'.
  const virtualizer = useVirtualizer({
    count: capacity,
    getScrollElement,
    estimateSize,
    overscan: normalizeCount(overscan, DEFAULT_OVERSCAN),
    initialRect: { width: 0, height: assumedHeight },
    observeElementRect: observeRect,
    // The core's offset watcher leaves no timer behind on unmount, unlike the virtualizer's own.
    observeElementOffset: observeVirtualizerOffset,
    rangeExtractor,
    // Scroll updates render in the next task instead of inside React's own work.
    useFlushSync: false,
  })

  const api = connectOnlineList(machine, {
    members: view.ordered,
    synced: view.synced,
    stale: view.stale,
    label,
    baseId,
    rowHeight: rowSize,
    viewportHeight: scrollRef.current?.clientHeight || assumedHeight,
    onSelect: (member) => latest.current.onSelect?.(member),
    scrollTo: (position) => virtualizer.scrollToIndex(view.itemIndexOf(position), { align: 'auto' }),
  })
  // Rows are memoised: they get one click handler for the list's lifetime, which picks from the
  // latest render's members.
  const latestApi = useRef(api)
  latestApi.current = api
  const onPick = useCallback((position: number) => latestApi.current.pick(position), [])

  const viewportStyle: CSSProperties = { height: cssHeight, overflowY: 'auto', position: 'relative' }
  // The search box, then the strip that speaks while the roster is stale, then the list.
  const frame = (list: ReactNode) => (
    <div {...part('online-list-frame')} className={className}>
      {counted === undefined &&
        search?.render({
          count: view.ordered.length,
          listId: api.listId,
          focusList: () => {
            scrollRef.current?.focus()
            latestApi.current.enter()
          },
        })}
      <div {...part('online-list-stale')} {...api.staleNoteProps()}>
        {api.stale && staleText}
      </div>
      {list}
    </div>
  )
  // A room too big to list: its count, in place of rows (and of an empty listbox).
  if (counted !== undefined) {
    return frame(
      <div {...part('online-list')} data-state="count" role="group" aria-label={label}>
        <p>{countText ? countText(counted) : getOnlineCountText(counted, locale)}</p>
      </div>,
    )
  }
  if (api.state === 'empty') {
    return frame(
      <div {...part('online-list')} data-state="empty" style={{ height: cssHeight }}>
        {/* No match for a query: the search box's status says so. */}
        {search?.query ? null : (emptyState ?? <p>{emptyText}</p>)}
      </div>,
    )
  }

  const setSize = view.ordered.length
  const itemCount = view.itemCount
  // Headers and rows are two lists of children, so a header's key (a number) and a member's key
  // (its user id, any string) never meet: React compares keys as strings.
  const headers: ReactNode[] = []
  const rows: ReactNode[] = []
  for (const virtualRow of virtualizer.getVirtualItems()) {
    if (virtualRow.index >= itemCount) continue
    const item = view.itemAt(virtualRow.index)
    if (item.kind === 'group') {
      headers.push(
        <GroupRow
          key={item.group.itemIndex}
          group={item.group}
          messages={messages}
          start={virtualRow.start}
          size={virtualRow.size}
        />,
      )
      continue
    }
    const member = view.ordered.at(item.position)!
    const active = item.position === activePosition
    const id = api.optionId(item.position)
    rows.push(
      <MemberRow
        key={member.userId}
        id={id}
        member={member}
        index={item.position}
        setSize={setSize}
        active={active}
        typing={typers.some((typer) => typer.userId === member.userId)}
        messages={messages}
        locale={locale}
        renderRow={renderRow}
        onPick={onPick}
        start={virtualRow.start}
        size={virtualRow.size}
      />,
    )
  }

  return frame(
    <div {...part('online-list')} ref={scrollRef} {...domProps(api.rootProps())} style={viewportStyle}>
      <div role="presentation" style={{ height: itemCount * rowSize, position: 'relative', width: '100%' }}>
        {headers}
        {rows}
      </div>
      {card?.({ root: scrollRef, room: roomName })}
    </div>,
  )
}
