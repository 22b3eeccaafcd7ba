// The admin API of the scenario server (paths starting with /_), for tests and the demo:
//   POST /_scenario   one scenario or an array (see README.md)    GET /_scenario   the queue
//   DELETE /_scenario clear the queue
//   POST /_reset      {"timeScale"?: n, "moto"?: true}  forget everything (moto too when asked)
//   GET  /_state      everything, for assertions
//   GET  /_requests   the AWS calls received since the last reset: [{ at (ms), target (X-Amz-Target) }]
//   POST /_clock      {"scale"?: n, "advanceSeconds"?: n}  set the time scale / jump forward
//   POST /_deny       {"operations": ["ecs:StopServiceDeployment", …]}  answer these with AccessDeniedException ([] to allow all)
//   POST /_faults     {"operation": "ecs:DescribeServices", "mode": "hang" | "delay" | "drop", "seconds"?, "after"?}
//                     or an array: the operation, once answered `after` times, never answers / answers late / drops
//                     the connection (faults.mjs)     GET /_faults  the faults and their hits   DELETE /_faults  none
//   GET  /_health     200 "ok"
import { ScenarioError } from './scenario.mjs'
import { FaultError } from './faults.mjs'

class BadRequest extends Error {}

function parse(body) {
  if (!body) return {}
  try {
    return JSON.parse(body)
  } catch {
    throw new BadRequest('body is not valid JSON')
  }
}

function positive(value, name) {
  if (value !== undefined && !(typeof value === 'number' && value > 0))
    throw new BadRequest(`${name} must be a number > 0`)
  return value
}

/**
 * @param {import('./world.mjs').World} world
 * @returns {Record<string, (body: string) => Promise<unknown> | unknown>} "METHOD /path" → handler
 */
function routes(world) {
  return {
    'GET /_health': () => 'ok',
    'GET /_state': () => world.snapshot(),
    'GET /_requests': () => ({ requests: world.requests }),
    'GET /_metrics': () => ({ metrics: world.metrics.snapshot() }),
    'GET /_scenario': () => ({ scenarios: world.scenarios.scenarios }),
    'POST /_scenario': (body) => ({ scenarios: world.scenarios.add(parse(body)) }),
    'DELETE /_scenario': () => {
      world.scenarios.clear()
      return { scenarios: [] }
    },
    'POST /_reset': async (body) => {
      const { timeScale, moto } = parse(body)
      world.reset({ timeScale: positive(timeScale, 'timeScale') })
      if (moto) {
        if (!world.options.motoUrl) throw new BadRequest('the server was started without STACK_MOTO_URL')
        const response = await fetch(`${world.options.motoUrl}/moto-api/reset`, { method: 'POST' })
        if (!response.ok) throw new Error(`moto reset: HTTP ${response.status}`)
      }
      return { reset: true, timeScale: world.clock.scale }
    },
    'POST /_listeners': (body) => {
      const { cluster, service, loadBalancer } = parse(body)
      if (typeof cluster !== 'string' || typeof service !== 'string')
        throw new BadRequest('give the service the listeners front: {"cluster": "prod", "service": "web"}')
      if (
        loadBalancer !== undefined &&
        !(typeof loadBalancer === 'string' && /^app\/[^/]+\/[0-9a-f]+$/.test(loadBalancer))
      )
        throw new BadRequest('loadBalancer is the CloudWatch dimension value of the load balancer: "app/NAME/ID"')
      world.listenerTarget = { cluster, service, ...(loadBalancer && { loadBalancer }) }
      return { listeners: world.listenerTarget }
    },
    'POST /_deny': (body) => {
      const { operations } = parse(body)
      if (!(
        Array.isArray(operations) &&
        operations.every((op) => typeof op === 'string' && /^([a-z]+:)?[A-Z][A-Za-z]+$/.test(op))
      )) {
        throw new BadRequest('operations must be an array of operation names, e.g. ["ecs:StopServiceDeployment"]')
      }
      world.deny(operations)
      return { denied: [...world.denied] }
    },
    'POST /_faults': (body) => ({ faults: world.faults.add(parse(body)) }),
    'GET /_faults': () => ({ faults: world.faults.list }),
    'DELETE /_faults': () => {
      world.faults.clear()
      return { faults: [] }
    },
    'POST /_clock': (body) => {
      const { scale, advanceSeconds } = parse(body)
      if (positive(scale, 'scale') !== undefined) world.clock.scale = scale
      if (advanceSeconds !== undefined) {
        if (!(typeof advanceSeconds === 'number' && advanceSeconds >= 0))
          throw new BadRequest('advanceSeconds must be a number >= 0')
        world.clock.advance(advanceSeconds)
        world.tick()
      }
      return {
        now: world.clock.now().toISOString(),
        scale: world.clock.scale,
        offsetSeconds: world.clock.offsetMs / 1000,
      }
    },
  }
}

/**
 * Answers an admin request; false when the path is not an admin path.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {string} body
 * @param {import('./world.mjs').World} world
 */
export async function handleAdminRequest(req, res, body, world) {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname
  if (!path.startsWith('/_')) return false
  const handler = routes(world)[`${req.method} ${path}`]
  let status = 200
  let payload
  try {
    if (!handler) {
      status = 404
      payload = { error: `no admin route ${req.method} ${path}` }
    } else {
      payload = await handler(body)
    }
  } catch (error) {
    status = error instanceof BadRequest || error instanceof ScenarioError || error instanceof FaultError ? 400 : 500
    payload = { error: error.message }
  }
  const text = typeof payload === 'string' ? payload : JSON.stringify(payload, null, 2)
  res.writeHead(status, { 'content-type': typeof payload === 'string' ? 'text/plain' : 'application/json' })
  res.end(text)
  return true
}
