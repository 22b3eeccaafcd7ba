// The AWS JSON 1.1 protocol as the @aws-sdk v3 clients speak it: POST /, `X-Amz-Target: <prefix>.<Operation>`,
// JSON bodies, timestamps as epoch seconds, errors as HTTP 400 `{"__type": "<Code>", "message": "..."}`
// (the SDK maps __type to the modelled exception class, whose `.name` is that code).
import { randomUUID } from 'node:crypto'

export class AwsError extends Error {
  /**
   * @param {string} code the exception shape name, e.g. ServiceNotFoundException
   * @param {string} message
   * @param {number} [status]
   */
  constructor(code, message, status = 400) {
    super(message)
    this.code = code
    this.status = status
  }
}

/** Throws `code` unless `condition` holds. */
export function check(condition, code, message) {
  if (!condition) throw new AwsError(code, message)
}

/** JSON with Date values as epoch seconds (milliseconds as the fraction), undefined members dropped. */
export function toAwsJson(value) {
  return JSON.stringify(value, function (key, v) {
    const raw = this[key]
    return raw instanceof Date ? raw.getTime() / 1000 : v
  })
}

/**
 * Offset pagination with opaque tokens, as list operations do.
 * @template T
 * @param {T[]} items
 * @param {{ nextToken?: string, maxResults?: number }} input
 * @param {number} [defaultMax]
 * @param {number} [max] the largest maxResults the operation takes (a value outside 1..max is refused)
 * @returns {{ page: T[], nextToken?: string }}
 */
export function paginate(items, { nextToken, maxResults }, defaultMax = 100, max = 100) {
  const start = nextToken ? Number(Buffer.from(nextToken, 'base64url').toString()) : 0
  if (!Number.isInteger(start) || start < 0) throw new AwsError('InvalidParameterException', 'Invalid nextToken.')
  if (maxResults !== undefined && !(Number.isInteger(maxResults) && maxResults >= 1 && maxResults <= max)) {
    throw new AwsError('InvalidParameterException', `maxResults must be between 1 and ${max}.`)
  }
  const end = start + (maxResults || defaultMax)
  return {
    page: items.slice(start, end),
    nextToken: end < items.length ? Buffer.from(String(end)).toString('base64url') : undefined,
  }
}

/**
 * @typedef {(input: any) => any | Promise<any>} Operation
 * @typedef {{
 *   targetPrefix: string, operations: Record<string, Operation>, contentType?: string,
 *   queryErrors?: { namespace: string, shapes: Record<string, string> },
 *   claims?: (operation: string, input: any) => boolean,
 * }} AwsService contentType: default AWS JSON 1.1; queryErrors: a query-compatible JSON service (CloudWatch) answers
 *   errors as `__type: "<namespace>#<shape>"` with the query API's code in `x-amzn-query-error: <code>;Sender`;
 *   claims: which of its requests the scenario server answers (the rest go to moto)
 */

/**
 * @typedef {{ service: string, operation: string, status: number, body: string }} AwsResponse what was answered:
 *   service = the X-Amz-Target prefix, body = the JSON text sent
 */

/**
 * Answers one AWS JSON 1.1 request. Returns false when the request is not one (no X-Amz-Target).
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {string} body
 * @param {AwsService[]} services
 * @param {(response: AwsResponse) => void} [onResponse] sees every answer (the model conformance check records them)
 */
export async function handleAwsRequest(req, res, body, services, onResponse) {
  const target = req.headers['x-amz-target']
  if (req.method !== 'POST' || typeof target !== 'string') return false
  const dot = target.lastIndexOf('.')
  const prefix = target.slice(0, dot)
  const operation = target.slice(dot + 1)
  const requestId = randomUUID()
  let status = 200
  let payload
  try {
    const service = services.find((s) => s.targetPrefix === prefix)
    const handler = service && Object.hasOwn(service.operations, operation) ? service.operations[operation] : undefined
    if (!handler) throw new AwsError('UnknownOperationException', `The scenario server does not implement ${target}.`)
    let input
    try {
      input = body ? JSON.parse(body) : {}
    } catch {
      throw new AwsError('SerializationException', 'Request body is not valid JSON.')
    }
    payload = (await handler(input)) ?? {}
  } catch (error) {
    if (!(error instanceof AwsError)) {
      console.error(`${target} failed:`, error)
      error = new AwsError('ServerException', `Internal error in the scenario server: ${error?.message ?? error}`, 500)
    }
    status = error.status
    const query = services.find((s) => s.targetPrefix === prefix)?.queryErrors
    if (query) {
      const shape = query.shapes[error.code] ?? error.code
      payload = { __type: `${query.namespace}#${shape}`, message: error.message }
      res.setHeader('x-amzn-query-error', `${error.code};${status < 500 ? 'Sender' : 'Receiver'}`)
    } else {
      payload = { __type: error.code, message: error.message }
      res.setHeader('x-amzn-errortype', error.code)
    }
  }
  const text = toAwsJson(payload)
  res.writeHead(status, {
    'content-type': services.find((s) => s.targetPrefix === prefix)?.contentType ?? 'application/x-amz-json-1.1',
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': requestId,
  })
  res.end(text)
  onResponse?.({ service: prefix, operation, status, body: text })
  if (process.env.STACK_VERBOSE) console.log(`${status} ${target} ${body.slice(0, 500)}`)
  return true
}
