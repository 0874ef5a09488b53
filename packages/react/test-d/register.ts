// The registration an app that uses the React bindings writes once, on the package it imports.
// Every type test of this program sees it, as every file of an app does.
import type { Cursor } from '../../core/test-d/shapes.js'

declare module '@presence-kit/react' {
  interface Register {
    presence: { status: 'editing' | 'viewing'; cursor: Cursor | null }
    user: { name: string; avatarUrl?: string; team: 'design' | 'engineering' }
  }
}
