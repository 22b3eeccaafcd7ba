// A bounded load generator for end-to-end tests: `rate` requests per second to a listener of the local stack on
// 127.0.0.1, for at most `seconds` seconds and at most `count` requests, stoppable, returning what it saw.
// Loopback only, so a test can never send traffic elsewhere. `node test/stack/load.mjs URL RATE SECONDS` runs it.
import { pathToFileURL } from 'node:url'

const MAX_RATE = 200
const MAX_SECONDS = 600
const REQUEST_TIMEOUT_MS = 10_000

/**
 * @typedef {{ sent: number, statuses: Record<string, number>, errors: number, latenciesMs: number[],
 *   startedAt: number, endedAt: number }} LoadResult statuses: answers by HTTP status; errors: requests that got
 *   no answer (refused, reset, timed out); latenciesMs: of the answered requests, in the order they were sent
 * @typedef {{ done: Promise<LoadResult>, stop: () => Promise<LoadResult>, seen: () => LoadResult }} Load
 */

/**
 * Starts sending requests; `done` resolves once `seconds` have passed or `count` were sent, and all answered.
 * @param {{ url: string, rate: number, seconds: number, count?: number, signal?: AbortSignal }} options
 * @returns {Load}
 */
export function startLoad({ url, rate, seconds, count = Math.ceil(rate * seconds), signal }) {
  const target = new URL(url)
  if (target.protocol !== 'http:' || !['127.0.0.1', 'localhost', '[::1]'].includes(target.hostname))
    throw new Error(`load: ${url} is not a listener on 127.0.0.1 (the load generator sends to loopback only)`)
  if (!(rate > 0 && rate <= MAX_RATE)) throw new Error(`load: rate must be above 0 and at most ${MAX_RATE} per second`)
  if (!(seconds > 0 && seconds <= MAX_SECONDS))
    throw new Error(`load: seconds must be above 0 and at most ${MAX_SECONDS}`)
  if (!(Number.isInteger(count) && count >= 1)) throw new Error('load: count must be a whole number above 0')

  const result = /** @type {LoadResult} */ ({
    sent: 0,
    statuses: {},
    errors: 0,
    latenciesMs: [],
    startedAt: Date.now(),
    endedAt: 0,
  })
  const stopper = new AbortController()
  const abort = () => stopper.abort()
  signal?.addEventListener('abort', abort, { once: true })
  const inFlight = new Set()
  const one = async () => {
    const started = performance.now()
    const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS)
    try {
      const response = await fetch(target, { signal: timeout })
      await response.arrayBuffer()
      result.statuses[response.status] = (result.statuses[response.status] ?? 0) + 1
      result.latenciesMs.push(performance.now() - started)
    } catch {
      result.errors++
    }
  }
  const done = (async () => {
    const deadline = result.startedAt + seconds * 1000
    while (result.sent < count && Date.now() < deadline && !stopper.signal.aborted) {
      const request = one()
      inFlight.add(request)
      request.finally(() => inFlight.delete(request))
      result.sent++
      // The next request's time on the schedule (no catching up in bursts after a slow moment).
      const wait = result.startedAt + (result.sent * 1000) / rate - Date.now()
      if (wait > 0) await sleep(Math.min(wait, deadline - Date.now()), stopper.signal)
    }
    await Promise.all(inFlight)
    result.endedAt = Date.now()
    signal?.removeEventListener('abort', abort)
    return result
  })()
  return {
    done,
    stop: () => (stopper.abort(), done),
    seen: () => structuredClone(result),
  }
}

function sleep(ms, signal) {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, Math.max(0, ms))
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve(undefined)), { once: true })
  })
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [url, rate, seconds] = process.argv.slice(2)
  if (!url) {
    process.stderr.write('usage: node test/stack/load.mjs URL RATE SECONDS (e.g. "$STACK_LB_URL/" 20 30)\n')
    process.exit(2)
  }
  const load = startLoad({ url, rate: Number(rate ?? 10), seconds: Number(seconds ?? 10) })
  process.on('SIGINT', () => void load.stop())
  const { latenciesMs, ...seen } = await load.done
  const sorted = [...latenciesMs].sort((a, b) => a - b)
  const p = (q) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]?.toFixed(1)
  process.stdout.write(`${JSON.stringify({ ...seen, p50Ms: p(0.5), p99Ms: p(0.99) })}\n`)
}
