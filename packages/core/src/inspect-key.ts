/**
 * The key of the client's and rooms' inspection hooks, read only by `@presence-kit/core/inspect`.
 * A registered symbol, so that the hook is found even when an app bundles two copies of the kit.
 */
export const INSPECT: unique symbol = Symbol.for('presence-kit')
