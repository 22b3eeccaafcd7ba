// The run's deadline, which every outbound call carries (AWS, GitHub, verify checks, docker, verify-command): a leaf
// module, so the doors make it before anything heavy loads.

/** How long the timeout path (the rollback request, the summary) may take once the time is up or the job is cancelled. */
export const GRACE_MS = 20_000

/**
 * The deadline every outbound request honours. A request in flight when the time is up or the job is cancelled is
 * aborted then; one started later (the timeout path) is aborted `graceMs` after that, so a hung endpoint cannot hold
 * the run past its deadline plus the grace. Best-effort work asks `passed()` first and is skipped after it.
 */
export class RunDeadline {
  private at = Infinity
  private cancelledAt: number | undefined
  private readonly listeners = new Set<(end: number) => void>()
  // One signal for the phase's end and one for the grace's, held here: a timeout signal that only AbortSignal.any()
  // refers to may be garbage-collected before it fires, and the request it bounds then waits for ever.
  private phaseEnd = new Timer()
  private graceEnd = new Timer()

  constructor(
    private readonly cancelled?: AbortSignal,
    readonly graceMs = GRACE_MS,
    private readonly now: () => number = Date.now,
  ) {
    if (cancelled?.aborted) this.cancel()
    else cancelled?.addEventListener('abort', () => this.cancel(), { once: true })
  }

  /** Starts a phase allowed `ms` from now (each wait gets the whole timeout-minutes). */
  restart(ms: number): void {
    this.at = this.now() + ms
    this.rearm()
  }

  /** When the time is up (the phase's end, or the cancellation): Infinity before any phase. */
  get end(): number {
    return Math.min(this.at, this.cancelledAt ?? Infinity)
  }

  /** Whether the time is up or the job was cancelled: best-effort work is skipped then. */
  passed(): boolean {
    return this.now() >= this.end
  }

  /** The signal for a request starting now, joined with the caller's own. */
  signal(own?: AbortSignal): AbortSignal | undefined {
    const end = this.end
    if (!Number.isFinite(end)) return own
    const bound = this.now() < end ? this.phaseEnd.signal : this.graceEnd.signal
    return own ? AbortSignal.any([own, bound]) : bound
  }

  /** Calls `listener` with the new end whenever it moves (a phase starts, the job is cancelled). */
  onChange(listener: (end: number) => void): void {
    this.listeners.add(listener)
    listener(this.end)
  }

  private cancel(): void {
    this.cancelledAt = this.now()
    // What is in flight stops now; the timeout path has the grace from here.
    this.phaseEnd.fire()
    this.rearm()
  }

  private rearm(): void {
    const end = this.end
    const now = this.now()
    // The previous phase's signals stay with the requests that carry them, and fire when they were due.
    if (now < end) this.phaseEnd = new Timer(end - now)
    this.graceEnd = new Timer(end + this.graceMs - now)
    for (const listener of this.listeners) listener(end)
  }
}

/** An abort signal that fires `ms` from now (never without `ms`); its timer does not keep the process alive. */
class Timer {
  private readonly controller = new AbortController()
  private readonly timer: NodeJS.Timeout | undefined

  constructor(ms?: number) {
    if (ms === undefined || !Number.isFinite(ms)) return
    this.timer = setTimeout(() => this.fire(), Math.max(0, ms))
    this.timer.unref()
  }

  get signal(): AbortSignal {
    return this.controller.signal
  }

  fire(): void {
    clearTimeout(this.timer)
    if (!this.controller.signal.aborted)
      this.controller.abort(new DOMException("The run's deadline has passed", 'AbortError'))
  }
}

/**
 * Runs `call` with a signal that aborts after `ms` or when any of `signals` does. The timer is held until the call
 * ends (a bare AbortSignal.timeout inside AbortSignal.any may be collected before it fires).
 */
export async function withTimeout<T>(
  ms: number,
  signals: (AbortSignal | null | undefined)[],
  call: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const timer = new Timer(ms)
  const present = signals.filter((s): s is AbortSignal => !!s)
  try {
    return await call(present.length ? AbortSignal.any([timer.signal, ...present]) : timer.signal)
  } finally {
    timer.fire()
  }
}

/** What the run is waiting for right now (`ecs:DescribeServices`, `GitHub GET /repos/…`, `docker push`), for the last words of a run stopped by force. */
const inFlight = new Map<number, string>()
let nextCall = 0

/** Runs `call`, named as waited for while it runs. */
export async function waitingFor<T>(what: string, call: () => Promise<T>): Promise<T> {
  const id = nextCall++
  inFlight.set(id, what)
  try {
    return await call()
  } finally {
    inFlight.delete(id)
  }
}

/** The calls waiting for an answer now, oldest first. */
export function callsInFlight(): string[] {
  return [...new Set(inFlight.values())]
}
