export { createSupabaseAdapter } from './adapter.js'
export type { SupabaseAdapterOptions, SupabaseRealtimeLike } from './types.js'
