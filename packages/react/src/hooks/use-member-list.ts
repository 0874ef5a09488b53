import type { Member, PresenceObject, Room } from '@presence-kit/core'
import {
  createMemberList,
  type MemberList,
  type MemberListOptions,
  type MemberListView,
  type MemberSearch,
} from '@presence-kit/core/ui'
import { useMemo, useSyncExternalStore } from 'react'

/**
 * A room's members in display order (`createMemberList` from the core), kept up to date from each
 * commit's events so that a 100,000-member list re-places only the members a commit names.
 */
export function useMemberList<D extends PresenceObject>(
  room: Room<D>,
  options: MemberListOptions<Member<D>> = {},
): MemberListView<Member<D>> {
  const { sort, includeSelf, showRecentlyLeft, groupByStatus, search } = options
  const source = useMemo(
    () =>
      createViewSource(
        room,
        createMemberList<Member<D>>({ sort, includeSelf, showRecentlyLeft, groupByStatus, search }),
        search,
      ),
    [room, sort, includeSelf, showRecentlyLeft, groupByStatus, search],
  )
  return useSyncExternalStore(source.subscribe, source.getView, source.getView)
}

function createViewSource<D extends PresenceObject>(
  room: Room<D>,
  list: MemberList<Member<D>>,
  search: MemberSearch | undefined,
) {
  let view: MemberListView<Member<D>> | undefined
  let viewState: unknown
  const getView = (): MemberListView<Member<D>> => {
    const state = room.get()
    // A commit this source did not see the events of (one before it subscribed): compare lists.
    if (view === undefined || viewState !== state) {
      view = list.update(state)
      viewState = state
    }
    return view
  }
  const subscribe = (notify: () => void) => {
    const stop = room.on('change', (event) => {
      if (event.state === viewState) return
      // Every commit passes here once subscribed, so the events describe the step from `viewState`.
      view = view === undefined ? list.update(event.state) : list.update(event.state, event.events)
      viewState = event.state
      notify()
    })
    // A new query: the same roster, matched again.
    const stopSearch = search?.subscribe(() => {
      view = undefined
      notify()
    })
    return () => {
      stop()
      stopSearch?.()
    }
  }
  return { getView, subscribe }
}
