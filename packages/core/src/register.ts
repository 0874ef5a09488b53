import type { Json, PresenceData, UserInfo } from './types.js'

/**
 * Declare the app's presence types once, and every API of presence-kit uses them: the client and
 * its rooms, store selectors, events, and every hook, composable and component prop.
 *
 * ```ts
 * declare module '@presence-kit/core' {
 *   interface Register {
 *     presence: { status: 'editing' | 'viewing'; cursor: { x: number; y: number } | null }
 *     user: { name: string; avatarUrl?: string; team: string }
 *   }
 * }
 * ```
 *
 * `presence` is checked to be JSON (it travels as JSON); `user` must keep `name` and `avatarUrl`
 * strings when it has them, since the components show them. Both are optional; a type argument
 * given at one call (`usePresence<Cursor>('doc')`) overrides `presence` there.
 */
// oxlint-disable-next-line typescript/no-empty-interface, typescript/no-empty-object-type -- merged into by the app
export interface Register {}

/** Any object type of presence data, `type` or `interface`: the bound of `D` in the data types. */
export type PresenceObject = object

/** A property that is not JSON gets this type, so the error says what is wrong. */
type NotJson = 'not JSON: presence data holds strings, numbers, booleans, null, arrays and plain objects'

type JsonValueOf<T> = T extends Json | undefined
  ? T
  : T extends (...args: never) => unknown
    ? NotJson
    : T extends readonly (infer E)[]
      ? readonly JsonValueOf<E>[]
      : T extends object
        ? { readonly [K in keyof T]: JsonValueOf<T[K]> }
        : NotJson

/**
 * `D` itself when it is JSON data, else a type `D` does not fit. The bound wherever a caller names
 * `D` (`client.room<D>()`, `usePresence<D>()`): `D extends PresenceShape<D>` accepts interfaces as
 * well as types, and rejects `Date`, functions, `Map`, class instances, `bigint` and `symbol`.
 */
export type PresenceShape<D> = PresenceObject & { readonly [K in keyof D]: JsonValueOf<D[K]> }

/** What the display of a user needs from the registered `user`. */
type DisplayedUser = { readonly name?: string | undefined; readonly avatarUrl?: string | undefined }

/** The presence type registered in `R`, checked; exported for the type tests. */
export type PresenceOf<R> = R extends { readonly presence: infer P }
  ? [P] extends [PresenceShape<P>]
    ? P
    : { readonly 'Register["presence"] must be JSON data': PresenceShape<P> }
  : PresenceData

/** The user type registered in `R`, checked; exported for the type tests. */
export type UserOf<R> = R extends { readonly user: infer U }
  ? [U] extends [DisplayedUser]
    ? U
    : { readonly 'Register["user"] must have string name and avatarUrl, when it has them': U }
  : UserInfo

/** The presence data type of the app: `Register['presence']`, else any JSON object. */
export type RegisteredPresence = PresenceOf<Register>

/** The user info type of the app: `Register['user']`, else `UserInfo`. */
export type RegisteredUser = UserOf<Register>
