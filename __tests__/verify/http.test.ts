import { checkUrl } from '../../src/verify/http.js'
import { parseExpectation } from '../../src/verify/expect.js'
import { fakeClock } from '../helpers/clock.js'

/** A fetch answering each call with the next of `answers` (the last repeats); an Error is a failed connection. */
function scripted(answers: ({ status: number; body: string } | Error)[]) {
  const calls: { url: string; headers: unknown }[] = []
  const fn = async (url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    calls.push({ url: String(url), headers: init?.headers })
    expect(init?.redirect).toBe('manual')
    const next = answers.length > 1 ? answers.shift() : answers[0]
    if (next instanceof Error) throw new TypeError('fetch failed', { cause: next })
    return new Response(next?.body ?? '', { status: next?.status ?? 200 })
  }
  return { fetch: fn as typeof fetch, calls }
}

const options = (fetch: typeof globalThis.fetch, expect = '$.version == abc') => ({
  expectation: parseExpectation(expect),
  headers: { Authorization: 'Bearer t' },
  redirects: 'same-origin' as const,
  timeoutMs: 10_000,
  intervalMs: 2_000,
  clock: fakeClock(),
  fetch,
})

describe('checking one URL', () => {
  test('asks again every interval until the answer is the expected one', async () => {
    const { fetch, calls } = scripted([
      new Error('connect ECONNREFUSED 127.0.0.1:80'),
      { status: 200, body: '{"version":"old"}' },
      { status: 200, body: '{"version":"abc"}' },
    ])
    const o = options(fetch)
    const check = await checkUrl('http://lb/version', o)
    expect(check).toMatchObject({ ok: true, attempts: 3, answer: 'HTTP 200 "{"version":"abc"}"' })
    expect(o.clock.sleeps).toEqual([2000, 2000])
    expect(calls[0]?.headers).toEqual({ Authorization: 'Bearer t' })
  })

  test('gives up at the timeout with the last answer, cut short, and what was expected', async () => {
    const { fetch } = scripted([{ status: 500, body: `${'x'.repeat(200)}` }])
    const check = await checkUrl('http://lb/version', options(fetch))
    expect(check).toEqual({
      url: 'http://lb/version',
      ok: false,
      answer: `HTTP 500 "${'x'.repeat(120)}…"`,
      expected: 'a 2xx JSON answer with $.version == abc',
      attempts: 5,
      gaveUpAfter: 'for 10 s',
    })
  })

  test('no answer at all says why', async () => {
    const { fetch } = scripted([new Error('connect ECONNREFUSED 127.0.0.1:80')])
    const check = await checkUrl('http://lb/version', options(fetch))
    expect(check.answer).toBe('no answer (connect ECONNREFUSED 127.0.0.1:80)')
    expect(check.ok).toBe(false)
  })

  test('a cancelled job stops the check', async () => {
    const { fetch, calls } = scripted([{ status: 503, body: '' }])
    const controller = new AbortController()
    controller.abort()
    const check = await checkUrl('http://lb/version', { ...options(fetch), signal: controller.signal })
    expect(check).toMatchObject({
      ok: false,
      gaveUpAfter: 'until the run stopped: the job was cancelled or timeout-minutes ran out',
    })
    expect(calls).toHaveLength(1)
  })
})
