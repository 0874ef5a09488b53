import type { Member, PresenceObject, Room } from '@presence-kit/core'
import { createMemberList, type MemberListOptions, type MemberListView } from '@presence-kit/core/ui'
import { shallowRef, watch, type Ref } from 'vue'
import { emptyRoomState } from '@presence-kit/core/ui'
import { startInBrowser } from '../composables/lifecycle.js'

const noop = () => undefined

/**
 * A room's members in display order (sorted, filtered, grouped), kept up to date commit by commit:
 * each `change` event re-places only the members it names, so a 100,000-member room costs
 * O(k log n) per commit of k changes. The view keeps its identity while nothing in it changes.
 */
export function useMemberList<D extends PresenceObject>(
  room: Readonly<Ref<Room<D> | undefined>>,
  options: () => MemberListOptions<Member<D>>,
): Readonly<Ref<MemberListView<Member<D>>>> {
  const stateOf = (current: Room<D> | undefined) => current?.store.getState() ?? emptyRoomState<D>()
  const view = shallowRef(createMemberList(options()).update(stateOf(room.value)))
  startInBrowser(() => {
    watch(
      [room, () => Object.values(options())],
      ([current], _previous, onCleanup) => {
        const list = createMemberList(options())
        view.value = list.update(stateOf(current))
        // A new query: the same roster, matched again.
        onCleanup(options().search?.subscribe(() => (view.value = list.update(stateOf(current)))) ?? noop)
        if (current === undefined) return
        onCleanup(current.on('change', (event) => (view.value = list.update(event.state, event.events))))
      },
      { immediate: true, flush: 'sync' },
    )
  })
  return view
}
