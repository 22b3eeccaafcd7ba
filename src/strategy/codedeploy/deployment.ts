// CodeDeploy deployments of an ECS service: the one in flight, a new one, going on from Ready or stopping.
import {
  ContinueDeploymentCommand,
  CreateDeploymentCommand,
  GetDeploymentCommand,
  ListDeploymentsCommand,
  StopDeploymentCommand,
  type CodeDeployClient,
  type DeploymentInfo,
  type DeploymentStatus,
} from '@aws-sdk/client-codedeploy'
import { awsCall } from '../../aws-errors.js'
import type { ContinueAction } from '../types.js'
import type { DeploymentGroup } from './application.js'

/** Statuses of a deployment that has not ended; CodeDeploy runs one at a time per group. */
export const ACTIVE_STATUSES: DeploymentStatus[] = ['Created', 'Queued', 'InProgress', 'Baking', 'Ready']

export async function getDeployment(codedeploy: CodeDeployClient, deploymentId: string): Promise<DeploymentInfo> {
  const response = await awsCall('codedeploy:GetDeployment', () => codedeploy.send(new GetDeploymentCommand({ deploymentId })))
  return response.deploymentInfo ?? { deploymentId }
}

/** The group's newest deployment in one of these statuses, if any. */
export async function findDeployment(codedeploy: CodeDeployClient, group: DeploymentGroup, statuses: DeploymentStatus[]): Promise<DeploymentInfo | undefined> {
  const listed = await awsCall('codedeploy:ListDeployments', () =>
    codedeploy.send(new ListDeploymentsCommand({ applicationName: group.application, deploymentGroupName: group.deploymentGroup, includeOnlyStatuses: statuses })),
  )
  const [newest] = listed.deployments ?? []
  return newest ? getDeployment(codedeploy, newest) : undefined
}

/** Starts a deployment of the AppSpec; returns its id. */
export async function createDeployment(
  codedeploy: CodeDeployClient,
  group: DeploymentGroup,
  appSpec: string,
  config: string | undefined,
  description: string,
): Promise<string> {
  const response = await awsCall('codedeploy:CreateDeployment', () =>
    codedeploy.send(
      new CreateDeploymentCommand({
        applicationName: group.application,
        deploymentGroupName: group.deploymentGroup,
        revision: { revisionType: 'AppSpecContent', appSpecContent: { content: appSpec } },
        ...(config !== undefined && { deploymentConfigName: config }),
        description,
      }),
    ),
  )
  return response.deploymentId ?? ''
}

/** Lets a Ready deployment reroute production traffic, or stops it with a rollback. */
export async function resumeDeployment(codedeploy: CodeDeployClient, deploymentId: string, action: ContinueAction): Promise<void> {
  if (action === 'continue') {
    await awsCall('codedeploy:ContinueDeployment', () => codedeploy.send(new ContinueDeploymentCommand({ deploymentId, deploymentWaitType: 'READY_WAIT' })))
  } else {
    await stopDeployment(codedeploy, deploymentId, true)
  }
}

export async function stopDeployment(codedeploy: CodeDeployClient, deploymentId: string, rollback: boolean): Promise<void> {
  await awsCall('codedeploy:StopDeployment', () => codedeploy.send(new StopDeploymentCommand({ deploymentId, autoRollbackEnabled: rollback })))
}
