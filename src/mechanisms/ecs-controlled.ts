// What the two mechanisms of ECS-controlled services (rolling, and ECS's own blue/green, canary, linear) share:
// planning, the idle check, starting and resuming; they differ in how a rollout is followed (rolling.ts, ecs-native.ts).
import type { DeploymentConfiguration, ECSClient, Service, ServiceDeployment } from '@aws-sdk/client-ecs'
import { taskDefinitionRevision as revision } from '../aws/arn.js'
import {
  continueServiceDeployment,
  describeService,
  describeServiceDeployments,
  listServiceDeployments,
} from '../aws/ecs.js'
import {
  mergeConfiguration,
  primaryDeployment,
  startRollout,
  type Rollout,
  type RolloutRequest,
} from '../deploy/rollout.js'
import { UserError } from '../common/errors.js'
import { untilIdle, type InFlight, type WaitContext } from './busy.js'
import { awaitingHook } from '../deploy/progress.js'
import type { ContinueAction, StrategyInputs } from './strategy-types.js'
import type { DeploymentMechanism, ResumedRollout, StrategyPlan } from './mechanism.js'
import {
  behindNetworkLoadBalancer,
  checkNativeSupport,
  configuredStrategy,
  describeConfiguration,
  shiftsTraffic,
  strategyConfiguration,
  strategyShiftsTraffic,
} from './ecs-native-config.js'
import { rollBackEcsService } from './ecs-service-rollback.js'

async function describeServiceDeployment(ecs: ECSClient, arn: string): Promise<ServiceDeployment | undefined> {
  return (await describeServiceDeployments(ecs, [arn])).get(arn)
}

/** The deployment in flight on the service, other than one of `target` (which a re-run follows instead). */
export async function inFlight(
  ecs: ECSClient,
  service: Service,
  target: string | undefined,
): Promise<InFlight | undefined> {
  const primary = primaryDeployment(service)
  if (primary?.rolloutState !== 'IN_PROGRESS' || primary.taskDefinition === target) return undefined
  const since = primary.createdAt ? ` since ${primary.createdAt.toISOString()}` : ''
  const what = `deployment ${primary.id} of ${revision(primary.taskDefinition)} (IN_PROGRESS${since})`
  const arn = service.currentServiceDeployment
  const sd =
    arn && shiftsTraffic(service.deploymentConfiguration) ? await describeServiceDeployment(ecs, arn) : undefined
  const paused = awaitingHook(sd) ? (sd?.lifecycleStage ?? 'a lifecycle hook') : undefined
  return { what, ...(paused && { paused }) }
}

/**
 * Updates the service with the new revision and the strategy's configuration, once any other deployment in
 * flight has finished (`on-busy: wait`) — or fails having changed nothing (`on-busy: fail`, or a paused one).
 */
export async function startEcsDeployment(
  ecs: ECSClient,
  ctx: WaitContext,
  service: Service,
  request: RolloutRequest,
  inputs: StrategyInputs,
): Promise<Rollout> {
  let current = service
  let fresh = true
  const name = service.serviceName ?? ''
  await untilIdle(ctx, name, inputs.onBusy, async () => {
    // The service as found first, then as it is on each later round.
    if (!fresh) {
      current = (await describeService(ecs, request.cluster, name)) ?? current
    }
    fresh = false
    return inFlight(ecs, current, request.taskDefinitionArn)
  })
  return startRollout(ecs, current, request, ctx.clock.now())
}

/** Continues (or rolls back) the service deployment an earlier run left paused at its PAUSE hook. */
export async function continueEcsDeployment(
  ecs: ECSClient,
  cluster: string,
  service: Service,
  action: ContinueAction,
  now: number,
  dryRun = false,
): Promise<ResumedRollout> {
  const name = service.serviceName ?? ''
  const listed = await listServiceDeployments(ecs, { cluster, service: name, status: ['PENDING', 'IN_PROGRESS'] })
  const arns = listed.flatMap((sd) => (sd.serviceDeploymentArn ? [sd.serviceDeploymentArn] : []))
  const described = arns.length ? [...(await describeServiceDeployments(ecs, arns)).values()] : []
  const paused = described.find((sd) => awaitingHook(sd))
  const hook = awaitingHook(paused)
  if (!paused?.serviceDeploymentArn || !hook?.hookId) {
    const now = described[0]
      ? `its deployment in flight is at ${described[0].lifecycleStage ?? described[0].status}`
      : 'it has no deployment in flight'
    throw new UserError(
      `\`mode: continue\`: service "${name}" has no deployment paused at a lifecycle hook (${now}): nothing was changed.`,
    )
  }
  const arn = paused.serviceDeploymentArn
  const hookId = hook.hookId
  if (!dryRun)
    await continueServiceDeployment(ecs, {
      serviceDeploymentArn: arn,
      hookId,
      action: action === 'continue' ? 'CONTINUE' : 'ROLLBACK',
    })
  const primary = primaryDeployment(service)
  const source = service.deployments?.find((d) => d.status === 'ACTIVE')
  return {
    ...(primary?.id && { deploymentId: primary.id }),
    serviceDeploymentArn: arn,
    mechanism: 'ecs-native',
    resumed: hookId,
    previousTaskDefinition: source?.taskDefinition ?? '',
    started: !dryRun,
    startedAt: now,
    targetTaskDefinition: primary?.taskDefinition ?? service.taskDefinition ?? '',
  }
}

const CODEDEPLOY_ONLY = {
  appspec: 'codedeploy.appspec',
  codedeployApplication: 'codedeploy.application',
  codedeployDeploymentGroup: 'codedeploy.deployment-group',
  codedeployConfig: 'codedeploy.config',
} as const

/** Checks the strategy inputs against an ECS-controlled service (its load balancer for blue/green) and settles the plan. */
async function planEcs(mechanism: EcsMechanism, service: Service, inputs: StrategyInputs): Promise<StrategyPlan> {
  const name = service.serviceName ?? ''
  const stray = (Object.keys(CODEDEPLOY_ONLY) as (keyof typeof CODEDEPLOY_ONLY)[]).find(
    (key) => inputs[key] !== undefined,
  )
  if (stray) {
    throw new UserError(
      `Config key \`${CODEDEPLOY_ONLY[stray]}\` applies to services with the CODE_DEPLOY deployment controller; service "${name}" uses ECS (for ECS's own blue/green, canary or linear, set \`strategy\`).`,
    )
  }
  const strategy = inputs.strategy ?? configuredStrategy(service)
  checkNativeSupport(service, strategy)
  const configuration = strategyConfiguration(service.deploymentConfiguration, inputs)
  const after = mergeConfiguration(service.deploymentConfiguration, configuration) ?? service.deploymentConfiguration
  return {
    mechanism,
    description: `${describeConfiguration(after)}${inputs.waitUntil ? `, pausing at ${inputs.waitUntil}` : ''}${
      strategyShiftsTraffic(service, inputs) && behindNetworkLoadBalancer(service) ? NLB_NOTE : ''
    }`,
    inputs,
    configuration,
    changes: configurationChanges(service.deploymentConfiguration, after),
  }
}

// AWS's guide (Network Load Balancer resources for blue/green, linear and canary deployments): NLB weights settle late.
const NLB_NOTE = '; behind a Network Load Balancer, ECS adds 10 min to each traffic shift stage'

/** What the configuration change does, in words. */
function configurationChanges(
  before: DeploymentConfiguration | undefined,
  after: DeploymentConfiguration | undefined,
): string[] {
  const changes: string[] = []
  const strategyBefore = describeConfiguration(before)
  const strategyAfter = describeConfiguration(after)
  if (strategyBefore !== strategyAfter)
    changes.push(`service deployment strategy: ${strategyBefore} → ${strategyAfter}`)
  const alarms = (c: DeploymentConfiguration | undefined): string =>
    c?.alarms?.enable ? `${c.alarms.alarmNames?.join(', ')}${c.alarms.rollback ? ' (roll back on ALARM)' : ''}` : 'none'
  if (alarms(before) !== alarms(after)) changes.push(`service deployment alarms: ${alarms(before)} → ${alarms(after)}`)
  const pauses = (c: DeploymentConfiguration | undefined): string =>
    (c?.lifecycleHooks ?? [])
      .filter((h) => h.targetType === 'PAUSE')
      .flatMap((h) => h.lifecycleStages ?? [])
      .join(', ') || 'none'
  if (pauses(before) !== pauses(after))
    changes.push(`service deployment PAUSE hooks: ${pauses(before)} → ${pauses(after)}`)
  return changes
}

type EcsMechanism = 'rolling' | 'ecs-native'

/** The parts of a mechanism the ECS-controlled ones share: all but which strategies they deploy and how a rollout is followed. */
export function ecsControlled(
  name: EcsMechanism,
): Pick<
  DeploymentMechanism,
  'name' | 'controller' | 'configure' | 'plan' | 'inFlight' | 'start' | 'resume' | 'rollBackService'
> {
  return {
    name,
    controller: 'ECS',
    configure: (inputs, service) => ({
      deploymentConfiguration: strategyConfiguration(service.deploymentConfiguration, inputs),
    }),
    plan: (_clients, _cluster, service, inputs) => planEcs(name, service, inputs),
    async inFlight(clients, cluster, _plan, service, target, reread) {
      // The service as found first, then as it is on each later round.
      const current = reread
        ? ((await describeService(clients.ecs, cluster, service.serviceName ?? '')) ?? service)
        : service
      return { service: current, inFlight: await inFlight(clients.ecs, current, target) }
    },
    start(clients, ctx, plan, service, request) {
      const { containers: _containers, ...ecsRequest } = request
      return startEcsDeployment(
        clients.ecs,
        ctx,
        service,
        { ...ecsRequest, mechanism: name, ...(plan.configuration && { deploymentConfiguration: plan.configuration }) },
        plan.inputs,
      )
    },
    resume(clients, cluster, plan, service, now, dryRun) {
      const action = plan.inputs.continueAction ?? 'continue'
      return continueEcsDeployment(clients.ecs, cluster, service, action, now, dryRun)
    },
    rollBackService: (clients, service, request) =>
      rollBackEcsService(clients.ecs, service, { ...request, mechanism: name }),
  }
}
