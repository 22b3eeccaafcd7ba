// The HTTP check of one URL: asked again every interval until it answers as expected or the time runs out.
import type { Clock } from '../deploy/clock.js'
import { describeLimit } from '../deploy/clock.js'
import { errorMessage } from '../common/errors.js'
import { describeExpectation, meets, type Answer, type Expectation } from './expect.js'
import type { RedirectPolicy } from './verification-plan.js'
import { withoutCredentials } from './redact.js'

const STOPPED = 'until the run stopped: the job was cancelled or timeout-minutes ran out'
/** How much of an answer's body a message quotes. */
const QUOTED_CHARS = 120
/** No single request waits longer than this, so a hung one leaves time to ask again. */
const REQUEST_TIMEOUT_MS = 10_000
/** Redirects followed within one request, as browsers and curl stop a loop. */
const MAX_REDIRECTS = 5

export interface HttpCheckOptions {
  expectation: Expectation
  headers: Record<string, string>
  /** Which redirects are followed; the headers never go to another origin. */
  redirects: RedirectPolicy
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
    const answer = typeof got === 'string' ? got : describeAnswer(got, Object.values(options.headers))
    if (typeof got !== 'string' && meets(expectation, got)) return { url, ok: true, answer, expected, attempts }
    if (signal?.aborted) return { url, ok: false, answer, expected, attempts, gaveUpAfter: STOPPED }
    if (clock.now() + options.intervalMs >= deadline)
      return { url, ok: false, answer, expected, attempts, gaveUpAfter: `for ${describeLimit(options.timeoutMs)}` }
    await clock.sleep(options.intervalMs, signal)
  }
}

/** The answer, or why there was none; a redirect is followed only within the URL's origin (and not with `none`). */
async function ask(url: string, options: HttpCheckOptions, timeoutMs: number): Promise<Answer | string> {
  const signal = AbortSignal.any([AbortSignal.timeout(timeoutMs), ...(options.signal ? [options.signal] : [])])
  const origin = new URL(url).origin
  try {
    for (let hop = 0, at = url; ; hop++) {
      const response = await (options.fetch ?? fetch)(at, {
        // The headers carry secrets: every request goes to the URL's own origin (no other is followed).
        headers: options.headers,
        redirect: 'manual',
        signal,
      })
      const location = response.headers.get('location')
      const next =
        location && isRedirect(response.status) && URL.canParse(location, at) ? new URL(location, at) : undefined
      const followed = next && options.redirects !== 'none' && next.origin === origin && hop < MAX_REDIRECTS
      if (!next || !followed) {
        const body = await response.text()
        return { status: response.status, body, ...(next && { redirect: notFollowed(next, origin, options) }) }
      }
      await response.body?.cancel()
      at = next.href
    }
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause
    return `no answer (${errorMessage(cause ?? error)})`
  }
}

const isRedirect = (status: number): boolean => [301, 302, 303, 307, 308].includes(status)

function notFollowed(next: URL, origin: string, options: HttpCheckOptions): string {
  if (options.redirects === 'none') return `a redirect, not followed (verify redirects: none)`
  if (next.origin !== origin) return `a redirect to another origin (${next.origin}), not followed`
  return `more than ${MAX_REDIRECTS} redirects`
}

/** `HTTP 500 "…"`: the body without secrets or credentials, cut short. */
function describeAnswer({ status, body, redirect }: Answer, secrets: string[]): string {
  const text = withoutCredentials(body, secrets).trim().replace(/\s+/g, ' ')
  const quoted = text.length > QUOTED_CHARS ? `${text.slice(0, QUOTED_CHARS)}…` : text
  return `HTTP ${status}${redirect ? ` (${redirect})` : ''}${quoted ? ` "${quoted}"` : ''}`
}
