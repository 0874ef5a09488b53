import { describe, expect, it } from 'vitest'
import { loadProfile, saveProfile, type ProfileStorage } from '../src/profile.js'
import { readDemoSettings } from '../src/settings.js'

function memoryStorage(
  initial: Record<string, string> = {},
): ProfileStorage & { data: Record<string, string> } {
  const data = { ...initial }
  return { data, getItem: (key) => data[key] ?? null, setItem: (key, value) => void (data[key] = value) }
}

describe('loadProfile', () => {
  it('takes the address first, then what the browser remembered, then a random guest', () => {
    const storage = memoryStorage()
    const guest = loadProfile(readDemoSettings(''), storage)
    expect(guest.userId).toMatch(/^guest-[0-9a-z]{4}$/)

    saveProfile({ userId: 'grace', name: 'Grace', avatar: 'sea' }, storage)
    expect(loadProfile(readDemoSettings(''), storage)).toEqual({
      userId: 'grace',
      name: 'Grace',
      avatar: 'sea',
    })
    // A user in the address is someone else: nothing remembered applies.
    const fromAddress = loadProfile(readDemoSettings('?user=ada&name=Ada&avatar=none'), storage)
    expect(fromAddress).toEqual({ userId: 'ada', name: 'Ada', avatar: 'none' })
  })

  it('survives broken or hostile storage', () => {
    for (const raw of [
      '{',
      'null',
      '"x"',
      '{"userId":5,"name":[],"avatar":"evil"}',
      '{"__proto__":{"userId":"x"}}',
    ]) {
      const profile = loadProfile(readDemoSettings(''), memoryStorage({ 'presence-kit-demo:profile': raw }))
      expect(profile.userId).toMatch(/^guest-/)
      expect(({} as { userId?: unknown }).userId).toBeUndefined()
    }
    const throwing: ProfileStorage = {
      getItem: () => {
        throw new Error('blocked')
      },
      setItem: () => {
        throw new Error('blocked')
      },
    }
    expect(loadProfile(readDemoSettings(''), throwing).userId).toMatch(/^guest-/)
    expect(() => saveProfile({ userId: 'a', name: 'A', avatar: 'sun' }, throwing)).not.toThrow()
  })
})

describe('a guest across reloads', () => {
  it('keeps the id from the address and the name and picture remembered for it', () => {
    const storage = memoryStorage()
    const first = loadProfile(readDemoSettings(''), storage)
    saveProfile(first, storage)
    // The page wrote `?user=` into the address; the reload reads it back.
    const reloaded = loadProfile(readDemoSettings(`?user=${first.userId}`), storage)
    expect(reloaded).toEqual(first)
    expect(reloaded.name).toBe(`Guest ${first.userId.slice('guest-'.length).toUpperCase()}`)
  })

  it('a second person opened in another tab does not rename the first on reload', () => {
    const storage = memoryStorage()
    const ada = { userId: 'ada', name: 'Ada Lovelace', avatar: 'sun' }
    saveProfile(ada, storage)
    const other = loadProfile(readDemoSettings('?user=guest-zz12'), storage)
    expect(other).toMatchObject({ userId: 'guest-zz12', name: 'Guest ZZ12' })
    saveProfile(other, storage)
    expect(loadProfile(readDemoSettings('?user=ada'), storage)).toEqual(ada)
  })
})
