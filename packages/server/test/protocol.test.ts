import { readFileSync } from 'node:fs'
import * as protocol from '@presence-kit/protocol'
import { describe, expect, it } from 'vitest'
import * as server from '../src/index.js'

// The protocol has one home, @presence-kit/protocol, which the socket-io client adapter reads too.
describe('the wire protocol the server speaks', () => {
  it('is the shared package’s, re-exported as it is', () => {
    expect(server.PROTOCOL_VERSION).toBe(protocol.PROTOCOL_VERSION)
    expect(server.CLIENT_EVENTS).toBe(protocol.CLIENT_EVENTS)
    expect(server.SERVER_EVENTS).toBe(protocol.SERVER_EVENTS)
  })

  it('documents every event and every error code in docs/protocol.md', () => {
    const doc = readFileSync(new URL('../docs/protocol.md', import.meta.url), 'utf8')
    const names = [
      ...Object.values(protocol.CLIENT_EVENTS),
      ...Object.values(protocol.SERVER_EVENTS),
      ...protocol.ERROR_CODES,
    ]
    const undocumented = [...new Set(names)].filter((name) => !doc.includes(`\`${name}\``))
    expect(undocumented).toEqual([])
  })
})
