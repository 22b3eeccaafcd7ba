// The engine's service commands: `status` (the service, its deployments and events) and `rollback`; no door's words in them.
import type { ECSClient, Service } from '@aws-sdk/client-ecs'
import { resourceName, revisionNumber, taskDefinitionFamily, taskDefinitionRevision } from '../aws/arn.js'
import { describeService, listTaskDefinitions, stopServiceDeployment } from '../aws/ecs.js'
import { UserError } from '../common/errors.js'
import type { Clock } from '../deploy/clock.js'
import { primaryDeployment, startRollout, type Rollout } from '../deploy/rollout.js'
import { findService } from '../deploy/service.js'
import { waitForDeployment, type WatchResult } from '../mechanisms/watch.js'

const revision = (arn: string | undefined): string => taskDefinitionRevision(arn, '—')

/** `status`: the service, its deployments and its newest events, as lines (and as data for --json). */
export function describeStatus(service: Service): { lines: string[]; data: object } {
  const deployments = service.deployments ?? []
  const events = (service.events ?? []).slice(0, 5)
  const lines = [
    `${service.serviceName} (${service.status}) in ${service.clusterArn && resourceName(service.clusterArn)}: running ${revision(service.taskDefinition)}, ${service.runningCount}/${service.desiredCount} tasks, ${service.pendingCount ?? 0} pending`,
    'deployments:',
    ...deployments.map(
      (d) =>
        `  ${d.status} ${d.id} ${revision(d.taskDefinition)} ${d.rolloutState ?? ''} running ${d.runningCount}/${d.desiredCount}, failed ${d.failedTasks ?? 0}${d.rolloutStateReason ? ` — ${d.rolloutStateReason}` : ''}`,
    ),
    'recent events:',
    ...events.map((e) => `  ${e.createdAt?.toISOString() ?? ''} ${e.message}`),
  ]
  const data = {
    service: service.serviceName,
    status: service.status,
    taskDefinition: service.taskDefinition,
    desiredCount: service.desiredCount,
    runningCount: service.runningCount,
    pendingCount: service.pendingCount,
    deployments: deployments.map((d) => ({
      id: d.id,
      status: d.status,
      taskDefinition: d.taskDefinition,
      rolloutState: d.rolloutState,
      runningCount: d.runningCount,
      desiredCount: d.desiredCount,
      failedTasks: d.failedTasks,
    })),
    events: events.map((e) => ({ at: e.createdAt?.toISOString(), message: e.message })),
  }
  return { lines, data }
}

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

export interface RollbackRequest {
  ecs: ECSClient
  cluster: string
  service: string
  region: string
  /** family:revision or ARN; undefined: stop the rollout in flight, else the revision before. */
  to?: string
  clock: Clock
  timeoutMs: number
  /** Cancelled on Ctrl-C: the wait stops. */
  signal?: AbortSignal
  log: (line: string) => void
  /** Called as the wait starts (it has the whole timeout). */
  startWait?: () => void
}

/**
 * `rollback`: stops the rollout in flight with a rollback (where ECS can), or deploys the revision
 * before (or the one given), then follows the rollback to its end.
 */
export async function rollbackService(r: RollbackRequest): Promise<WatchResult> {
  const service = await findService(r.ecs, r.cluster, r.service, r.region)
  const primary = primaryDeployment(service)
  const inFlight = (service.deployments?.length ?? 0) > 1 && primary?.rolloutState === 'IN_PROGRESS'
  let target: string
  let rollout: Rollout
  if (!r.to && inFlight && service.currentServiceDeployment) {
    const arn = service.currentServiceDeployment
    target = service.deployments?.find((d) => d.status === 'ACTIVE')?.taskDefinition ?? ''
    await stopServiceDeployment(r.ecs, arn)
    r.log(`stopped the rollout of ${revision(primary?.taskDefinition)} with a rollback to ${revision(target)}`)
    // StopServiceDeployment names no new deployment: the rollback is the primary one ECS shows for the target.
    const after = await describeService(r.ecs, r.cluster, r.service)
    const following = after && primaryDeployment(after)
    rollout = {
      ...(following?.id && following.taskDefinition === target && { deploymentId: following.id }),
      previousTaskDefinition: service.taskDefinition ?? '',
      started: false,
      startedAt: r.clock.now(),
    }
  } else {
    target =
      r.to ??
      (inFlight
        ? (service.deployments?.find((d) => d.status === 'ACTIVE')?.taskDefinition ?? '')
        : await previousRevision(r.ecs, service.taskDefinition ?? ''))
    // Followed through UpdateService's own answer: DescribeServices may not show the new deployment for a while.
    const started = await startRollout(
      r.ecs,
      service,
      { cluster: r.cluster, taskDefinitionArn: target, forceNewDeployment: false, deploymentCircuitBreaker: 'keep' },
      r.clock.now(),
    )
    r.log(
      started.started
        ? `rolling back from ${revision(service.taskDefinition)} to ${revision(target)}`
        : `already on ${revision(target)}`,
    )
    // Followed as this run's own (rollbackOnFailure is off: a rollback is not rolled back in turn).
    rollout = started
    if (!started.deploymentId) {
      const primaryNow = primaryDeployment((await describeService(r.ecs, r.cluster, r.service)) ?? service)
      if (primaryNow?.id) rollout.deploymentId = primaryNow.id
    }
  }
  r.startWait?.()
  return waitForDeployment({
    ecs: r.ecs,
    cluster: r.cluster,
    service: r.service,
    rollout,
    targetTaskDefinition: target,
    priorEventIds: (service.events ?? []).flatMap((e) => (e.id ? [e.id] : [])),
    timeoutMs: r.timeoutMs,
    rollbackOnFailure: false,
    clock: r.clock,
    ...(r.signal && { signal: r.signal }),
    log: r.log,
  })
}
