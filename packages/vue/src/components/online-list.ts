import type { Member } from '@presence-kit/core'
import {
  getNextListIndex,
  getStatusLabel,
  isListNavigationKey,
  type MemberListGroup,
  type StatusMessages,
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
  watch,
  type PropType,
  type SlotsType,
} from 'vue'
import { holdRoom } from '../composables/room-hold.js'
import { useRoomHandle } from '../composables/room-handle.js'
import { part } from './anatomy.js'
import { OnlineListRow, type OnlineListRowSlotProps } from './online-list-row.js'
import { useMemberList } from './use-member-list.js'
import { useRoomProp } from './room-prop.js'

const DEFAULT_ROW_HEIGHT = 40
const DEFAULT_HEIGHT = 320
const DEFAULT_OVERSCAN = 6

function positive(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback
}

/**
 * Who is in a room, as a virtualized listbox: 100,000 members keep about a screenful of rows in
 * the page. Self first, then by status and name (or `sort`); optional status groups. One tab stop:
 * the arrow keys, Home, End, PageUp and PageDown move the active row, Enter emits `select`.
 */
export const OnlineList = defineComponent({
  name: 'OnlineList',
  props: {
    room: { type: String, required: true },
    sort: { type: Function as PropType<(a: Member, b: Member) => number>, default: undefined },
    groupByStatus: { type: Boolean, default: false },
    showRecentlyLeft: { type: Boolean, default: false },
    includeSelf: { type: Boolean, default: true },
    rowHeight: { type: Number, default: DEFAULT_ROW_HEIGHT },
    overscan: { type: Number, default: DEFAULT_OVERSCAN },
    height: { type: [Number, String], default: DEFAULT_HEIGHT },
    label: { type: String, default: 'Online' },
    messages: { type: Object as PropType<Partial<StatusMessages>>, default: undefined },
    emptyText: { type: String, default: 'Nobody is here yet' },
  },
  emits: { select: (_member: Member) => true },
  slots: Object as SlotsType<{ row: OnlineListRowSlotProps; empty: Record<string, never> }>,
  setup(props, { emit, slots }) {
    const roomName = useRoomProp(() => props.room, 'OnlineList')
    const room = useRoomHandle(roomName)
    holdRoom(room, false, () => undefined)
    const view = useMemberList(room, () => ({
      sort: props.sort,
      includeSelf: props.includeSelf,
      showRecentlyLeft: props.showRecentlyLeft,
      groupByStatus: props.groupByStatus,
    }))

    const rowHeight = computed(() => positive(props.rowHeight, DEFAULT_ROW_HEIGHT))
    const viewportHeight = computed(() =>
      typeof props.height === 'string' && props.height.trim() !== ''
        ? props.height
        : `${positive(props.height, DEFAULT_HEIGHT)}px`,
    )
    // Until the viewport is laid out (on a server, in a test DOM), assume the height asked for.
    const assumedHeight = computed(() =>
      typeof props.height === 'number' ? positive(props.height, DEFAULT_HEIGHT) : 8 * rowHeight.value,
    )
    const observeRect = (instance: Virtualizer<HTMLElement, Element>, notify: (rect: Rect) => void) =>
      observeElementRect(instance, (rect) =>
        notify(rect.height > 0 ? rect : { width: rect.width, height: assumedHeight.value }),
      )

    // The active row by position in the member list; -1 before the list is first used.
    const active = shallowRef(-1)
    // The active row is always rendered, scrolled into view or not, so that
    // aria-activedescendant never points at an element that is not in the page.
    const extractRange = (range: Range, position: number) => {
      const indexes = defaultRangeExtractor(range)
      if (position < 0 || position >= view.value.members.length) return indexes
      const activeIndex = view.value.itemIndexOf(position)
      if (indexes.includes(activeIndex)) return indexes
      return [...indexes, activeIndex].toSorted((a, b) => a - b)
    }

    const scroller = ref<HTMLElement | null>(null)
    const virtualizer = useVirtualizer<HTMLElement, Element>(
      computed(() => {
        const current = view.value
        return {
          count: current.itemCount,
          getScrollElement: () => scroller.value,
          estimateSize: () => rowHeight.value,
          overscan: Math.max(0, Math.floor(positive(props.overscan, 0))),
          initialRect: { width: 0, height: assumedHeight.value },
          observeElementRect: observeRect,
          // A new extractor when the active row moves, so the virtualizer extracts the range again.
          rangeExtractor: (
            (position: number) => (range: Range) =>
              extractRange(range, position)
          )(active.value),
          getItemKey: (index: number) => {
            const item = current.itemAt(index)
            return item.kind === 'group'
              ? `group:${item.group.status}`
              : (current.members[item.position]?.userId ?? index)
          },
        }
      }),
    )

    const baseId = useId()
    const optionId = (position: number) => `${baseId}-option-${position}`
    watch(
      () => view.value.members.length,
      (count) => {
        if (active.value >= count) active.value = count - 1
      },
    )

    const moveTo = (position: number) => {
      active.value = position
      if (position >= 0) virtualizer.value.scrollToIndex(view.value.itemIndexOf(position), { align: 'auto' })
    }
    const choose = (position: number) => {
      const member = view.value.members[position]
      if (member === undefined) return
      active.value = position
      emit('select', member)
    }
    const onKeydown = (event: KeyboardEvent) => {
      const count = view.value.members.length
      if (isListNavigationKey(event.key)) {
        event.preventDefault()
        const pageSize = Math.max(1, Math.floor(assumedHeightOf(scroller.value) / rowHeight.value))
        moveTo(getNextListIndex(event.key, active.value, count, pageSize))
      } else if (event.key === 'Enter' && active.value >= 0) {
        event.preventDefault()
        choose(active.value)
      }
    }
    const assumedHeightOf = (element: HTMLElement | null) =>
      element !== null && element.clientHeight > 0 ? element.clientHeight : assumedHeight.value
    const onFocus = () => {
      if (active.value === -1 && view.value.members.length > 0) active.value = 0
    }

    const renderGroup = (group: MemberListGroup, top: number, height: number) =>
      h(
        'div',
        {
          ...part('online-list-group'),
          key: `group:${group.status}`,
          // Options carry their status in their names; the header is for the eyes.
          'aria-hidden': 'true',
          'data-status': group.status,
          style: {
            position: 'absolute',
            top: '0',
            left: '0',
            width: '100%',
            height: `${height}px`,
            transform: `translateY(${top}px)`,
          },
        },
        `${getStatusLabel(group.status, props.messages)} (${group.count})`,
      )

    return () => {
      const current = view.value
      const setSize = current.members.length
      const renderRow = slots.row
      const activePosition = active.value
      const rows = virtualizer.value.getVirtualItems().map((item) => {
        const entry = current.itemAt(item.index)
        if (entry.kind === 'group') return renderGroup(entry.group, item.start, item.size)
        const member = current.members[entry.position]!
        return h(OnlineListRow, {
          key: member.userId,
          member,
          index: entry.position,
          setSize,
          id: optionId(entry.position),
          active: entry.position === activePosition,
          top: item.start,
          height: item.size,
          ...(props.messages === undefined ? {} : { messages: props.messages }),
          ...(renderRow === undefined ? {} : { renderRow }),
          onChoose: choose,
        })
      })
      const empty = current.synced && setSize === 0
      return h(
        'div',
        {
          ...part('online-list'),
          ref: scroller,
          role: 'listbox',
          tabindex: 0,
          'aria-label': props.label,
          'aria-busy': current.synced ? undefined : 'true',
          'aria-activedescendant':
            activePosition >= 0 && activePosition < setSize ? optionId(activePosition) : undefined,
          style: { height: viewportHeight.value, overflow: 'auto', position: 'relative' },
          onKeydown,
          onFocus,
        },
        empty
          ? h(
              'div',
              {
                role: 'option',
                'aria-disabled': 'true',
                'aria-selected': 'false',
                'data-presence-empty': '',
              },
              slots.empty?.({}) ?? props.emptyText,
            )
          : h(
              'div',
              {
                style: {
                  position: 'relative',
                  width: '100%',
                  height: `${virtualizer.value.getTotalSize()}px`,
                },
              },
              rows,
            ),
      )
    }
  },
})
