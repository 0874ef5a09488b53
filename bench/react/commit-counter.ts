/**
 * Counts React commits in any build, production included, through the hook React calls for its
 * developer tools after every commit (`onCommitFiberRoot`): the Profiler's `onRender` fires only in
 * development and profiling builds, and the headline figure is the production build users ship.
 * Must be installed before react-dom is loaded.
 */
let commits = 0

export function installCommitCounter(target: object = globalThis): void {
  Object.defineProperty(target, '__REACT_DEVTOOLS_GLOBAL_HOOK__', {
    configurable: true,
    value: {
      supportsFiber: true,
      isDisabled: false,
      renderers: new Map(),
      inject: () => 1,
      checkDCE: () => {},
      onScheduleFiberRoot: () => {},
      onCommitFiberRoot: () => {
        commits++
      },
      onPostCommitFiberRoot: () => {},
      onCommitFiberUnmount: () => {},
    },
  })
}

/** Commits since the counter was installed (or last reset). */
export function commitCount(): number {
  return commits
}

export function resetCommitCount(): void {
  commits = 0
}
