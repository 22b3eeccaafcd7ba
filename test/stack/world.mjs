// Everything the scenario server simulates, in one place: the clock and its events, the scenarios, and
// the ECS / ECR / CodeDeploy state. /_reset replaces the state; the AWS services read it through getters.
import { DescribeTargetGroupsCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2'
import { Clock, Scheduler } from './clock.mjs'
import { REGION } from './ids.mjs'
import { ScenarioBook } from './scenario.mjs'
import { TaskDefinitionStore } from './task-definitions.mjs'
import { Services } from './services.mjs'
import { describeTask } from './tasks.mjs'
import { EcrState, ecrService } from './ecr.mjs'
import { ecsService } from './ecs.mjs'
import { CodeDeployState, codedeployService } from './codedeploy.mjs'
import { LogWriter } from './logs.mjs'
import { RegistryClient } from './registry.mjs'
import { AwsError } from './protocol.mjs'
import { Faults } from './faults.mjs'
import { MetricsRecorder } from './metrics.mjs'
import { cloudwatchService } from './cloudwatch.mjs'
import { hostCounts } from './listeners.mjs'

/** The IAM prefix of each service's actions. */
const IAM_PREFIX = {
  AmazonEC2ContainerServiceV20141113: 'ecs',
  AmazonEC2ContainerRegistry_V20150921: 'ecr',
  CodeDeploy_20141006: 'codedeploy',
  GraniteServiceVersion20100801: 'cloudwatch',
}

/** The ARNs of the target groups of these names that moto's ELBv2 has (DescribeTargetGroups). */
function targetGroupsIn(endpoint) {
  const client = new ElasticLoadBalancingV2Client({
    endpoint,
    region: REGION,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  })
  return async (names) => {
    const arns = new Map()
    for (const name of names) {
      const found = await client.send(new DescribeTargetGroupsCommand({ Names: [name] })).catch((error) => {
        if (error?.name === 'TargetGroupNotFoundException') return undefined
        throw error
      })
      const arn = found?.TargetGroups?.[0]?.TargetGroupArn
      if (arn) arns.set(name, arn)
    }
    return arns
  }
}

/**
 * @typedef {{
 *   registryHost?: string, registryUser?: string, registryPassword?: string,
 *   motoUrl?: string, timeScale?: number, now?: () => number, endpoint?: string,
 * }} WorldOptions now: the real clock (ms), replaceable in unit tests; endpoint: the load balancer's production URL
 */

export class World {
  /** @param {WorldOptions} options */
  constructor(options = {}) {
    this.options = options
    this.clock = new Clock({ scale: options.timeScale ?? 1, ...(options.now ? { realNow: options.now } : {}) })
    this.scheduler = new Scheduler(this.clock)
    this.logs = new LogWriter({ endpoint: options.motoUrl })
    this.registry = new RegistryClient({
      host: options.registryHost,
      user: options.registryUser,
      password: options.registryPassword,
    })
    this.reset()
    /** @type {import('./protocol.mjs').AwsService[]} */
    this.awsServices = [
      ecsService(() => this.ecs),
      ecrService({
        state: () => this.ecr,
        registry: this.registry,
        clock: this.clock,
        registryHost: options.registryHost,
        user: options.registryUser,
        password: options.registryPassword,
      }),
      codedeployService({
        state: () => this.codedeploy,
        ecs: () => this.ecs,
        clock: this.clock,
        scheduler: this.scheduler,
        ...(options.motoUrl && { targetGroupArns: targetGroupsIn(options.motoUrl) }),
      }),
      cloudwatchService({ recorder: () => this.metrics }),
    ].map((service) => this.withDenials(service))
  }

  /** The service with each operation first checking the deny list (POST /_deny), answering as IAM does. */
  withDenials(service) {
    const iam = IAM_PREFIX[service.targetPrefix] ?? 'unknown'
    const operations = Object.fromEntries(
      Object.entries(service.operations).map(([name, operation]) => [
        name,
        (input) => {
          const action = `${iam}:${name}`
          if (this.denied.has(action)) {
            throw new AwsError(
              'AccessDeniedException',
              `User: arn:aws:sts::123456789012:assumed-role/github-actions/ecs-deploy is not authorized to perform: ${action} because no identity-based policy allows the ${action} action`,
            )
          }
          return operation(input)
        },
      ]),
    )
    return { ...service, operations }
  }

  /** Denies these operations (`ecs:StopServiceDeployment` or `StopServiceDeployment` for ECS) until the next call or reset. */
  deny(operations) {
    this.denied = new Set(operations.map((op) => (op.includes(':') ? op : `ecs:${op}`)))
  }

  /** Forgets everything; the clock goes back to real time (`timeScale` keeps the current one unless given). */
  reset({ timeScale } = /** @type {{ timeScale?: number }} */ ({})) {
    /** AWS calls received since the last reset, for the benchmark: real time (ms) and X-Amz-Target. */
    this.requests = /** @type {{ at: number, target: string }[]} */ ([])
    this.scheduler.clear()
    /** IAM actions answered with AccessDeniedException (POST /_deny). */
    this.denied = new Set()
    /** Operations that hang, answer late or drop the connection (POST /_faults). */
    this.faults = new Faults()
    this.clock.offsetMs = 0
    if (timeScale !== undefined) this.clock.scale = timeScale
    const scenarios = new ScenarioBook()
    const taskDefinitions = new TaskDefinitionStore(this.clock, this.options.registryHost)
    const services = new Services({
      clock: this.clock,
      scheduler: this.scheduler,
      scenarios,
      taskDefinitions,
      writeLogs: (task, container, lines) => this.logs.write(task.id, container, lines, this.clock.now()),
    })
    /** @type {import('./ecs.mjs').EcsState} */
    this.ecs = {
      clusters: new Map(),
      taskDefinitions,
      services,
      scenarios,
      clock: this.clock,
      ...(this.options.endpoint && { endpoint: this.options.endpoint }),
    }
    this.ecr = new EcrState()
    this.codedeploy = new CodeDeployState()
    /** The service the load balancer's listeners front (POST /_listeners; listeners.mjs). */
    this.listenerTarget = /** @type {{ cluster: string, service: string, loadBalancer?: string } | undefined} */ (
      undefined
    )
    /** The load balancer's CloudWatch metrics, from the requests the listeners routed (metrics.mjs). */
    this.metrics = new MetricsRecorder(this.clock)
    /** Which target group each deployment's (and revision's) tasks are registered in (listeners.mjs). */
    this.targetGroupsOf = /** @type {Map<string, string>} */ (new Map())
  }

  get scenarios() {
    return this.ecs.scenarios
  }

  /** Runs the events that are due. */
  tick() {
    const ran = this.scheduler.runDue()
    if (this.listenerTarget) this.metrics.sampleHosts(() => hostCounts(this))
    return ran
  }

  /** Waits for side effects (CloudWatch Logs writes) started so far. */
  settle() {
    return this.logs.settle()
  }

  /** Everything, for assertions (GET /_state); timestamps as ISO strings. */
  snapshot() {
    const { services } = this.ecs
    return {
      clock: {
        now: this.clock.now().toISOString(),
        scale: this.clock.scale,
        offsetSeconds: this.clock.offsetMs / 1000,
      },
      scenarios: this.scenarios.scenarios,
      pendingEvents: this.scheduler.pending(),
      clusters: Object.fromEntries(
        [...this.ecs.clusters.values()].map((c) => [
          c.name,
          {
            status: c.status,
            services: Object.fromEntries(
              [...c.services.values()].map((s) => [
                s.name,
                {
                  ...services.describeService(s, { includeTags: true, fresh: true }),
                  serviceDeployments: s.serviceDeployments.map((sd) => services.describeServiceDeployment(sd)),
                },
              ]),
            ),
            tasks: [...c.tasks.values()].map((t) => describeTask(t, { includeTags: true })),
          },
        ]),
      ),
      taskDefinitions: this.ecs.taskDefinitions.snapshot(),
      ecr: { repositories: Object.fromEntries(this.ecr.repositories) },
      codedeploy: this.codedeploy.snapshot(),
    }
  }
}
