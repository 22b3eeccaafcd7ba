// Starting and resuming deployments of ECS-controlled services (rolling, or ECS's own blue/green, canary, linear).
import type { ECSClient, Service, ServiceDeployment } from '@aws-sdk/client-ecs'
import { taskDefinitionRevision as revision } from '../aws/arn.js'
import { continueServiceDeployment, describeService, describeServiceDeployments, listServiceDeployments } from '../aws/ecs.js'
import { isNative, primaryDeployment, startRollout, type Rollout, type RolloutRequest } from '../deploy/rollout.js'
import { UserError } from '../errors.js'
import { untilIdle, type InFlight, type WaitContext } from './busy.js'
import { awaitingHook } from '../deploy/progress.js'
import type { ContinueAction, StrategyInputs } from '../strategy/types.js'

async function describeServiceDeployment(ecs: ECSClient, arn: string): Promise<ServiceDeployment | undefined> {
  return (await describeServiceDeployments(ecs, [arn])).get(arn)
}

/** The deployment in flight on the service, other than one of `target` (which a re-run follows instead). */
export async function inFlight(ecs: ECSClient, service: Service, target: string | undefined): Promise<InFlight | undefined> {
  const primary = primaryDeployment(service)
  if (primary?.rolloutState !== 'IN_PROGRESS' || primary.taskDefinition === target) return undefined
  const since = primary.createdAt ? ` since ${primary.createdAt.toISOString()}` : ''
  const what = `deployment ${primary.id} of ${revision(primary.taskDefinition)} (IN_PROGRESS${since})`
  const arn = service.currentServiceDeployment
  const sd = arn && isNative(service.deploymentConfiguration) ? await describeServiceDeployment(ecs, arn) : undefined
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

/** A resumed rollout, with the revision it brings. */
export type ResumedRollout = Rollout & { targetTaskDefinition: string }

/** Continues (or rolls back) the service deployment an earlier run left paused at its PAUSE hook. */
export async function continueEcsDeployment(ecs: ECSClient, cluster: string, service: Service, action: ContinueAction, now: number): Promise<ResumedRollout> {
  const name = service.serviceName ?? ''
  const listed = await listServiceDeployments(ecs, { cluster, service: name, status: ['PENDING', 'IN_PROGRESS'] })
  const arns = listed.flatMap((sd) => (sd.serviceDeploymentArn ? [sd.serviceDeploymentArn] : []))
  const described = arns.length ? [...(await describeServiceDeployments(ecs, arns)).values()] : []
  const paused = described.find((sd) => awaitingHook(sd))
  const hook = awaitingHook(paused)
  if (!paused?.serviceDeploymentArn || !hook?.hookId) {
    const now = described[0] ? `its deployment in flight is at ${described[0].lifecycleStage ?? described[0].status}` : 'it has no deployment in flight'
    throw new UserError(`Input \`continue\`: service "${name}" has no deployment paused at a lifecycle hook (${now}): nothing was changed.`)
  }
  const arn = paused.serviceDeploymentArn
  const hookId = hook.hookId
  await continueServiceDeployment(ecs, { serviceDeploymentArn: arn, hookId, action: action === 'continue' ? 'CONTINUE' : 'ROLLBACK' })
  const primary = primaryDeployment(service)
  const source = service.deployments?.find((d) => d.status === 'ACTIVE')
  return {
    ...(primary?.id && { deploymentId: primary.id }),
    serviceDeploymentArn: arn,
    mechanism: 'ecs-native',
    resumed: hookId,
    previousTaskDefinition: source?.taskDefinition ?? '',
    started: true,
    startedAt: now,
    targetTaskDefinition: primary?.taskDefinition ?? service.taskDefinition ?? '',
  }
}
