// The HTTP check of one URL: asked again every interval until it answers as expected or the time runs out.
import type { Clock } from '../deploy/clock.js'
import { describeLimit } from '../deploy/clock.js'
import { errorMessage } from '../errors.js'
import { describeExpectation, meets, type Answer, type Expectation } from './expect.js'

const STOPPED = 'until the run stopped: the job was cancelled or timeout-minutes ran out'
/** How much of an answer's body a message quotes. */
const QUOTED_CHARS = 120
/** No single request waits longer than this, so a hung one leaves time to ask again. */
const REQUEST_TIMEOUT_MS = 10_000

export interface HttpCheckOptions {
  expectation: Expectation
  headers: Record<string, string>
  timeoutMs: number
  intervalMs: number
  clock: Clock
  /** The run's: a cancelled job, or the wait's timeout-minutes running out, stops the check. */
  signal?: AbortSignal | undefined
  /** Injectable for tests; the global fetch otherwise. */
  fetch?: typeof fetch | undefined
}

/** What checking one URL showed: whether it answered as expected, its last answer and the expectation, in words. */
export interface UrlCheck {
  url: string
  ok: boolean
  /** `HTTP 500 "…"`, or why there was no answer; outside text, cut short (neutralise before showing). */
  answer: string
  expected: string
  attempts: number
  /** Why the check ended without the expected answer, in words (`for 30 s`, `until the run was stopped …`). */
  gaveUpAfter?: string
}

/** Asks `url` until its answer meets the expectation, the timeout passes or the signal aborts. */
export async function checkUrl(url: string, options: HttpCheckOptions): Promise<UrlCheck> {
  const { clock, signal, expectation } = options
  const expected = describeExpectation(expectation)
  const deadline = clock.now() + options.timeoutMs
  let attempts = 0
  for (;;) {
    attempts++
    const got = await ask(url, options, Math.min(REQUEST_TIMEOUT_MS, Math.max(1, deadline - clock.now())))
    const answer = typeof got === 'string' ? got : describeAnswer(got)
    if (typeof got !== 'string' && meets(expectation, got)) return { url, ok: true, answer, expected, attempts }
    if (signal?.aborted) return { url, ok: false, answer, expected, attempts, gaveUpAfter: STOPPED }
    if (clock.now() + options.intervalMs >= deadline)
      return { url, ok: false, answer, expected, attempts, gaveUpAfter: `for ${describeLimit(options.timeoutMs)}` }
    await clock.sleep(options.intervalMs, signal)
  }
}

/** The answer, or why there was none. */
async function ask(url: string, options: HttpCheckOptions, timeoutMs: number): Promise<Answer | string> {
  const signals = [AbortSignal.timeout(timeoutMs), ...(options.signal ? [options.signal] : [])]
  try {
    const response = await (options.fetch ?? fetch)(url, {
      headers: options.headers,
      redirect: 'follow',
      signal: AbortSignal.any(signals),
    })
    return { status: response.status, body: await response.text() }
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause
    return `no answer (${errorMessage(cause ?? error)})`
  }
}

function describeAnswer({ status, body }: Answer): string {
  const text = body.trim().replace(/\s+/g, ' ')
  const quoted = text.length > QUOTED_CHARS ? `${text.slice(0, QUOTED_CHARS)}…` : text
  return `HTTP ${status}${quoted ? ` "${quoted}"` : ''}`
}
