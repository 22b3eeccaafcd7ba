// CodeDeploy (CodeDeploy_20141006) for ECS blue/green, kept small: applications, deployment groups, deployment
// configs and deployments that go Created → InProgress (lifecycle events one after another; a replacement task
// set whose traffic follows the deployment config; then the group's termination wait) → [Ready] → Succeeded, or
// Failed / Stopped (with a rollback when asked), as the scenario of the deployment group's ECS service says.
// The group's target group pair (loadBalancerInfo.targetGroupPairInfoList[0]): the original task set is in the one
// production traffic is on, the replacement in the other; a deployment that succeeds leaves production on the
// replacement's, so the next deployment's replacement goes to the first one again; a stopped or failed one leaves it.
import { parse as parseYaml } from 'yaml'
import { AwsError, check, paginate } from './protocol.mjs'
import { createHash } from 'node:crypto'
import { ACCOUNT, codedeployDeploymentId, nineteenDigits, REGION, serviceArn, uuid } from './ids.mjs'
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

const frontsService = (group, cluster, service) =>
  group.ecsServices?.[0]?.clusterName === cluster && group.ecsServices?.[0]?.serviceName === service

/** The active deployment (not a rollback) of this ECS service, if any. */
function activeDeployment(codedeploy, cluster, service) {
  return [...codedeploy.deployments.values()].find(
    (d) => d.creator === 'user' && !DONE.includes(d.status) && frontsService(d.group, cluster, service),
  )
}

/** The target group pair of the deployment group of this ECS service: name → ARN, and which one production is on. */
function pairOf(codedeploy, cluster, service) {
  const group = [...codedeploy.groups.values()].find((g) => frontsService(g, cluster, service))
  return group && codedeploy.pairs.get(group)
}

/**
 * Where a listener sends a request while a CodeDeploy deployment of this ECS service runs: the test listener reaches
 * the replacement task set once AllowTestTraffic is done, the production listener by the replacement's traffic weight
 * (AllowTraffic shifts it). `taskDefinition` is undefined when no deployment has a replacement task set (the service's
 * own is served); `targetGroupArn` is the chosen task set's target group, undefined when the group names no pair.
 * @returns {{ taskDefinition?: string, targetGroupArn?: string }}
 */
export function codeDeployRoute(codedeploy, cluster, service, listener, random = Math.random) {
  const pair = pairOf(codedeploy, cluster, service)
  const d = activeDeployment(codedeploy, cluster, service)
  if (!d?.green) return { targetGroupArn: pair?.arns.get(pair.production) }
  const green = { taskDefinition: appSpecTaskDefinition(d.revision?.appSpecContent?.content) }
  const blue = { taskDefinition: appSpecTaskDefinition(d.previousRevision?.appSpecContent?.content) }
  const replacement = { ...green, targetGroupArn: pair?.arns.get(d.replacementGroup) }
  const original = { ...blue, targetGroupArn: pair?.arns.get(d.originalGroup) }
  if (listener === 'test') {
    const testTraffic = d.events.find((e) => e.lifecycleEventName === 'AllowTestTraffic')
    return testTraffic?.status === 'Succeeded' ? replacement : original
  }
  return random() * 100 < d.traffic ? replacement : original
}

/**
 * The task sets registered in each target group of the pair of this ECS service's deployment group: `service` (the
 * service's own tasks: the original task set, or the only one between deployments), `replacement` (the replacement
 * task set, once its tasks run) or none; undefined when the group names no pair.
 * @returns {{ targetGroupArn: string, taskSet?: 'service' | 'replacement' }[] | undefined}
 */
export function codeDeployTargetGroups(codedeploy, cluster, service) {
  const pair = pairOf(codedeploy, cluster, service)
  if (!pair) return undefined
  const d = activeDeployment(codedeploy, cluster, service)
  return [...pair.arns].map(([name, targetGroupArn]) => {
    if (!d?.green) return { targetGroupArn, ...(name === pair.production && { taskSet: 'service' }) }
    if (name === d.originalGroup) return { targetGroupArn, taskSet: 'service' }
    return { targetGroupArn, ...(d.greenRunning && { taskSet: 'replacement' }) }
  })
}

export class CodeDeployState {
  constructor() {
    /** @type {Map<string, any>} */ this.applications = new Map()
    /** @type {Map<string, any>} key: application/group */ this.groups = new Map()
    /** @type {Map<string, any>} */ this.deployments = new Map()
    /** @type {Map<string, any>} custom deployment configs */ this.configs = new Map()
    /**
     * @type {Map<any, { arns: Map<string, string>, production: string }>} per deployment group (its info): the target
     *   group pair's ARNs by name, and the one production traffic is on
     */
    this.pairs = new Map()
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

/** The names of the target group pair of a deployment group's loadBalancerInfo, undefined without one. */
function targetGroupPair(loadBalancerInfo) {
  const pairs = loadBalancerInfo?.targetGroupPairInfoList
  if (!pairs?.length) return undefined
  const names = (pairs[0]?.targetGroups ?? []).map((t) => t?.name)
  check(
    pairs.length === 1,
    'InvalidTargetGroupPairException',
    'The list of target group pairs must have exactly one pair.',
  )
  check(
    names.length === 2 && names.every((n) => typeof n === 'string' && n) && names[0] !== names[1],
    'InvalidTargetGroupPairException',
    'Target group pair must have distinct target groups.',
  )
  return names
}

/** A target group ARN for a name no ELBv2 knows here (no moto): the same one each time. */
function targetGroupArnFor(name) {
  const id = createHash('sha256').update(name).digest('hex').slice(0, 16)
  return `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:targetgroup/${name}/${id}`
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
 *   targetGroupArns?: (names: string[]) => Promise<Map<string, string>>,
 * }} deps targetGroupArns: the ELBv2 target groups by name (moto's), each missing one left out; without it a
 *   target group of the pair is the service's own load balancer's ARN of that name, or one made up for it
 * @returns {import('./protocol.mjs').AwsService}
 */
export function codedeployService({ state, ecs, clock, scheduler, targetGroupArns }) {
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
    const set = (label, id, weight, running, primary, targetGroup) => ({
      identifer: id,
      desiredCount: count,
      pendingCount: 0,
      runningCount: running ? count : 0,
      status: primary ? 'PRIMARY' : 'ACTIVE',
      trafficWeight: weight,
      ...(targetGroup && { targetGroup: { name: targetGroup } }),
      taskSetLabel: label,
    })
    return [
      set('Blue', d.blue, 100 - d.traffic, true, !shifted, d.originalGroup),
      set('Green', d.green, d.traffic, d.greenRunning, shifted, d.replacementGroup),
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
    if (status === 'Succeeded') {
      const pair = state().pairs.get(d.group)
      if (pair && d.creator === 'user') pair.production = d.replacementGroup
      return serveRevision(d, d.revision)
    }
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
  /**
   * Stores the deployment group; with a target group pair, production starts on the pair's target group the ECS
   * service names (else the first), each ARN the one `arns` has, else the service's of that name, else made up.
   */
  const createGroup = (input, key, names, arns) => {
    const target = input.ecsServices?.[0]
    const service = ecs()
      .clusters.get(target?.clusterName ?? 'default')
      ?.services.get(target?.serviceName ?? '')
    const own = (service?.loadBalancers ?? []).map((lb) => lb.targetGroupArn).filter(Boolean)
    const ownNamed = (name) => own.find((arn) => arn.split(':').pop()?.split('/')[1] === name)
    if (state().groups.has(key))
      throw new AwsError(
        'DeploymentGroupAlreadyExistsException',
        `The deployment group ${input.deploymentGroupName} already exists.`,
      )
    if (names && targetGroupArns) {
      const missing = names.filter((name) => !arns.has(name))
      if (missing.length)
        throw new AwsError(
          'InvalidTargetGroupPairException',
          `A target group pair associated with this deployment is not valid: no target group named ${missing.join(', ')}.`,
        )
    }
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
    if (names)
      state().pairs.set(info, {
        arns: new Map(names.map((name) => [name, arns.get(name) ?? ownNamed(name) ?? targetGroupArnFor(name)])),
        production: names.find((name) => ownNamed(name)) ?? names[0],
      })
    return { deploymentGroupId: info.deploymentGroupId }
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
        const names = targetGroupPair(input.loadBalancerInfo)
        if (!names) return createGroup(input, key, undefined)
        // With moto, the pair's target groups must exist there (the ARNs the listeners record metrics under).
        if (targetGroupArns) return targetGroupArns(names).then((arns) => createGroup(input, key, names, arns))
        return createGroup(input, key, names, new Map())
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
        const pair = state().pairs.get(g)
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
          /** the pair's target group production is on (the original task set's) and the other (the replacement's) */
          originalGroup: pair?.production,
          replacementGroup: pair && [...pair.arns.keys()].find((name) => name !== pair.production),
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
