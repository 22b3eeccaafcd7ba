// `rollback` of an ECS-controlled service (a command of its own, not a deploy's): StopServiceDeployment for the rollout
// in flight, else an update to the revision asked for or the one before.
import type { ECSClient, Service } from '@aws-sdk/client-ecs'
import { revisionNumber, taskDefinitionFamily, taskDefinitionRevision } from '../aws/arn.js'
import { describeService, listTaskDefinitions, stopServiceDeployment } from '../aws/ecs.js'
import { UserError } from '../common/errors.js'
import { primaryDeployment, startRollout, type Rollout } from '../deploy/rollout.js'
import type { ResumedRollout, ServiceRollbackRequest } from './mechanism.js'
import type { Mechanism } from './strategy-types.js'

const revision = (arn: string | undefined): string => taskDefinitionRevision(arn, '—')

/** The revision before the one the service runs: the newest ACTIVE revision of its family older than it. */
async function previousRevision(ecs: ECSClient, current: string): Promise<string> {
  const family = taskDefinitionFamily(current)
  const number = revisionNumber(current)
  if (!current || number === undefined)
    throw new UserError(`Cannot tell the revision before ${current}: give --to family:revision.`)
  const listed = await listTaskDefinitions(ecs, { familyPrefix: family, status: 'ACTIVE', sort: 'DESC' })
  // familyPrefix also matches longer family names (web → web-worker): keep this family's own revisions.
  const older = listed.find((arn) => taskDefinitionFamily(arn) === family && (revisionNumber(arn) ?? Infinity) < number)
  if (!older)
    throw new UserError(`${family} has no ACTIVE revision before ${number} to roll back to: give --to family:revision.`)
  return older
}

/** Stops the rollout in flight with a rollback, or deploys the revision before (or the one given). */
export async function rollBackEcsService(
  ecs: ECSClient,
  service: Service,
  r: ServiceRollbackRequest & { mechanism: Mechanism },
): Promise<ResumedRollout> {
  const name = service.serviceName ?? ''
  const primary = primaryDeployment(service)
  const inFlight = (service.deployments?.length ?? 0) > 1 && primary?.rolloutState === 'IN_PROGRESS'
  if (!r.to && inFlight && service.currentServiceDeployment) {
    const arn = service.currentServiceDeployment
    const target = service.deployments?.find((d) => d.status === 'ACTIVE')?.taskDefinition ?? ''
    await stopServiceDeployment(ecs, arn)
    r.log(`stopped the rollout of ${revision(primary?.taskDefinition)} with a rollback to ${revision(target)}`)
    // StopServiceDeployment names no new deployment: the rollback is the primary one ECS shows for the target.
    const after = await describeService(ecs, r.cluster, name)
    const following = after && primaryDeployment(after)
    return {
      ...(following?.id && following.taskDefinition === target && { deploymentId: following.id }),
      previousTaskDefinition: service.taskDefinition ?? '',
      started: false,
      startedAt: r.now,
      targetTaskDefinition: target,
    }
  }
  const target =
    r.to ??
    (inFlight
      ? (service.deployments?.find((d) => d.status === 'ACTIVE')?.taskDefinition ?? '')
      : await previousRevision(ecs, service.taskDefinition ?? ''))
  // Followed through UpdateService's own answer: DescribeServices may not show the new deployment for a while.
  const started: Rollout = await startRollout(
    ecs,
    service,
    {
      cluster: r.cluster,
      taskDefinitionArn: target,
      forceNewDeployment: false,
      deploymentCircuitBreaker: 'keep',
      mechanism: r.mechanism,
    },
    r.now,
  )
  r.log(
    started.started
      ? `rolling back from ${revision(service.taskDefinition)} to ${revision(target)}`
      : `already on ${revision(target)}`,
  )
  if (!started.deploymentId) {
    const primaryNow = primaryDeployment((await describeService(ecs, r.cluster, name)) ?? service)
    if (primaryNow?.id) started.deploymentId = primaryNow.id
  }
  return { ...started, targetTaskDefinition: target }
}
