import { cleanup } from '@testing-library/vue'
import { afterEach } from 'vitest'

// Testing Library cleans up by itself only with vitest globals on; they are off here.
afterEach(() => cleanup())
