import '@presence-kit/react/styles.css'
import '@presence-kit/demo-shared/demo.css'
import { applyTheme, readDemoSettings, settlePageIdentity } from '@presence-kit/demo-shared'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App, connect, startCrowd } from './app.js'

const settings = readDemoSettings(window.location.search, {
  serverUrl: import.meta.env.VITE_PRESENCE_SERVER_URL,
})
applyTheme(settings.theme, document.documentElement)
const profile = settlePageIdentity(settings)
const initial = {
  profile,
  client: connect(settings, settings.transport, profile),
  crowd: settings.crowd > 0 ? startCrowd(settings, profile, settings.crowd) : undefined,
}

const container = document.getElementById('root')
if (container === null) throw new Error('index.html has no #root element.')
createRoot(container).render(
  <StrictMode>
    <App settings={settings} initial={initial} />
  </StrictMode>,
)
