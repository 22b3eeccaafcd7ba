// CodeDeploy deployments of CODE_DEPLOY services: planned against the application, deployment group and AppSpec;
// followed through CodeDeploy's own API (status, lifecycle events, task sets); never rolled back once the traffic shifted.
import type { CodeDeployClient } from '@aws-sdk/client-codedeploy'
import type { Service, ServiceDeployment } from '@aws-sdk/client-ecs'
import type { StrategyProgress } from '../../deploy/progress.js'
import type { Rollout } from '../../deploy/rollout.js'
import { judge, type Snapshot, type Verdict } from '../../deploy/verdict.js'
import { taskDefinitionRevision } from '../../aws/arn.js'
import { continueDeployment } from '../../aws/codedeploy.js'
import type { AnalysisPhase, TrafficTargets } from '../../analysis/canary.js'
import { UserError } from '../../common/errors.js'
import type { StrategyInputs } from '../strategy-types.js'
import type {
  DeploymentMechanism,
  OwnObservation,
  PlanOptions,
  Redeployment,
  RolloutWatch,
  StrategyClients,
  StrategyPlan,
  WatchContext,
} from '../mechanism.js'
import { checkDeploymentConfig, deploymentConfigName, findDeploymentGroup } from './application.js'
import { generateAppSpec, loadAppSpec } from './appspec.js'
import { ACTIVE_STATUSES, findDeployment } from './deployment.js'
import { CodeDeployTracker, greenTaskSet, judgeCodeDeploy, readCodeDeploy, type CodeDeployState } from './observe.js'
import { redeployPreviousRevision, rollBackCodeDeployment } from './codedeploy-rollback.js'
import {
  continueCodeDeployment,
  deployedBy,
  describeInFlight,
  startCodeDeployment,
  type CodeDeployPlan,
} from './start.js'

async function planCodeDeploy(
  clients: StrategyClients,
  cluster: string,
  service: Service,
  inputs: StrategyInputs,
  options: PlanOptions,
): Promise<StrategyPlan> {
  const { codedeploy } = clients
  if (inputs.deploymentAlarms.length) {
    throw new UserError(
      'Config key `deployment-alarms` sets ECS deployment alarms, which CODE_DEPLOY services do not use: add the alarms to the CodeDeploy deployment group (alarmConfiguration, and autoRollbackConfiguration with DEPLOYMENT_STOP_ON_ALARM).',
    )
  }
  if (inputs.bakeMinutes !== undefined) {
    throw new UserError(
      "Config key `bake-minutes` is for ECS's own blue/green: with CodeDeploy the old task set's wait is the deployment group's terminateBlueInstancesOnDeploymentSuccess.terminationWaitTimeInMinutes.",
    )
  }
  if (options.circuitBreaker && options.circuitBreaker !== 'keep') {
    throw new UserError(
      'Config key `service-settings.deployment-circuit-breaker` applies to ECS rolling updates; a CODE_DEPLOY service rolls back through its deployment group (autoRollbackConfiguration).',
    )
  }
  const config = deploymentConfigName(inputs)
  const group = await findDeploymentGroup(codedeploy, cluster, service, inputs)
  if (inputs.codedeployConfig) await checkDeploymentConfig(codedeploy, inputs.codedeployConfig)
  if (inputs.waitUntil && inputs.waitUntil !== 'POST_TEST_TRAFFIC_SHIFT') {
    throw new UserError(
      `Config key \`wait-until\`: a CodeDeploy deployment can wait only at Ready, once test traffic reaches the new task set, not at ${inputs.waitUntil}: set \`wait-until: ready\`.`,
    )
  }
  const ready = group.info.blueGreenDeploymentConfiguration?.deploymentReadyOption
  if (inputs.waitUntil && ready?.actionOnTimeout !== 'STOP_DEPLOYMENT') {
    throw new UserError(
      `Config key \`wait-until\`: deployment group "${group.deploymentGroup}" reroutes traffic by itself (deploymentReadyOption ${ready?.actionOnTimeout ?? 'CONTINUE_DEPLOYMENT'}), so its deployments never wait at Ready. Set the group's blueGreenDeploymentConfiguration.deploymentReadyOption to actionOnTimeout STOP_DEPLOYMENT with waitTimeInMinutes (how long it may wait), or drop \`wait-until\`.`,
    )
  }
  const appSpec = inputs.appspec ? await loadAppSpec(inputs.appspec, options.workspace) : generateAppSpec(service)
  const hooks = appSpec.hooks.length
    ? `, hooks ${appSpec.hooks.map((h) => `${h.event} → ${h.function}`).join(', ')}`
    : ''
  const shown =
    config ?? `${group.info.deploymentConfigName ?? 'CodeDeployDefault.ECSAllAtOnce'} (the deployment group's)`
  return {
    mechanism: 'codedeploy',
    description: `CodeDeploy ${shown}: application ${group.application}, deployment group ${group.deploymentGroup}${hooks}${inputs.waitUntil ? ', waiting at Ready' : ''}`,
    inputs,
    codedeploy: { group, appSpec, ...(config !== undefined && { config }) },
    changes: [],
  }
}

function codedeployPlan(plan: StrategyPlan): CodeDeployPlan {
  if (!plan.codedeploy) throw new Error('a CodeDeploy deployment needs the CodeDeploy plan (planStrategy)')
  return plan.codedeploy
}

class CodeDeployWatch implements RolloutWatch {
  readonly readsServiceDeploymentEveryPoll = false
  private readonly tracker = new CodeDeployTracker()
  /** What this poll read, until observed; the last state observed; the ECS target's id once known. */
  private fresh: CodeDeployState | undefined
  private state: CodeDeployState | undefined
  private readonly cache: { targetId?: string } = {}

  constructor(private readonly ctx: WatchContext) {}

  get progress(): StrategyProgress {
    return this.tracker.progress
  }

  async read(): Promise<void> {
    const { deploymentId } = this.ctx.rollout
    if (!deploymentId) return
    const { codedeploy } = this.ctx
    if (!codedeploy)
      throw new Error('following a CodeDeploy deployment needs the CodeDeploy client (WatchOptions.codedeploy)')
    this.fresh = await readCodeDeploy(codedeploy, deploymentId, this.cache)
  }

  observeOwn(at: number): OwnObservation | undefined {
    const state = this.fresh
    if (!state) return undefined
    this.fresh = undefined
    this.state = state
    const { deployment } = state
    const running = state.target?.lifecycleEvents?.find((e) => e.status === 'InProgress')?.lifecycleEventName
    const lines = this.tracker.update(state, at)
    const verdict = judgeCodeDeploy(state, this.ctx.rollout.resumed)
    if (verdict?.outcome === 'paused') {
      const wait = deployment.blueGreenDeploymentConfiguration?.deploymentReadyOption?.waitTimeInMinutes
      this.tracker.progress.paused = {
        stage: 'Ready',
        ...(deployment.deploymentId && { deploymentId: deployment.deploymentId }),
        ...(wait && { timeoutAction: `STOP after ${wait} min` }),
      }
    }
    return { status: `CodeDeploy ${deployment.status}${running ? ` at ${running}` : ''}`, lines, verdict }
  }

  track(_serviceDeployment: ServiceDeployment, _at: number): string[] {
    return []
  }

  /** At Ready, or once AfterAllowTestTraffic is over and production traffic not yet rerouted (AllowTraffic not begun). */
  onTestTraffic(): boolean {
    const state = this.state
    if (!state) return false
    if (state.deployment.status === 'Ready') return true
    if (state.deployment.status !== 'InProgress') return false
    const events = state.target?.lifecycleEvents ?? []
    const status = (name: string): string | undefined => events.find((e) => e.lifecycleEventName === name)?.status
    return status('AfterAllowTestTraffic') === 'Succeeded' && status('AllowTraffic') === 'Pending'
  }

  /** Before CodeDeploy names a deployment, ECS's view is all there is. */
  judge(snapshot: Snapshot): Verdict | undefined {
    const { resumed } = this.ctx.rollout
    return judge(snapshot, this.ctx.targetTaskDefinition, { ...(resumed && { resumed }) })
  }

  /** The target groups of the replacement (green) and original (blue) task sets, by name, as CodeDeploy shows them. */
  trafficTargets(_service: Service): TrafficTargets | undefined {
    const sets = this.state?.target?.taskSetsInfo ?? []
    const group = (label: string): string | undefined => sets.find((t) => t.taskSetLabel === label)?.targetGroup?.name
    const [fresh, old] = [group('Green'), group('Blue')]
    return fresh && old ? { kind: 'names', fresh, old } : undefined
  }

  /** While production traffic is shifted onto the replacement task set, until CodeDeploy ends the deployment. */
  analysisPhase(_snapshot: Snapshot): AnalysisPhase {
    const state = this.state
    if (!state) return 'before'
    if (['Succeeded', 'Failed', 'Stopped'].includes(state.deployment.status ?? '')) return 'after'
    const green = state.target?.taskSetsInfo?.find((t) => t.taskSetLabel === 'Green')
    return (green?.trafficWeight ?? 0) > 0 ? 'bake' : 'before'
  }

  /** ContinueDeployment from Ready. */
  async proceed(_snapshot: Snapshot): Promise<string | undefined> {
    const { codedeploy } = this.ctx
    const id = this.state?.deployment.deploymentId
    if (!codedeploy || !id || this.state?.deployment.status !== 'Ready') return undefined
    await continueDeployment(codedeploy, id)
    this.ctx.rollout.resumed = 'ready'
    return `continued CodeDeploy deployment ${id} from Ready (ContinueDeployment)`
  }

  standing(status: string, counts: string): string {
    return [status, counts].filter(Boolean).join('; ')
  }

  /** The replacement (green) task set starts the new tasks. */
  taskStarter(): string | undefined {
    return greenTaskSet(this.state)
  }

  // A CODE_DEPLOY service is rolled back by CodeDeploy only: ECS refuses UpdateService's task definition for it.
  async rollBack(rollout: Rollout): Promise<string> {
    const { codedeploy, deploymentId } = this.ours(rollout)
    return rollBackCodeDeployment(codedeploy, deploymentId, taskDefinitionRevision(rollout.previousTaskDefinition))
  }

  async redeployPrevious(rollout: Rollout): Promise<Redeployment> {
    const { codedeploy, deploymentId } = this.ours(rollout)
    const line = await redeployPreviousRevision(codedeploy, deploymentId, rollout.previousTaskDefinition)
    return { line, revision: rollout.previousTaskDefinition }
  }

  private ours(rollout: Rollout): { codedeploy: CodeDeployClient; deploymentId: string } {
    const { codedeploy } = this.ctx
    if (!rollout.deploymentId || !codedeploy)
      throw new Error(
        'this run started no CodeDeploy deployment to roll back (a CODE_DEPLOY service is rolled back by CodeDeploy)',
      )
    return { codedeploy, deploymentId: rollout.deploymentId }
  }
}

export const codedeploy: DeploymentMechanism = {
  name: 'codedeploy',
  controller: 'CODE_DEPLOY',
  // It deploys what the deployment group's service runs whatever the strategy; `rolling` is refused by configure().
  strategies: { rolling: false, 'blue-green': true, canary: true, linear: true },
  testTraffic: true,
  refusesEarlySuccess: false,
  registersRevisions: true,
  peakFleet: 'both-fleets',
  configure: (inputs) => ({ deploymentConfigName: deploymentConfigName(inputs) }),
  plan: planCodeDeploy,
  async inFlight(clients, _cluster, plan, service, target) {
    const active = await findDeployment(clients.codedeploy, codedeployPlan(plan).group, ACTIVE_STATUSES)
    if (!active || (active.status !== 'Ready' && target !== undefined && deployedBy(active) === target))
      return { service }
    return { service, inFlight: describeInFlight(active) }
  },
  start: (clients, ctx, plan, service, request) =>
    startCodeDeployment(clients, ctx, codedeployPlan(plan), service, request, plan.inputs.onBusy),
  resume: (clients, _cluster, plan, service, now, dryRun) =>
    continueCodeDeployment(
      clients.codedeploy,
      codedeployPlan(plan),
      service,
      plan.inputs.continueAction ?? 'continue',
      now,
      dryRun,
    ),
  async rollBackService(_clients, service) {
    throw new UserError(
      `Service "${service.serviceName}" uses the CODE_DEPLOY deployment controller: its rollouts go through AWS CodeDeploy (blue/green with an appspec), not an ECS update of its task definition.`,
    )
  },
  watch: (ctx) => new CodeDeployWatch(ctx),
}
