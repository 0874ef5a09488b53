/** The attribute that marks an element as one member's: a stack's avatar, a "+N" item, a row. */
export const MEMBER_ATTRIBUTE = 'data-user-id'

/** The part of a DOM event the stack reads; React's synthetic events fit too. */
interface EventInput {
  readonly target: EventTarget | null
  readonly key?: string
  preventDefault(): void
}

/**
 * The stack's handlers, for its root: Enter, Space or a click on an avatar or a "+N" item (any
 * element with `data-user-id`) reports that member's user id. Each avatar and the "+N" button is
 * its own tab stop, as a short row of buttons is (the AvatarStack docs say why not arrow keys).
 */
export function getAvatarStackHandlers(onSelect: (userId: string) => void): Record<string, unknown> {
  const select = (event: EventInput) => {
    const id = (event.target as Element).closest(`[${MEMBER_ATTRIBUTE}]`)?.getAttribute(MEMBER_ATTRIBUTE)
    if (!id) return
    event.preventDefault()
    onSelect(id)
  }
  return {
    onClick: select,
    onKeydown: (event: EventInput) => (event.key === 'Enter' || event.key === ' ') && select(event),
  }
}
