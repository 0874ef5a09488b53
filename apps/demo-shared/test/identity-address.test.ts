import { describe, expect, it } from 'vitest'
import { addressWithUser, anotherPersonAddress } from '../src/identity-address.js'

describe('the identity in the address', () => {
  it('writes the user id and drops a name and picture the form may since have changed', () => {
    const address = addressWithUser('http://127.0.0.1:5173/?name=Old&avatar=sun&rooms=lobby,design', {
      userId: 'guest-ab12',
    })
    const params = new URL(address).searchParams
    expect(params.get('user')).toBe('guest-ab12')
    expect(params.get('name')).toBeNull()
    expect(params.get('avatar')).toBeNull()
    expect(params.get('rooms')).toBe('lobby,design')
  })

  it('"open as another person" keeps the page and names a new guest', () => {
    const page = 'http://127.0.0.1:5173/?user=ada&transport=broadcast-channel&theme=dark'
    const other = new URL(anotherPersonAddress(page)).searchParams
    expect(other.get('user')).toMatch(/^guest-[0-9a-z]{4}$/)
    expect(other.get('user')).not.toBe('ada')
    expect(other.get('transport')).toBe('broadcast-channel')
    expect(other.get('theme')).toBe('dark')
  })
})
