// The CodeDeploy calls the action makes, each named by the IAM action it needs; failures are explained (errors.ts).
import {
  ContinueDeploymentCommand,
  CreateDeploymentCommand,
  GetApplicationCommand,
  GetDeploymentCommand,
  GetDeploymentConfigCommand,
  GetDeploymentGroupCommand,
  GetDeploymentTargetCommand,
  ListDeploymentsCommand,
  ListDeploymentTargetsCommand,
  StopDeploymentCommand,
  type ApplicationInfo,
  type CodeDeployClient,
  type CreateDeploymentCommandInput,
  type DeploymentConfigInfo,
  type DeploymentGroupInfo,
  type DeploymentInfo,
  type DeploymentStatus,
  type ECSTarget,
} from '@aws-sdk/client-codedeploy'
import { awsCall, unlessNotFound } from './errors.js'

/** The application, or undefined when there is none by that name. */
export async function getApplication(
  codedeploy: CodeDeployClient,
  applicationName: string,
): Promise<ApplicationInfo | undefined> {
  const found = await unlessNotFound(
    awsCall('codedeploy:GetApplication', () => codedeploy.send(new GetApplicationCommand({ applicationName })), {
      missing: { ApplicationDoesNotExistException: 'application' },
    }),
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
      () => codedeploy.send(new GetDeploymentGroupCommand({ applicationName, deploymentGroupName })),
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
      () => codedeploy.send(new GetDeploymentConfigCommand({ deploymentConfigName })),
      {
        missing: { DeploymentConfigDoesNotExistException: 'deployment config' },
      },
    ),
  )
  return found?.deploymentConfigInfo
}

export async function getDeployment(codedeploy: CodeDeployClient, deploymentId: string): Promise<DeploymentInfo> {
  const response = await awsCall('codedeploy:GetDeployment', () =>
    codedeploy.send(new GetDeploymentCommand({ deploymentId })),
  )
  return response.deploymentInfo ?? { deploymentId }
}

/** The ids of the group's deployments in these statuses, newest first (one page: the newest is what is asked for). */
export async function listDeployments(
  codedeploy: CodeDeployClient,
  group: { application: string; deploymentGroup: string },
  statuses: DeploymentStatus[],
): Promise<string[]> {
  const listed = await awsCall('codedeploy:ListDeployments', () =>
    codedeploy.send(
      new ListDeploymentsCommand({
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
  return (await awsCall('codedeploy:CreateDeployment', () => codedeploy.send(new CreateDeploymentCommand(input))))
    .deploymentId
}

/** Lets a deployment waiting in Ready reroute production traffic. */
export async function continueDeployment(codedeploy: CodeDeployClient, deploymentId: string): Promise<void> {
  await awsCall('codedeploy:ContinueDeployment', () =>
    codedeploy.send(new ContinueDeploymentCommand({ deploymentId, deploymentWaitType: 'READY_WAIT' })),
  )
}

export async function stopDeployment(
  codedeploy: CodeDeployClient,
  deploymentId: string,
  rollback: boolean,
): Promise<void> {
  await awsCall('codedeploy:StopDeployment', () =>
    codedeploy.send(new StopDeploymentCommand({ deploymentId, autoRollbackEnabled: rollback })),
  )
}

/** The deployment's target ids (an ECS deployment has one: the service). */
export async function listDeploymentTargets(codedeploy: CodeDeployClient, deploymentId: string): Promise<string[]> {
  return (
    (
      await awsCall('codedeploy:ListDeploymentTargets', () =>
        codedeploy.send(new ListDeploymentTargetsCommand({ deploymentId })),
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
  const response = await awsCall('codedeploy:GetDeploymentTarget', () =>
    codedeploy.send(new GetDeploymentTargetCommand({ deploymentId, targetId })),
  )
  return response.deploymentTarget?.ecsTarget
}
