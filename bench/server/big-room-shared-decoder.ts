import { Decoder, Encoder, PacketType, protocol, type Packet } from 'socket.io-parser'

/** Decoded event frames by their exact text, the latest few. */
const decoded = new Map<string, Packet>()
const KEPT_FRAMES = 64
/** Decodes a frame the first time it is seen; the shared decoder's own state never matters. */
const firstDecoder = new Decoder()
let lastDecoded: Packet | undefined
firstDecoder.on('decoded', (packet: Packet) => (lastDecoded = packet))

/** The frame's packet, parsed once per process however many clients receive the same text. */
function decodeOnce(text: string): Packet {
  const known = decoded.get(text)
  if (known !== undefined) return known
  lastDecoded = undefined
  firstDecoder.add(text)
  const packet = lastDecoded as Packet | undefined
  if (packet === undefined) throw new Error('an event frame did not decode to a packet')
  decoded.set(text, packet)
  if (decoded.size > KEPT_FRAMES) decoded.delete(decoded.keys().next().value as string)
  return packet
}

/**
 * socket.io-client's packet decoder for the light clients of one process. The server sends the
 * same batch frame to every member of the room, so a process's thousand light clients receive a
 * thousand copies of one text; a browser parses its own, but here that JSON.parse was the bench's
 * largest cost. Each client still receives its frame on its own socket and the text is matched
 * whole (a Map key compares every character), so only a frame identical to one already parsed is
 * shared; every client then checks it with the protocol's readers and applies it to its own
 * roster, which only read the message. Anything but a plain event frame goes the usual way.
 */
export class SharedDecoder extends Decoder {
  override add(frame: unknown): void {
    if (typeof frame !== 'string' || frame.charAt(0) !== String(PacketType.EVENT)) {
      super.add(frame)
      return
    }
    const packet = decodeOnce(frame)
    // A packet of its own (socket.io-client may append an ack to `data`); the body is shared.
    this.emitReserved('decoded', { ...packet, data: [...(packet.data as unknown[])] })
  }
}

/** The parser option for socket.io-client: its own encoder, the shared decoder. */
export const sharedDecodingParser = { protocol, PacketType, Encoder, Decoder: SharedDecoder }
