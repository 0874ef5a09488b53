// Storybook runs a story's cleanup (which destroys the story's presence client) before the
// framework has unmounted the story: leaving a docs page, its stories' trees render once more and
// ask the destroyed client for their room ("client.room() was called after client.destroy()"). So
// a story's presence is released once both have happened: Storybook has left the story, and no
// mounted tree holds it any more.
import {
  findStoryPresence,
  presenceBeforeEach,
  type PresenceStoryContext,
  type StoryPresence,
} from '../stories/shared/presence-fixtures.ts'

interface Lifetime {
  holds: number
  left: boolean
  readonly release: () => void
}

const lifetimes = new WeakMap<StoryPresence, Lifetime>()

/** The project's `beforeEach`: the story's presence, released when Storybook and the tree are done. */
export function presenceUntilUnmounted(context: PresenceStoryContext): (() => void) | undefined {
  const release = presenceBeforeEach(context)
  const presence = findStoryPresence(context)
  if (release === undefined || presence === undefined) return release
  const lifetime: Lifetime = { holds: 0, left: false, release }
  lifetimes.set(presence, lifetime)
  return () => {
    lifetime.left = true
    if (lifetime.holds === 0) lifetime.release()
  }
}

/**
 * Called when a tree showing the presence mounts; the function returned, when it unmounts. The
 * release waits a microtask: a framework unmounts the holder before its children, whose own
 * cleanups (releasing their room) still need a live client.
 */
export function holdPresence(presence: StoryPresence): () => void {
  const lifetime = lifetimes.get(presence)
  if (lifetime === undefined) return () => undefined
  lifetime.holds++
  let held = true
  return () => {
    if (!held) return
    held = false
    queueMicrotask(() => {
      lifetime.holds--
      if (lifetime.holds === 0 && lifetime.left) lifetime.release()
    })
  }
}
