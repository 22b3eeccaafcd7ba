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
  private readonly listeners = new Set<(at: number) => void>()

  constructor(
    private readonly cancelled?: AbortSignal,
    readonly graceMs = GRACE_MS,
    private readonly now: () => number = Date.now,
  ) {
    if (cancelled?.aborted) this.cancelledAt = now()
    else
      cancelled?.addEventListener(
        'abort',
        () => {
          this.cancelledAt = this.now()
          this.changed()
        },
        { once: true },
      )
  }

  /** Starts a phase allowed `ms` from now (each wait gets the whole timeout-minutes). */
  restart(ms: number): void {
    this.at = this.now() + ms
    this.changed()
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
    const now = this.now()
    const end = this.end
    const stop = now < end ? end : end + this.graceMs
    const signals = [
      own,
      now < end ? this.cancelled : undefined,
      Number.isFinite(stop) ? AbortSignal.timeout(Math.max(0, stop - now)) : undefined,
    ]
    const present = signals.filter((s): s is AbortSignal => s !== undefined)
    return present.length > 1 ? AbortSignal.any(present) : present[0]
  }

  /** Calls `listener` with the new end whenever it moves (a phase starts, the job is cancelled). */
  onChange(listener: (end: number) => void): void {
    this.listeners.add(listener)
    listener(this.end)
  }

  private changed(): void {
    for (const listener of this.listeners) listener(this.end)
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
