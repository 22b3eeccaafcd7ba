// Helpers for end-to-end tests against the local stack (test/stack/stack.sh start): its environment,
// the scenario server's admin API, and polling. See test/stack/README.md for the scenario format.
import { CloudWatchLogsClient, CreateLogGroupCommand } from '@aws-sdk/client-cloudwatch-logs'
import {
  CreateClusterCommand,
  CreateServiceCommand,
  DescribeServicesCommand,
  RegisterTaskDefinitionCommand,
  type ContainerDefinition,
  type CreateServiceCommandInput,
  type ECSClient,
  type RegisterTaskDefinitionCommandInput,
  type Service,
} from '@aws-sdk/client-ecs'
import { execFile } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { promisify } from 'node:util'

export const STACK_MISSING =
  'local stack not running: run test/stack/stack.sh start (needs docker.io docker-registry busybox-static apache2-utils)'

/** What `stack.sh start` writes to .stack/env.json. */
export interface StackEnv {
  AWS_ENDPOINT_URL: string
  AWS_ENDPOINT_URL_ECS: string
  AWS_ENDPOINT_URL_ECR: string
  AWS_ENDPOINT_URL_CODEDEPLOY: string
  AWS_ENDPOINT_URL_CLOUDWATCH: string
  AWS_REGION: string
  AWS_ACCESS_KEY_ID: string
  AWS_SECRET_ACCESS_KEY: string
  STACK_REGISTRY: string
  STACK_REGISTRY_USER: string
  STACK_REGISTRY_PASSWORD: string
  STACK_SCENARIO_URL: string
  STACK_MOTO_URL: string
  STACK_SAMPLE_APP: string
  STACK_STATE_DIR: string
  /** The load balancer's production and test listeners (test/stack/listeners.mjs). */
  STACK_LB_URL: string
  STACK_LB_TEST_URL: string
  [name: string]: string
}

/** Reads .stack/env.json; throws STACK_MISSING when the stack was not started. */
export function loadStack(stateDir = process.env.STACK_STATE_DIR ?? resolve(process.cwd(), '.stack')): StackEnv {
  const file = resolve(stateDir, 'env.json')
  if (!existsSync(file)) throw new Error(`${STACK_MISSING} (no ${file})`)
  return JSON.parse(readFileSync(file, 'utf8')) as StackEnv
}

/**
 * Loads the stack's environment, checks that the scenario server answers, and puts the variables in
 * process.env so the SDK clients find the endpoints exactly as the action does (AWS_ENDPOINT_URL_*).
 */
export async function useStack(): Promise<StackEnv> {
  const env = loadStack()
  try {
    const response = await fetch(`${env.STACK_SCENARIO_URL}/_health`)
    if (!response.ok) throw new Error(`HTTP ${response.status}`)
  } catch (error) {
    throw new Error(`${STACK_MISSING} (scenario server ${env.STACK_SCENARIO_URL}: ${(error as Error).message})`, {
      cause: error,
    })
  }
  Object.assign(process.env, env)
  await ensureSampleImages(env)
  return env
}

/** The images the tests deploy without building: the action checks that they exist, as ECR's images must. */
export const SAMPLE_IMAGES = ['web:v1', 'web:v2', 'web:v3', 'api:v1', 'api:v2', 'api:v3']

/** Whether the local registry has repository:tag (HTTP API v2, basic auth). */
export async function registryHas(env: StackEnv, repository: string, tag: string): Promise<boolean> {
  const auth = Buffer.from(`${env.STACK_REGISTRY_USER}:${env.STACK_REGISTRY_PASSWORD}`).toString('base64')
  const response = await fetch(`http://${env.STACK_REGISTRY}/v2/${repository}/manifests/${tag}`, {
    method: 'HEAD',
    headers: {
      authorization: `Basic ${auth}`,
      accept: 'application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json',
    },
  })
  return response.ok
}

/** Pushes the sample app as each of SAMPLE_IMAGES the registry does not have yet (it keeps them between runs). */
async function ensureSampleImages(env: StackEnv): Promise<void> {
  const script = resolve(import.meta.dirname, '../../test/stack/stack.sh')
  for (const image of SAMPLE_IMAGES) {
    const [repository = '', tag = ''] = image.split(':')
    if (await registryHas(env, repository, tag)) continue
    await promisify(execFile)('bash', [script, 'push-sample', repository, tag], {
      env: { ...process.env, STACK_STATE_DIR: env.STACK_STATE_DIR },
    })
  }
}

/** One lifecycle stage of an ECS-native BLUE_GREEN / CANARY / LINEAR deployment (test/stack/native.mjs). */
export interface StagePlan {
  stage: string
  seconds?: number
  productionTrafficWeights?: number[]
  testTrafficWeight?: number
  outcome?: 'success' | 'fail' | 'rollback'
  reason?: string
  /** A Lambda hook's ARN shown running during the stage (FAILED when the stage does not succeed). */
  hook?: string
  /** A CloudWatch alarm that goes to ALARM at the end of the stage (the stage then rolls back). */
  alarm?: string
}

/** How a rollout unfolds (all durations in scenario seconds; see test/stack/README.md). */
export interface RolloutPlan {
  outcome?: 'success' | 'crash' | 'stuck-pending' | 'unhealthy' | 'pull-error'
  provisioningSeconds?: number
  taskStartSeconds?: number
  /** Each task of the rollout reaches RUNNING this much later than the one launched before it. */
  taskStartStaggerSeconds?: number
  healthCheckSeconds?: number
  crashAfterSeconds?: number
  exitAfterSeconds?: number
  exitCode?: number
  reason?: string
  failures?: number
  circuitBreakerAfterFailures?: number
  drainSeconds?: number
  rollbackStartSeconds?: number
  logLines?: string[]
  targetGroup?: string
  /** CodeDeploy: the lifecycle event that fails (its hook's Lambda returns Failed). */
  failAt?: string
  /** CodeDeploy: how long these lifecycle events take (a hook's Lambda running), in scenario seconds. */
  eventSeconds?: Record<string, number>
  stages?: StagePlan[]
  rollback?: RolloutPlan
  /** Eventual consistency: the reads show the new deployment only this long after UpdateService. */
  visibilityDelaySeconds?: number
  /** currentServiceDeployment names the previous service deployment this long after UpdateService. */
  staleCurrentServiceDeploymentSeconds?: number
  /** false: the service deployment is never named, listed or described. */
  serviceDeployments?: boolean
  /** Another actor deploys the same revision over the rollout this long after it starts. */
  replacedAfterSeconds?: number
  /** Rolling with deployment alarms: the bake after the rollout is done, before ECS completes it. */
  alarmBakeSeconds?: number
  /** Rolling: this CloudWatch alarm goes to ALARM `alarmAfterSeconds` after the rollout starts. */
  alarm?: string
  alarmAfterSeconds?: number
}

export interface Scenario {
  service?: string
  cluster?: string
  family?: string
  times?: number
  rollout?: RolloutPlan
}

/** A fault of one AWS operation (IAM's name, `ecs:*`, `*`), once it has answered `after` times. */
export interface Fault {
  operation: string
  mode: 'hang' | 'delay' | 'drop'
  seconds?: number
  after?: number
  /** The fault starts once this operation was called (`ecs:UpdateService`: the rollout phase). */
  afterCall?: string
  /** How many requests the fault meets (default: every one). */
  times?: number
}

/** One series of the load balancer's metrics as GET /_metrics lists it. */
export interface RecordedSeries {
  namespace: string
  metricName: string
  dimensions: Record<string, string>
  minutes: number
  sampleCount: number
  sum: number
}

/** The scenario server's admin API. */
export class ScenarioAdmin {
  constructor(readonly url: string) {}

  private async call(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    })
    const text = await response.text()
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status}: ${text}`)
    return JSON.parse(text) as unknown
  }

  /** Forgets every cluster, service, task, scenario…; `moto: true` resets moto too. */
  reset(options: { timeScale?: number; moto?: boolean } = {}): Promise<unknown> {
    return this.call('POST', '/_reset', options)
  }

  scenario(scenario: Scenario | Scenario[]): Promise<unknown> {
    return this.call('POST', '/_scenario', scenario)
  }

  /** Answers these operations (`ecs:StopServiceDeployment`) with AccessDeniedException, as IAM would; [] allows all. */
  deny(operations: string[]): Promise<unknown> {
    return this.call('POST', '/_deny', { operations })
  }

  /** Makes these operations hang, answer late or drop the connection once they have answered `after` times (test/stack/faults.mjs). */
  faults(faults: Fault | Fault[]): Promise<unknown> {
    return this.call('POST', '/_faults', faults)
  }

  clock(options: { scale?: number; advanceSeconds?: number }): Promise<unknown> {
    return this.call('POST', '/_clock', options)
  }

  /** Puts this service behind the load balancer's listeners (STACK_LB_URL, STACK_LB_TEST_URL; test/stack/listeners.mjs). */
  listeners(target: { cluster: string; service: string; loadBalancer?: string }): Promise<unknown> {
    return this.call('POST', '/_listeners', target)
  }

  /** The load balancer's CloudWatch series recorded so far (test/stack/metrics.mjs), with their totals. */
  async metrics(): Promise<RecordedSeries[]> {
    return ((await this.call('GET', '/_metrics')) as { metrics: RecordedSeries[] }).metrics
  }

  state(): Promise<Record<string, unknown>> {
    return this.call('GET', '/_state') as Promise<Record<string, unknown>>
  }
}

/**
 * Polls `probe` until it returns something truthy, and returns that; fails after `timeoutMs` with
 * `what` and the last value seen.
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false>,
  { timeoutMs = 10_000, intervalMs = 25 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let last: unknown
  for (;;) {
    const value = await probe()
    if (value) return value
    last = value
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${JSON.stringify(last)})`)
    await new Promise((r) => setTimeout(r, intervalMs))
  }
}

/** The role ECS pulls images and sends awslogs with on Fargate: without one it refuses such task definitions. */
export const EXECUTION_ROLE = 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole'

/** The Fargate task definition of the sample web container that the end-to-end tests deploy. */
export function webTaskDefinition(
  family: string,
  image: string,
  container: Partial<ContainerDefinition> = {},
): RegisterTaskDefinitionCommandInput {
  return {
    family,
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '256',
    memory: '512',
    executionRoleArn: EXECUTION_ROLE,
    containerDefinitions: [{ name: 'web', image, portMappings: [{ containerPort: 8080 }], ...container }],
  }
}

export interface WebServiceOptions {
  /** The scenario server's time scale after the reset (its default when unset). */
  timeScale?: number
  /** Scenarios set right after the reset, before the service exists. */
  scenarios?: Scenario[]
  /** The service's circuit breaker; the service's default deployment configuration when unset. */
  circuitBreaker?: { enable: boolean; rollback: boolean }
  /** Creates the /ecs/web log group the awslogs templates write to. */
  logGroup?: boolean
  /** More of CreateService's input (load balancers, deployment controller…). */
  service?: Partial<CreateServiceCommandInput>
  /** Run right after the reset (e.g. to make a load balancer in moto): more of CreateService's input. */
  afterReset?: () => Promise<Partial<CreateServiceCommandInput>>
  /** Capacity providers associated with cluster prod. */
  capacityProviders?: string[]
}

/** Resets the stack (and moto), then makes cluster prod with service web on web:1, and waits for its two Fargate tasks. */
export async function givenWebService(
  stack: StackEnv,
  admin: ScenarioAdmin,
  ecs: ECSClient,
  options: WebServiceOptions = {},
): Promise<void> {
  await admin.reset({ ...(options.timeScale !== undefined && { timeScale: options.timeScale }), moto: true })
  if (options.scenarios?.length) await admin.scenario(options.scenarios)
  const extra = (await options.afterReset?.()) ?? {}
  if (options.logGroup) {
    const logs = new CloudWatchLogsClient({ region: stack.AWS_REGION })
    await logs.send(new CreateLogGroupCommand({ logGroupName: '/ecs/web' })).catch(() => undefined)
    logs.destroy()
  }
  await ecs.send(
    new CreateClusterCommand({
      clusterName: 'prod',
      ...(options.capacityProviders && { capacityProviders: options.capacityProviders }),
    }),
  )
  await ecs.send(new RegisterTaskDefinitionCommand(webTaskDefinition('web', `${stack.STACK_REGISTRY}/web:v1`)))
  await ecs.send(
    new CreateServiceCommand({
      cluster: 'prod',
      serviceName: 'web',
      taskDefinition: 'web:1',
      desiredCount: 2,
      launchType: 'FARGATE',
      ...(options.circuitBreaker && {
        deploymentConfiguration: {
          maximumPercent: 200,
          minimumHealthyPercent: 100,
          deploymentCircuitBreaker: options.circuitBreaker,
        },
      }),
      ...options.service,
      ...extra,
    }),
  )
  await waitFor('web to run 2 tasks', async () => (await webService(ecs)).runningCount === 2, { timeoutMs: 20_000 })
}

/** Service web of cluster prod, as DescribeServices shows it now. */
export async function webService(ecs: ECSClient): Promise<Service> {
  const { services } = await ecs.send(new DescribeServicesCommand({ cluster: 'prod', services: ['web'] }))
  if (!services?.[0]) throw new Error('service web is missing')
  return services[0]
}
export type { Service } from '@aws-sdk/client-ecs'
export { startLoad, type LoadResult } from '../../test/stack/load.mjs'
