// CPU pressure for the stress runs: one busy loop per core in child processes of their own, so a
// test sees what it sees on a loaded two-core CI machine. Stopped by the caller, or when this
// process exits for any reason.
import { spawn } from 'node:child_process'
import { availableParallelism } from 'node:os'

const busyLoop = 'for (;;) {}'

/**
 * Starts `count` busy loops (one per core when not given) and returns their process ids and a
 * stop() that ends exactly those processes.
 */
export function startCpuHog(count = availableParallelism()) {
  const hogs = Array.from({ length: count }, () =>
    spawn(process.execPath, ['-e', busyLoop], { stdio: 'ignore' }),
  )
  const stop = () => {
    for (const hog of hogs) if (hog.exitCode === null && hog.signalCode === null) hog.kill('SIGKILL')
  }
  // A stress run that is interrupted or crashes must not leave its hogs spinning.
  process.once('exit', stop)
  return {
    pids: hogs.map((hog) => hog.pid),
    stop: async () => {
      stop()
      await Promise.all(
        hogs.map((hog) =>
          hog.exitCode !== null || hog.signalCode !== null
            ? undefined
            : new Promise((resolve) => hog.once('exit', resolve)),
        ),
      )
      process.removeListener('exit', stop)
    },
  }
}
