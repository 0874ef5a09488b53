import { defineConfig } from 'tsdown'

export default defineConfig({
  // One entry per subpath, so an app pulls in only the backend it uses.
  entry: {
    phoenix: 'src/phoenix/index.ts',
    supabase: 'src/supabase/index.ts',
    yjs: 'src/yjs/index.ts',
    pubsub: 'src/pubsub/index.ts',
    nolag: 'src/nolag/index.ts',
    ably: 'src/ably/index.ts',
    'ably-chat': 'src/ably-chat/index.ts',
    prsm: 'src/prsm/index.ts',
    'broadcast-channel': 'src/broadcast-channel/index.ts',
    'socket-io': 'src/socket-io/index.ts',
  },
  format: 'esm',
  dts: true,
  platform: 'neutral',
  target: 'es2022',
  clean: true,
  // The declaration build is slow by nature; its timing warning says nothing the user can act on.
  checks: { pluginTimings: false },
  // Backend clients are optional peers: never bundled, resolved from the app.
  deps: {
    neverBundle: [
      /^@presence-kit\/core/,
      'phoenix',
      /^@supabase\//,
      /^ably/,
      /^@ably\//,
      /^yjs/,
      /^y-protocols/,
      /^socket\.io-client/,
      /^@prsm\//,
    ],
  },
})
