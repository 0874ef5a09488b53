export { createAblyChatAdapter } from './adapter.js'
export type { AblyChatAdapterOptions, AblyChatClientLike, AblyChatRoomLike } from './types.js'
