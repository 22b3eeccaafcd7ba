// CodeDeploy (CodeDeploy_20141006) for ECS blue/green, kept small: applications, deployment groups, deployment
// configs and deployments that go Created → InProgress (lifecycle events one after another; a replacement task
// set whose traffic follows the deployment config; then the group's termination wait) → [Ready] → Succeeded, or
// Failed / Stopped (with a rollback when asked), as the scenario of the deployment group's ECS service says.
import { parse as parseYaml } from 'yaml'
import { AwsError, check, paginate } from './protocol.mjs'
import { codedeployDeploymentId, nineteenDigits, serviceArn, uuid } from './ids.mjs'
import { CODEDEPLOY_EVENTS as LIFECYCLE } from './scenario.mjs'

/** A deployment whose group waits for a manual reroute stops here, Ready, before BeforeAllowTraffic. */
const READY_BEFORE = LIFECYCLE.indexOf('BeforeAllowTraffic')
const FAILS_AT = { crash: 'Install', 'pull-error': 'Install', unhealthy: 'AllowTraffic' }
const DONE = ['Succeeded', 'Failed', 'Stopped']

/** CodeDeploy's predefined ECS configs: % of production traffic per step, minutes between steps. */
const PREDEFINED = {
  'CodeDeployDefault.ECSAllAtOnce': { type: 'AllAtOnce' },
  'CodeDeployDefault.ECSCanary10Percent5Minutes': {
    type: 'TimeBasedCanary',
    timeBasedCanary: { canaryPercentage: 10, canaryInterval: 5 },
  },
  'CodeDeployDefault.ECSCanary10Percent15Minutes': {
    type: 'TimeBasedCanary',
    timeBasedCanary: { canaryPercentage: 10, canaryInterval: 15 },
  },
  'CodeDeployDefault.ECSLinear10PercentEvery1Minutes': {
    type: 'TimeBasedLinear',
    timeBasedLinear: { linearPercentage: 10, linearInterval: 1 },
  },
  'CodeDeployDefault.ECSLinear10PercentEvery3Minutes': {
    type: 'TimeBasedLinear',
    timeBasedLinear: { linearPercentage: 10, linearInterval: 3 },
  },
}

/** The traffic steps of a traffic routing config: weights on the replacement task set, and seconds between them. */
export function trafficSteps(routing) {
  if (routing?.type === 'TimeBasedCanary') {
    const { canaryPercentage, canaryInterval } = routing.timeBasedCanary
    return { weights: [canaryPercentage, 100], seconds: canaryInterval * 60 }
  }
  if (routing?.type === 'TimeBasedLinear') {
    const { linearPercentage, linearInterval } = routing.timeBasedLinear
    const weights = []
    for (let w = linearPercentage; w < 100; w += linearPercentage) weights.push(w)
    return { weights: [...weights, 100], seconds: linearInterval * 60 }
  }
  return { weights: [100], seconds: 0 }
}

/**
 * The task definition a listener routes to while a CodeDeploy deployment of this ECS service runs: the test listener
 * reaches the replacement task set once AllowTestTraffic is done, the production listener by the replacement's
 * traffic weight (AllowTraffic shifts it); undefined when no deployment of the service is active.
 */
export function codeDeployRoute(codedeploy, cluster, service, listener, random = Math.random) {
  const d = [...codedeploy.deployments.values()].find((candidate) => {
    const target = candidate.group.ecsServices?.[0]
    return (
      candidate.creator === 'user' &&
      !DONE.includes(candidate.status) &&
      target?.clusterName === cluster &&
      target?.serviceName === service
    )
  })
  if (!d?.green) return undefined
  const green = appSpecTaskDefinition(d.revision?.appSpecContent?.content)
  const blue = appSpecTaskDefinition(d.previousRevision?.appSpecContent?.content)
  if (listener === 'test') {
    const testTraffic = d.events.find((e) => e.lifecycleEventName === 'AllowTestTraffic')
    return testTraffic?.status === 'Succeeded' ? green : blue
  }
  return random() * 100 < d.traffic ? green : blue
}

export class CodeDeployState {
  constructor() {
    /** @type {Map<string, any>} */ this.applications = new Map()
    /** @type {Map<string, any>} key: application/group */ this.groups = new Map()
    /** @type {Map<string, any>} */ this.deployments = new Map()
    /** @type {Map<string, any>} custom deployment configs */ this.configs = new Map()
  }

  snapshot() {
    return {
      applications: [...this.applications.values()],
      deploymentGroups: [...this.groups.values()],
      deployments: [...this.deployments.values()].map(deploymentInfo),
    }
  }
}

/** The TaskDefinition an ECS AppSpec (YAML or JSON) names. */
export function appSpecTaskDefinition(content) {
  const spec = parseYaml(content ?? '')
  const resource = (spec?.Resources ?? []).map((r) => Object.values(r)[0]).find((r) => r?.Type === 'AWS::ECS::Service')
  return resource?.Properties?.TaskDefinition
}

function deploymentInfo(d) {
  const count = (status) => d.events.filter((e) => e.status === status).length
  return {
    applicationName: d.applicationName,
    deploymentGroupName: d.deploymentGroupName,
    deploymentConfigName: d.configName,
    deploymentId: d.id,
    revision: d.revision,
    status: d.status,
    errorInformation: d.errorInformation,
    createTime: d.createTime,
    startTime: d.startTime,
    completeTime: d.completeTime,
    deploymentOverview: {
      Pending: count('Pending'),
      InProgress: count('InProgress'),
      Succeeded: count('Succeeded'),
      Failed: count('Failed'),
      Skipped: count('Skipped'),
      Ready: d.status === 'Ready' ? 1 : 0,
    },
    description: d.description,
    creator: d.creator,
    ignoreApplicationStopFailures: false,
    autoRollbackConfiguration: d.group.autoRollbackConfiguration,
    updateOutdatedInstancesOnly: false,
    rollbackInfo: d.rollbackInfo,
    deploymentStyle: d.group.deploymentStyle,
    blueGreenDeploymentConfiguration: d.group.blueGreenDeploymentConfiguration,
    loadBalancerInfo: d.group.loadBalancerInfo,
    computePlatform: 'ECS',
    deploymentStatusMessages: [],
  }
}

/**
 * @param {{
 *   state: () => CodeDeployState, ecs: () => import('./ecs.mjs').EcsState,
 *   clock: import('./clock.mjs').Clock, scheduler: import('./clock.mjs').Scheduler,
 * }} deps
 * @returns {import('./protocol.mjs').AwsService}
 */
export function codedeployService({ state, ecs, clock, scheduler }) {
  const application = (name) => {
    check(
      typeof name === 'string' && name,
      'ApplicationNameRequiredException',
      'The minimum number of required application names was not specified.',
    )
    const found = state().applications.get(name)
    if (!found) throw new AwsError('ApplicationDoesNotExistException', `No application found for name: ${name}`)
    return found
  }
  const group = (appName, name) => {
    application(appName)
    const found = state().groups.get(`${appName}/${name}`)
    if (!found)
      throw new AwsError('DeploymentGroupDoesNotExistException', `No Deployment Group found for name: ${name}`)
    return found
  }
  const deployment = (id) => {
    check(
      typeof id === 'string' && id,
      'DeploymentIdRequiredException',
      'At least one deployment ID must be specified.',
    )
    const found = state().deployments.get(id)
    if (!found) throw new AwsError('DeploymentDoesNotExistException', `The deployment ${id} could not be found.`)
    return found
  }
  const routingOf = (name) => {
    const routing = PREDEFINED[name] ?? state().configs.get(name)?.trafficRoutingConfig
    if (!routing)
      throw new AwsError('DeploymentConfigDoesNotExistException', `No deployment configuration found for name: ${name}`)
    return routing
  }
  const ecsService = (d) => {
    const target = d.group.ecsServices?.[0]
    return ecs()
      .clusters.get(target?.clusterName ?? '')
      ?.services.get(target?.serviceName ?? '')
  }
  /**
   * The replacement (green) and original (blue) task sets, as GetDeploymentTarget shows them: the original is PRIMARY
   * and the replacement ACTIVE until all production traffic is on the replacement, then the other way round.
   */
  const taskSets = (d) => {
    if (!d.green) return undefined
    const count = ecsService(d)?.desiredCount ?? 1
    const shifted = d.traffic === 100
    const set = (label, id, weight, running, primary) => ({
      identifer: id,
      desiredCount: count,
      pendingCount: 0,
      runningCount: running ? count : 0,
      status: primary ? 'PRIMARY' : 'ACTIVE',
      trafficWeight: weight,
      targetGroup: { name: `${label.toLowerCase()}-tg` },
      taskSetLabel: label,
    })
    return [
      set('Blue', d.blue, 100 - d.traffic, true, !shifted),
      set('Green', d.green, d.traffic, d.greenRunning, shifted),
    ]
  }
  /** Ends the deployment; a failure or stop rolls back when the group (or StopDeployment) says so. */
  const finish = (d, status, errorInformation, rollback = false) => {
    if (DONE.includes(d.status)) return
    d.status = status
    d.errorInformation = errorInformation
    d.completeTime = clock.now()
    for (const e of d.events)
      if (e.status === 'Pending' || e.status === 'InProgress')
        e.status = status === 'Succeeded' ? 'Succeeded' : 'Skipped'
    if (status === 'Succeeded') return serveRevision(d, d.revision)
    d.traffic = 0
    // Stopped during the termination wait: production traffic goes back to the original task set.
    if (d.shifted) serveRevision(d, d.previousRevision)
    if (rollback) rollBack(d)
  }
  /** The service's task definition becomes the one of the task set that takes production traffic. */
  const serveRevision = (d, revision) => {
    const service = ecsService(d)
    const taskDefinition = appSpecTaskDefinition(revision?.appSpecContent?.content)
    if (service && taskDefinition)
      service.taskDefinition =
        ecs().taskDefinitions.find(taskDefinition)?.taskDefinition.taskDefinitionArn ?? taskDefinition
  }
  /**
   * After AfterAllowTraffic the replacement task set serves all production traffic; CodeDeploy keeps the deployment
   * InProgress for the group's terminationWaitTimeInMinutes, then deletes the original task set and succeeds.
   */
  const awaitTermination = (d) => {
    const minutes =
      d.group.blueGreenDeploymentConfiguration?.terminateBlueInstancesOnDeploymentSuccess
        ?.terminationWaitTimeInMinutes ?? 0
    if (!minutes) return finish(d, 'Succeeded')
    d.shifted = true
    serveRevision(d, d.revision)
    scheduler.in(minutes * 60, `codedeploy ${d.id} terminate original task set`, () => {
      if (d.status === 'InProgress') finish(d, 'Succeeded')
    })
  }
  /** A rollback is a deployment of its own, back to the original task set: it succeeds at once. */
  const rollBack = (d) => {
    const id = codedeployDeploymentId()
    const now = clock.now()
    state().deployments.set(id, {
      ...d,
      id,
      status: 'Succeeded',
      creator: 'codeDeployRollback',
      createTime: now,
      startTime: now,
      completeTime: now,
      errorInformation: undefined,
      rollbackInfo: { rollbackTriggeringDeploymentId: d.id },
      revision: d.previousRevision,
      events: LIFECYCLE.map((lifecycleEventName) => ({ lifecycleEventName, status: 'Succeeded' })),
    })
    d.rollbackInfo = {
      rollbackDeploymentId: id,
      rollbackMessage: `Deployment ${d.id} rolled back by deployment ${id}.`,
    }
  }
  const failsOnRollback = (d) => d.group.autoRollbackConfiguration?.enabled === true
  /** Runs lifecycle event `i` and schedules the next one. */
  const runEvent = (d, i) => {
    if (DONE.includes(d.status)) return
    const event = d.events[i]
    if (!event) return awaitTermination(d)
    const wait = d.group.blueGreenDeploymentConfiguration?.deploymentReadyOption
    if (i === READY_BEFORE && wait?.actionOnTimeout === 'STOP_DEPLOYMENT' && !d.continued) {
      d.status = 'Ready'
      scheduler.in((wait.waitTimeInMinutes ?? 0) * 60, `codedeploy ${d.id} ready timeout`, () => {
        if (d.status === 'Ready')
          finish(
            d,
            'Stopped',
            { code: 'TIMEOUT', message: 'The deployment timed out while waiting for traffic to be rerouted.' },
            failsOnRollback(d),
          )
      })
      d.resume = () => runEvent(d, i)
      return
    }
    event.status = 'InProgress'
    event.startTime = clock.now()
    const name = event.lifecycleEventName
    let seconds = d.plan.eventSeconds[name] ?? d.plan.taskStartSeconds / LIFECYCLE.length
    if (name === 'Install') d.green = `ecs-svc/${nineteenDigits()}`
    if (name === 'AllowTraffic') {
      const { weights, seconds: interval } = trafficSteps(d.routing)
      weights.forEach((weight, k) =>
        scheduler.in(k * interval, `codedeploy ${d.id} traffic ${weight}`, () => {
          if (d.status === 'InProgress') d.traffic = weight
        }),
      )
      seconds += (weights.length - 1) * interval
    }
    scheduler.in(seconds, `codedeploy ${d.id} ${name}`, () => {
      if (DONE.includes(d.status)) return
      event.endTime = clock.now()
      if (d.plan.outcome === 'stuck-pending' && name === 'Install') return
      if (FAILS_AT[d.plan.outcome] === name || d.plan.failAt === name) {
        event.status = 'Failed'
        const hook = d.plan.failAt === name
        const message =
          d.plan.reason ??
          (hook
            ? `The ${name} hook's Lambda function returned Failed.`
            : `The ECS service cannot reach a steady state during ${name}.`)
        event.diagnostics = { errorCode: hook ? 'ScriptFailed' : 'UnknownError', message, scriptName: '', logTail: '' }
        finish(
          d,
          'Failed',
          { code: hook ? 'HOOK_EXECUTION_FAILURE' : 'ECS_UPDATE_ERROR', message: `Lifecycle event ${name} failed.` },
          failsOnRollback(d),
        )
        return
      }
      if (name === 'Install') d.greenRunning = true
      event.status = 'Succeeded'
      runEvent(d, i + 1)
    })
  }

  return {
    targetPrefix: 'CodeDeploy_20141006',
    operations: {
      CreateApplication: (input) => {
        const name = input.applicationName
        check(
          typeof name === 'string' && name,
          'ApplicationNameRequiredException',
          'The minimum number of required application names was not specified.',
        )
        if (state().applications.has(name))
          throw new AwsError('ApplicationAlreadyExistsException', `The application ${name} already exists.`)
        const app = {
          applicationId: uuid(),
          applicationName: name,
          createTime: clock.now(),
          linkedToGitHub: false,
          computePlatform: input.computePlatform ?? 'Server',
        }
        state().applications.set(name, app)
        return { applicationId: app.applicationId }
      },
      GetApplication: (input) => ({ application: application(input.applicationName) }),
      CreateDeploymentConfig: (input) => {
        const name = input.deploymentConfigName
        check(
          typeof name === 'string' && name,
          'DeploymentConfigNameRequiredException',
          'A deployment configuration name is required.',
        )
        if (PREDEFINED[name] || state().configs.has(name))
          throw new AwsError(
            'DeploymentConfigAlreadyExistsException',
            `A deployment configuration with name ${name} already exists.`,
          )
        const config = {
          deploymentConfigId: uuid(),
          deploymentConfigName: name,
          computePlatform: input.computePlatform ?? 'Server',
          trafficRoutingConfig: input.trafficRoutingConfig,
          createTime: clock.now(),
        }
        state().configs.set(name, config)
        return { deploymentConfigId: config.deploymentConfigId }
      },
      GetDeploymentConfig: (input) => {
        const name = input.deploymentConfigName
        const predefined = PREDEFINED[name]
        if (predefined)
          return {
            deploymentConfigInfo: {
              deploymentConfigName: name,
              computePlatform: 'ECS',
              trafficRoutingConfig: predefined,
            },
          }
        routingOf(name)
        return { deploymentConfigInfo: state().configs.get(name) }
      },
      CreateDeploymentGroup: (input) => {
        application(input.applicationName)
        const key = `${input.applicationName}/${input.deploymentGroupName}`
        if (state().groups.has(key))
          throw new AwsError(
            'DeploymentGroupAlreadyExistsException',
            `The deployment group ${input.deploymentGroupName} already exists.`,
          )
        const info = {
          applicationName: input.applicationName,
          deploymentGroupId: uuid(),
          deploymentGroupName: input.deploymentGroupName,
          deploymentConfigName: input.deploymentConfigName ?? 'CodeDeployDefault.ECSAllAtOnce',
          serviceRoleArn: input.serviceRoleArn,
          ecsServices: input.ecsServices ?? [],
          loadBalancerInfo: input.loadBalancerInfo,
          blueGreenDeploymentConfiguration: input.blueGreenDeploymentConfiguration,
          deploymentStyle: input.deploymentStyle ?? {
            deploymentType: 'BLUE_GREEN',
            deploymentOption: 'WITH_TRAFFIC_CONTROL',
          },
          autoRollbackConfiguration: input.autoRollbackConfiguration ?? { enabled: false, events: [] },
          computePlatform: 'ECS',
        }
        state().groups.set(key, info)
        return { deploymentGroupId: info.deploymentGroupId }
      },
      GetDeploymentGroup: (input) => ({ deploymentGroupInfo: group(input.applicationName, input.deploymentGroupName) }),
      CreateDeployment: (input) => {
        const g = group(input.applicationName, input.deploymentGroupName)
        const target = g.ecsServices[0]
        check(target, 'InvalidDeploymentGroupNameException', 'The deployment group has no ECS service.')
        const configName = input.deploymentConfigName ?? g.deploymentConfigName
        const routing = routingOf(configName)
        const content = input.revision?.appSpecContent?.content
        check(
          input.revision?.revisionType === 'AppSpecContent' && appSpecTaskDefinition(content),
          'InvalidRevisionException',
          'The AppSpec content must name the TaskDefinition of an AWS::ECS::Service resource.',
        )
        const active = [...state().deployments.values()].find((d) => d.group === g && !DONE.includes(d.status))
        if (active)
          throw new AwsError(
            'DeploymentLimitExceededException',
            `The deployment group ${g.deploymentGroupName} has an active deployment: ${active.id}.`,
          )
        const service = ecs().clusters.get(target.clusterName)?.services.get(target.serviceName)
        const now = clock.now()
        const d = {
          id: codedeployDeploymentId(),
          applicationName: input.applicationName,
          deploymentGroupName: input.deploymentGroupName,
          group: g,
          configName,
          routing,
          revision: input.revision,
          previousRevision: service && {
            revisionType: 'AppSpecContent',
            appSpecContent: {
              content: `Resources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: ${service.taskDefinition}\n`,
            },
          },
          description: input.description,
          creator: 'user',
          plan: ecs().scenarios.take({ cluster: target.clusterName, service: target.serviceName }),
          status: 'Created',
          createTime: now,
          startTime: undefined,
          completeTime: undefined,
          errorInformation: undefined,
          rollbackInfo: undefined,
          continued: false,
          /** @type {(() => void) | undefined} goes on from Ready */ resume: undefined,
          blue: `ecs-svc/${nineteenDigits()}`,
          /** @type {string | undefined} the replacement task set, from Install on */ green: undefined,
          greenRunning: false,
          /** all production traffic on the replacement task set, waiting to terminate the original */
          shifted: false,
          traffic: 0,
          targetId: `${target.clusterName}:${target.serviceName}`,
          targetArn: serviceArn(target.clusterName, target.serviceName),
          events: LIFECYCLE.map((lifecycleEventName) => ({ lifecycleEventName, status: 'Pending' })),
        }
        state().deployments.set(d.id, d)
        scheduler.in(d.plan.provisioningSeconds, `codedeploy ${d.id} start`, () => {
          if (d.status !== 'Created') return
          d.status = 'InProgress'
          d.startTime = clock.now()
          runEvent(d, 0)
        })
        return { deploymentId: d.id }
      },
      GetDeployment: (input) => ({ deploymentInfo: deploymentInfo(deployment(input.deploymentId)) }),
      ListDeployments: (input) => {
        const g = input.applicationName ? group(input.applicationName, input.deploymentGroupName) : undefined
        const ids = [...state().deployments.values()]
          .filter(
            (d) =>
              (!g || d.group === g) &&
              (!input.includeOnlyStatuses?.length || input.includeOnlyStatuses.includes(d.status)),
          )
          .sort((a, b) => b.createTime - a.createTime)
          .map((d) => d.id)
        const { page, nextToken } = paginate(ids, input, 100)
        return { deployments: page, nextToken }
      },
      ListDeploymentTargets: (input) => ({ targetIds: [deployment(input.deploymentId).targetId] }),
      GetDeploymentTarget: (input) => {
        const d = deployment(input.deploymentId)
        if (input.targetId !== d.targetId)
          throw new AwsError('DeploymentTargetDoesNotExistException', `The target ${input.targetId} does not exist.`)
        const status =
          d.status === 'Created'
            ? 'Pending'
            : d.status === 'Stopped'
              ? 'Skipped'
              : d.status === 'Ready'
                ? 'Ready'
                : d.status
        return {
          deploymentTarget: {
            deploymentTargetType: 'ECSTarget',
            ecsTarget: {
              deploymentId: d.id,
              targetId: d.targetId,
              targetArn: d.targetArn,
              lastUpdatedAt: clock.now(),
              lifecycleEvents: d.events,
              status,
              taskSetsInfo: taskSets(d),
            },
          },
        }
      },
      ContinueDeployment: (input) => {
        const d = deployment(input.deploymentId)
        check(d.status === 'Ready', 'DeploymentIsNotInReadyStateException', 'The deployment is not in the Ready state.')
        check(
          (input.deploymentWaitType ?? 'READY_WAIT') === 'READY_WAIT',
          'InvalidDeploymentWaitTypeException',
          'Only READY_WAIT is simulated.',
        )
        d.continued = true
        d.status = 'InProgress'
        d.resume?.()
        return {}
      },
      StopDeployment: (input) => {
        const d = deployment(input.deploymentId)
        if (DONE.includes(d.status))
          throw new AwsError('DeploymentAlreadyCompletedException', `The deployment ${d.id} is already completed.`)
        finish(
          d,
          'Stopped',
          { code: 'MANUAL_STOP', message: 'The deployment was stopped by the user.' },
          input.autoRollbackEnabled === true,
        )
        return { status: 'Succeeded', statusMessage: 'The deployment was stopped.' }
      },
    },
  }
}
