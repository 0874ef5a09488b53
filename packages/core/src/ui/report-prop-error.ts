import { PresenceError } from '../errors.js'

const reported = new Set<string>()

/**
 * Reports a bad prop or argument of a hook, composable or component: logged as a `PresenceError`
 * (`invalid-input` for a message) once per message in development, never in production and never
 * thrown, so one wrong value cannot take a page down. Shared by React and Vue so both say the same.
 *
 * Development is `process.env.NODE_ENV !== 'production'`, written out where it is used: every
 * bundler (Vite in dev and build, webpack and Next.js, esbuild, Rollup's replace, Nuxt) replaces
 * that exact expression, so a production bundle folds it to false and drops the messages, and a
 * Vite dev page, which has no `process`, still sees "development". Callers that build a message
 * guard it the same way, so its text is dropped too.
 */
export function reportPropError(problem: PresenceError | string | undefined): void {
  if (process.env.NODE_ENV === 'production' || problem === undefined || problem === '') return
  const error = typeof problem === 'string' ? new PresenceError('invalid-input', problem) : problem
  if (reported.has(error.message)) return
  reported.add(error.message)
  console.error(error)
}
