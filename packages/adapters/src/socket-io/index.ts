export { createSocketIoAdapter, type SocketIoAdapter, type SocketIoAdapterOptions } from './adapter.js'
export { PROTOCOL_VERSION } from './wire.js'
