import { checkRoomProp, type TypingMessages } from '@presence-kit/core/ui'
import { useRoom } from '../../hooks/use-room.js'
import { useTypingSentence } from '../../hooks/use-typing.js'
import { flag, part } from '../shared/anatomy.js'
import { reportPropError } from '@presence-kit/core/ui'

export interface TypingIndicatorProps {
  /** The room whose typers the sentence names. */
  readonly room: string
  /**
   * Locale of the name list ("Ada, Grace and Linus"); set it with `messages` for another language.
   * @default 'en-GB'
   */
  readonly locale?: string | undefined
  /** Names written out before "and N others". @default 3 */
  readonly maxNames?: number | undefined
  /** Wording of the sentence, for other languages. */
  readonly messages?: Partial<TypingMessages> | undefined
  /** On the component's outer element. */
  readonly className?: string | undefined
}

/**
 * "Ada and Grace are typing…" in a polite live region that is always there (empty when nobody
 * types), so screen readers announce each change; the animated dots are decoration.
 */
export function TypingIndicator(props: TypingIndicatorProps) {
  const error = checkRoomProp(props.room, process.env.NODE_ENV !== 'production' ? 'TypingIndicator' : '')
  if (error !== undefined) {
    reportPropError(error)
    return null
  }
  return <TypingSentence {...props} />
}

function TypingSentence({ room, locale, maxNames, messages, className }: TypingIndicatorProps) {
  const { sentence } = useTypingSentence(useRoom(room, { join: false }), { locale, maxNames, messages })
  const typing = sentence !== ''
  return (
    <div {...part('typing-indicator')} data-active={flag(typing)} className={className}>
      <span {...part('typing-dots')} aria-hidden="true" hidden={!typing}>
        <span />
        <span />
        <span />
      </span>
      <span role="status" aria-live="polite" aria-atomic="true">
        {sentence}
      </span>
    </div>
  )
}
