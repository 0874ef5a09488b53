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
  },
  format: 'esm',
  dts: true,
  platform: 'neutral',
  target: 'es2022',
  clean: true,
  // Backend clients are optional peers: never bundled, resolved from the app.
  external: [/^@presence-kit\/core/, 'phoenix', /^@supabase\//, /^ably/, /^@ably\//, /^yjs/, /^y-protocols/],
})
