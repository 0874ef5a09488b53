import '@presence-kit/vue/styles.css'
import '@presence-kit/demo-shared/demo.css'
import { applyTheme, readDemoSettings } from '@presence-kit/demo-shared'
import { createApp } from 'vue'
import App from './App.vue'

const settings = readDemoSettings(window.location.search, {
  serverUrl: import.meta.env.VITE_PRESENCE_SERVER_URL,
})
applyTheme(settings.theme, document.documentElement)

createApp(App, { settings }).mount('#app')
