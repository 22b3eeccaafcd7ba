// The load balancer's two listeners, for real: each request is proxied to a container of the image the simulated
// target group routes to right now, run in the Docker engine (one container per image and environment, started on
// first use, labelled with the stack's state directory so `stack.sh stop` removes them).
//
// Routing follows the service the listeners front (POST /_listeners {"cluster", "service"}):
// - while an ECS-native (blue/green, canary, linear) service deployment is IN_PROGRESS, the production listener sends
//   its requestedProductionTrafficWeight % of requests to the new (green) revision and the rest to the old (blue)
//   one, the test listener likewise with requestedTestTrafficWeight;
// - a CODE_DEPLOY service likewise by its CodeDeploy deployment's task sets (codeDeployRoute), each in its target group
//   of the deployment group's pair (the original in the one production is on, the replacement in the other): production
//   by the replacement task set's traffic weight, the test listener to the replacement from AllowTestTraffic on; once the
//   deployment has ended, to the service's task definition (the replacement's on success, the original's on a rollback);
// - otherwise (a rolling update, its rollback, a steady service) both forward to the target group of the last
//   deployment ECS completed and pick one of its healthy targets at random, as an ALB's round robin does: the service's
//   tasks registered there, RUNNING, past their health check and not stopping (ECS deregisters a task before it stops
//   it, and a draining target takes no new request). A rolling update's old and new revisions share that target group,
//   so they mix by how many of each are ready. With no healthy target (none started yet), the revision of the last
//   completed deployment.
import { execFile } from 'node:child_process'
import { createServer, request } from 'node:http'
import { connect } from 'node:net'
import { promisify } from 'node:util'
import { codeDeployRoute, codeDeployTargetGroups } from './codedeploy.mjs'
import { dimensionOf } from './metrics.mjs'

const run = promisify(execFile)
const READY_TIMEOUT_MS = 15_000

/**
 * @param {{ world: import('./world.mjs').World, productionPort: number, testPort: number, label: string,
 *   dockerConfig: string, registryHost?: string, registryUser?: string, registryPassword?: string }} options
 */
export async function startListeners(options) {
  const containers = new ContainerPool(options)
  const servers = await Promise.all(
    /** @type {const} */ (['production', 'test']).map((listener) =>
      listen(listener === 'production' ? options.productionPort : options.testPort, (req, res) =>
        proxy(listener, req, res, options.world, containers),
      ),
    ),
  )
  return {
    close: async () => {
      for (const server of servers) server.closeAllConnections()
      await Promise.all(servers.map((server) => new Promise((resolve) => server.close(() => resolve(undefined)))))
    },
  }
}

function listen(port, handler) {
  return new Promise((resolve, reject) => {
    const server = createServer(handler)
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve(server))
  })
}

/** The task definition ARN the listener routes this request to; undefined when no service is behind it. */
export function routedTaskDefinition(world, listener, random = Math.random) {
  return routeOf(world, listener, random)?.taskDefinition
}

/** The load balancer id ECS-native seeds name in their listener rules (seed.mjs), for services that name none. */
export const DEFAULT_LOAD_BALANCER_ID = '50dc6c495c0c9188'

/**
 * Where the listener sends this request: the task definition, its target group and the load balancer (as
 * CloudWatch dimension values, `targetgroup/name/id` and `app/name/id`); undefined when no service is behind it.
 * @returns {{ taskDefinition: string, targetGroup?: string, loadBalancer: string } | undefined}
 */
export function routeOf(world, listener, random = Math.random) {
  const front = world.listenerTarget
  const service = front && world.ecs.clusters.get(front.cluster)?.services.get(front.service)
  if (!service || service.status !== 'ACTIVE') return undefined
  const loadBalancer = loadBalancerOf(world, service)
  const via = (taskDefinition, targetGroup) => ({ taskDefinition, targetGroup: dimensionOf(targetGroup), loadBalancer })
  const primary = primaryTargetGroup(service)
  if (service.deploymentController?.type === 'CODE_DEPLOY') {
    const route = codeDeployRoute(world.codedeploy, front.cluster, front.service, listener, random)
    const named = route.taskDefinition
    const arn = named
      ? (world.ecs.taskDefinitions.find(named)?.taskDefinition.taskDefinitionArn ?? named)
      : service.taskDefinition
    return via(arn, route.targetGroupArn ?? primary)
  }
  const sd = service.serviceDeployments[0]
  const completed = service.lastCompleted
  const completedArn = service.lastCompleted?.taskDefinition ?? service.taskDefinition
  if (sd?.native && sd.status === 'IN_PROGRESS') {
    const { blue, green } = nativeTargetGroups(world, service, completed, sd.deployment)
    const weight = listener === 'production' ? sd.native.production : sd.native.test
    return random() * 100 < weight ? via(sd.deployment.taskDefinition, green) : via(completedArn, blue)
  }
  // A rolling update (or its rollback): as an ALB, round robin over the healthy targets, i.e. a ready task of either
  // revision in proportion to how many of each run; a draining (stopping) task takes no new request.
  const group = targetGroupOfDeployment(world, service, completed)
  const ready = readyTasks(world, service, group)
  if (ready.length === 0) return via(completedArn, group)
  return via(ready[Math.min(ready.length - 1, Math.floor(random() * ready.length))].taskDefinitionArn, group)
}

/**
 * The service's healthy targets in this target group: tasks RUNNING, past their health check and not stopping (ECS
 * deregisters a task before it stops it; a draining target takes no new request).
 */
const readyTasks = (world, service, group) =>
  [...service.cluster.tasks.values()].filter(
    (task) =>
      task.service === service &&
      task.ready &&
      task.lastStatus === 'RUNNING' &&
      task.desiredStatus === 'RUNNING' &&
      targetGroupOfDeployment(world, service, task.deployment) === group,
  )

const primaryTargetGroup = (service) => service.loadBalancers?.find((lb) => lb.targetGroupArn)?.targetGroupArn

/** The load balancer's dimension value: given to POST /_listeners, else the one of the service's listener rule. */
function loadBalancerOf(world, service) {
  const rule = service.loadBalancers?.find((lb) => lb.advancedConfiguration)?.advancedConfiguration
  return (
    world.listenerTarget?.loadBalancer ??
    dimensionOf(rule?.productionListenerRule) ??
    `app/${service.cluster?.name ?? 'default'}/${DEFAULT_LOAD_BALANCER_ID}`
  )
}

/** The target group a deployment's tasks are registered in: where an ECS-native rollout put them, else the primary. */
function targetGroupOfDeployment(world, service, deployment) {
  const memo = world.targetGroupsOf
  return (deployment && memo.get(deployment.id)) ?? memo.get(deployment?.taskDefinition) ?? primaryTargetGroup(service)
}

/**
 * ECS-native blue/green: green registers in the target group blue does not use (the alternate on the first
 * rollout, the primary again on the next one), and keeps it once it has become blue.
 */
function nativeTargetGroups(world, service, completed, green) {
  const blue = targetGroupOfDeployment(world, service, completed)
  const alternate = service.loadBalancers?.find((lb) => lb.advancedConfiguration)?.advancedConfiguration
    ?.alternateTargetGroupArn
  const memo = world.targetGroupsOf
  let greenGroup = memo.get(green.id)
  if (!greenGroup) {
    greenGroup = alternate && blue !== alternate ? alternate : primaryTargetGroup(service)
    memo.set(green.id, greenGroup).set(green.taskDefinition, greenGroup)
  }
  if (completed) memo.set(completed.id, blue)
  return { blue, green: greenGroup }
}

/**
 * The healthy and unhealthy targets of each target group of the service the listeners front: its RUNNING tasks,
 * healthy once they count as started, unhealthy while registered but not (yet) healthy.
 */
export function hostCounts(world) {
  const front = world.listenerTarget
  const service = front && world.ecs.clusters.get(front.cluster)?.services.get(front.service)
  if (!service || service.status !== 'ACTIVE' || !primaryTargetGroup(service)) return []
  routeOf(world, 'production', () => 100) // assigns green its target group once a rollout begins
  const loadBalancer = loadBalancerOf(world, service)
  const sets =
    service.deploymentController?.type === 'CODE_DEPLOY' &&
    codeDeployTargetGroups(world.codedeploy, front.cluster, front.service)
  if (sets)
    return sets.map(({ targetGroupArn, taskSet }) => codeDeployHosts(service, taskSet, targetGroupArn, loadBalancer))
  const counts = new Map()
  for (const group of [primaryTargetGroup(service), alternateOf(service)].filter(Boolean))
    counts.set(group, { loadBalancer, targetGroup: dimensionOf(group), healthy: 0, unhealthy: 0 })
  for (const task of service.cluster.tasks.values()) {
    if (task.service !== service || task.lastStatus !== 'RUNNING') continue
    const entry = counts.get(targetGroupOfDeployment(world, service, task.deployment))
    if (entry) entry[task.ready ? 'healthy' : 'unhealthy']++
  }
  return [...counts.values()]
}

/** A CODE_DEPLOY service's targets in one target group of its pair: the task set registered there, if any. */
function codeDeployHosts(service, taskSet, targetGroupArn, loadBalancer) {
  const entry = { loadBalancer, targetGroup: dimensionOf(targetGroupArn), healthy: 0, unhealthy: 0 }
  // The stack runs no tasks for a replacement task set: its desired count, healthy once its tasks run.
  if (taskSet === 'replacement') entry.healthy = service.desiredCount
  if (taskSet === 'service')
    for (const task of service.cluster.tasks.values())
      if (task.service === service && task.lastStatus === 'RUNNING') entry[task.ready ? 'healthy' : 'unhealthy']++
  return entry
}

const alternateOf = (service) =>
  service.loadBalancers?.find((lb) => lb.advancedConfiguration)?.advancedConfiguration?.alternateTargetGroupArn

async function proxy(listener, req, res, world, containers) {
  world.tick()
  const route = routeOf(world, listener)
  if (!route) return answer(res, 503, `no service behind the ${listener} listener (POST /_listeners)\n`)
  const metrics = world.metrics
  const elb = (status, text) => {
    metrics.recordRequest({ loadBalancer: route.loadBalancer, targetGroup: route.targetGroup, elbStatus: status })
    answer(res, status, text)
  }
  const container = world.ecs.taskDefinitions.find(route.taskDefinition)?.taskDefinition.containerDefinitions?.[0]
  if (!container) return elb(503, `no container in ${route.taskDefinition}\n`)
  let port
  try {
    port = await containers.portOf(container)
  } catch (error) {
    return elb(502, `the ${container.image} container did not start: ${error.message}\n`)
  }
  const sent = performance.now()
  const upstream = request(
    { host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers },
    (reply) => {
      const status = reply.statusCode ?? 502
      metrics.recordRequest({
        loadBalancer: route.loadBalancer,
        targetGroup: route.targetGroup,
        targetStatus: status,
        responseSeconds: (performance.now() - sent) / 1000,
      })
      res.writeHead(status, reply.headers)
      reply.pipe(res)
    },
  )
  upstream.on('error', (error) => elb(502, `${error.message}\n`))
  req.pipe(upstream)
}

function answer(res, status, text) {
  if (res.headersSent) return res.end()
  res.writeHead(status, { 'content-type': 'text/plain' })
  res.end(text)
}

/** One running container per image and environment, as ECS would run the task definition's container. */
class ContainerPool {
  constructor(options) {
    this.options = options
    /** @type {Map<string, Promise<number>>} */
    this.ports = new Map()
    this.loggedIn = undefined
  }

  /** The host port of a running container of this container definition, started (and awaited) on first use. */
  portOf(container) {
    const environment = (container.environment ?? []).map((e) => `${e.name}=${e.value ?? ''}`)
    const key = JSON.stringify([container.image, environment])
    let port = this.ports.get(key)
    if (!port) {
      port = this.start(container, environment)
      // A container that failed to start is tried again by the next request.
      port.catch(() => this.ports.delete(key))
      this.ports.set(key, port)
    }
    return port
  }

  async start(container, environment) {
    await this.login()
    const containerPort = container.portMappings?.[0]?.containerPort ?? 8080
    const args = ['run', '-d', '--rm', '--label', `ecs-deploy-stack=${this.options.label}`]
    args.push('-p', `127.0.0.1::${containerPort}`, ...environment.flatMap((e) => ['-e', e]), container.image)
    const { stdout: id } = await this.docker(args)
    const { stdout } = await this.docker(['port', id.trim(), `${containerPort}/tcp`])
    const port = Number(/:(\d+)\s*$/m.exec(stdout)?.[1])
    if (!port) throw new Error(`docker port said ${JSON.stringify(stdout.trim())}`)
    await answersHttp(port)
    return port
  }

  /** Logs in to the stack's registry once, in the stack's own docker config, so images are pulled as ECS would. */
  login() {
    const { registryHost, registryUser, registryPassword } = this.options
    if (!registryHost || !registryUser || !registryPassword) return Promise.resolve()
    this.loggedIn ??= new Promise((resolve, reject) => {
      const child = execFile(
        'docker',
        ['login', '-u', registryUser, '--password-stdin', registryHost],
        { env: this.env() },
        (error) => (error ? reject(error) : resolve(undefined)),
      )
      child.stdin?.end(registryPassword)
    })
    return this.loggedIn
  }

  docker(args) {
    return run('docker', args, { env: this.env() })
  }

  env() {
    return { ...process.env, DOCKER_CONFIG: this.options.dockerConfig }
  }
}

/** Resolves once something accepts connections and answers on the port. */
async function answersHttp(port) {
  const deadline = Date.now() + READY_TIMEOUT_MS
  for (;;) {
    const open = await new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.end()
        resolve(true)
      })
      socket.on('error', () => resolve(false))
    })
    if (open) {
      const ok = await fetch(`http://127.0.0.1:${port}/`).then(
        () => true,
        () => false,
      )
      if (ok) return
    }
    if (Date.now() > deadline) throw new Error(`nothing answers on port ${port} after ${READY_TIMEOUT_MS / 1000} s`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
