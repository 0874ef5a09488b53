import { requireChromium } from './chromium.ts'

export default requireChromium
