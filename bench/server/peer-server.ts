import { createServer } from 'node:http'
import { createAdapter } from '@socket.io/redis-adapter'
import { Redis } from 'ioredis'
import { Server } from 'socket.io'

/**
 * The peer: presence the way it is commonly written on Socket.IO itself, with its Redis adapter
 * across nodes. Rooms are Socket.IO rooms; a joiner gets the roster from `fetchSockets()` across
 * the nodes, and everyone else a broadcast. No versions, no identities checked, no limits.
 */
const [port, redisUrl] = process.argv.slice(2) as [string, string]
const pub = new Redis(redisUrl)
const sub = pub.duplicate()
const http = createServer()
const io = new Server(http, { serveClient: false, adapter: createAdapter(pub, sub) })

interface Presence {
  userId: string
  rooms: Record<string, unknown>
}

io.on('connection', (socket) => {
  const userId = String((socket.handshake.auth as { userId?: unknown }).userId)
  const presence: Presence = { userId, rooms: {} }
  socket.data = presence
  // Watching: in the Socket.IO room, with the roster of every node.
  socket.on('watch', async ({ room }: { room: string }) => {
    await socket.join(room)
    const peers = await io.in(room).fetchSockets()
    const roster = peers
      .filter((peer) => room in (peer.data as Presence).rooms)
      .map((peer) => {
        const other = peer.data as Presence
        return { userId: other.userId, connectionId: peer.id, data: other.rooms[room] }
      })
    socket.emit('roster', { room, roster })
  })
  socket.on('join', ({ room, data }: { room: string; data: unknown }) => {
    presence.rooms[room] = data
    socket.to(room).emit('joined', { room, userId, connectionId: socket.id, data })
  })
  socket.on('update', ({ room, data }: { room: string; data: unknown }) => {
    presence.rooms[room] = data
    socket.to(room).emit('updated', { room, userId, connectionId: socket.id, data })
  })
  socket.on('typing', ({ room, typing }: { room: string; typing: boolean }) => {
    socket.to(room).emit('typing', { room, userId, typing })
  })
  // Leaving presence keeps watching the room, as in the kit.
  socket.on('leave', ({ room }: { room: string }) => {
    delete presence.rooms[room]
    socket.to(room).emit('left', { room, userId, connectionId: socket.id })
  })
  socket.on('disconnecting', () => {
    for (const room of Object.keys(presence.rooms))
      socket.to(room).emit('left', { room, userId, connectionId: socket.id })
  })
})

http.listen(Number(port), '127.0.0.1', () => console.log('peer server started'))
process.on('SIGTERM', () => {
  void io.close(() => process.exit(0))
})
