// `keep-revisions`: after a successful deploy, the family's older ACTIVE revisions are deregistered — all but the
// newest N and any revision the cluster still uses (a service's, one of its deployments', or a running task's).
// What other clusters or EventBridge schedules use is not seen: README says so.
import type { ECSClient } from '@aws-sdk/client-ecs'
import { revisionNumber, taskDefinitionFamily, taskDefinitionRevision } from '../aws/arn.js'
import {
  deregisterTaskDefinition,
  describeServicesByName,
  describeTasks,
  listServices,
  listTaskDefinitions,
  listTasks,
} from '../aws/ecs.js'
import { errorMessage } from '../common/errors.js'

/** Every task definition ARN the cluster's services (and their deployments) and its running tasks use. */
export async function revisionsInUse(ecs: ECSClient, cluster: string): Promise<Set<string>> {
  const services = await describeServicesByName(ecs, cluster, await listServices(ecs, cluster))
  const tasks = await describeTasks(ecs, cluster, await listTasks(ecs, { cluster, desiredStatus: 'RUNNING' }))
  return new Set(
    [
      ...services.flatMap((s) => [s.taskDefinition, ...(s.deployments ?? []).map((d) => d.taskDefinition)]),
      ...tasks.map((t) => t.taskDefinitionArn),
    ].filter((arn): arn is string => !!arn),
  )
}

/** The family's ACTIVE revisions to deregister: beyond the newest `keep`, and not in use. */
export function revisionsToDeregister(active: string[], keep: number, inUse: Set<string>): string[] {
  const newestFirst = [...active].sort((a, b) => (revisionNumber(b) ?? 0) - (revisionNumber(a) ?? 0))
  return newestFirst.slice(keep).filter((arn) => !inUse.has(arn))
}

/**
 * Deregisters the family's older revisions (see above); returns the `family:revision` of each one deregistered. A
 * failure is a warning: the deploy itself succeeded.
 */
export async function pruneRevisions(
  ecs: ECSClient,
  cluster: string,
  family: string,
  keep: number,
  log: { info(line: string): void; warning(line: string): void },
): Promise<string[]> {
  try {
    // familyPrefix also matches longer families (web-worker for web): only the family's own revisions count.
    const active = (await listTaskDefinitions(ecs, { familyPrefix: family, status: 'ACTIVE' })).filter(
      (arn) => taskDefinitionFamily(arn) === family,
    )
    if (active.length <= keep) return []
    const doomed = revisionsToDeregister(active, keep, await revisionsInUse(ecs, cluster))
    const gone: string[] = []
    for (const arn of doomed) {
      await deregisterTaskDefinition(ecs, arn)
      gone.push(taskDefinitionRevision(arn))
    }
    const kept = active.length - gone.length
    log.info(
      gone.length
        ? `keep-revisions ${keep}: deregistered ${gone.join(', ')}; ${kept} ACTIVE revision(s) of ${family} left (the newest ${keep} and those in use in ${cluster})`
        : `keep-revisions ${keep}: nothing to deregister; the older revisions of ${family} are in use in ${cluster}`,
    )
    return gone
  } catch (error) {
    log.warning(`keep-revisions: could not deregister old revisions of ${family}: ${errorMessage(error)}`)
    return []
  }
}
