// The engine's service commands: `status` (the service, its deployments and events) and `rollback`; no door's words in them.
import type { Service } from '@aws-sdk/client-ecs'
import { resourceName, taskDefinitionRevision } from '../aws/arn.js'
import { createClients, type AwsClients } from '../aws/clients.js'
import { RunDeadline } from '../common/deadline.js'
import type { Clock } from '../deploy/clock.js'
import { findService } from '../deploy/find-service.js'
import { describeTaskDefinition } from '../deploy/register.js'
import { UserError } from '../common/errors.js'
import { initFiles, type InitFile } from '../servicedef/from-service.js'
import { mechanismFor } from '../mechanisms/registry.js'
import { waitForDeployment, type WatchResult } from '../mechanisms/watch.js'
import type { Ports } from './ports.js'

const revision = (arn: string | undefined): string => taskDefinitionRevision(arn, '—')

/** The service, its deployments and its newest events, as lines (and as data for --json). */
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

/** A service command's service, and how long its calls (and a rollback's wait) may take. */
export interface ServiceRequest {
  cluster: string
  service: string
  region: string
  timeoutMs: number
}

/** What a service command needs from its door: the clock, Ctrl-C, its log; the AWS clients and deadline as a deploy's. */
export interface ServicePorts extends Partial<Pick<Ports, 'aws' | 'deadline' | 'signal'>> {
  clock: Clock
  log: (line: string) => void
}

/** Runs `command` with the AWS clients of the region (the port's, else made here and closed after), under the deadline. */
async function withClients<T>(
  request: ServiceRequest,
  ports: ServicePorts,
  command: (clients: AwsClients, deadline: RunDeadline) => Promise<T>,
): Promise<T> {
  // Every call carries the command's deadline: the reads, the rollback request, the wait (which has the whole timeout).
  const deadline = ports.deadline ?? new RunDeadline(ports.signal, undefined, ports.clock.now)
  deadline.restart(request.timeoutMs)
  const clients = ports.aws ? ports.aws(request.region, deadline) : createClients(request.region, deadline)
  try {
    return await command(clients, deadline)
  } finally {
    if (!ports.aws) clients.destroy()
  }
}

/** `status`: the service, its deployments and its newest events. */
export async function serviceStatus(
  request: ServiceRequest,
  ports: ServicePorts,
): Promise<{ lines: string[]; data: object }> {
  return withClients(request, ports, async ({ ecs }) =>
    describeStatus(await findService(ecs, request.cluster, request.service, request.region)),
  )
}

export interface RollbackRequest extends ServiceRequest {
  /** family:revision or ARN; undefined: stop the rollout in flight, else the revision before. */
  to?: string | undefined
}

/**
 * `rollback`: the service's mechanism stops the rollout in flight with a rollback (where it can), or deploys the
 * revision before (or the one given); then the rollback is followed to its end.
 */
export async function rollbackService(r: RollbackRequest, ports: ServicePorts): Promise<WatchResult> {
  return withClients(r, ports, async (clients, deadline) => {
    const service = await findService(clients.ecs, r.cluster, r.service, r.region)
    const { targetTaskDefinition, ...rollout } = await mechanismFor(service, {
      deploymentAlarms: [],
      onBusy: 'fail',
    }).rollBackService(clients, service, { cluster: r.cluster, to: r.to, now: ports.clock.now(), log: ports.log })
    // The wait has the whole timeout.
    deadline.restart(r.timeoutMs)
    // Followed as this run's own (rollbackOnFailure is off: a rollback is not rolled back in turn).
    return waitForDeployment({
      ecs: clients.ecs,
      cluster: r.cluster,
      service: r.service,
      rollout,
      targetTaskDefinition,
      priorEventIds: (service.events ?? []).flatMap((e) => (e.id ? [e.id] : [])),
      timeoutMs: r.timeoutMs,
      rollbackOnFailure: false,
      clock: ports.clock,
      ...(ports.signal && { signal: ports.signal }),
      log: ports.log,
    })
  })
}

/** `init`: the files that say what the service runs now (task definition, service definition, config file). */
export async function serviceFiles(
  r: ServiceRequest & { environment: string; regionGiven: boolean },
  ports: ServicePorts,
): Promise<InitFile[]> {
  return withClients(r, ports, async ({ ecs }) => {
    const found = await findService(ecs, r.cluster, r.service, r.region)
    if (!found.taskDefinition)
      throw new UserError(`Service ${r.service} in ${r.cluster} runs no task definition to write.`)
    const described = await describeTaskDefinition(ecs, found.taskDefinition)
    return initFiles({
      cluster: r.cluster,
      environment: r.environment,
      ...(r.regionGiven && { region: r.region }),
      service: found,
      taskDefinition: described.taskDefinition,
      taskDefinitionTags: described.tags,
    })
  })
}
