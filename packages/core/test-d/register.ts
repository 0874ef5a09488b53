// The registration an app writes once. Every type test of this program sees it, as every file of an
// app does.
import type { Cursor } from './shapes.js'

declare module '@presence-kit/core' {
  interface Register {
    presence: { status: 'editing' | 'viewing'; cursor: Cursor | null }
    user: { name: string; avatarUrl?: string; team: 'design' | 'engineering' }
  }
}
