// The scenario server: ECS, ECR and CodeDeploy over the AWS JSON 1.1 protocol, with time, plus an admin
// API (admin.mjs). Run it with `node test/stack/scenario-server.mjs` (stack.sh does) or start it in-process
// with startScenarioServer(). Listens on 127.0.0.1 only.
//
// Environment (background mode): STACK_REGISTRY (127.0.0.1:PORT), STACK_REGISTRY_USER, STACK_REGISTRY_PASSWORD,
// STACK_MOTO_URL, STACK_SCENARIO_PORT (default 0: the OS picks), STACK_PORT_FILE (the port is written there
// once listening), STACK_TIME_SCALE (default 1), STACK_VERBOSE (log every request), STACK_RECORD_DIR (append every
// distinct AWS response to responses.jsonl there, for the model conformance check: __tests__/e2e/stack-model.test.ts).
import { createHash } from 'node:crypto'
import { createServer, request as httpRequest } from 'node:http'
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { handleAwsRequest } from './protocol.mjs'
import { handleAdminRequest } from './admin.mjs'
import { World } from './world.mjs'
import { applyFault, operationOf } from './faults.mjs'
import { startListeners } from './listeners.mjs'

const TICK_MS = 50

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = []
    req.on('data', (c) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

/** Whether the request is for a service the scenario server answers itself (ECS, ECR, CodeDeploy, ALB metrics). */
function simulates(world, target, body) {
  if (typeof target !== 'string') return false
  const dot = target.lastIndexOf('.')
  const service = world.awsServices.find((s) => s.targetPrefix === target.slice(0, dot))
  if (!service?.claims) return Boolean(service)
  try {
    return service.claims(target.slice(dot + 1), JSON.parse(body || '{}'))
  } catch {
    return false
  }
}

/** Passes the request on to moto and its answer back. */
function forward(upstream, req, res, body) {
  const onward = httpRequest(
    new URL(req.url ?? '/', upstream),
    { method: req.method, headers: req.headers },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(res)
    },
  )
  onward.on('error', (error) => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' })
    res.end(`moto: ${error.message}`)
  })
  onward.end(body)
}

/**
 * Appends each distinct response as a JSON line {service, operation, status, body} to `dir`/responses.jsonl.
 * @param {string} dir
 * @returns {{ record: (response: import('./protocol.mjs').AwsResponse) => void, close: () => Promise<void> }}
 */
export function responseRecorder(dir) {
  mkdirSync(dir, { recursive: true })
  const out = createWriteStream(path.join(dir, 'responses.jsonl'), { flags: 'a' })
  const seen = new Set()
  return {
    record(response) {
      const line = JSON.stringify(response)
      const hash = createHash('sha1').update(line).digest('base64')
      if (seen.has(hash)) return
      seen.add(hash)
      out.write(`${line}\n`)
    },
    close: () => new Promise((resolve) => out.end(() => resolve(undefined))),
  }
}

/**
 * @param {import('./world.mjs').WorldOptions & { port?: number, recordDir?: string }} [options]
 * @returns {Promise<{ url: string, port: number, world: World, close: () => Promise<void> }>}
 */
export async function startScenarioServer(options = {}) {
  const world = new World(options)
  const recorder = options.recordDir ? responseRecorder(options.recordDir) : undefined
  const server = createServer(async (req, res) => {
    try {
      const body = await readBody(req)
      const target = req.headers['x-amz-target']
      if (typeof target === 'string') world.requests.push({ at: Date.now(), target })
      const operation = req.url?.startsWith('/_') ? undefined : operationOf(req.headers, body)
      if (operation && (await applyFault(world.faults.take(operation), req))) return
      world.tick()
      await world.settle()
      // What it does not simulate (ELBv2, CloudWatch Logs, CloudWatch but the ALB metrics) goes to moto, so their faults can be injected here too.
      if (operation && world.options.motoUrl && !simulates(world, target, body))
        return forward(world.options.motoUrl, req, res, body)
      if (await handleAwsRequest(req, res, body, world.awsServices, recorder?.record)) return
      if (await handleAdminRequest(req, res, body, world)) return
      res.writeHead(404, { 'content-type': 'text/plain' })
      res.end('not an AWS JSON 1.1 request (no X-Amz-Target) nor an admin path (/_...)\n')
    } catch (error) {
      console.error(error)
      if (!res.headersSent) res.writeHead(500)
      res.end(String(error))
    }
  })
  const timer = setInterval(() => world.tick(), TICK_MS)
  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve(undefined))
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    world,
    close: async () => {
      clearInterval(timer)
      server.closeAllConnections()
      await new Promise((resolve) => server.close(() => resolve(undefined)))
      await world.settle()
      await recorder?.close()
    },
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const env = process.env
  const started = await startScenarioServer({
    port: Number(env.STACK_SCENARIO_PORT ?? 0),
    registryHost: env.STACK_REGISTRY,
    registryUser: env.STACK_REGISTRY_USER,
    registryPassword: env.STACK_REGISTRY_PASSWORD,
    motoUrl: env.STACK_MOTO_URL,
    timeScale: Number(env.STACK_TIME_SCALE ?? 1),
    ...(env.STACK_LB_PORT && { endpoint: `http://127.0.0.1:${env.STACK_LB_PORT}` }),
    ...(env.STACK_RECORD_DIR && { recordDir: env.STACK_RECORD_DIR }),
  })
  // The load balancer's production and test listeners, proxying to real containers of the routed revision.
  const listeners =
    env.STACK_LB_PORT && env.STACK_LB_TEST_PORT
      ? await startListeners({
          world: started.world,
          productionPort: Number(env.STACK_LB_PORT),
          testPort: Number(env.STACK_LB_TEST_PORT),
          label: env.STACK_CONTAINER_LABEL ?? 'ecs-deploy-stack',
          dockerConfig: env.STACK_DOCKER_CONFIG ?? '',
          registryHost: env.STACK_REGISTRY,
          registryUser: env.STACK_REGISTRY_USER,
          registryPassword: env.STACK_REGISTRY_PASSWORD,
        })
      : undefined
  console.log(`scenario server listening on ${started.url}`)
  if (env.STACK_PORT_FILE) writeFileSync(env.STACK_PORT_FILE, `${started.port}\n`)
  const stop = () => Promise.all([listeners?.close(), started.close()]).then(() => process.exit(0))
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}
