import { afterEach } from 'vitest'
import { createPresenceServer, type PresenceServer, type PresenceServerOptions } from '../../src/index.js'
import { SECRET, closeAllClients } from './clients.js'

/** One-node servers in this process, each on a free port; closed with every client after each test. */
export function useInMemoryServers(): (
  options?: PresenceServerOptions,
) => Promise<{ server: PresenceServer; url: string }> {
  let servers: PresenceServer[] = []
  afterEach(async () => {
    closeAllClients()
    await Promise.all(servers.map((server) => server.close()))
    servers = []
  })
  return async (options = {}) => {
    const server = createPresenceServer({ secret: SECRET, logger: 'silent', ...options })
    servers.push(server)
    const address = await server.listen(0)
    return { server, url: `http://127.0.0.1:${address.port}` }
  }
}
