import type { CodeDeployClient } from '@aws-sdk/client-codedeploy'
import { StopServiceDeploymentCommand, UpdateServiceCommand, type ECSClient } from '@aws-sdk/client-ecs'
import { awsCall } from '../aws-errors.js'
import { stopDeployment } from '../strategy/codedeploy/deployment.js'
import type { Rollout } from './rollout.js'

/**
 * Asks for a rollback to the revision the service ran before: CodeDeploy's StopDeployment with auto-rollback
 * for a CodeDeploy deployment; StopServiceDeployment where the service has service deployments; else by
 * updating it to the previous task definition. Returns a line for the log and summary.
 */
export async function requestRollback(ecs: ECSClient, cluster: string, service: string, rollout: Rollout, codedeploy?: CodeDeployClient): Promise<string> {
  const previous = rollout.previousTaskDefinition.split('/').pop()
  if (rollout.mechanism === 'codedeploy' && rollout.deploymentId && codedeploy) {
    await stopDeployment(codedeploy, rollout.deploymentId, true)
    return `stopped CodeDeploy deployment ${rollout.deploymentId} with a rollback to ${previous} (StopDeployment, autoRollbackEnabled)`
  }
  if (rollout.serviceDeploymentArn) {
    const arn = rollout.serviceDeploymentArn
    await awsCall('ecs:StopServiceDeployment', () =>
      ecs.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: arn, stopType: 'ROLLBACK' })),
    )
    return `requested a rollback to ${previous} (StopServiceDeployment ROLLBACK)`
  }
  await awsCall('ecs:UpdateService', () =>
    ecs.send(new UpdateServiceCommand({ cluster, service, taskDefinition: rollout.previousTaskDefinition })),
  )
  return `rolled the service back to ${previous} by redeploying it`
}
