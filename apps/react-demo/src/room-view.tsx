import { AvatarStack, OnlineList, usePresence } from '@presence-kit/react'
import { useId } from 'react'
import { MemberRow } from './member-row.js'
import { MessageBox } from './message-box.js'

interface RoomViewProps {
  room: string
  title: string
  /** The typing indicator over a message box; without it, the indicator alone. */
  messageBox?: boolean
}

/** One room: who is here (stack and list, each user with their activity dot) and who is typing. */
export function RoomView({ room, title, messageBox = false }: RoomViewProps) {
  const titleId = useId()
  const count = usePresence(room, (state) => state.count)
  return (
    <section className="demo-card" aria-labelledby={titleId} data-demo-room={room}>
      <div className="demo-room-header">
        <h2 id={titleId}>{title}</h2>
        <span className="demo-muted" data-demo="count">
          {count.toLocaleString('en')} online
        </span>
      </div>
      <AvatarStack room={room} max={5} label={`People in ${title}`} />
      <h3>Online</h3>
      <OnlineList
        room={room}
        label={`Online in ${title}`}
        height={320}
        renderRow={(member, info) => <MemberRow member={member} status={info.status} />}
      />
      <MessageBox room={room} withInput={messageBox} />
    </section>
  )
}
