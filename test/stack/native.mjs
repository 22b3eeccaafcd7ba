// ECS-native BLUE_GREEN / CANARY / LINEAR deployments: the new (green) revision scales up beside the old
// (blue) one, then the service deployment goes through its lifecycle stages in time — test traffic,
// production traffic in the strategy's steps, bake time, clean-up — with lifecycle hooks (Lambda and
// PAUSE, resumed by ContinueServiceDeployment), alarms, and rollback to the blue revision.
import { check } from './protocol.mjs'
import { alnum } from './ids.mjs'
import { isLive } from './tasks.mjs'
import { REPORTED_AS } from './scenario.mjs'

export const NATIVE_STRATEGIES = ['BLUE_GREEN', 'CANARY', 'LINEAR']
/** Scenario seconds of the stages that only mark a point (PRE_SCALE_UP, POST_…). */
const MARK_SECONDS = 0.2
/** Scenario seconds of an all-at-once traffic shift. */
const SHIFT_SECONDS = 0.5
/** ECS's default PAUSE hook timeout. */
const PAUSE_TIMEOUT_MINUTES = 1440
/**
 * AWS's guide (Network Load Balancer resources for blue/green, linear and canary deployments): with a Network Load
 * Balancer, ECS adds 10 minutes to the TEST_TRAFFIC_SHIFT and PRODUCTION_TRAFFIC_SHIFT stages, for the NLB's data plane
 * to match the weights. Scenario seconds, so the clock's time scale shortens it like any other stage.
 */
const NLB_SHIFT_DELAY_SECONDS = 600
const NLB_DELAYED_STAGES = ['TEST_TRAFFIC_SHIFT', 'PRODUCTION_TRAFFIC_SHIFT']

/** Whether the service's production traffic goes through a Network Load Balancer (its listener, not an ALB rule). */
export const behindNetworkLoadBalancer = (service) =>
  (service.loadBalancers ?? []).some((lb) =>
    /:elasticloadbalancing:[^:]*:\d{12}:listener\/net\//.test(lb.advancedConfiguration?.productionListenerRule ?? ''),
  )

export const isNativeStrategy = (configuration) => NATIVE_STRATEGIES.includes(configuration?.strategy)

/** The traffic steps of the strategy, in % of production traffic on the new revision. */
function productionSteps(c) {
  if (c.strategy === 'CANARY') {
    const { canaryPercent = 5, canaryBakeTimeInMinutes = 10 } = c.canaryConfiguration ?? {}
    return { weights: [canaryPercent, 100], seconds: canaryBakeTimeInMinutes * 60 }
  }
  if (c.strategy === 'LINEAR') {
    const { stepPercent = 10, stepBakeTimeInMinutes = 6 } = c.linearConfiguration ?? {}
    const weights = []
    for (let w = stepPercent; w < 100; w += stepPercent) weights.push(Math.round(w * 10) / 10)
    weights.push(100)
    return { weights, seconds: (weights.length - 1) * stepBakeTimeInMinutes * 60 }
  }
  return { weights: [100], seconds: SHIFT_SECONDS }
}

/** The stages a deployment goes through when its scenario gives none: from the service's configuration. */
export function defaultStages(configuration) {
  const production = productionSteps(configuration)
  return [
    { stage: 'PRE_SCALE_UP', seconds: MARK_SECONDS },
    { stage: 'SCALE_UP', seconds: 0 },
    { stage: 'POST_SCALE_UP', seconds: MARK_SECONDS },
    { stage: 'TEST_TRAFFIC_SHIFT', seconds: SHIFT_SECONDS, testTrafficWeight: 100 },
    { stage: 'POST_TEST_TRAFFIC_SHIFT', seconds: MARK_SECONDS },
    { stage: 'PRE_PRODUCTION_TRAFFIC_SHIFT', seconds: MARK_SECONDS },
    { stage: 'PRODUCTION_TRAFFIC_SHIFT', seconds: production.seconds, productionTrafficWeights: production.weights },
    { stage: 'POST_PRODUCTION_TRAFFIC_SHIFT', seconds: MARK_SECONDS },
    { stage: 'BAKE_TIME', seconds: (configuration.bakeTimeInMinutes ?? 0) * 60 },
    { stage: 'CLEAN_UP', seconds: 0 },
  ].map((s) => ({ outcome: 'success', ...s }))
}

export class NativeDeployments {
  /** @param {import('./services.mjs').Services} services */
  constructor(services) {
    this.services = services
    this.clock = services.clock
    this.scheduler = services.deps.scheduler
  }

  /** The service deployment's green revision starts: its stage machine begins. */
  begin(sd) {
    const { plan } = sd.deployment
    sd.native = {
      stages: plan.stages.length ? plan.stages : defaultStages(sd.deploymentConfiguration),
      index: -1,
      /** @type {any} */ stage: undefined,
      production: 0,
      test: 0,
      /** @type {any[]} lifecycleHookDetails */ hooks: [],
      waitingForTasks: false,
      cleanedUp: false,
    }
    this.next(sd)
  }

  /** Whether the stage machine still runs: a rollback or stop ends it, and pending timers do nothing. */
  running(sd) {
    return sd.native && sd.status === 'IN_PROGRESS'
  }

  /** Runs fn after `seconds`, while the deployment still goes on. */
  after(sd, seconds, label, fn) {
    this.scheduler.in(seconds, `${label} ${sd.arn}`, () => {
      if (this.running(sd)) fn()
    })
  }

  touch(sd) {
    sd.updatedAt = this.clock.now()
  }

  next(sd) {
    const n = sd.native
    const stage = n.stages[++n.index]
    if (!stage) return
    n.stage = stage
    // Hooks match stage.stage (a hook stage); lifecycleStage only ever shows a ServiceDeploymentLifecycleStage.
    sd.lifecycleStage = REPORTED_AS[stage.stage] ?? stage.stage
    this.touch(sd)
    if (stage.testTrafficWeight !== undefined) n.test = stage.testTrafficWeight
    const weights = stage.productionTrafficWeights ?? []
    weights.forEach((weight, k) => {
      const shift = () => {
        n.production = weight
        this.touch(sd)
      }
      if (k === 0) shift()
      else this.after(sd, (stage.seconds * k) / (weights.length - 1), 'traffic', shift)
    })
    for (const arn of this.lambdaHooks(sd, stage)) {
      n.hooks.push({
        hookId: `ecs-lambda-${alnum(20)}`,
        targetType: 'AWS_LAMBDA',
        targetArn: arn,
        status: 'IN_PROGRESS',
        stage: stage.stage,
      })
    }
    if (stage.stage === 'CLEAN_UP') return this.cleanUp(sd)
    // The weights move as the stage says; behind an NLB the stage then lasts ECS's delay longer.
    const delay =
      NLB_DELAYED_STAGES.includes(stage.stage) && behindNetworkLoadBalancer(sd.service) ? NLB_SHIFT_DELAY_SECONDS : 0
    this.after(sd, stage.seconds + delay, `end of ${stage.stage}`, () => this.endStage(sd))
  }

  /** Lambda hooks of the service's configuration at this stage, and the scenario's own. */
  lambdaHooks(sd, stage) {
    const configured = (sd.deploymentConfiguration.lifecycleHooks ?? [])
      .filter((h) => (h.targetType ?? 'AWS_LAMBDA') === 'AWS_LAMBDA' && (h.lifecycleStages ?? []).includes(stage.stage))
      .map((h) => h.hookTargetArn)
    return [...configured, ...(stage.hook ? [stage.hook] : [])]
  }

  endStage(sd) {
    const n = sd.native
    const { stage } = n
    if (stage.stage === 'SCALE_UP' && !this.greenReady(sd)) {
      n.waitingForTasks = true
      return
    }
    const ok = stage.outcome === 'success'
    for (const hook of n.hooks.filter((h) => h.stage === stage.stage && h.status === 'IN_PROGRESS')) {
      hook.status = !ok && hook.targetArn === stage.hook ? 'FAILED' : 'SUCCEEDED'
    }
    if (stage.alarm) {
      sd.alarms = {
        status: 'TRIGGERED',
        alarmNames: [...new Set([...(sd.alarms.alarmNames ?? []), stage.alarm])],
        triggeredAlarmNames: [stage.alarm],
      }
    }
    this.touch(sd)
    if (stage.outcome === 'rollback') return this.rollback(sd, stage.reason ?? this.failureReason(stage))
    if (stage.outcome === 'fail') return this.stop(sd, stage.reason ?? this.failureReason(stage))
    const pause = (sd.deploymentConfiguration.lifecycleHooks ?? []).find(
      (h) => h.targetType === 'PAUSE' && (h.lifecycleStages ?? []).includes(stage.stage),
    )
    if (pause) return this.pause(sd, pause)
    this.next(sd)
  }

  failureReason(stage) {
    if (stage.alarm)
      return `Service deployment rolled back because the CloudWatch alarm ${stage.alarm} is in ALARM state.`
    if (stage.hook) return `Service deployment rolled back because the lifecycle hook ${stage.hook} failed.`
    return `Service deployment failed during ${stage.stage}.`
  }

  /** A task of the service changed: a SCALE_UP waiting for the green tasks may end. */
  tasksChanged(sd) {
    if (!this.running(sd) || !sd.native.waitingForTasks || !this.greenReady(sd)) return
    sd.native.waitingForTasks = false
    this.endStage(sd)
  }

  greenReady(sd) {
    const green = sd.deployment
    const tasks = this.services.tasksOf(sd.service).filter((t) => t.deployment === green && isLive(t))
    return tasks.length === green.desiredCount && tasks.every((t) => t.ready)
  }

  /** Waits at a PAUSE hook for ContinueServiceDeployment, or its timeout. */
  pause(sd, config) {
    const minutes = config.timeoutConfiguration?.timeoutInMinutes ?? PAUSE_TIMEOUT_MINUTES
    const timeoutAction = config.timeoutConfiguration?.action ?? 'ROLLBACK'
    const hook = {
      hookId: `ecs-pause-${alnum(43)}`,
      targetType: 'PAUSE',
      status: 'AWAITING_ACTION',
      expiresAt: new Date(this.clock.nowMs() + minutes * 60_000),
      timeoutAction,
      stage: sd.native.stage.stage,
    }
    sd.native.hooks.push(hook)
    this.touch(sd)
    this.after(sd, minutes * 60, 'PAUSE hook timeout', () => {
      if (hook.status !== 'AWAITING_ACTION') return
      hook.status = 'TIMED_OUT'
      if (timeoutAction === 'CONTINUE') this.next(sd)
      else this.rollback(sd, 'Service deployment rolled back because the PAUSE lifecycle hook timed out.')
    })
  }

  /** ContinueServiceDeployment: goes on past the paused hook, or rolls back. */
  continue(sd, hookId, action) {
    const hook = sd.native?.hooks.find((h) => h.hookId === hookId)
    check(
      hook,
      'InvalidParameterException',
      `The lifecycle hook ${hookId} was not found in service deployment ${sd.arn}.`,
    )
    check(
      hook.status === 'AWAITING_ACTION' && this.running(sd),
      'InvalidParameterException',
      `The lifecycle hook ${hookId} is ${hook.status}, not AWAITING_ACTION.`,
    )
    hook.status = 'SUCCEEDED'
    this.touch(sd)
    if (action === 'ROLLBACK')
      this.rollback(sd, 'Service deployment rolled back by ContinueServiceDeployment (ROLLBACK).')
    else this.next(sd)
  }

  /** The blue tasks go; when they have, the service is steady on green and the service deployment SUCCESSFUL. */
  cleanUp(sd) {
    const { service } = sd
    sd.native.cleanedUp = true
    const blue = this.services.tasksOf(service).filter((t) => isLive(t) && t.deployment !== sd.deployment)
    this.services.stopTasks(service, blue, `Scaling activity initiated by (deployment ${sd.deployment.id})`)
    this.services.reconcile(service)
  }

  /** Traffic goes back to the blue revision, which is primary again; the green tasks go. */
  rollback(sd, reason) {
    const { service } = sd
    const green = sd.deployment
    const blue =
      service.deployments.find((d) => d !== green && d.revisionArn === sd.sourceRevisionArns[0]) ??
      service.lastCompleted
    Object.assign(sd.native, { production: 0, test: 0, waitingForTasks: false })
    if (green.rolloutState === 'IN_PROGRESS')
      this.services.failDeployment(green, `ECS deployment ${green.id} rolled back: ${reason}`)
    this.services.setServiceDeploymentStatus(sd, 'ROLLBACK_IN_PROGRESS', reason)
    sd.rollback = { reason, startedAt: this.clock.now(), serviceRevisionArn: blue?.revisionArn }
    if (!blue)
      return this.services.finishServiceDeployment(
        sd,
        'ROLLBACK_FAILED',
        `${reason} No previous service revision to roll back to.`,
      )
    this.services.event(service, `rolling back to deployment ${blue.id}.`)
    this.scheduler.in(green.plan.rollbackStartSeconds, `blue serves again ${sd.arn}`, () => {
      if (sd.status !== 'ROLLBACK_IN_PROGRESS') return
      this.restoreBlue(service, blue, green)
      this.services.finishServiceDeployment(sd, 'ROLLBACK_SUCCESSFUL')
      this.services.reconcile(service)
    })
  }

  /** A stage failed without rollback: the deployment stops where it is, traffic stays as it was. */
  stop(sd, reason) {
    this.services.failDeployment(sd.deployment, `ECS deployment ${sd.deployment.id} stopped: ${reason}`)
    this.services.finishServiceDeployment(sd, 'STOPPED', reason)
  }

  restoreBlue(service, blue, green) {
    green.status = 'ACTIVE'
    green.listedUntil = this.clock.after(green.plan.drainSeconds)
    blue.status = 'PRIMARY'
    blue.listedUntil = 0
    service.deployments = [blue, ...service.deployments.filter((d) => d !== blue)]
    service.taskDefinition = blue.taskDefinition
    this.scheduler.in(green.plan.drainSeconds, `unlist ${green.id}`, () => this.services.reconcile(service))
    const greenTasks = this.services.tasksOf(service).filter((t) => isLive(t) && t.deployment === green)
    this.services.stopTasks(service, greenTasks, `Scaling activity initiated by (deployment ${blue.id})`)
  }

  /** The traffic on a revision of the service deployment, for ServiceRevisionSummary. */
  weights(sd, target) {
    const { production = 0, test = 0 } = sd.native ?? {}
    return target
      ? { requestedProductionTrafficWeight: production, requestedTestTrafficWeight: test }
      : { requestedProductionTrafficWeight: 100 - production, requestedTestTrafficWeight: 100 - test }
  }

  /** lifecycleHookDetails as DescribeServiceDeployments shows them. */
  hookDetails(sd) {
    return sd.native?.hooks.map(({ stage: _stage, ...detail }) => detail) ?? []
  }
}
