import type { ECSClient } from '@aws-sdk/client-ecs'
import { taskDefinitionRevision } from '../aws/arn.js'
import { describeService, stopServiceDeployment, updateService } from '../aws/ecs.js'
import { errorMessage } from '../common/errors.js'
import { isAccessDenied } from '../aws/errors.js'
import type { Clock } from './clock.js'
import type { Rollout } from './rollout.js'

/**
 * Asks ECS for a rollback to the revision the service ran before: StopServiceDeployment where the rollout has a service
 * deployment shown to be its own; else (or when StopServiceDeployment is denied) by updating the service to the previous
 * task definition. Returns a line for the log and summary.
 */
export async function rollBackEcs(ecs: ECSClient, cluster: string, service: string, rollout: Rollout): Promise<string> {
  const previous = taskDefinitionRevision(rollout.previousTaskDefinition)
  let denied = ''
  if (rollout.serviceDeploymentArn) {
    try {
      await stopServiceDeployment(ecs, rollout.serviceDeploymentArn)
      return `requested a rollback to ${previous} (StopServiceDeployment ROLLBACK)`
    } catch (error) {
      // A policy without ecs:StopServiceDeployment: redeploying the previous revision is the README's promised fallback.
      if (!isAccessDenied(error)) throw error
      denied = 'AWS denied ecs:StopServiceDeployment, so '
    }
  }
  await updateService(ecs, { cluster, service, taskDefinition: rollout.previousTaskDefinition })
  return `${denied}asked ECS to roll the service back to ${previous} by redeploying it`
}

/** Pause between two reads of a rollback being followed. */
const FOLLOW_MS = 2000

/**
 * Follows the redeployment of `previousTaskDefinition` until ECS completes or fails it, or `until` (the run's
 * deadline) or the signal stops the wait; returns what ECS reached, in words.
 */
export async function followRollback(
  ecs: ECSClient,
  where: { cluster: string; service: string; previousTaskDefinition: string },
  wait: { clock: Clock; until: number; signal?: AbortSignal | undefined },
): Promise<string> {
  const previous = taskDefinitionRevision(where.previousTaskDefinition)
  let standing = 'ECS had not listed it yet'
  while (wait.clock.now() < wait.until && !wait.signal?.aborted) {
    try {
      const service = await describeService(ecs, where.cluster, where.service)
      const primary = service?.deployments?.find((d) => d.status === 'PRIMARY')
      if (primary?.taskDefinition === where.previousTaskDefinition) {
        const counts = `${primary.runningCount ?? 0} of ${primary.desiredCount ?? 0} tasks running`
        if (primary.rolloutState === 'FAILED')
          return `the rollback to ${previous} failed: ${primary.rolloutStateReason ?? 'no reason given'} (${counts})`
        const others = (service?.deployments ?? []).filter((d) => d !== primary).length
        if (primary.rolloutState === 'COMPLETED' && !others)
          return `ECS rolled the service back to ${previous} (${counts})`
        standing = `${primary.rolloutState ?? 'IN_PROGRESS'}, ${counts}`
      }
    } catch (error) {
      standing = `could not read it: ${errorMessage(error)}`
    }
    await wait.clock.sleep(Math.min(FOLLOW_MS, Math.max(0, wait.until - wait.clock.now())), wait.signal)
  }
  return `the rollback to ${previous} had not finished when the run's time ran out (${standing})`
}
