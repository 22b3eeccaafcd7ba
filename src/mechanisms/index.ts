// One `strategy` input whatever the mechanism: ECS's rolling update, ECS's own blue/green / canary / linear,
// or CodeDeploy for CODE_DEPLOY services. planStrategy() checks everything before anything changes;
// startStrategy() / continueStrategy() start or resume the deployment the watch loop then follows.
import type { CodeDeployClient } from '@aws-sdk/client-codedeploy'
import type { ContainerDefinition, DeploymentConfiguration, ECSClient, Service } from '@aws-sdk/client-ecs'
import { mergeConfiguration, type Rollout, type RolloutRequest } from '../deploy/rollout.js'
import { UserError } from '../errors.js'
import type { CircuitBreakerMode } from '../inputs.js'
import type { WaitContext } from './busy.js'
import { checkDeploymentConfig, deploymentConfigName, findDeploymentGroup } from './codedeploy/application.js'
import { generateAppSpec, loadAppSpec } from './codedeploy/appspec.js'
import { continueCodeDeployment, startCodeDeployment, type CodeDeployPlan } from './codedeploy/start.js'
import { continueEcsDeployment, startEcsDeployment, type ResumedRollout } from './ecs.js'
import { checkNativeSupport, configuredStrategy, describeConfiguration, strategyConfiguration } from './native.js'
import type { Mechanism, StrategyInputs } from '../strategy/types.js'

export type { WaitContext } from './busy.js'
export type { ResumedRollout } from './ecs.js'
export type { PausedAt, StrategyProgress, TrafficPoint } from '../deploy/progress.js'
export { readStrategyInputs } from '../strategy/inputs.js'
export type * from '../strategy/types.js'

export interface StrategyClients {
  ecs: ECSClient
  codedeploy: CodeDeployClient
}

/** How a service will be deployed, settled (and checked) before anything changes. */
export interface StrategyPlan {
  mechanism: Mechanism
  /** In words, for the log and the summary's Strategy row: `canary (ECS): 10 % for 5 min, then 100 %`. */
  description: string
  inputs: StrategyInputs
  /** ECS services: the deployment configuration members to set (strategy, alarms, PAUSE hook). */
  configuration?: Partial<DeploymentConfiguration>
  codedeploy?: CodeDeployPlan
  /** What the deployment changes on the service beside its task definition, one line each (`diff`, dry-run). */
  changes: string[]
}

const CODEDEPLOY_ONLY = { appspec: 'appspec', codedeployApplication: 'codedeploy-application', codedeployDeploymentGroup: 'codedeploy-deployment-group', codedeployConfig: 'codedeploy-config' } as const

/**
 * Checks the strategy inputs against the service — its deployment controller, its load balancer, its CodeDeploy
 * application and group, the appspec — and settles how it will be deployed. Throws a UserError naming what is
 * wrong and how to fix it; changes nothing.
 */
export async function planStrategy(
  clients: StrategyClients,
  cluster: string,
  service: Service,
  inputs: StrategyInputs,
  options: { circuitBreaker?: CircuitBreakerMode; workspace?: string } = {},
): Promise<StrategyPlan> {
  const name = service.serviceName ?? ''
  if (service.deploymentController?.type === 'CODE_DEPLOY') return planCodeDeploy(clients.codedeploy, cluster, service, inputs, options)
  const stray = (Object.keys(CODEDEPLOY_ONLY) as (keyof typeof CODEDEPLOY_ONLY)[]).find((key) => inputs[key] !== undefined)
  if (stray) {
    throw new UserError(
      `Input \`${CODEDEPLOY_ONLY[stray]}\` applies to services with the CODE_DEPLOY deployment controller; service "${name}" uses ECS (for ECS's own blue/green, canary or linear, set \`strategy\`).`,
    )
  }
  const strategy = inputs.strategy ?? configuredStrategy(service)
  checkNativeSupport(service, strategy)
  const configuration = strategyConfiguration(service.deploymentConfiguration, inputs)
  const after = mergeConfiguration(service.deploymentConfiguration, configuration) ?? service.deploymentConfiguration
  return {
    mechanism: strategy === 'rolling' ? 'rolling' : 'ecs-native',
    description: `${describeConfiguration(after)}${inputs.waitUntil ? `, pausing at ${inputs.waitUntil}` : ''}`,
    inputs,
    configuration,
    changes: configurationChanges(service.deploymentConfiguration, after),
  }
}

async function planCodeDeploy(
  codedeploy: CodeDeployClient,
  cluster: string,
  service: Service,
  inputs: StrategyInputs,
  options: { circuitBreaker?: CircuitBreakerMode; workspace?: string },
): Promise<StrategyPlan> {
  if (inputs.deploymentAlarms.length) {
    throw new UserError(
      'Input `deployment-alarms` sets ECS deployment alarms, which CODE_DEPLOY services do not use: add the alarms to the CodeDeploy deployment group (alarmConfiguration, and autoRollbackConfiguration with DEPLOYMENT_STOP_ON_ALARM).',
    )
  }
  if (inputs.bakeMinutes !== undefined) {
    throw new UserError(
      "Input `bake-minutes` is for ECS's own blue/green: with CodeDeploy the old task set's wait is the deployment group's terminateBlueInstancesOnDeploymentSuccess.terminationWaitTimeInMinutes.",
    )
  }
  if (options.circuitBreaker && options.circuitBreaker !== 'keep') {
    throw new UserError('Input `deployment-circuit-breaker` applies to ECS rolling updates; a CODE_DEPLOY service rolls back through its deployment group (autoRollbackConfiguration).')
  }
  const config = deploymentConfigName(inputs)
  const group = await findDeploymentGroup(codedeploy, cluster, service, inputs)
  if (inputs.codedeployConfig) await checkDeploymentConfig(codedeploy, inputs.codedeployConfig)
  if (inputs.waitUntil && inputs.waitUntil !== 'POST_TEST_TRAFFIC_SHIFT') {
    throw new UserError(
      `Input \`wait-until\`: a CodeDeploy deployment can wait only at Ready, once test traffic reaches the new task set, not at ${inputs.waitUntil}: set \`wait-until: ready\`.`,
    )
  }
  const ready = group.info.blueGreenDeploymentConfiguration?.deploymentReadyOption
  if (inputs.waitUntil && ready?.actionOnTimeout !== 'STOP_DEPLOYMENT') {
    throw new UserError(
      `Input \`wait-until\`: deployment group "${group.deploymentGroup}" reroutes traffic by itself (deploymentReadyOption ${ready?.actionOnTimeout ?? 'CONTINUE_DEPLOYMENT'}), so its deployments never wait at Ready. Set the group's blueGreenDeploymentConfiguration.deploymentReadyOption to actionOnTimeout STOP_DEPLOYMENT with waitTimeInMinutes (how long it may wait), or drop \`wait-until\`.`,
    )
  }
  const appSpec = inputs.appspec ? await loadAppSpec(inputs.appspec, options.workspace) : generateAppSpec(service)
  const hooks = appSpec.hooks.length ? `, hooks ${appSpec.hooks.map((h) => `${h.event} → ${h.function}`).join(', ')}` : ''
  const shown = config ?? `${group.info.deploymentConfigName ?? 'CodeDeployDefault.ECSAllAtOnce'} (the deployment group's)`
  return {
    mechanism: 'codedeploy',
    description: `CodeDeploy ${shown}: application ${group.application}, deployment group ${group.deploymentGroup}${hooks}${inputs.waitUntil ? ', waiting at Ready' : ''}`,
    inputs,
    codedeploy: { group, appSpec, ...(config !== undefined && { config }) },
    changes: [],
  }
}

/** A plain rolling update, whatever the inputs ask: for a pull request's preview, a copy of the service without its blue/green set-up. */
export function rollingPlan(inputs: StrategyInputs): StrategyPlan {
  return { mechanism: 'rolling', description: 'rolling update (ECS)', inputs: { deploymentAlarms: [], onBusy: inputs.onBusy }, changes: [] }
}

/** What the configuration change does, in words. */
function configurationChanges(before: DeploymentConfiguration | undefined, after: DeploymentConfiguration | undefined): string[] {
  const changes: string[] = []
  const strategyBefore = describeConfiguration(before)
  const strategyAfter = describeConfiguration(after)
  if (strategyBefore !== strategyAfter) changes.push(`service deployment strategy: ${strategyBefore} → ${strategyAfter}`)
  const alarms = (c: DeploymentConfiguration | undefined): string => (c?.alarms?.enable ? `${c.alarms.alarmNames?.join(', ')}${c.alarms.rollback ? ' (roll back on ALARM)' : ''}` : 'none')
  if (alarms(before) !== alarms(after)) changes.push(`service deployment alarms: ${alarms(before)} → ${alarms(after)}`)
  const pauses = (c: DeploymentConfiguration | undefined): string =>
    (c?.lifecycleHooks ?? []).filter((h) => h.targetType === 'PAUSE').flatMap((h) => h.lifecycleStages ?? []).join(', ') || 'none'
  if (pauses(before) !== pauses(after)) changes.push(`service deployment PAUSE hooks: ${pauses(before)} → ${pauses(after)}`)
  return changes
}

/** Starts the deployment of a registered revision as planned (see startEcsDeployment / startCodeDeployment). */
export async function startStrategy(
  clients: StrategyClients,
  ctx: WaitContext,
  plan: StrategyPlan,
  service: Service,
  request: RolloutRequest & { containers?: ContainerDefinition[] },
): Promise<Rollout> {
  if (plan.codedeploy) return startCodeDeployment(clients, ctx, plan.codedeploy, service, request, plan.inputs.onBusy)
  const { containers: _containers, ...ecsRequest } = request
  return startEcsDeployment(clients.ecs, ctx, service, { ...ecsRequest, ...(plan.configuration && { deploymentConfiguration: plan.configuration }) }, plan.inputs)
}

/** `continue`: resumes (or rolls back) the deployment an earlier run left paused; the watch loop follows it. */
export async function continueStrategy(clients: StrategyClients, cluster: string, plan: StrategyPlan, service: Service, now: number): Promise<ResumedRollout> {
  const action = plan.inputs.continueAction ?? 'continue'
  if (plan.codedeploy) return continueCodeDeployment(clients.codedeploy, plan.codedeploy, service, action, now)
  return continueEcsDeployment(clients.ecs, cluster, service, action, now)
}
export { strategyRows } from './summary.js'
export { checkIdle, deploymentInFlight } from './idle.js'
