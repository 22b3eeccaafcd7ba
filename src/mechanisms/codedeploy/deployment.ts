// CodeDeploy deployments of an ECS service: the one in flight, a new one, going on from Ready or stopping.
import type { CodeDeployClient, DeploymentInfo, DeploymentStatus } from '@aws-sdk/client-codedeploy'
import * as gateway from '../../aws/codedeploy.js'
import type { ContinueAction } from '../strategy-types.js'
import type { DeploymentGroup } from './application.js'

/** Statuses of a deployment that has not ended; CodeDeploy runs one at a time per group. */
export const ACTIVE_STATUSES: DeploymentStatus[] = ['Created', 'Queued', 'InProgress', 'Baking', 'Ready']

export { getDeployment, stopDeployment } from '../../aws/codedeploy.js'

/** The group's newest deployment in one of these statuses, if any. */
export async function findDeployment(
  codedeploy: CodeDeployClient,
  group: DeploymentGroup,
  statuses: DeploymentStatus[],
): Promise<DeploymentInfo | undefined> {
  const [newest] = await gateway.listDeployments(codedeploy, group, statuses)
  return newest ? gateway.getDeployment(codedeploy, newest) : undefined
}

/** Starts a deployment of the AppSpec; returns its id. */
export async function createDeployment(
  codedeploy: CodeDeployClient,
  group: Pick<DeploymentGroup, 'application' | 'deploymentGroup'>,
  appSpec: string,
  config: string | undefined,
  description: string,
): Promise<string> {
  const deploymentId = await gateway.createDeployment(codedeploy, {
    applicationName: group.application,
    deploymentGroupName: group.deploymentGroup,
    revision: { revisionType: 'AppSpecContent', appSpecContent: { content: appSpec } },
    ...(config !== undefined && { deploymentConfigName: config }),
    description,
  })
  return deploymentId ?? ''
}

/** Lets a Ready deployment reroute production traffic, or stops it with a rollback. */
export async function resumeDeployment(
  codedeploy: CodeDeployClient,
  deploymentId: string,
  action: ContinueAction,
): Promise<void> {
  if (action === 'continue') await gateway.continueDeployment(codedeploy, deploymentId)
  else await gateway.stopDeployment(codedeploy, deploymentId, true)
}
