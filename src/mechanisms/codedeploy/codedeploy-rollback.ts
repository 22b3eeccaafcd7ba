// Rolling back a CodeDeploy deployment the action gave up on (timeout, cancellation), unless it already serves.
import type { CodeDeployClient } from '@aws-sdk/client-codedeploy'
import { taskDefinitionRevision } from '../../aws/arn.js'
import { appSpecContent, parseAppSpec } from './appspec.js'
import { createDeployment, getDeployment, stopDeployment } from './deployment.js'
import { readCodeDeploy, terminationWait, trafficShifted } from './observe.js'

/**
 * Stops the deployment with CodeDeploy's auto-rollback to `previous`, unless its production traffic has all shifted
 * with every hook succeeded: then only the original task set's deletion is left, and a rollback would revert a
 * release that already serves. Reads the deployment first, so a shift completed since the last poll counts.
 * Returns a line for the log and summary.
 */
export async function rollBackCodeDeployment(
  codedeploy: CodeDeployClient,
  deploymentId: string,
  previous: string | undefined,
): Promise<string> {
  const state = await readCodeDeploy(codedeploy, deploymentId, {})
  if (trafficShifted(state)) {
    return `did not stop CodeDeploy deployment ${deploymentId}: all production traffic is on the new task set and every lifecycle hook succeeded, so a rollback would revert a release that already serves (CodeDeploy terminates the original task set ${terminationWait(state.deployment)})`
  }
  await stopDeployment(codedeploy, deploymentId, true)
  return `stopped CodeDeploy deployment ${deploymentId} with a rollback to ${previous} (StopDeployment, autoRollbackEnabled)`
}

/**
 * A new CodeDeploy deployment of `previous` (all at once) with the AppSpec of `deploymentId`, which succeeded before its
 * release failed verification: a finished deployment cannot be stopped. Returns a line for the log and summary.
 */
export async function redeployPreviousRevision(
  codedeploy: CodeDeployClient,
  deploymentId: string,
  previous: string,
): Promise<string> {
  const done = await getDeployment(codedeploy, deploymentId)
  const content = done.revision?.appSpecContent?.content
  if (!done.applicationName || !done.deploymentGroupName || !content)
    throw new Error(
      `CodeDeploy deployment ${deploymentId} shows no application, group or AppSpec to deploy ${previous} with`,
    )
  const spec = parseAppSpec(content, `the AppSpec of CodeDeploy deployment ${deploymentId}`)
  const revision = taskDefinitionRevision(previous)
  const id = await createDeployment(
    codedeploy,
    { application: done.applicationName, deploymentGroup: done.deploymentGroupName },
    appSpecContent(spec, previous),
    'CodeDeployDefault.ECSAllAtOnce',
    `ecs-deploy-action: rollback to ${revision}`,
  )
  return `rolled back to ${revision} with CodeDeploy deployment ${id} (CreateDeployment, all at once): ${deploymentId} had already succeeded, so there was nothing to stop`
}
