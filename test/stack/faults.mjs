// Faults per endpoint and phase (POST /_faults): an AWS operation, once it has answered `after` times, is met with
// `hang` (the request is read and never answered), `delay` (answered `seconds` later) or `drop` (the connection is
// closed unanswered). The operation is named as IAM names it (`ecs:DescribeServices`, `elasticloadbalancing:*`,
// `logs:GetLogEvents`, `*` for all); the scenario server sees ELBv2 and CloudWatch Logs too when their endpoints point
// at it (it forwards what it does not simulate to moto), so any AWS call of any phase can be made to fail.

const MODES = ['hang', 'delay', 'drop']

/** The IAM prefix of each JSON 1.1 target prefix, and of each query-protocol API version. */
export const IAM_PREFIX = {
  AmazonEC2ContainerServiceV20141113: 'ecs',
  AmazonEC2ContainerRegistry_V20150921: 'ecr',
  CodeDeploy_20141006: 'codedeploy',
  Logs_20140328: 'logs',
  GraniteServiceVersion20100801: 'cloudwatch',
}
const QUERY_VERSIONS = { '2015-12-01': 'elasticloadbalancing', '2011-06-15': 'sts', '2010-05-08': 'iam' }

export class FaultError extends Error {}

/**
 * @typedef {{ operation: string, mode: 'hang' | 'delay' | 'drop', seconds?: number, after?: number, afterCall?: string, times?: number }} FaultSpec
 *   times: how many requests the fault meets (default: every one)
 *   afterCall: the fault starts once this operation was called (`ecs:UpdateService`: the rollout phase)
 * @typedef {FaultSpec & { armed: boolean, seen: number, hits: number }} Fault
 */

/** The IAM name of a request's operation (`ecs:DescribeServices`), from X-Amz-Target or a query body's Action. */
export function operationOf(headers, body) {
  const target = headers['x-amz-target']
  if (typeof target === 'string') {
    const dot = target.lastIndexOf('.')
    return `${IAM_PREFIX[target.slice(0, dot)] ?? target.slice(0, dot)}:${target.slice(dot + 1)}`
  }
  const query = new URLSearchParams(body)
  const action = query.get('Action')
  return action ? `${QUERY_VERSIONS[query.get('Version') ?? ''] ?? 'unknown'}:${action}` : undefined
}

function matches(pattern, operation) {
  if (pattern === '*') return true
  if (pattern.endsWith(':*')) return operation.startsWith(pattern.slice(0, -1))
  return pattern === operation
}

export class Faults {
  constructor() {
    /** @type {Fault[]} */
    this.list = []
  }

  /** @param {FaultSpec | FaultSpec[]} specs */
  add(specs) {
    for (const spec of Array.isArray(specs) ? specs : [specs]) {
      const { operation, mode, seconds, after = 0, afterCall, times } = spec ?? {}
      if (typeof operation !== 'string' || !/^(\*|[a-z0-9-]+:(\*|[A-Z][A-Za-z]+))$/.test(operation))
        throw new FaultError(
          'operation must be an IAM action name: "ecs:DescribeServices", "elasticloadbalancing:*" or "*"',
        )
      if (!MODES.includes(mode)) throw new FaultError(`mode must be one of ${MODES.join(', ')}`)
      if (mode === 'delay' && !(typeof seconds === 'number' && seconds > 0))
        throw new FaultError('a delay needs seconds > 0')
      if (!(Number.isInteger(after) && after >= 0)) throw new FaultError('after must be a whole number >= 0')
      if (times !== undefined && !(Number.isInteger(times) && times >= 1))
        throw new FaultError('times must be a whole number >= 1')
      if (afterCall !== undefined && !(typeof afterCall === 'string' && /^[a-z0-9-]+:[A-Z][A-Za-z]+$/.test(afterCall)))
        throw new FaultError('afterCall must be an IAM action name: "ecs:UpdateService"')
      this.list.push({
        operation,
        mode,
        ...(seconds !== undefined && { seconds }),
        after,
        ...(afterCall !== undefined && { afterCall }),
        ...(times !== undefined && { times }),
        armed: afterCall === undefined,
        seen: 0,
        hits: 0,
      })
    }
    return this.list
  }

  clear() {
    this.list = []
  }

  /** The fault that meets this request, if any (each matching fault counts the request). */
  take(operation) {
    let found
    for (const fault of this.list) {
      if (!fault.armed || !matches(fault.operation, operation)) continue
      fault.seen++
      if (!found && fault.seen > fault.after && (fault.times === undefined || fault.hits < fault.times)) {
        fault.hits++
        found = fault
      }
    }
    // A fault waiting for this call starts with the next request.
    for (const fault of this.list) if (fault.afterCall === operation) fault.armed = true
    return found
  }
}

/**
 * Applies `fault` to the request: true when it was answered (or never will be) by the fault, false to answer it now.
 * @param {Fault | undefined} fault
 * @param {import('node:http').IncomingMessage} req
 */
export async function applyFault(fault, req) {
  if (!fault) return false
  if (fault.mode === 'drop') {
    req.socket.destroy()
    return true
  }
  if (fault.mode === 'hang') return true
  await new Promise((resolve) => setTimeout(resolve, (fault.seconds ?? 0) * 1000))
  return req.socket.destroyed
}
