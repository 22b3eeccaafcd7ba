// The CodeDeploy calls the action makes, each named by the IAM action it needs; failures are explained (errors.ts).
import type {
  ApplicationInfo,
  CodeDeployClient,
  CreateDeploymentCommandInput,
  DeploymentConfigInfo,
  DeploymentGroupInfo,
  DeploymentInfo,
  DeploymentStatus,
  ECSTarget,
} from '@aws-sdk/client-codedeploy'
import { awsCall, unlessNotFound } from './errors.js'

/** The SDK package, loaded by the first call (clients.ts). */
const sdk = () => import('@aws-sdk/client-codedeploy')

/** The application, or undefined when there is none by that name. */
export async function getApplication(
  codedeploy: CodeDeployClient,
  applicationName: string,
): Promise<ApplicationInfo | undefined> {
  const found = await unlessNotFound(
    awsCall(
      'codedeploy:GetApplication',
      async () => codedeploy.send(new (await sdk()).GetApplicationCommand({ applicationName })),
      {
        missing: { ApplicationDoesNotExistException: 'application' },
      },
    ),
  )
  return found ? (found.application ?? { applicationName }) : undefined
}

/** The deployment group, or undefined when the application has none by that name. */
export async function getDeploymentGroup(
  codedeploy: CodeDeployClient,
  applicationName: string,
  deploymentGroupName: string,
): Promise<DeploymentGroupInfo | undefined> {
  const found = await unlessNotFound(
    awsCall(
      'codedeploy:GetDeploymentGroup',
      async () =>
        codedeploy.send(new (await sdk()).GetDeploymentGroupCommand({ applicationName, deploymentGroupName })),
      {
        missing: { DeploymentGroupDoesNotExistException: 'deployment group' },
      },
    ),
  )
  return found?.deploymentGroupInfo
}

/** The deployment config, or undefined when there is none by that name. */
export async function getDeploymentConfig(
  codedeploy: CodeDeployClient,
  deploymentConfigName: string,
): Promise<DeploymentConfigInfo | undefined> {
  const found = await unlessNotFound(
    awsCall(
      'codedeploy:GetDeploymentConfig',
      async () => codedeploy.send(new (await sdk()).GetDeploymentConfigCommand({ deploymentConfigName })),
      {
        missing: { DeploymentConfigDoesNotExistException: 'deployment config' },
      },
    ),
  )
  return found?.deploymentConfigInfo
}

export async function getDeployment(codedeploy: CodeDeployClient, deploymentId: string): Promise<DeploymentInfo> {
  const response = await awsCall('codedeploy:GetDeployment', async () =>
    codedeploy.send(new (await sdk()).GetDeploymentCommand({ deploymentId })),
  )
  return response.deploymentInfo ?? { deploymentId }
}

/** The ids of the group's deployments in these statuses, newest first (one page: the newest is what is asked for). */
export async function listDeployments(
  codedeploy: CodeDeployClient,
  group: { application: string; deploymentGroup: string },
  statuses: DeploymentStatus[],
): Promise<string[]> {
  const listed = await awsCall('codedeploy:ListDeployments', async () =>
    codedeploy.send(
      new (await sdk()).ListDeploymentsCommand({
        applicationName: group.application,
        deploymentGroupName: group.deploymentGroup,
        includeOnlyStatuses: statuses,
      }),
    ),
  )
  return listed.deployments ?? []
}

/** Starts a deployment; returns its id. */
export async function createDeployment(
  codedeploy: CodeDeployClient,
  input: CreateDeploymentCommandInput,
): Promise<string | undefined> {
  return (
    await awsCall('codedeploy:CreateDeployment', async () =>
      codedeploy.send(new (await sdk()).CreateDeploymentCommand(input)),
    )
  ).deploymentId
}

/** Lets a deployment waiting in Ready reroute production traffic. */
export async function continueDeployment(codedeploy: CodeDeployClient, deploymentId: string): Promise<void> {
  await awsCall('codedeploy:ContinueDeployment', async () =>
    codedeploy.send(new (await sdk()).ContinueDeploymentCommand({ deploymentId, deploymentWaitType: 'READY_WAIT' })),
  )
}

export async function stopDeployment(
  codedeploy: CodeDeployClient,
  deploymentId: string,
  rollback: boolean,
): Promise<void> {
  await awsCall('codedeploy:StopDeployment', async () =>
    codedeploy.send(new (await sdk()).StopDeploymentCommand({ deploymentId, autoRollbackEnabled: rollback })),
  )
}

/** The deployment's target ids (an ECS deployment has one: the service). */
export async function listDeploymentTargets(codedeploy: CodeDeployClient, deploymentId: string): Promise<string[]> {
  return (
    (
      await awsCall('codedeploy:ListDeploymentTargets', async () =>
        codedeploy.send(new (await sdk()).ListDeploymentTargetsCommand({ deploymentId })),
      )
    ).targetIds ?? []
  )
}

/** The ECS target of a deployment: its task sets and lifecycle events. */
export async function getEcsTarget(
  codedeploy: CodeDeployClient,
  deploymentId: string,
  targetId: string,
): Promise<ECSTarget | undefined> {
  const response = await awsCall('codedeploy:GetDeploymentTarget', async () =>
    codedeploy.send(new (await sdk()).GetDeploymentTargetCommand({ deploymentId, targetId })),
  )
  return response.deploymentTarget?.ecsTarget
}
