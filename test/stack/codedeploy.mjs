// CodeDeploy (CodeDeploy_20141006) for ECS blue/green, kept small: applications, deployment groups and
// deployments that go Created → InProgress (lifecycle events one after another) → [Ready] → Succeeded,
// or Failed / Stopped, as the scenario of the deployment group's ECS service says.
import { parse as parseYaml } from 'yaml'
import { AwsError, check } from './protocol.mjs'
import { codedeployDeploymentId, serviceArn, uuid } from './ids.mjs'

const LIFECYCLE = ['BeforeInstall', 'Install', 'AfterInstall', 'AllowTestTraffic', 'AfterAllowTestTraffic',
  'BeforeAllowTraffic', 'AllowTraffic', 'AfterAllowTraffic']
const FAILS_AT = { crash: 'Install', 'pull-error': 'Install', unhealthy: 'AllowTraffic' }
const DONE = ['Succeeded', 'Failed', 'Stopped']

export class CodeDeployState {
  constructor() {
    /** @type {Map<string, any>} */ this.applications = new Map()
    /** @type {Map<string, any>} key: application/group */ this.groups = new Map()
    /** @type {Map<string, any>} */ this.deployments = new Map()
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
    deploymentConfigName: d.group.deploymentConfigName,
    deploymentId: d.id,
    revision: d.revision,
    status: d.status,
    errorInformation: d.errorInformation,
    createTime: d.createTime,
    startTime: d.startTime,
    completeTime: d.completeTime,
    deploymentOverview: { Pending: count('Pending'), InProgress: count('InProgress'), Succeeded: count('Succeeded'),
      Failed: count('Failed'), Skipped: count('Skipped'), Ready: d.status === 'Ready' ? 1 : 0 },
    description: d.description,
    creator: 'user',
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
    check(typeof name === 'string' && name, 'ApplicationNameRequiredException', 'The minimum number of required application names was not specified.')
    const found = state().applications.get(name)
    if (!found) throw new AwsError('ApplicationDoesNotExistException', `No application found for name: ${name}`)
    return found
  }
  const group = (appName, name) => {
    application(appName)
    const found = state().groups.get(`${appName}/${name}`)
    if (!found) throw new AwsError('DeploymentGroupDoesNotExistException', `No Deployment Group found for name: ${name}`)
    return found
  }
  const deployment = (id) => {
    check(typeof id === 'string' && id, 'DeploymentIdRequiredException', 'At least one deployment ID must be specified.')
    const found = state().deployments.get(id)
    if (!found) throw new AwsError('DeploymentDoesNotExistException', `The deployment ${id} could not be found.`)
    return found
  }
  const finish = (d, status, errorInformation) => {
    if (DONE.includes(d.status)) return
    d.status = status
    d.errorInformation = errorInformation
    d.completeTime = clock.now()
    for (const e of d.events) if (e.status === 'Pending' || e.status === 'InProgress') e.status = status === 'Succeeded' ? 'Succeeded' : 'Skipped'
    if (status === 'Succeeded') {
      const target = d.group.ecsServices?.[0]
      const service = ecs().clusters.get(target?.clusterName ?? '')?.services.get(target?.serviceName ?? '')
      const taskDefinition = appSpecTaskDefinition(d.revision?.appSpecContent?.content)
      if (service && taskDefinition) service.taskDefinition = ecs().taskDefinitions.find(taskDefinition)?.taskDefinition.taskDefinitionArn ?? taskDefinition
    }
  }
  /** Runs lifecycle event `i` and schedules the next one. */
  const runEvent = (d, i) => {
    if (DONE.includes(d.status)) return
    const event = d.events[i]
    if (!event) {
      const wait = d.group.blueGreenDeploymentConfiguration?.deploymentReadyOption
      if (wait?.actionOnTimeout === 'STOP_DEPLOYMENT' && (wait.waitTimeInMinutes ?? 0) > 0 && !d.continued) d.status = 'Ready'
      else finish(d, 'Succeeded')
      return
    }
    event.status = 'InProgress'
    event.startTime = clock.now()
    const seconds = d.plan.taskStartSeconds / LIFECYCLE.length
    scheduler.in(seconds, `codedeploy ${d.id} ${event.lifecycleEventName}`, () => {
      if (DONE.includes(d.status)) return
      event.endTime = clock.now()
      if (d.plan.outcome === 'stuck-pending' && event.lifecycleEventName === 'Install') return
      if (FAILS_AT[d.plan.outcome] === event.lifecycleEventName) {
        event.status = 'Failed'
        const message = d.plan.reason ?? `The ECS service cannot reach a steady state during ${event.lifecycleEventName}.`
        finish(d, 'Failed', { code: 'ECS_UPDATE_ERROR', message })
        return
      }
      event.status = 'Succeeded'
      runEvent(d, i + 1)
    })
  }

  return {
    targetPrefix: 'CodeDeploy_20141006',
    operations: {
      CreateApplication: (input) => {
        const name = input.applicationName
        check(typeof name === 'string' && name, 'ApplicationNameRequiredException', 'The minimum number of required application names was not specified.')
        if (state().applications.has(name)) throw new AwsError('ApplicationAlreadyExistsException', `The application ${name} already exists.`)
        const app = { applicationId: uuid(), applicationName: name, createTime: clock.now(), linkedToGitHub: false,
          computePlatform: input.computePlatform ?? 'Server' }
        state().applications.set(name, app)
        return { applicationId: app.applicationId }
      },
      GetApplication: (input) => ({ application: application(input.applicationName) }),
      CreateDeploymentGroup: (input) => {
        application(input.applicationName)
        const key = `${input.applicationName}/${input.deploymentGroupName}`
        if (state().groups.has(key)) throw new AwsError('DeploymentGroupAlreadyExistsException', `The deployment group ${input.deploymentGroupName} already exists.`)
        const info = {
          applicationName: input.applicationName,
          deploymentGroupId: uuid(),
          deploymentGroupName: input.deploymentGroupName,
          deploymentConfigName: input.deploymentConfigName ?? 'CodeDeployDefault.ECSAllAtOnce',
          serviceRoleArn: input.serviceRoleArn,
          ecsServices: input.ecsServices ?? [],
          loadBalancerInfo: input.loadBalancerInfo,
          blueGreenDeploymentConfiguration: input.blueGreenDeploymentConfiguration,
          deploymentStyle: input.deploymentStyle ?? { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
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
        const active = [...state().deployments.values()].find((d) => d.group === g && !DONE.includes(d.status))
        if (active) throw new AwsError('DeploymentLimitExceededException', `The deployment group ${g.deploymentGroupName} has an active deployment: ${active.id}.`)
        const now = clock.now()
        const d = {
          id: codedeployDeploymentId(),
          applicationName: input.applicationName,
          deploymentGroupName: input.deploymentGroupName,
          group: g,
          revision: input.revision,
          description: input.description,
          plan: ecs().scenarios.take({ cluster: target.clusterName, service: target.serviceName }),
          status: 'Created',
          createTime: now,
          startTime: undefined,
          completeTime: undefined,
          errorInformation: undefined,
          rollbackInfo: undefined,
          continued: false,
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
      ListDeploymentTargets: (input) => ({ targetIds: [deployment(input.deploymentId).targetId] }),
      GetDeploymentTarget: (input) => {
        const d = deployment(input.deploymentId)
        if (input.targetId !== d.targetId) throw new AwsError('DeploymentTargetDoesNotExistException', `The target ${input.targetId} does not exist.`)
        const status = d.status === 'Created' ? 'Pending' : d.status === 'Stopped' ? 'Skipped' : d.status === 'Ready' ? 'Ready' : d.status
        return {
          deploymentTarget: {
            deploymentTargetType: 'ECSTarget',
            ecsTarget: { deploymentId: d.id, targetId: d.targetId, targetArn: d.targetArn, lastUpdatedAt: clock.now(),
              lifecycleEvents: d.events, status },
          },
        }
      },
      ContinueDeployment: (input) => {
        const d = deployment(input.deploymentId)
        check(d.status === 'Ready', 'DeploymentIsNotInReadyStateException', 'The deployment is not in the Ready state.')
        d.continued = true
        finish(d, 'Succeeded')
        return {}
      },
      StopDeployment: (input) => {
        const d = deployment(input.deploymentId)
        if (DONE.includes(d.status)) throw new AwsError('DeploymentAlreadyCompletedException', `The deployment ${d.id} is already completed.`)
        if (input.autoRollbackEnabled) d.rollbackInfo = { rollbackMessage: 'Deployment was stopped; rolling back.' }
        finish(d, 'Stopped', { code: 'DEPLOYMENT_STOPPED', message: 'The deployment was stopped by the user.' })
        return { status: 'Succeeded', statusMessage: 'The deployment was stopped.' }
      },
    },
  }
}
