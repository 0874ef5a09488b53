import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import * as client from '../../adapters/src/socket-io/wire.js'
import * as server from '../src/protocol.js'

// The server and its client adapter are separate packages, each with its own copy of the wire's
// names (neither depends on the other). This keeps the two copies and the document in step.
describe('the wire protocol, as the server and the socket-io adapter name it', () => {
  it('has one version and the same event names on both sides', () => {
    expect(client.PROTOCOL_VERSION).toBe(server.PROTOCOL_VERSION)
    expect(client.CLIENT_EVENTS).toEqual(server.CLIENT_EVENTS)
    expect(client.SERVER_EVENTS).toEqual(server.SERVER_EVENTS)
  })

  it('documents every event in docs/protocol.md', () => {
    const doc = readFileSync(new URL('../docs/protocol.md', import.meta.url), 'utf8')
    const names = new Set([...Object.values(server.CLIENT_EVENTS), ...Object.values(server.SERVER_EVENTS)])
    const undocumented = [...names].filter((name) => !doc.includes(`\`${name}\``))
    expect(undocumented).toEqual([])
  })
})
