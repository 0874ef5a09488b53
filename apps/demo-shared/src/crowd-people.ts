import type { MemoryHub } from '@presence-kit/core/testing'
import { crowdName } from './crowd-names.js'
import { crowdPicture } from './crowd-pictures.js'

type Connection = Parameters<MemoryHub['addVirtual']>[1]

// Which of the generator's avatar URLs would make the browser ask some host for a file: those get a
// picture drawn in the page. The unsafe ones (`javascript:`, `data:text/html`, garbage) stay, since
// `isSafeImageUrl` refuses them without any request and they show the initials fallback.
const FETCHED = /^(?:https?:)?\/\//iu

/** `sim-123` → 123: the user's number in the crowd. */
function userNumber(userId: string): number {
  const match = /-(\d+)$/u.exec(userId)
  return match === null ? 0 : Number(match[1])
}

/** The demo's face on a simulated user: a name of its own and a picture drawn in the page. */
export function localCrowdConnection(connection: Connection): Connection {
  const name = crowdName(userNumber(connection.userId))
  const given = connection.profile?.avatarUrl
  const avatarUrl = typeof given === 'string' && FETCHED.test(given) ? crowdPicture(connection.userId) : given
  return {
    ...connection,
    data: { ...connection.data, name },
    profile: avatarUrl === undefined ? { name } : { name, avatarUrl },
  }
}

/**
 * The hub as the crowd generator sees it, with every user it adds given a local picture and a
 * distinct name: the generator's own avatar URLs point at an outside host (thousands of requests
 * for a big crowd) and its random names repeat.
 */
export function withLocalCrowdPeople(hub: MemoryHub): MemoryHub {
  // One function for every call: a crowd of 100,000 calls it for each of its connections.
  const addVirtual: MemoryHub['addVirtual'] = (room, connection) =>
    hub.addVirtual(room, localCrowdConnection(connection))
  return new Proxy(hub, {
    get(target, key) {
      if (key === 'addVirtual') return addVirtual
      const value: unknown = Reflect.get(target, key, target)
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value
    },
  })
}
