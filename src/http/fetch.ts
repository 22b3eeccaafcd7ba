// `fetch` over node:http(s), for the GitHub API client and the verify checks: Node's own fetch ignores HTTPS_PROXY and
// NO_PROXY (a proxy needs undici's dispatcher, which is not bundled), this one goes through the proxy they name. The
// caller's signal (the run's deadline) aborts the request and the reading of its answer.
import { request as httpRequest, type IncomingMessage } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { proxyAgentFor } from './proxy.js'

type HeadersInit = ConstructorParameters<typeof Headers>[0]

export interface FetchInit {
  method?: string | undefined
  headers?: HeadersInit | undefined
  body?: string | Uint8Array | null | undefined
  redirect?: 'follow' | 'manual' | 'error' | undefined
  signal?: AbortSignal | null | undefined
}

const MAX_REDIRECTS = 5
const NULL_BODY = new Set([101, 204, 205, 304])

/** The answer to `url` as a standard Response, redirects followed (unless `redirect: 'manual'`). */
export async function httpFetch(input: string | URL, init: FetchInit = {}): Promise<Response> {
  let url = new URL(String(input))
  let method = (init.method ?? 'GET').toUpperCase()
  let body = init.body ?? undefined
  for (let redirects = 0; ; redirects++) {
    const answer = await send(url, method, init.headers, body, init.signal ?? undefined)
    const location = answer.headers.location
    const status = answer.statusCode ?? 0
    if (status < 300 || status > 399 || !location || init.redirect === 'manual')
      return response(answer, url, await read(answer, init.signal ?? undefined))
    answer.resume()
    if (init.redirect === 'error' || redirects >= MAX_REDIRECTS)
      throw new TypeError(`fetch ${url.href}: redirected ${redirects >= MAX_REDIRECTS ? 'too often' : ''}`.trim())
    url = new URL(location, url)
    // As fetch does: 303 (and 301/302 of a POST) continue as GET without a body.
    if (status === 303 || ((status === 301 || status === 302) && method === 'POST')) {
      method = 'GET'
      body = undefined
    }
  }
}

async function send(
  url: URL,
  method: string,
  headers: HeadersInit | undefined,
  body: string | Uint8Array | undefined,
  signal: AbortSignal | undefined,
): Promise<IncomingMessage> {
  const agent = await proxyAgentFor(url)
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest
  const head = Object.fromEntries(new Headers(headers).entries())
  return new Promise((resolve, reject) => {
    // Without a proxy, a connection of its own (agent: false): nothing idle is left to hold the process.
    const req = request(url, { method, headers: head, agent: agent ?? false, ...(signal && { signal }) }, resolve)
    req.on('error', reject)
    req.end(body)
  })
}

function read(answer: IncomingMessage, signal: AbortSignal | undefined): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    const abort = (): void => {
      answer.destroy()
      reject(signal?.reason ?? new Error('aborted'))
    }
    if (signal?.aborted) return abort()
    signal?.addEventListener('abort', abort, { once: true })
    answer.on('data', (chunk: Buffer) => chunks.push(chunk))
    answer.on('error', reject)
    answer.on('end', () => {
      signal?.removeEventListener('abort', abort)
      resolve(Buffer.concat(chunks))
    })
  })
}

function response(answer: IncomingMessage, url: URL, body: Buffer): Response {
  const headers = new Headers()
  for (const [name, value] of Object.entries(answer.headers))
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, one)
  const status = answer.statusCode ?? 500
  const result = new Response(NULL_BODY.has(status) ? null : body, {
    status,
    statusText: answer.statusMessage ?? '',
    headers,
  })
  Object.defineProperty(result, 'url', { value: url.href })
  return result
}
