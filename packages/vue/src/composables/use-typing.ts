import type { Member, PresenceObject, PresenceShape, RegisteredPresence, Room } from '@presence-kit/core'
import { getTypingSentence, type TypingSentenceOptions } from '@presence-kit/core/ui'
import {
  computed,
  onScopeDispose,
  toValue,
  watch,
  type ComputedRef,
  type MaybeRefOrGetter,
  type Ref,
} from 'vue'
import { holdRoom } from './room-hold.js'
import { useRoomHandle } from './room-handle.js'
import { isServerRendering } from './server-rendering.js'
import { useRoomState } from './use-room-state.js'

export interface UseTypingReturn<D extends PresenceObject = RegisteredPresence> {
  /** Who is typing now, the local user excluded. */
  readonly typingUsers: Readonly<Ref<readonly Member<D>[]>>
  /** "Ada is typing…", "Ada and Grace are typing…", "" when nobody is. */
  readonly sentence: ComputedRef<string>
  /** Call on every key press: throttled by the core, stops by itself after a quiet moment. */
  readonly startTyping: () => void
  /** Call on send: receivers drop the indicator at once. */
  readonly stopTyping: () => void
  /** Bind on an input or textarea with `v-bind="inputProps"`: keys signal typing, leaving stops it. */
  readonly inputProps: { readonly onKeydown: () => void; readonly onBlur: () => void }
}

/**
 * Typing in a room: who types, the sentence to show, and the signals to send. Sending needs the
 * room joined (`useRoom` or `useMyPresence` somewhere); typing stops when the calling scope ends
 * or the room name changes.
 */
export function useTyping<D extends PresenceShape<D> = RegisteredPresence>(
  name: MaybeRefOrGetter<string | undefined>,
  options: MaybeRefOrGetter<TypingSentenceOptions> = {},
): UseTypingReturn<D> {
  const room = useRoomHandle<D>(name, process.env.NODE_ENV !== 'production' ? 'useTyping()' : '')
  const { typingUsers, sentence } = useTypingSentence(room, options)
  const startTyping = () => room.value?.startTyping()
  const stopTyping = () => room.value?.stopTyping()
  if (!isServerRendering()) {
    const stop = (left: Room<D> | undefined) => left?.stopTyping()
    watch(room, (_next, previous) => stop(previous), { flush: 'sync' })
    onScopeDispose(() => stop(room.value))
  }
  return {
    typingUsers,
    sentence,
    startTyping,
    stopTyping,
    inputProps: { onKeydown: startTyping, onBlur: stopTyping },
  }
}

/**
 * Who types and the sentence, without the signals: for what only shows typing (the
 * indicator), whose unmount must not stop the local user's typing in the composer.
 */
export function useTypingSentence<D extends PresenceObject>(
  room: Readonly<Ref<Room<D> | undefined>>,
  options: MaybeRefOrGetter<TypingSentenceOptions>,
): Pick<UseTypingReturn<D>, 'typingUsers' | 'sentence'> {
  holdRoom(room, false)
  const typingUsers = useRoomState(room, (state) => state.typing)
  const sentence = computed(() => getTypingSentence(typingUsers.value, toValue(options)))
  return { typingUsers, sentence }
}
