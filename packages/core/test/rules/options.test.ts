import { describe, expect, it } from 'vitest'
import { createPresenceClient } from '../../src/client.js'
import { PresenceError } from '../../src/errors.js'
import { createScriptedAdapter } from '../fixtures/scripted-adapter.js'

const base = () => ({ adapter: createScriptedAdapter(), user: { id: 'me' } })

describe('options', () => {
  const bad: [string, object, RegExp][] = [
    ['no adapter', { adapter: undefined }, /adapter must be a presence adapter/],
    ['no user id', { user: { name: 'x' } }, /user must be an object with a non-empty string id/],
    ['a negative duration', { leaveGraceMs: -1 }, /leaveGraceMs must be a finite number/],
    ['NaN', { idleAfterMs: Number.NaN }, /idleAfterMs/],
    ['away before idle', { idleAfterMs: 10, awayAfterMs: 5 }, /awayAfterMs must not be shorter/],
    ['a typing TTL shorter than the throttle', { typing: { ttlMs: 1000, throttleMs: 2000 } }, /typing.ttlMs/],
    ['a fractional limit', { maxTombstones: 1.5 }, /maxTombstones must be a whole number/],
    ['an unknown batch mode', { batch: 'sometimes' }, /batch must be/],
    ['a resolver that is not a function', { resolveUser: 'ldap' }, /resolveUser must be a function/],
    ['a roster that is not a factory', { roster: new Map() }, /roster must be a function/],
  ]
  for (const [label, override, message] of bad) {
    it(`rejects ${label} with a PresenceError that says what to change`, () => {
      let error: unknown
      try {
        createPresenceClient({ ...base(), ...override } as never)
      } catch (e) {
        error = e
      }
      expect(error).toBeInstanceOf(PresenceError)
      expect((error as PresenceError).code).toBe('invalid-options')
      expect((error as PresenceError).message).toMatch(message)
    })
  }

  it('accepts the defaults', () => {
    const client = createPresenceClient(base())
    expect(client.user.id).toBe('me')
    client.destroy()
  })
})
