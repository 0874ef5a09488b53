import { defineNuxtConfig } from 'nuxt/config'

export default defineNuxtConfig({
  compatibilityDate: '2025-07-15',
  ssr: true,
  devtools: { enabled: false },
  telemetry: false,
  css: ['@presence-kit/vue/styles.css'],
  runtimeConfig: {
    // Read at run time (NUXT_PUBLIC_PRESENCE_SERVER_URL), so one build runs against any server.
    public: { presenceServerUrl: 'http://127.0.0.1:3030' },
  },
  app: {
    head: {
      title: 'presence-kit in Nuxt',
      htmlAttrs: { lang: 'en' },
      // No favicon request: a 404 would be the one console error of the page.
      link: [{ rel: 'icon', href: 'data:,' }],
    },
  },
})
