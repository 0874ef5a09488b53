'use client'

import { useTyping } from '@presence-kit/react'
import { useState } from 'react'

/** A message box whose key presses tell the room this user is typing. */
export function MessageBox({ room }: { readonly room: string }) {
  const { inputProps, stopTyping } = useTyping(room)
  const [text, setText] = useState('')
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault()
        stopTyping()
        setText('')
      }}
    >
      <label>
        Message <input {...inputProps} value={text} onChange={(event) => setText(event.target.value)} />
      </label>{' '}
      <button type="submit">Send</button>
    </form>
  )
}
