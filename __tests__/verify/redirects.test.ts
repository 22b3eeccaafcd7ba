// Redirects and answers as an attacker would shape them: a check never takes its headers to another origin, and the
// answer it quotes holds no secret.
import { checkUrl } from '../../src/verify/http.js'
import { parseExpectation } from '../../src/verify/expect.js'
import type { RedirectPolicy } from '../../src/verify/verification-plan.js'
import { withoutCredentials } from '../../src/verify/redact.js'
import { fakeClock } from '../helpers/clock.js'

/** A web of URLs: each answers its status, body and Location; every request is recorded with its headers. */
function web(pages: Record<string, { status: number; body?: string; location?: string }>) {
  const calls: { url: string; headers: Record<string, string> }[] = []
  const fn = async (url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    calls.push({ url: String(url), headers: { ...(init?.headers as Record<string, string>) } })
    if (init?.redirect !== 'manual') throw new Error('the check must follow redirects itself')
    const page = pages[String(url)] ?? { status: 404 }
    return new Response(page.body ?? '', {
      status: page.status,
      headers: page.location ? { location: page.location } : {},
    })
  }
  return { fetch: fn as typeof fetch, calls }
}

const SECRETS = { Authorization: 'Bearer tok-0123456789abcdef', 'X-Api-Key': 'k3y-s3cr3t-value' }

const check = (fetch: typeof globalThis.fetch, redirects: RedirectPolicy = 'same-origin', expect = '') =>
  checkUrl('http://app.example/health', {
    expectation: parseExpectation(expect),
    headers: SECRETS,
    redirects,
    timeoutMs: 1_000,
    intervalMs: 1_000,
    clock: fakeClock(),
    fetch,
  })

describe('redirects', () => {
  test('within the origin they are followed, with the headers', async () => {
    const { fetch, calls } = web({
      'http://app.example/health': { status: 302, location: '/ready' },
      'http://app.example/ready': { status: 200, body: 'ok' },
    })
    expect(await check(fetch)).toMatchObject({ ok: true, answer: 'HTTP 200 "ok"' })
    expect(calls.map((c) => [c.url, c.headers])).toEqual([
      ['http://app.example/health', SECRETS],
      ['http://app.example/ready', SECRETS],
    ])
  })

  test.each([
    ['another host', 'http://169.254.169.254/latest/meta-data/'],
    ['another port', 'http://app.example:8080/ready'],
    ['another scheme', 'https://app.example/ready'],
  ])('to %s they are not followed: the redirect is the answer, and no header goes there', async (_, location) => {
    const { fetch, calls } = web({
      'http://app.example/health': { status: 302, location },
      [location]: { status: 200, body: '{"AccessKeyId":"AKIAIOSFODNN7EXAMPLE"}' },
    })
    const result = await check(fetch)
    expect(result.ok).toBe(false)
    expect(result.answer).toBe(`HTTP 302 (a redirect to another origin (${new URL(location).origin}), not followed)`)
    expect(calls.map((c) => c.url)).toEqual(['http://app.example/health'])
  })

  test('with redirects: none, not even within the origin; a 302 may be what is expected', async () => {
    const { fetch, calls } = web({ 'http://app.example/health': { status: 302, location: '/ready' } })
    expect(await check(fetch, 'none')).toMatchObject({
      ok: false,
      answer: 'HTTP 302 (a redirect, not followed (verify redirects: none))',
    })
    expect(await check(fetch, 'none', '302')).toMatchObject({ ok: true })
    expect(calls.every((c) => c.url === 'http://app.example/health')).toBe(true)
  })

  test('a redirect loop ends after 5 hops', async () => {
    const { fetch, calls } = web({ 'http://app.example/health': { status: 307, location: '/health' } })
    expect((await check(fetch)).answer).toBe('HTTP 307 (more than 5 redirects)')
    expect(calls).toHaveLength(6)
  })
})

describe('a quoted answer holds no secret', () => {
  test('a reflected header and a metadata answer are cut out of the quote', async () => {
    const { fetch } = web({
      'http://app.example/health': {
        status: 500,
        body: `{"you-sent":"Bearer tok-0123456789abcdef","key":"k3y-s3cr3t-value","AccessKeyId":"ASIAIOSFODNN7EXAMPLE"}`,
      },
    })
    const { answer } = await check(fetch)
    expect(answer).toBe('HTTP 500 "{"you-sent":"***","key":"***","AccessKeyId":"***"}"')
  })

  test.each([
    [
      'an AWS key pair',
      '{"AccessKeyId":"AKIAIOSFODNN7EXAMPLE","SecretAccessKey":"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}',
      '{"AccessKeyId":"***","SecretAccessKey":"***"}',
    ],
    ['a bare secret access key', 'key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY end', 'key *** end'],
    ['a session token field', 'Token=IQoJb3JpZ2luX2VjEJr; user=ann', 'Token=***; user=ann'],
    ['a JWT', 'id eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJl.', 'id ***.'],
    ['a bearer token', 'Authorization: Bearer abc.def-ghi', 'Authorization: Bearer ***'],
    ['a GitHub token', 'ghp_0123456789abcdefghijABCDEFGHIJ012345', '***'],
    ['a password in a query', '/login?user=ann&password=hunter22', '/login?user=ann&password=***'],
    ['a private key', '-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----', '***'],
  ])('%s', (_, text, safe) => {
    expect(withoutCredentials(text, [])).toBe(safe)
  })

  test('ordinary answers stay as they are: a commit SHA is not a secret', () => {
    const text = '{"version":"a1b2c3d4e5f60718293a4b5c6d7e8f9012345678","status":"ok"}'
    expect(withoutCredentials(text, [])).toBe(text)
  })
})
