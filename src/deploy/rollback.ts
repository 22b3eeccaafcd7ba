import type { ECSClient } from '@aws-sdk/client-ecs'
import { taskDefinitionRevision } from '../aws/arn.js'
import { stopServiceDeployment, updateService } from '../aws/ecs.js'
import { isAccessDenied } from '../aws/errors.js'
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
  return `${denied}rolled the service back to ${previous} by redeploying it`
}
