import type { Member, RegisteredMember } from '@presence-kit/core'
import {
  connectOnlineList,
  createOnlineListMachine,
  DEFAULT_STALE_TEXT,
  getOnlineCountText,
  getRowCapacity,
  normalizeCount,
  type ListSearchContext,
  type MemberSearch,
  type StatusMessages,
  observeVirtualizerOffset,
  withActiveRow,
} from '@presence-kit/core/ui'
import {
  defaultRangeExtractor,
  observeElementRect,
  useVirtualizer,
  type Range,
  type Rect,
  type Virtualizer,
} from '@tanstack/vue-virtual'
import {
  computed,
  defineComponent,
  h,
  ref,
  shallowRef,
  useId,
  type PropType,
  type SlotsType,
  type VNodeChild,
} from 'vue'
import { holdRoom } from '../composables/room-hold.js'
import { useRoomHandle } from '../composables/room-handle.js'
import { part } from './anatomy.js'
import type { MemberCardHost } from './member-card-host.js'
import { useRoomState } from '../composables/use-room-state.js'
import { OnlineListRow, renderGroupHeader, type OnlineListRowSlotProps } from './online-list-row.js'
import { useMemberList } from './use-member-list.js'
import { useRoomProp } from './room-prop.js'

/** A search box for `OnlineList`'s `search` prop: `createOnlineListSearch()` from `@presence-kit/vue/search`. */
export interface OnlineListSearch extends MemberSearch {
  /** The box, rendered above the list. */
  render(context: ListSearchContext): VNodeChild
}

const DEFAULT_ROW_HEIGHT = 40
const DEFAULT_HEIGHT = 320
const DEFAULT_OVERSCAN = 6

/**
 * Who is in a room, virtualized: 100,000 members keep about a viewport of rows in the DOM. One tab
 * stop, a listbox whose active option follows the arrow keys, Home, End, PageUp and PageDown;
 * Enter, Space or a click emits `select`.
 */
export const OnlineList = defineComponent({
  name: 'OnlineList',
  props: {
    /** The room whose members the list shows. */
    room: { type: String, required: true },
    /**
     * The member order. Keep it stable (defined once, not inline): a new function re-sorts.
     * @default compareMembers (self first, then status, then name)
     */
    sort: Function as PropType<(a: Member, b: Member) => number>,
    /** A header per status, with its count. */
    groupByStatus: Boolean,
    /** List the members who left recently, as offline. */
    showRecentlyLeft: Boolean,
    /** List the local user (first, by default). */
    includeSelf: { type: Boolean, default: true },
    /** Row height in px; rows are laid out at this height. */
    rowHeight: { type: Number, default: DEFAULT_ROW_HEIGHT },
    /** Rows rendered beyond each edge of the viewport. */
    overscan: { type: Number, default: DEFAULT_OVERSCAN },
    /** Height of the scroll viewport: px or any CSS length. */
    height: { type: [Number, String], default: DEFAULT_HEIGHT },
    /** The list's accessible name. */
    label: { type: String, default: 'Online' },
    /** Status wording (row labels, group headers). */
    messages: Object as PropType<Partial<StatusMessages>>,
    /** Locale of relative times ("left 2 min ago", "Idle · 12 min"). @default the runtime's */
    locale: String,
    /**
     * Shown in a strip above the list, and read as its description, while the rows are the last
     * known roster (reconnecting). The strip's room is held while live, so nothing moves when it
     * speaks.
     */
    staleText: { type: String, default: DEFAULT_STALE_TEXT },
    /**
     * The text of a count-only room (one the backend only counts), shown in place of the rows;
     * `getOnlineCountText` ("4,812 online", digits grouped for `locale`) by default.
     */
    countText: Function as PropType<(count: number) => string>,
    /** Shown when nobody is there; the `#empty` slot replaces it. */
    emptyText: { type: String, default: 'Nobody is here yet.' },
    /**
     * A search box above the list, filtering it by name: `createOnlineListSearch()` from
     * `@presence-kit/vue/search`, made once. One search per list.
     */
    search: Object as PropType<OnlineListSearch>,
  },
  emits: {
    /** Enter or Space on the active row, or a click on a row (to jump to or follow the member). */
    select: (_member: RegisteredMember) => true,
  },
  slots: Object as SlotsType<{
    /** Replaces a row's content (the row element, its role and its placement stay). */
    row: OnlineListRowSlotProps
    /** Replaces the empty text. */
    empty: Record<string, never>
    /** A card for the row hovered or made active: `<MemberHoverCard v-bind="host" />`. */
    card: MemberCardHost
  }>,
  setup(props, { emit, slots }) {
    const roomName = useRoomProp(() => props.room, process.env.NODE_ENV !== 'production' ? 'OnlineList' : '')
    const room = useRoomHandle(roomName)
    holdRoom(room, false)
    const typers = useRoomState(room, (state) => state.typing)
    const view = useMemberList(room, () => ({
      sort: props.sort,
      includeSelf: props.includeSelf,
      showRecentlyLeft: props.showRecentlyLeft,
      groupByStatus: props.groupByStatus,
      search: props.search,
    }))

    const rowSize = computed(() => normalizeCount(props.rowHeight, DEFAULT_ROW_HEIGHT) || DEFAULT_ROW_HEIGHT)
    const viewportHeight = computed(() =>
      typeof props.height === 'number' && Number.isFinite(props.height) && props.height > 0
        ? props.height
        : undefined,
    )
    const cssHeight = computed(() =>
      typeof props.height === 'string' && props.height.trim() ? props.height : `${assumedHeight()}px`,
    )
    // Until the viewport is laid out (on a server, in a DOM without layout), assume the height asked for.
    const assumedHeight = () => viewportHeight.value ?? DEFAULT_HEIGHT
    const observeRect = (instance: Virtualizer<HTMLElement, Element>, notify: (rect: Rect) => void) =>
      observeElementRect(instance, (rect) =>
        notify(rect.height > 0 ? rect : { width: rect.width, height: assumedHeight() }),
      )

    const baseId = useId()
    // The active member lives in the core's machine; `version` tells Vue it changed.
    const version = shallowRef(0)
    const machine = createOnlineListMachine(() => version.value++)
    const activePosition = computed(() => {
      void version.value
      return machine.positionIn(view.value.ordered)
    })
    // The active row's item (its position plus the headers above it): a header that appears or
    // goes above it moves the item while the position stays, and the range must follow either.
    const activeItem = computed(() =>
      activePosition.value < 0 ? -1 : view.value.itemIndexOf(activePosition.value),
    )

    // The virtualizer lays every row out again whenever its count changes: 100,000 rows on each
    // join or leave. Rows have one height, so it is given a capacity that moves in steps of rows
    // (`getRowCapacity`) instead of the count, the rows past the count are not rendered, and the
    // list's height comes from the count itself.
    let lastCapacity = 0
    const capacity = computed(() => (lastCapacity = getRowCapacity(view.value.itemCount, lastCapacity)))

    const scroller = ref<HTMLElement | null>(null)
    // Depends on the capacity, not on the view: a commit that changes members leaves the options,
    // and so the virtualizer's layout, as they are.
    const virtualizer = useVirtualizer<HTMLElement, Element>(
      computed(() => {
        const item = activeItem.value
        // Read once here: the virtualizer asks every item's size when its capacity changes.
        const size = rowSize.value
        // No getItemKey: the virtualizer's default (the index) costs nothing per item, where a key
        // per member would be built for all 100,000 items. Rows have one height, so its size cache
        // needs no stable keys; Vue's keys below are the members'.
        return {
          count: capacity.value,
          getScrollElement: () => scroller.value,
          estimateSize: () => size,
          overscan: normalizeCount(props.overscan, DEFAULT_OVERSCAN),
          initialRect: { width: 0, height: assumedHeight() },
          observeElementRect: observeRect,
          // The core's offset watcher leaves no timer behind on unmount, unlike the virtualizer's own.
          observeElementOffset: observeVirtualizerOffset,
          // The active row is always rendered, scrolled into view or not, so that
          // aria-activedescendant never points at an element that is not in the page. A new
          // extractor when the active row moves, so the virtualizer extracts the range again.
          rangeExtractor: (range: Range) => withActiveRow(defaultRangeExtractor(range), item),
        }
      }),
    )

    const connect = () =>
      connectOnlineList(machine, {
        members: view.value.ordered,
        synced: view.value.synced,
        stale: view.value.stale,
        label: props.label,
        baseId,
        rowHeight: rowSize.value,
        viewportHeight: scroller.value?.clientHeight || assumedHeight(),
        onSelect: (member) => emit('select', member),
        scrollTo: (position) =>
          virtualizer.value.scrollToIndex(view.value.itemIndexOf(position), { align: 'auto' }),
      })
    // Rows get one click handler for the list's lifetime, which picks from the latest members.
    const onPick = (position: number) => connect().pick(position)

    return () => {
      if (roomName.value === undefined) return null
      const current = view.value
      void activePosition.value
      const api = connect()
      const search = props.search
      // The search box, then the strip that speaks while the roster is stale, then the list. The
      // frame is the root, so attributes (a class) go on it, as React's `className` does.
      const frame = (list: VNodeChild) =>
        h('div', part('online-list-frame'), [
          current.counted === undefined &&
            search?.render({
              count: current.ordered.length,
              listId: api.listId,
              focusList: () => {
                scroller.value?.focus()
                connect().enter()
              },
            }),
          h(
            'div',
            { ...part('online-list-stale'), ...api.staleNoteProps() },
            api.stale ? props.staleText : '',
          ),
          list,
        ])
      // A room too big to list: its count, in place of rows (and of an empty listbox).
      const count = current.counted
      if (count !== undefined) {
        return frame(
          h(
            'div',
            { ...part('online-list'), 'data-state': 'count', role: 'group', 'aria-label': props.label },
            h('p', props.countText ? props.countText(count) : getOnlineCountText(count, props.locale)),
          ),
        )
      }
      if (api.state === 'empty') {
        return frame(
          h(
            'div',
            { ...part('online-list'), 'data-state': 'empty', style: { height: cssHeight.value } },
            // No match for a query: the search box's status says so.
            search?.query ? undefined : (slots.empty?.({}) ?? h('p', props.emptyText)),
          ),
        )
      }
      const setSize = current.ordered.length
      const renderRow = slots.row
      const active = api.activePosition
      const itemCount = current.itemCount
      const rows = virtualizer.value.getVirtualItems().flatMap((item) => {
        if (item.index >= itemCount) return []
        const entry = current.itemAt(item.index)
        if (entry.kind === 'group') {
          return renderGroupHeader(entry.group, props.messages, item.start, item.size)
        }
        const member = current.ordered.at(entry.position)!
        return h(OnlineListRow, {
          key: member.userId,
          id: api.optionId(entry.position),
          member,
          index: entry.position,
          setSize,
          active: entry.position === active,
          typing: typers.value.some((typer) => typer.userId === member.userId),
          messages: props.messages,
          locale: props.locale,
          start: item.start,
          size: item.size,
          onPick,
          renderRow,
        })
      })
      return frame(
        h(
          'div',
          {
            ...part('online-list'),
            ...api.rootProps(),
            ref: scroller,
            style: { height: cssHeight.value, overflowY: 'auto', position: 'relative' },
          },
          [
            h(
              'div',
              {
                role: 'presentation',
                style: { height: `${itemCount * rowSize.value}px`, position: 'relative', width: '100%' },
              },
              rows,
            ),
            slots.card?.({ root: scroller, room: roomName.value }),
          ],
        ),
      )
    }
  },
})
