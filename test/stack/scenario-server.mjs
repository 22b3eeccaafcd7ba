// The scenario server: ECS, ECR and CodeDeploy over the AWS JSON 1.1 protocol, with time, plus an admin
// API (admin.mjs). Run it with `node test/stack/scenario-server.mjs` (stack.sh does) or start it in-process
// with startScenarioServer(). Listens on 127.0.0.1 only.
//
// Environment (background mode): STACK_REGISTRY (127.0.0.1:PORT), STACK_REGISTRY_USER, STACK_REGISTRY_PASSWORD,
// STACK_MOTO_URL, STACK_SCENARIO_PORT (default 0: the OS picks), STACK_PORT_FILE (the port is written there
// once listening), STACK_TIME_SCALE (default 1), STACK_VERBOSE (log every request).
import { createServer } from 'node:http'
import { writeFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { handleAwsRequest } from './protocol.mjs'
import { handleAdminRequest } from './admin.mjs'
import { World } from './world.mjs'

const TICK_MS = 50

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = []
    req.on('data', (c) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

/**
 * @param {import('./world.mjs').WorldOptions & { port?: number }} [options]
 * @returns {Promise<{ url: string, port: number, world: World, close: () => Promise<void> }>}
 */
export async function startScenarioServer(options = {}) {
  const world = new World(options)
  const server = createServer(async (req, res) => {
    try {
      const body = await readBody(req)
      const target = req.headers['x-amz-target']
      if (typeof target === 'string') world.requests.push({ at: Date.now(), target })
      world.tick()
      await world.settle()
      if (await handleAwsRequest(req, res, body, world.awsServices)) return
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
  })
  console.log(`scenario server listening on ${started.url}`)
  if (env.STACK_PORT_FILE) writeFileSync(env.STACK_PORT_FILE, `${started.port}\n`)
  const stop = () => started.close().then(() => process.exit(0))
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}
