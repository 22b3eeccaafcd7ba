// Time for the simulation: the real clock (plus an optional jump offset) with scaled delays, and a
// scheduler that runs due events in time order.

/**
 * Timestamps follow the real clock, so the action's own timeouts and the server's createdAt/updatedAt
 * agree. `scale` only shortens scenario delays: with scale 20, "taskStartSeconds: 10" takes 0.5 s.
 * `advance(seconds)` jumps the clock forward (events that become due run at their own times).
 */
export class Clock {
  /** @param {{ scale?: number, realNow?: () => number }} [options] */
  constructor({ scale = 1, realNow = Date.now } = {}) {
    this.scale = scale
    this.offsetMs = 0
    this.realNow = realNow
    /** @type {number | undefined} while an event runs, "now" is that event's time */
    this.pinnedMs = undefined
  }

  nowMs() {
    return this.pinnedMs ?? this.realNow() + this.offsetMs
  }

  now() {
    return new Date(this.nowMs())
  }

  /** Clock time (ms) of `seconds` scenario seconds from now. */
  after(seconds) {
    return this.nowMs() + (seconds * 1000) / this.scale
  }

  advance(seconds) {
    this.offsetMs += seconds * 1000
  }
}

/** Discrete events on the clock. Nothing runs by itself: call runDue() (the server does it on every request and on a short timer). */
export class Scheduler {
  /** @param {Clock} clock */
  constructor(clock) {
    this.clock = clock
    /** @type {{ at: number, seq: number, label: string, fn: () => void }[]} */
    this.queue = []
    this.seq = 0
  }

  /** Runs fn `seconds` scenario seconds from now. Returns a cancel function. */
  in(seconds, label, fn) {
    const event = { at: this.clock.after(seconds), seq: this.seq++, label, fn }
    this.queue.push(event)
    this.queue.sort((a, b) => a.at - b.at || a.seq - b.seq)
    return () => {
      this.queue = this.queue.filter((e) => e !== event)
    }
  }

  /** Runs every event that is due, each with the clock pinned at its own time. Returns how many ran. */
  runDue() {
    let ran = 0
    const limit = this.clock.nowMs()
    while (this.queue.length && this.queue[0].at <= limit) {
      const event = /** @type {typeof this.queue[0]} */ (this.queue.shift())
      this.clock.pinnedMs = Math.max(event.at, this.clock.pinnedMs ?? 0)
      try {
        event.fn()
      } finally {
        this.clock.pinnedMs = undefined
      }
      ran++
    }
    return ran
  }

  clear() {
    this.queue = []
  }

  /** Pending events (for /_state). */
  pending() {
    return this.queue.map((e) => ({ at: new Date(e.at).toISOString(), label: e.label }))
  }
}
