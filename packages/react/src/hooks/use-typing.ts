import type { Member, PresenceObject, PresenceShape, RegisteredPresence, Room } from '@presence-kit/core'
import { getTypingSentence, type TypingSentenceOptions } from '@presence-kit/core/ui'
import { useEffect, useMemo } from 'react'
import { useNamedRoom } from './use-named-room.js'
import { useHoldRoom } from './use-room.js'
import { useRoomState } from './use-room-state.js'

export interface UseTypingReturn<D extends PresenceObject = RegisteredPresence> {
  /** Who is typing now, the local user excluded. */
  readonly typingUsers: readonly Member<D>[]
  /** "Ada is typing…", "Ada and Grace are typing…", "" when nobody is. */
  readonly sentence: string
  /** Call on every key press: throttled by the core, stops by itself after a quiet moment. */
  readonly startTyping: () => void
  /** Call on send: receivers drop the indicator at once. */
  readonly stopTyping: () => void
  /** Spread on an input or textarea: keys signal typing, leaving the field stops it. */
  readonly inputProps: { readonly onKeyDown: () => void; readonly onBlur: () => void }
}

/**
 * Typing in a room: who types, the sentence to show, and the signals to send. Sending needs the
 * room joined (`useRoom` or `useMyPresence` somewhere); typing stops when this component unmounts.
 */
export function useTyping<D extends PresenceShape<D> = RegisteredPresence>(
  name: string,
  options: TypingSentenceOptions = {},
): UseTypingReturn<D> {
  const room = useNamedRoom<D>(name, process.env.NODE_ENV !== 'production' ? 'useTyping()' : '')
  useHoldRoom(room, false)
  const { typingUsers, sentence } = useTypingSentence(room, options)
  const actions = useMemo(() => {
    const startTyping = () => room?.startTyping()
    const stopTyping = () => room?.stopTyping()
    return { startTyping, stopTyping, inputProps: { onKeyDown: startTyping, onBlur: stopTyping } }
  }, [room])
  useEffect(() => () => room?.stopTyping(), [room])
  return { typingUsers, sentence, ...actions }
}

/**
 * Who types and the sentence, without the signals: for what only shows typing (the
 * indicator), whose unmount must not stop the local user's typing in the composer.
 */
export function useTypingSentence<D extends PresenceObject>(
  room: Room<D> | undefined,
  { locale, maxNames, messages }: TypingSentenceOptions,
): { readonly typingUsers: readonly Member<D>[]; readonly sentence: string } {
  const typingUsers = useRoomState(room, (state) => state.typing)
  const sentence = useMemo(
    () => getTypingSentence(typingUsers, { locale, maxNames, messages }),
    [typingUsers, locale, maxNames, messages],
  )
  return { typingUsers, sentence }
}
