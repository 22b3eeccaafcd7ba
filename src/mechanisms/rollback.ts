import type { CodeDeployClient } from '@aws-sdk/client-codedeploy'
import type { ECSClient } from '@aws-sdk/client-ecs'
import { taskDefinitionRevision } from '../aws/arn.js'
import { stopServiceDeployment, updateService } from '../aws/ecs.js'
import { isAccessDenied } from '../aws/errors.js'
import { rollBackCodeDeployment } from './codedeploy/rollback.js'
import type { Rollout } from '../deploy/rollout.js'

/**
 * Asks for a rollback to the revision the service ran before: CodeDeploy's StopDeployment with auto-rollback
 * for a CodeDeploy deployment (unless its traffic has all shifted); StopServiceDeployment where the service has service deployments; else (or when
 * StopServiceDeployment is denied) by updating it to the previous task definition. Returns a line for the log and summary.
 */
export async function requestRollback(ecs: ECSClient, cluster: string, service: string, rollout: Rollout, codedeploy?: CodeDeployClient): Promise<string> {
  const previous = taskDefinitionRevision(rollout.previousTaskDefinition)
  if (rollout.mechanism === 'codedeploy' && rollout.deploymentId && codedeploy) {
    return rollBackCodeDeployment(codedeploy, rollout.deploymentId, previous)
  }
  let denied = ''
  if (rollout.serviceDeploymentArn) {
    const arn = rollout.serviceDeploymentArn
    try {
      await stopServiceDeployment(ecs, arn)
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
