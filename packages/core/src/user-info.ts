import { PresenceError } from './errors.js'
import type { ResolveUser } from './options.js'
import { isPlainObject } from './model/sanitize.js'
import type { RegisteredUser } from './register.js'

/**
 * Resolved user info, one request per user however many rooms and components ask, dropped when
 * the user is gone from every room.
 */
export interface UserInfoCache {
  get(userId: string): RegisteredUser | undefined
  request(userId: string): void
  drop(userId: string): void
  readonly size: number
  dispose(): void
}

export function createUserInfoCache(
  resolve: ResolveUser | undefined,
  onResolved: (userId: string) => void,
  onError: (error: PresenceError) => void,
): UserInfoCache {
  const entries = new Map<string, RegisteredUser | 'pending'>()
  let disposed = false

  function accept(userId: string, value: unknown): void {
    if (disposed || entries.get(userId) !== 'pending') return
    if (value === undefined) {
      entries.delete(userId)
      return
    }
    if (!isPlainObject(value)) {
      entries.delete(userId)
      onError(
        new PresenceError(
          'resolve-user-failed',
          `resolveUser('${userId}') must return an object or undefined.`,
          {
            detail: userId,
          },
        ),
      )
      return
    }
    entries.set(userId, Object.freeze({ ...value }) as RegisteredUser)
    onResolved(userId)
  }

  function reject(userId: string, cause: unknown): void {
    if (entries.get(userId) === 'pending') entries.delete(userId)
    if (!disposed)
      onError(
        new PresenceError('resolve-user-failed', `resolveUser('${userId}') failed.`, {
          cause,
          detail: userId,
        }),
      )
  }

  return {
    get(userId) {
      if (resolve === undefined) return undefined
      const entry = entries.get(userId)
      return entry === 'pending' ? undefined : entry
    },
    request(userId) {
      if (resolve === undefined || entries.has(userId) || disposed) return
      entries.set(userId, 'pending')
      let result: ReturnType<ResolveUser>
      try {
        result = resolve(userId)
      } catch (cause) {
        reject(userId, cause)
        return
      }
      if (typeof (result as Promise<unknown> | undefined)?.then === 'function') {
        ;(result as Promise<RegisteredUser | undefined>).then(
          (value) => accept(userId, value),
          (cause: unknown) => reject(userId, cause),
        )
      } else {
        accept(userId, result)
      }
    },
    drop(userId) {
      entries.delete(userId)
    },
    get size() {
      return entries.size
    },
    dispose() {
      disposed = true
      entries.clear()
    },
  }
}
