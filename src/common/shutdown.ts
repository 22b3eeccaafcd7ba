// How a run stops: the first SIGINT/SIGTERM starts the timeout path (report, rollback request within the grace); a
// second one, or the grace running out past the deadline, ends the process at once. Both doors use it.
import { callsInFlight, RunDeadline } from './deadline.js'

/** After the grace, the time left to write the summary before the process is ended anyway. */
export const EXIT_MARGIN_MS = 2_000

export interface Shutdown {
  /** Aborted by the first signal: the run's waits stop, its timeout path runs. */
  signal: AbortSignal
  /** The run's deadline (cancelled with `signal`); the watchdog follows its end. */
  deadline: RunDeadline
  /** Removes the signal handlers and the watchdog (the run is over). */
  dispose(): void
}

export interface ShutdownOptions {
  now?: () => number
  graceMs?: number
  /**
   * Writes what a user must read (summary, outputs, error) synchronously, just before a forced exit; `why` says what
   * ended the run, naming what it still waited for.
   */
  lastWords(why: string, status: 'failed' | 'timed-out'): void
  exit?: (code: number) => void
  /** Where the signals come from (the process). */
  signals?: Pick<NodeJS.Process, 'on' | 'off'>
}

/** What a run stopped by force was still waiting for, in words. */
export function stillWaiting(): string {
  const calls = callsInFlight()
  return calls.length ? `; still waiting for ${calls.join(', ')} (no answer)` : ''
}

/** Installs the signal handlers and the watchdog of a run. */
export function handleShutdown(options: ShutdownOptions): Shutdown {
  const { now = Date.now, exit = (code: number) => process.exit(code), signals = process } = options
  const controller = new AbortController()
  const deadline = new RunDeadline(controller.signal, options.graceMs, now)
  let timer: NodeJS.Timeout | undefined
  let stopped = false
  const stop = (why: string, status: 'failed' | 'timed-out'): void => {
    if (stopped) return
    stopped = true
    try {
      options.lastWords(`${why}${stillWaiting()}.`, status)
    } finally {
      exit(1)
    }
  }
  const onSignal = (name: string): void => {
    if (!controller.signal.aborted) return controller.abort()
    stop(`The run was stopped by a second ${name}`, 'failed')
  }
  const onInt = (): void => onSignal('SIGINT')
  const onTerm = (): void => onSignal('SIGTERM')
  signals.on('SIGINT', onInt)
  signals.on('SIGTERM', onTerm)
  deadline.onChange((end) => {
    clearTimeout(timer)
    if (!Number.isFinite(end)) return
    const grace = deadline.graceMs / 1000
    // Unref'd: a run that ends in time exits without waiting for it; one held by a hung socket or child is ended.
    timer = setTimeout(
      () =>
        stop(
          controller.signal.aborted
            ? `The run was cancelled and had not ended ${grace} s later`
            : `The run had not ended ${grace} s after its deadline (timeout-minutes)`,
          controller.signal.aborted ? 'failed' : 'timed-out',
        ),
      Math.max(0, end + deadline.graceMs + EXIT_MARGIN_MS - now()),
    ).unref()
  })
  return {
    signal: controller.signal,
    deadline,
    dispose: () => {
      clearTimeout(timer)
      stopped = true
      signals.off('SIGINT', onInt)
      signals.off('SIGTERM', onTerm)
    },
  }
}
