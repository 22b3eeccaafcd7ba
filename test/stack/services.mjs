// ECS services and how their deployments unfold: the rolling-update scheduler (minimumHealthyPercent /
// maximumPercent), service events, the deployment circuit breaker and rollback, service revisions and
// service deployments (ListServiceDeployments / DescribeServiceDeployments / StopServiceDeployment).
import { AwsError, check } from './protocol.mjs'
import { alnum, nineteenDigits, serviceArn, serviceDeploymentArn, serviceRevisionArn, uuid } from './ids.mjs'
import { rollbackPlanOf } from './scenario.mjs'
import { createTask, isLive, isPending, isRunning, stopTask } from './tasks.mjs'
import { isNativeStrategy, NativeDeployments } from './native.mjs'

/** Scenario seconds between a deployment's creation and its first task launch. */
const START_DELAY_SECONDS = 0.2
/** Scenario seconds before a failed task is replaced. */
const REPLACE_DELAY_SECONDS = 0.5
const MAX_EVENTS = 100
const TERMINAL = ['SUCCESSFUL', 'STOPPED', 'ROLLBACK_SUCCESSFUL', 'ROLLBACK_FAILED']
const CIRCUIT_BREAKER_REASON = 'ECS deployment circuit breaker: tasks failed to start.'

export const DEFAULT_DEPLOYMENT_CONFIGURATION = Object.freeze({
  deploymentCircuitBreaker: { enable: false, rollback: false },
  maximumPercent: 200,
  minimumHealthyPercent: 100,
  alarms: { alarmNames: [], rollback: false, enable: false },
  strategy: 'ROLLING',
})

/** Members of CreateService/UpdateService that are stored on the service as given. */
const SETTABLE = [
  'loadBalancers',
  'serviceRegistries',
  'capacityProviderStrategy',
  'platformVersion',
  'placementConstraints',
  'placementStrategy',
  'networkConfiguration',
  'healthCheckGracePeriodSeconds',
  'enableECSManagedTags',
  'propagateTags',
  'enableExecuteCommand',
  'availabilityZoneRebalancing',
  'serviceConnectConfiguration',
  'volumeConfigurations',
]
/** Members whose change makes UpdateService start a new deployment. */
const DEPLOYING = [
  'loadBalancers',
  'serviceRegistries',
  'capacityProviderStrategy',
  'platformVersion',
  'networkConfiguration',
  'serviceConnectConfiguration',
  'volumeConfigurations',
]

/** Members UpdateService cannot change on a CODE_DEPLOY service (they come with a CodeDeploy deployment). */
const CODE_DEPLOY_FIXED = [
  'loadBalancers',
  'networkConfiguration',
  'platformVersion',
  'capacityProviderStrategy',
  'volumeConfigurations',
  'enableExecuteCommand',
]

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b)

/**
 * @typedef {import('./scenario.mjs').RolloutPlan} RolloutPlan
 * @typedef {{ name: string, arn: string, services: Map<string, any>, tasks: Map<string, any> }} Cluster
 */

export class Services {
  /**
   * @param {{
   *   clock: import('./clock.mjs').Clock, scheduler: import('./clock.mjs').Scheduler,
   *   scenarios: import('./scenario.mjs').ScenarioBook, taskDefinitions: import('./task-definitions.mjs').TaskDefinitionStore,
   *   writeLogs: (task: any, container: any, lines: string[]) => void,
   * }} deps
   */
  constructor(deps) {
    this.deps = deps
    this.clock = deps.clock
    /** @type {Map<string, any>} */
    this.serviceDeployments = new Map()
    /** @type {Map<string, any>} */
    this.revisions = new Map()
    /** @type {import('./tasks.mjs').TaskContext} */
    this.taskContext = {
      clock: deps.clock,
      scheduler: deps.scheduler,
      writeLogs: deps.writeLogs,
      onTaskChange: (task, change) => this.onTaskChange(task, change),
    }
    this.reconciling = new Set()
    this.reconcileAgain = new Set()
    this.native = new NativeDeployments(this)
  }

  // --- API entry points -------------------------------------------------------------------------

  /** @param {Cluster} cluster */
  create(cluster, input) {
    const name = input.serviceName
    check(
      typeof name === 'string' && /^[a-zA-Z0-9_-]{1,255}$/.test(name),
      'InvalidParameterException',
      'Service name can have up to 255 letters, numbers, hyphens and underscores.',
    )
    const existing = cluster.services.get(name)
    check(
      !existing || existing.status === 'INACTIVE',
      'InvalidParameterException',
      'Creation of service was not idempotent.',
    )
    const td = this.activeTaskDefinition(input.taskDefinition)
    const desiredCount = input.desiredCount ?? 0
    check(
      Number.isInteger(desiredCount) && desiredCount >= 0,
      'InvalidParameterException',
      'desiredCount must be >= 0.',
    )
    const now = this.clock.now()
    const service = {
      cluster,
      name,
      arn: serviceArn(cluster.name, name),
      status: 'ACTIVE',
      desiredCount,
      launchType: input.capacityProviderStrategy ? undefined : (input.launchType ?? 'EC2'),
      taskDefinition: td.taskDefinitionArn,
      deploymentConfiguration: mergeDeploymentConfiguration(
        DEFAULT_DEPLOYMENT_CONFIGURATION,
        input.deploymentConfiguration,
      ),
      deploymentController: input.deploymentController ?? { type: 'ECS' },
      schedulingStrategy: input.schedulingStrategy ?? 'REPLICA',
      roleArn: input.role,
      tags: input.tags ?? [],
      createdAt: now,
      createdBy: 'arn:aws:iam::123456789012:role/github-actions',
      propagateTags: 'NONE',
      enableECSManagedTags: false,
      enableExecuteCommand: false,
      availabilityZoneRebalancing: 'DISABLED',
      ...Object.fromEntries(SETTABLE.filter((k) => input[k] !== undefined).map((k) => [k, input[k]])),
      /** @type {any[]} PRIMARY first */
      deployments: [],
      /** @type {any[]} newest first */
      events: [],
      /** @type {any[]} newest first */
      serviceDeployments: [],
      /** @type {any} the last deployment that completed: what a rollback goes back to */
      lastCompleted: undefined,
      steady: false,
    }
    service.loadBalancers ??= []
    service.serviceRegistries ??= []
    service.placementConstraints ??= []
    service.placementStrategy ??= []
    checkEarlySuccess(service.deploymentConfiguration)
    cluster.services.set(name, service)
    this.startDeployment(service, { taskDefinitionArn: td.taskDefinitionArn, plan: this.takePlan(service) })
    return service
  }

  update(service, input) {
    check(service.status === 'ACTIVE', 'ServiceNotActiveException', 'Service was not ACTIVE.')
    const controller = service.deploymentController?.type ?? 'ECS'
    check(
      !(input.taskDefinition && controller === 'CODE_DEPLOY'),
      'InvalidParameterException',
      'Unable to update task definition on services with a CODE_DEPLOY deployment controller. Use AWS CodeDeploy to trigger a new deployment.',
    )
    const td = input.taskDefinition ? this.activeTaskDefinition(input.taskDefinition) : undefined
    if (input.desiredCount !== undefined) {
      check(
        Number.isInteger(input.desiredCount) && input.desiredCount >= 0,
        'InvalidParameterException',
        'desiredCount must be >= 0.',
      )
    }
    const deploymentConfiguration = mergeDeploymentConfiguration(
      service.deploymentConfiguration,
      input.deploymentConfiguration,
    )
    const deploys =
      input.forceNewDeployment === true ||
      (td !== undefined && td.taskDefinitionArn !== service.taskDefinition) ||
      DEPLOYING.some((k) => input[k] !== undefined && !same(input[k], service[k]))
    if (deploys && isNativeStrategy(deploymentConfiguration))
      checkNativeStrategy(deploymentConfiguration, input.loadBalancers ?? service.loadBalancers)
    checkEarlySuccess(deploymentConfiguration)
    if (controller === 'CODE_DEPLOY') {
      const blocked = CODE_DEPLOY_FIXED.find((k) => input[k] !== undefined && !same(input[k], service[k]))
      check(
        !blocked,
        'InvalidParameterException',
        `Unable to update ${blocked} on services with a CODE_DEPLOY deployment controller. Use AWS CodeDeploy to trigger a new deployment.`,
      )
    }
    if (input.capacityProviderStrategy?.length) {
      const associated = service.cluster.capacityProviders ?? []
      check(
        input.capacityProviderStrategy.every((item) => associated.includes(item.capacityProvider)),
        'InvalidParameterException',
        'The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster. Associate the capacity provider with the cluster or specify a valid capacity provider and try again.',
      )
      // A service moved to a capacity provider strategy no longer has a launch type.
      service.launchType = undefined
    }
    for (const k of SETTABLE) if (input[k] !== undefined) service[k] = input[k]
    service.deploymentConfiguration = deploymentConfiguration
    if (input.desiredCount !== undefined) {
      service.desiredCount = input.desiredCount
      if (!deploys && service.deployments[0]) service.deployments[0].desiredCount = input.desiredCount
    }
    if (deploys) {
      const taskDefinitionArn = td?.taskDefinitionArn ?? service.taskDefinition
      this.startDeployment(service, { taskDefinitionArn, plan: this.takePlan(service) })
    } else {
      this.reconcile(service)
    }
    return service
  }

  delete(service, { force = false } = {}) {
    check(service.status === 'ACTIVE', 'ServiceNotActiveException', 'Service was not ACTIVE.')
    check(
      force || service.desiredCount === 0,
      'InvalidParameterException',
      'The service cannot be stopped while it is scaled above 0.',
    )
    service.status = 'DRAINING'
    service.desiredCount = 0
    for (const d of service.deployments) d.desiredCount = 0
    this.reconcile(service)
    return service
  }

  stopServiceDeployment(arn, stopType = 'ROLLBACK') {
    const sd = this.serviceDeployments.get(arn)
    if (!sd) throw new AwsError('ServiceDeploymentNotFoundException', `The service deployment ${arn} does not exist.`)
    check(['ROLLBACK', 'ABORT'].includes(stopType), 'InvalidParameterException', 'stopType must be ROLLBACK or ABORT.')
    check(
      ['PENDING', 'IN_PROGRESS'].includes(sd.status),
      'ConflictException',
      `The service deployment is ${sd.status} and can't be stopped.`,
    )
    const deployment = sd.deployment
    const service = sd.service
    const requested = stopType === 'ROLLBACK' ? 'ROLLBACK_REQUESTED' : 'STOP_REQUESTED'
    this.setServiceDeploymentStatus(sd, requested)
    this.deps.scheduler.in(deployment.plan.rollbackStartSeconds, `${stopType} ${sd.arn}`, () => {
      if (sd.status !== requested) return // superseded by a newer deployment meanwhile
      if (stopType === 'ROLLBACK') {
        this.failDeployment(deployment, `ECS deployment ${deployment.id} stopped: rollback requested.`)
        if (sd.native) this.native.rollback(sd, 'Service deployment rolled back because of a stop request.')
        else this.beginRollback(sd, deployment, 'Service deployment rolled back because of a stop request.')
      } else {
        this.failDeployment(deployment, `ECS deployment ${deployment.id} stopped.`)
        this.finishServiceDeployment(sd, 'STOPPED', 'Service deployment stopped because of a stop request.')
      }
      this.reconcile(service)
    })
    return sd
  }

  /** ContinueServiceDeployment: a BLUE_GREEN / CANARY / LINEAR deployment paused at a PAUSE hook goes on or rolls back. */
  continueServiceDeployment(arn, hookId, action = 'CONTINUE') {
    const sd = this.serviceDeployments.get(arn)
    if (!sd) throw new AwsError('ServiceDeploymentNotFoundException', `The service deployment ${arn} does not exist.`)
    check(
      ['CONTINUE', 'ROLLBACK'].includes(action),
      'InvalidParameterException',
      'action must be CONTINUE or ROLLBACK.',
    )
    check(sd.native, 'InvalidParameterException', `The service deployment ${arn} has no lifecycle hooks to continue.`)
    this.native.continue(sd, hookId, action)
    return sd
  }

  // --- deployments ------------------------------------------------------------------------------

  activeTaskDefinition(ref) {
    const found = this.deps.taskDefinitions.find(ref)
    check(found, 'ClientException', 'TaskDefinition not found.')
    check(found.taskDefinition.status === 'ACTIVE', 'ClientException', 'TaskDefinition is inactive')
    return found.taskDefinition
  }

  takePlan(service) {
    return this.deps.scenarios.take({ cluster: service.cluster.name, service: service.name })
  }

  /**
   * A new PRIMARY deployment; the previous ones become ACTIVE and drain as the new tasks come up.
   * @param {any} service
   * @param {{ taskDefinitionArn: string, plan: RolloutPlan, revisionArn?: string, serviceDeployment?: any }} options
   *   revisionArn + serviceDeployment: a rollback inside an existing service deployment
   */
  startDeployment(service, { taskDefinitionArn, plan, revisionArn, serviceDeployment }) {
    const now = this.clock.now()
    const digits = nineteenDigits()
    const id = `ecs-svc/${digits}`
    for (const d of service.deployments) {
      if (d.status !== 'PRIMARY') continue
      // A replaced deployment stays listed while its tasks drain, and at least drainSeconds (the load
      // balancer's deregistration delay), so a FAILED one can be seen next to its rollback.
      d.status = 'ACTIVE'
      d.listedUntil = this.clock.after(d.plan.drainSeconds)
      this.deps.scheduler.in(d.plan.drainSeconds, `unlist ${d.id}`, () => this.reconcile(service))
    }
    const deployment = {
      id,
      status: 'PRIMARY',
      taskDefinition: taskDefinitionArn,
      desiredCount: service.desiredCount,
      failedTasks: 0,
      /** failures the circuit breaker counts: back to 0 at a healthy task, unless resetOnHealthyTask is false */
      breakerFailures: 0,
      createdAt: now,
      updatedAt: now,
      launchType: service.launchType,
      capacityProviderStrategy: service.capacityProviderStrategy,
      platformVersion: service.platformVersion,
      networkConfiguration: service.networkConfiguration,
      volumeConfigurations: service.volumeConfigurations,
      rolloutState: 'IN_PROGRESS',
      rolloutStateReason: `ECS deployment ${id} in progress.`,
      plan,
      revisionArn: revisionArn ?? this.createRevision(service, taskDefinitionArn, digits).serviceRevisionArn,
      launched: 0,
      started: false,
      /** @type {number} clock time (ms) until which a replaced deployment stays listed */
      listedUntil: 0,
      /** @type {number | undefined} clock time (ms) when the alarms' bake ends, once the rollout is done (rolling) */
      bakeEndsAt: undefined,
      stopLaunching: false,
      serviceDeployment,
      /** @type {number} clock time (ms) from which DescribeServices shows it (eventual consistency) */
      visibleAt: this.clock.after(plan.visibilityDelaySeconds ?? 0),
    }
    service.deployments.unshift(deployment)
    service.taskDefinition = taskDefinitionArn
    service.steady = false
    if (!serviceDeployment) {
      for (const old of service.serviceDeployments) {
        if (!TERMINAL.includes(old.status)) {
          this.finishServiceDeployment(
            old,
            'STOPPED',
            'Service deployment stopped because a newer service deployment started.',
          )
        }
      }
      deployment.serviceDeployment = this.createServiceDeployment(service, deployment)
      if (plan.alarm)
        this.deps.scheduler.in(plan.alarmAfterSeconds ?? 0, `alarm ${plan.alarm} for ${id}`, () =>
          this.alarmFires(service, deployment, plan.alarm),
        )
      if (plan.replacedAfterSeconds !== undefined) {
        // Another actor deploys the same revision over this rollout (UpdateService with forceNewDeployment).
        this.deps.scheduler.in(plan.replacedAfterSeconds, `another actor replaces ${id}`, () => {
          if (service.status === 'ACTIVE' && service.deployments[0] === deployment)
            this.update(service, { forceNewDeployment: true })
        })
      }
    }
    this.deps.scheduler.in(START_DELAY_SECONDS, `start ${id}`, () => {
      deployment.started = true
      const sd = deployment.serviceDeployment
      if (sd.status === 'PENDING') {
        sd.startedAt = this.clock.now()
        this.setServiceDeploymentStatus(sd, 'IN_PROGRESS')
        if (sd.native === null) this.native.begin(sd)
      }
      this.reconcile(service)
    })
    return deployment
  }

  createRevision(service, taskDefinitionArn, digits) {
    const td = this.deps.taskDefinitions.find(taskDefinitionArn)?.taskDefinition
    const revision = {
      serviceRevisionArn: serviceRevisionArn(service.cluster.name, service.name, digits),
      serviceArn: service.arn,
      clusterArn: service.cluster.arn,
      taskDefinition: taskDefinitionArn,
      capacityProviderStrategy: service.capacityProviderStrategy,
      launchType: service.launchType,
      platformVersion: service.platformVersion,
      loadBalancers: service.loadBalancers,
      serviceRegistries: service.serviceRegistries,
      networkConfiguration: service.networkConfiguration,
      containerImages: (td?.containerDefinitions ?? []).map((c) => ({
        containerName: c.name,
        image: c.image,
        imageDigest: c.image.includes('@sha256:') ? c.image.slice(c.image.indexOf('@') + 1) : undefined,
      })),
      guardDutyEnabled: false,
      createdAt: this.clock.now(),
    }
    this.revisions.set(revision.serviceRevisionArn, revision)
    return revision
  }

  createServiceDeployment(service, deployment) {
    const now = this.clock.now()
    const cb = service.deploymentConfiguration.deploymentCircuitBreaker
    const sd = {
      arn: serviceDeploymentArn(service.cluster.name, service.name, alnum(21)),
      service,
      deployment,
      createdAt: now,
      updatedAt: now,
      /** @type {Date | undefined} */ startedAt: undefined,
      /** @type {Date | undefined} */ finishedAt: undefined,
      /** @type {Date | undefined} */ stoppedAt: undefined,
      sourceRevisionArns: [...new Set(service.deployments.slice(1).map((d) => d.revisionArn))],
      targetRevisionArn: deployment.revisionArn,
      status: 'PENDING',
      /** @type {string | undefined} */ statusReason: undefined,
      deploymentConfiguration: structuredClone(service.deploymentConfiguration),
      /** @type {any} */ rollback: undefined,
      /** @type {any} the deployment a rollback started (PRIMARY while it runs) */ rollbackDeployment: undefined,
      circuitBreaker: {
        status: cb?.enable ? 'MONITORING' : 'DISABLED',
        failureCount: 0,
        threshold: circuitBreakerThreshold(service, deployment),
      },
      alarms: alarmsOf(service.deploymentConfiguration),
      rollbackTo: service.lastCompleted,
      /** @type {any} BLUE_GREEN / CANARY / LINEAR: null until the stage machine begins (native.mjs) */
      native: undefined,
      /** scenario `serviceDeployments: false`: never listed, described or named */
      hidden: deployment.plan.serviceDeployments === false,
      /** @type {number} clock time (ms) from which the service names it as its currentServiceDeployment */
      currentFrom: this.clock.after(deployment.plan.staleCurrentServiceDeploymentSeconds ?? 0),
    }
    // The first deployment has nothing to shift traffic from: it starts like a rolling one.
    if (isNativeStrategy(service.deploymentConfiguration) && sd.sourceRevisionArns.length) sd.native = null
    service.serviceDeployments.unshift(sd)
    this.serviceDeployments.set(sd.arn, sd)
    return sd
  }

  setServiceDeploymentStatus(sd, status, reason) {
    sd.status = status
    if (reason !== undefined) sd.statusReason = reason
    sd.updatedAt = this.clock.now()
  }

  finishServiceDeployment(sd, status, reason) {
    this.setServiceDeploymentStatus(sd, status, reason)
    sd.finishedAt = this.clock.now()
    if (status === 'STOPPED') sd.stoppedAt = sd.finishedAt
    if (status === 'SUCCESSFUL' && sd.circuitBreaker.status === 'MONITORING')
      sd.circuitBreaker.status = 'MONITORING_COMPLETE'
    if (status === 'SUCCESSFUL' && sd.alarms.status === 'MONITORING')
      sd.alarms = { ...sd.alarms, status: 'MONITORING_COMPLETE' }
  }

  completeDeployment(service, deployment) {
    deployment.rolloutState = 'COMPLETED'
    deployment.rolloutStateReason = `ECS deployment ${deployment.id} completed.`
    deployment.updatedAt = this.clock.now()
    service.lastCompleted = deployment
    this.event(service, `(deployment ${deployment.id}) deployment completed.`)
    const sd = deployment.serviceDeployment
    if (sd.status === 'IN_PROGRESS' || sd.status === 'PENDING') {
      this.finishServiceDeployment(sd, 'SUCCESSFUL')
    } else if (sd.status === 'ROLLBACK_IN_PROGRESS' && deployment !== sd.deployment) {
      this.finishServiceDeployment(sd, 'ROLLBACK_SUCCESSFUL')
    }
  }

  /** The deployment stops launching tasks and is FAILED (rolloutState). */
  failDeployment(deployment, reason) {
    deployment.rolloutState = 'FAILED'
    deployment.rolloutStateReason = reason
    deployment.updatedAt = this.clock.now()
    deployment.stopLaunching = true
  }

  /** The deployment's failures reached the circuit breaker's threshold. */
  tripCircuitBreaker(service, deployment) {
    const sd = deployment.serviceDeployment
    this.failDeployment(deployment, CIRCUIT_BREAKER_REASON)
    sd.circuitBreaker.status = 'TRIGGERED'
    this.event(service, `(deployment ${deployment.id}) deployment failed: tasks failed to start.`)
    if (deployment !== sd.deployment) {
      this.finishServiceDeployment(sd, 'ROLLBACK_FAILED', 'The rollback failed: tasks failed to start.')
    } else if (service.deploymentConfiguration.deploymentCircuitBreaker?.rollback) {
      if (sd.native) this.native.rollback(sd, CIRCUIT_BREAKER_REASON)
      else this.beginRollback(sd, deployment, CIRCUIT_BREAKER_REASON)
    } else {
      this.finishServiceDeployment(sd, 'STOPPED', CIRCUIT_BREAKER_REASON)
    }
  }

  /** A new PRIMARY deployment back to the revision that ran before the service deployment. */
  beginRollback(sd, failed, reason) {
    const service = sd.service
    const target = sd.rollbackTo
    if (!target) {
      this.finishServiceDeployment(sd, 'ROLLBACK_FAILED', `${reason} No previous service revision to roll back to.`)
      return
    }
    this.event(service, `rolling back to deployment ${target.id}.`)
    this.setServiceDeploymentStatus(sd, 'ROLLBACK_IN_PROGRESS', reason)
    sd.rollback = { reason, startedAt: this.clock.now(), serviceRevisionArn: target.revisionArn }
    sd.rollbackDeployment = this.startDeployment(service, {
      taskDefinitionArn: target.taskDefinition,
      revisionArn: target.revisionArn,
      plan: rollbackPlanOf(failed.plan),
      serviceDeployment: sd,
    })
  }

  // --- the scheduler ----------------------------------------------------------------------------

  tasksOf(service) {
    return [...service.cluster.tasks.values()].filter((t) => t.service === service)
  }

  onTaskChange(task, change) {
    const service = task.service
    if (!service) return
    const deployment = task.deployment
    const tg = targetGroupOf(service)
    if (change === 'running' && tg) this.event(service, `registered 1 targets in (target-group ${tg})`)
    if (change === 'failed') {
      deployment.failedTasks++
      deployment.breakerFailures++
      deployment.updatedAt = this.clock.now()
      const sd = deployment.serviceDeployment
      if (sd && (sd.rollbackDeployment ?? sd.deployment) === deployment)
        sd.circuitBreaker.failureCount = deployment.breakerFailures
      if (task.healthStatus === 'UNHEALTHY' && tg) {
        const port = service.loadBalancers[0]?.containerPort
        this.event(service, `(port ${port}) is unhealthy in (target-group ${tg}) due to (reason Health checks failed).`)
        this.event(service, `has stopped 1 running tasks: (task ${task.id}).`)
        this.event(service, `deregistered 1 targets in (target-group ${tg})`)
      }
      const cb = service.deploymentConfiguration.deploymentCircuitBreaker
      if (deployment === service.deployments[0] && deployment.rolloutState === 'IN_PROGRESS') {
        if (cb?.enable && deployment.breakerFailures >= circuitBreakerThreshold(service, deployment)) {
          this.tripCircuitBreaker(service, deployment)
        } else if (!cb?.enable && deployment.failedTasks === 5) {
          this.event(
            service,
            'is unable to consistently start tasks successfully. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.',
          )
        }
      }
      this.deps.scheduler.in(REPLACE_DELAY_SECONDS, `replace failed task ${task.id}`, () => this.reconcile(service))
      return
    }
    if (change === 'ready' && deployment) {
      // ECS's default (resetOnHealthyTask true): a task that reaches a healthy state sets the failure count back to 0.
      const reset = service.deploymentConfiguration.deploymentCircuitBreaker?.resetOnHealthyTask !== false
      const sd = deployment.serviceDeployment
      if (reset) deployment.breakerFailures = 0
      const monitored = sd && (sd.rollbackDeployment ?? sd.deployment) === deployment
      if (reset && monitored && sd.circuitBreaker.status === 'MONITORING') sd.circuitBreaker.failureCount = 0
    }
    this.reconcile(service)
  }

  /** Launches and stops tasks toward the PRIMARY deployment, within minimumHealthyPercent/maximumPercent. */
  reconcile(service) {
    if (this.reconciling.has(service)) {
      this.reconcileAgain.add(service)
      return
    }
    this.reconciling.add(service)
    try {
      do {
        this.reconcileAgain.delete(service)
        this.reconcileOnce(service)
      } while (this.reconcileAgain.has(service))
    } finally {
      this.reconciling.delete(service)
    }
  }

  reconcileOnce(service) {
    const primary = service.deployments[0]
    if (!primary) return
    const tasks = this.tasksOf(service)
    const live = tasks.filter(isLive)
    if (service.status !== 'ACTIVE') {
      this.stopTasks(service, live, `Scaling activity initiated by (deployment ${primary.id})`)
      if (!tasks.some((t) => t.lastStatus !== 'STOPPED')) service.status = 'INACTIVE'
      return
    }
    const { maximumPercent = 200, minimumHealthyPercent = 100 } = service.deploymentConfiguration
    const desired = primary.desiredCount
    const maxTotal = Math.max(desired, Math.floor((desired * maximumPercent) / 100))
    const minHealthy = Math.ceil((desired * minimumHealthyPercent) / 100)
    const mine = live.filter((t) => t.deployment === primary)
    const others = live.filter((t) => t.deployment !== primary)
    // Blue/green: the new revision scales up beside the old one, which serves until CLEAN_UP.
    const sd = primary.serviceDeployment
    const blueGreen = Boolean(sd?.native && sd.deployment === primary && !sd.native.cleanedUp)

    const toStop = []
    if (mine.length > desired) {
      const byReadiness = [...mine].sort((a, b) => Number(a.ready) - Number(b.ready))
      toStop.push(...byReadiness.slice(0, mine.length - desired))
    }
    let stoppable = live.filter((t) => t.ready && !toStop.includes(t)).length - minHealthy
    for (const t of blueGreen ? [] : others) {
      if (!t.ready) toStop.push(t)
      else if (stoppable > 0) {
        toStop.push(t)
        stoppable--
      }
    }
    this.stopTasks(service, toStop, `Scaling activity initiated by (deployment ${primary.id})`)

    if (primary.started && !primary.stopLaunching) {
      const remaining = mine.filter((t) => !toStop.includes(t)).length
      const room = blueGreen ? desired : maxTotal - (live.length - toStop.length)
      const count = Math.max(0, Math.min(desired - remaining, room))
      this.launch(service, primary, count)
    }
    if (blueGreen) this.native.tasksChanged(sd)

    const now = this.clock.nowMs()
    service.deployments = service.deployments.filter(
      (d) =>
        d === primary || now < d.listedUntil || tasks.some((t) => t.deployment === d && t.lastStatus !== 'STOPPED'),
    )

    const primaryTasks = this.tasksOf(service).filter((t) => isLive(t) && t.deployment === primary)
    const steady =
      primary.started &&
      service.deployments.length === 1 &&
      primaryTasks.length === desired &&
      primaryTasks.every((t) => t.ready)
    const done = steady || this.earlySuccess(service, primary, primaryTasks)
    if (primary.rolloutState === 'IN_PROGRESS' && done && this.baked(service, primary))
      this.completeDeployment(service, primary)
    if (steady && !service.steady) this.event(service, 'has reached a steady state.')
    service.steady = steady
  }

  /**
   * Early success criteria (rolling only): the deployment completes once healthyPercent of the desired count is healthy
   * on the new revision — with BLOCKING, once the old tasks are gone too; ECS goes on starting the rest.
   */
  earlySuccess(service, primary, primaryTasks) {
    const sd = primary.serviceDeployment
    const criteria = sd?.deploymentConfiguration.earlySuccessCriteria
    if (!criteria?.enable || !primary.started || sd.native || sd.deployment !== primary) return false
    const healthy = primaryTasks.filter((t) => t.ready).length
    if (healthy < Math.ceil((primary.desiredCount * (criteria.healthyPercent ?? 100)) / 100)) return false
    const oldLive = this.tasksOf(service).some((t) => t.deployment !== primary && isLive(t))
    return criteria.sourceServiceRevisionCleanup === 'DEFERRED' || !oldLive
  }

  /**
   * AWS's rule (deployment alarms, early success criteria): with alarms enabled, a rolling deployment whose tasks are done
   * (all of them, or its early success criteria) stays IN_PROGRESS for the bake time, the alarms still watched, and
   * completes only after it. Starts the bake the first time the rollout is done; whether it is over.
   */
  baked(service, primary) {
    const sd = primary.serviceDeployment
    if (!sd || sd.native || sd.deployment !== primary || sd.alarms.status !== 'MONITORING') return true
    if (primary.bakeEndsAt === undefined) {
      const seconds = primary.plan.alarmBakeSeconds
      primary.bakeEndsAt = this.clock.after(seconds)
      this.deps.scheduler.in(seconds, `alarm bake of ${primary.id}`, () => this.reconcile(service))
    }
    return this.clock.nowMs() >= primary.bakeEndsAt
  }

  /** A scenario's alarm goes to ALARM: a rolling deployment still IN_PROGRESS whose alarms name it fails (and rolls back). */
  alarmFires(service, deployment, alarm) {
    const sd = deployment.serviceDeployment
    const watched = sd.alarms.status === 'MONITORING' && (sd.alarms.alarmNames ?? []).includes(alarm)
    if (sd.native || sd.deployment !== deployment || deployment.rolloutState !== 'IN_PROGRESS' || !watched) return
    sd.alarms = { ...sd.alarms, status: 'TRIGGERED', triggeredAlarmNames: [alarm] }
    this.failDeployment(
      deployment,
      `ECS deployment ${deployment.id} failed: the CloudWatch alarm ${alarm} is in ALARM state.`,
    )
    this.event(service, `(deployment ${deployment.id}) deployment failed: alarm detected.`)
    const reason = `Service deployment failed because the CloudWatch alarm ${alarm} is in ALARM state.`
    if (service.deploymentConfiguration.alarms?.rollback) this.beginRollback(sd, deployment, reason)
    else this.finishServiceDeployment(sd, 'STOPPED', reason)
    this.reconcile(service)
  }

  launch(service, deployment, count) {
    if (count <= 0) return
    const td = this.deps.taskDefinitions.find(deployment.taskDefinition)?.taskDefinition
    const { plan } = deployment
    const started = []
    for (let i = 0; i < count; i++) {
      const fails = plan.outcome !== 'success' && (plan.failures === undefined || deployment.launched < plan.failures)
      deployment.launched++
      const task = createTask(this.taskContext, {
        cluster: service.cluster,
        taskDefinition: td,
        plan,
        fails,
        group: `service:${service.name}`,
        startedBy: deployment.id,
        launchIndex: deployment.launched - 1,
        launchType: service.launchType,
        tags: service.propagateTags === 'SERVICE' ? service.tags : [],
        deployment,
        service,
        targetGroup: targetGroupOf(service),
      })
      service.cluster.tasks.set(task.id, task)
      started.push(task)
    }
    this.event(service, `has started ${started.length} tasks: ${started.map((t) => `(task ${t.id})`).join(' ')}.`)
  }

  stopTasks(service, tasks, reason) {
    if (!tasks.length) return
    const tg = targetGroupOf(service)
    const running = tasks.filter((t) => t.lastStatus === 'RUNNING')
    if (tg && running.length) {
      this.event(service, `has begun draining connections on ${running.length} tasks.`)
      this.event(service, `deregistered ${running.length} targets in (target-group ${tg})`)
    }
    this.event(service, `has stopped ${tasks.length} running tasks: ${tasks.map((t) => `(task ${t.id})`).join(' ')}.`)
    for (const t of tasks)
      stopTask(this.taskContext, t, { stopCode: 'ServiceSchedulerInitiated', stoppedReason: reason })
  }

  event(service, text) {
    service.events.unshift({ id: uuid(), createdAt: this.clock.now(), message: `(service ${service.name}) ${text}` })
    if (service.events.length > MAX_EVENTS) service.events.length = MAX_EVENTS
  }

  // --- shapes -----------------------------------------------------------------------------------

  /** Whether the API shows a service deployment now (`fresh`: as UpdateService's own answer, before eventual consistency). */
  serviceDeploymentShown(sd, { fresh = false } = {}) {
    return !sd.hidden && (fresh || sd.deployment.visibleAt <= this.clock.nowMs())
  }

  /**
   * The service as DescribeServices shows it; `fresh`: as UpdateService / CreateService answer, with the deployment just
   * started. Otherwise a deployment inside its `visibilityDelaySeconds` is not shown yet: the one before it still reads PRIMARY.
   */
  describeService(service, { includeTags = false, fresh = false } = {}) {
    const now = this.clock.nowMs()
    const unseen = fresh ? [] : service.deployments.filter((d) => d.visibleAt > now)
    const shown = service.deployments.filter((d) => !unseen.includes(d))
    const stillPrimary = unseen.some((d) => d.status === 'PRIMARY') ? shown[0] : undefined
    const current = service.serviceDeployments.find(
      (sd) => this.serviceDeploymentShown(sd, { fresh }) && sd.currentFrom <= now,
    )
    const tasks = this.tasksOf(service)
    const counts = (filter) => ({
      runningCount: tasks.filter((t) => filter(t) && isRunning(t)).length,
      pendingCount: tasks.filter((t) => filter(t) && isPending(t)).length,
    })
    const revisions = [...new Set(service.deployments.map((d) => d.revisionArn))]
    return {
      serviceArn: service.arn,
      serviceName: service.name,
      clusterArn: service.cluster.arn,
      loadBalancers: service.loadBalancers,
      serviceRegistries: service.serviceRegistries,
      status: service.status,
      desiredCount: service.desiredCount,
      ...counts(() => true),
      launchType: service.launchType,
      capacityProviderStrategy: service.capacityProviderStrategy,
      platformVersion:
        service.launchType === 'FARGATE' ? (service.platformVersion ?? 'LATEST') : service.platformVersion,
      platformFamily: service.launchType === 'FARGATE' ? 'Linux' : undefined,
      taskDefinition: unseen.length ? (shown[0]?.taskDefinition ?? service.taskDefinition) : service.taskDefinition,
      deploymentConfiguration: service.deploymentConfiguration,
      deployments: shown.map((d) => ({
        id: d.id,
        status: d === stillPrimary ? 'PRIMARY' : d.status,
        taskDefinition: d.taskDefinition,
        desiredCount: d.desiredCount,
        ...counts((t) => t.deployment === d),
        failedTasks: d.failedTasks,
        createdAt: d.createdAt,
        updatedAt: d.updatedAt,
        capacityProviderStrategy: d.capacityProviderStrategy,
        launchType: d.launchType,
        platformVersion: d.launchType === 'FARGATE' ? (d.platformVersion ?? '1.4.0') : d.platformVersion,
        platformFamily: d.launchType === 'FARGATE' ? 'Linux' : undefined,
        networkConfiguration: d.networkConfiguration,
        volumeConfigurations: d.volumeConfigurations,
        rolloutState: d.rolloutState,
        rolloutStateReason: d.rolloutStateReason,
      })),
      roleArn: service.roleArn,
      events: service.events,
      createdAt: service.createdAt,
      currentServiceDeployment: current?.arn,
      currentServiceRevisions: revisions.map((arn) => this.revisionSummary(service, arn)),
      placementConstraints: service.placementConstraints,
      placementStrategy: service.placementStrategy,
      networkConfiguration: service.networkConfiguration,
      healthCheckGracePeriodSeconds: service.healthCheckGracePeriodSeconds,
      schedulingStrategy: service.schedulingStrategy,
      deploymentController: service.deploymentController,
      tags: includeTags ? service.tags : undefined,
      createdBy: service.createdBy,
      enableECSManagedTags: service.enableECSManagedTags,
      propagateTags: service.propagateTags,
      enableExecuteCommand: service.enableExecuteCommand,
      availabilityZoneRebalancing: service.availabilityZoneRebalancing,
      // Express Mode services (express.mjs) are ECS's to manage.
      resourceManagementType: service.resourceManagementType,
    }
  }

  /** @param {any} [weights] traffic weights, for the revisions of a BLUE_GREEN / CANARY / LINEAR service deployment */
  revisionSummary(service, arn, weights = {}) {
    const deployments = service.deployments.filter((d) => d.revisionArn === arn)
    const tasks = this.tasksOf(service).filter((t) => t.deployment?.revisionArn === arn)
    return {
      arn,
      requestedTaskCount: deployments.reduce((sum, d) => sum + d.desiredCount, 0),
      runningTaskCount: tasks.filter(isRunning).length,
      pendingTaskCount: tasks.filter(isPending).length,
      ...weights,
    }
  }

  describeServiceDeployment(sd) {
    const service = sd.service
    // BLUE_GREEN / CANARY / LINEAR (null: its stages have not begun yet)
    const native = sd.native !== undefined
    return {
      serviceDeploymentArn: sd.arn,
      serviceArn: service.arn,
      clusterArn: service.cluster.arn,
      createdAt: sd.createdAt,
      startedAt: sd.startedAt,
      finishedAt: sd.finishedAt,
      stoppedAt: sd.stoppedAt,
      updatedAt: sd.updatedAt,
      sourceServiceRevisions: sd.sourceRevisionArns.map((arn) =>
        this.revisionSummary(service, arn, native && this.native.weights(sd, false)),
      ),
      targetServiceRevision: this.revisionSummary(
        service,
        sd.targetRevisionArn,
        native && this.native.weights(sd, true),
      ),
      status: sd.status,
      statusReason: sd.statusReason,
      lifecycleStage: sd.lifecycleStage,
      lifecycleHookDetails: native ? this.native.hookDetails(sd) : undefined,
      deploymentConfiguration: sd.deploymentConfiguration,
      rollback: sd.rollback,
      deploymentCircuitBreaker: sd.circuitBreaker,
      alarms: sd.alarms,
    }
  }

  briefServiceDeployment(sd) {
    return {
      serviceDeploymentArn: sd.arn,
      serviceArn: sd.service.arn,
      clusterArn: sd.service.cluster.arn,
      startedAt: sd.startedAt,
      createdAt: sd.createdAt,
      finishedAt: sd.finishedAt,
      targetServiceRevisionArn: sd.targetRevisionArn,
      status: sd.status,
      statusReason: sd.statusReason,
    }
  }
}

/** ServiceDeploymentAlarms from the service's configuration. */
function alarmsOf(configuration) {
  const alarms = configuration.alarms
  return alarms?.enable
    ? { status: 'MONITORING', alarmNames: alarms.alarmNames ?? [], triggeredAlarmNames: [] }
    : { status: 'DISABLED' }
}

/** What UpdateService checks before a BLUE_GREEN / CANARY / LINEAR deployment. */
function checkNativeStrategy(configuration, loadBalancers) {
  const { strategy } = configuration
  const lacking = (loadBalancers ?? []).filter((lb) => {
    const a = lb.advancedConfiguration
    return !(a?.alternateTargetGroupArn && a.productionListenerRule && a.roleArn)
  })
  check(
    !lacking.length,
    'InvalidParameterException',
    `The ${strategy} deployment strategy requires loadBalancers[].advancedConfiguration with alternateTargetGroupArn, productionListenerRule and roleArn.`,
  )
  // AdvancedConfiguration: a listener rule for an Application Load Balancer, a listener for a Network Load Balancer.
  const albListener = (loadBalancers ?? []).find((lb) =>
    /:listener\/app\//.test(lb.advancedConfiguration?.productionListenerRule),
  )
  check(
    !albListener,
    'InvalidParameterException',
    'productionListenerRule must be a listener rule ARN for an Application Load Balancer, or a listener ARN for a Network Load Balancer.',
  )
  check(
    strategy !== 'BLUE_GREEN' || configuration.bakeTimeInMinutes !== undefined,
    'InvalidParameterException',
    'bakeTimeInMinutes is required with the BLUE_GREEN deployment strategy.',
  )
  for (const hook of configuration.lifecycleHooks ?? []) {
    const stages = hook.lifecycleStages ?? []
    const unknown = stages.filter((stage) => !HOOK_STAGES.includes(stage))
    check(
      !unknown.length,
      'InvalidParameterException',
      `Invalid lifecycle stage ${unknown.join(', ')}; valid stages: ${HOOK_STAGES.join(', ')}.`,
    )
    check(
      hook.targetType !== 'PAUSE' || !stages.some((stage) => TRAFFIC_SHIFTS.includes(stage)),
      'InvalidParameterException',
      'PAUSE hooks cannot be configured at TEST_TRAFFIC_SHIFT or PRODUCTION_TRAFFIC_SHIFT stages.',
    )
  }
}

/** DeploymentLifecycleHookStage: where hooks can run (not the same list as the lifecycle stages a deployment shows). */
const HOOK_STAGES = [
  'RECONCILE_SERVICE',
  'PRE_SCALE_UP',
  'POST_SCALE_UP',
  'TEST_TRAFFIC_SHIFT',
  'POST_TEST_TRAFFIC_SHIFT',
  'PRE_PRODUCTION_TRAFFIC_SHIFT',
  'PRODUCTION_TRAFFIC_SHIFT',
  'POST_PRODUCTION_TRAFFIC_SHIFT',
]
/** Stages only Lambda hooks can use: traffic is moving there. */
const TRAFFIC_SHIFTS = ['TEST_TRAFFIC_SHIFT', 'PRODUCTION_TRAFFIC_SHIFT']

/** ECS's rules for earlySuccessCriteria (API reference, DeploymentEarlySuccessCriteria). */
function checkEarlySuccess(configuration) {
  const criteria = configuration.earlySuccessCriteria
  if (!criteria?.enable) return
  check(
    !isNativeStrategy(configuration),
    'InvalidParameterException',
    'Early success criteria can only be used with the ROLLING deployment strategy.',
  )
  check(
    Number.isInteger(criteria.healthyPercent) &&
      criteria.healthyPercent >= 0 &&
      criteria.healthyPercent <= 100 &&
      ['BLOCKING', 'DEFERRED'].includes(criteria.sourceServiceRevisionCleanup),
    'InvalidParameterException',
    'Early success criteria need healthyPercent (0-100) and sourceServiceRevisionCleanup (BLOCKING or DEFERRED).',
  )
  check(
    criteria.healthyPercent >= (configuration.minimumHealthyPercent ?? 100),
    'InvalidParameterException',
    'The early success criteria healthyPercent must be greater than or equal to minimumHealthyPercent.',
  )
}

function mergeDeploymentConfiguration(current, update) {
  if (!update) return structuredClone(current)
  return {
    ...structuredClone(current),
    ...update,
    deploymentCircuitBreaker: { ...current.deploymentCircuitBreaker, ...update.deploymentCircuitBreaker },
    alarms: { ...current.alarms, ...update.alarms },
  }
}

/**
 * ECS's threshold, from the service's thresholdConfiguration (COUNT: the value; BOUNDED_PERCENT, the default 50: that %
 * of the desired count, at least 3 and at most 200; UNBOUNDED_PERCENT: without the bounds), unless the scenario says.
 */
export function circuitBreakerThreshold(service, deployment) {
  if (deployment.plan.circuitBreakerAfterFailures !== undefined) return deployment.plan.circuitBreakerAfterFailures
  const { type = 'BOUNDED_PERCENT', value = 50 } =
    service.deploymentConfiguration.deploymentCircuitBreaker?.thresholdConfiguration ?? {}
  if (type === 'COUNT') return value
  const share = Math.ceil((deployment.desiredCount * value) / 100)
  return type === 'UNBOUNDED_PERCENT' ? Math.max(1, share) : Math.min(200, Math.max(3, share))
}

const targetGroupOf = (service) => service.loadBalancers?.find((lb) => lb.targetGroupArn)?.targetGroupArn
