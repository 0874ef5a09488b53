import { TypingIndicator, useTyping } from '@presence-kit/react'
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react'

/**
 * The typing indicator over a message box. Presence carries no messages: what you send is listed
 * here only, and sending stops your typing signal at once.
 */
export function MessageBox({ room, withInput }: { room: string; withInput: boolean }) {
  const inputId = useId()
  const { stopTyping, inputProps } = useTyping(room)
  const [draft, setDraft] = useState('')
  const [sent, setSent] = useState<readonly string[]>([])
  const send = () => {
    const text = draft.trim()
    stopTyping()
    if (text === '') return
    setSent((list) => [...list.slice(-4), text])
    setDraft('')
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    send()
  }
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter sends, Shift+Enter starts a new line.
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault()
      send()
      return
    }
    inputProps.onKeyDown()
  }
  return (
    <div>
      <TypingIndicator room={room} />
      {withInput && (
        <form onSubmit={submit} data-demo="message-form">
          <label htmlFor={inputId} className="demo-visually-hidden">
            Message
          </label>
          <textarea
            id={inputId}
            value={draft}
            placeholder="Write a message (others see you typing)"
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={onKeyDown}
            onBlur={inputProps.onBlur}
          />
          <button type="submit" className="demo-primary">
            Send
          </button>
          {sent.length > 0 && (
            <ul className="demo-messages" aria-label="Sent from this tab">
              {sent.map((text, index) => (
                <li key={index}>{text}</li>
              ))}
            </ul>
          )}
        </form>
      )}
    </div>
  )
}
