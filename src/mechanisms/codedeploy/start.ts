// Starting and resuming CodeDeploy deployments of a CODE_DEPLOY service.
import type { CodeDeployClient, DeploymentInfo } from '@aws-sdk/client-codedeploy'
import type { ContainerDefinition, ECSClient, Service, UpdateServiceCommandInput } from '@aws-sdk/client-ecs'
import { taskDefinitionRevision as revision } from '../../aws/arn.js'
import { updateService } from '../../aws/ecs.js'
import type { ResumedRollout, Rollout, RolloutRequest } from '../../deploy/rollout.js'
import { UserError } from '../../common/errors.js'
import { percentagesUpdate, settingsUpdate } from '../../settings/service.js'
import { untilIdle, type InFlight, type WaitContext } from '../busy.js'
import type { ContinueAction, OnBusy } from '../strategy-types.js'
import type { DeploymentGroup } from './application.js'
import { appSpecContent, appSpecTaskDefinition, checkContainer, type AppSpec } from './appspec.js'
import { ACTIVE_STATUSES, createDeployment, findDeployment, resumeDeployment } from './deployment.js'

/** What a CODE_DEPLOY service deploys with, settled before anything changes. */
export interface CodeDeployPlan {
  group: DeploymentGroup
  /** Undefined: the deployment group's own config. */
  config?: string
  appSpec: AppSpec
}

export const deployedBy = (d: DeploymentInfo): string | undefined =>
  appSpecTaskDefinition(d.revision?.appSpecContent?.content)

export function describeInFlight(d: DeploymentInfo): InFlight {
  const what = `CodeDeploy deployment ${d.deploymentId} of ${revision(deployedBy(d))} (${d.status})`
  return { what, ...(d.status === 'Ready' && { paused: 'Ready' }) }
}

/**
 * Deploys the new revision through CodeDeploy with the AppSpec (the task definition set in), once any other
 * deployment of the group has ended (`on-busy`); a re-run while the same revision deploys follows that one.
 */
export async function startCodeDeployment(
  clients: { ecs: ECSClient; codedeploy: CodeDeployClient },
  ctx: WaitContext,
  plan: CodeDeployPlan,
  service: Service,
  request: RolloutRequest & { containers?: ContainerDefinition[] },
  onBusy: OnBusy,
): Promise<Rollout> {
  const { codedeploy } = clients
  const name = service.serviceName ?? ''
  const base = { mechanism: 'codedeploy' as const, previousTaskDefinition: service.taskDefinition ?? '' }
  if (request.containers) checkContainer(plan.appSpec, request.containers)
  const active = await findDeployment(codedeploy, plan.group, ACTIVE_STATUSES)
  if (active?.deploymentId && active.status !== 'Ready' && deployedBy(active) === request.taskDefinitionArn) {
    return {
      ...base,
      deploymentId: active.deploymentId,
      started: false,
      startedAt: active.createTime?.getTime() ?? ctx.clock.now(),
    }
  }
  let first = true
  await untilIdle(ctx, name, onBusy, async () => {
    const found = first ? active : await findDeployment(codedeploy, plan.group, ACTIVE_STATUSES)
    first = false
    return found ? describeInFlight(found) : undefined
  })
  // CodeDeploy keeps the count and settings of the service; only the task definition is CodeDeploy's to change.
  const settings = serviceOnlyUpdate(service, request)
  if (settings) await updateService(clients.ecs, { cluster: request.cluster, service: name, ...settings })
  if (service.taskDefinition === request.taskDefinitionArn && !request.forceNewDeployment) {
    return {
      ...base,
      started: false,
      startedAt: ctx.clock.now(),
      unchangedReason: settings
        ? 'the service already runs this task definition (its settings were updated)'
        : 'the service already runs this task definition',
    }
  }
  const content = appSpecContent(plan.appSpec, request.taskDefinitionArn)
  const deploymentId = await createDeployment(
    codedeploy,
    plan.group,
    content,
    plan.config,
    `ecs-deploy-action: ${revision(request.taskDefinitionArn)}`,
  )
  return { ...base, deploymentId, started: true, startedAt: ctx.clock.now() }
}

/**
 * What UpdateService changes on a CODE_DEPLOY service beside CodeDeploy's deployment: the desired count and the
 * settings such a service takes there (checked up front by checkServiceSettings); undefined when nothing differs.
 */
function serviceOnlyUpdate(
  service: Service,
  request: RolloutRequest,
): Omit<UpdateServiceCommandInput, 'cluster' | 'service'> | undefined {
  const percentages = request.settings && percentagesUpdate(service, request.settings)
  const update = {
    ...(request.desiredCount !== undefined &&
      request.desiredCount !== service.desiredCount && { desiredCount: request.desiredCount }),
    ...(percentages && { deploymentConfiguration: { ...service.deploymentConfiguration, ...percentages } }),
    ...(request.settings && settingsUpdate(service, request.settings)),
  }
  return Object.keys(update).length ? update : undefined
}

/** Reroutes production traffic for the deployment an earlier run left Ready, or stops it with a rollback. */
export async function continueCodeDeployment(
  codedeploy: CodeDeployClient,
  plan: CodeDeployPlan,
  service: Service,
  action: ContinueAction,
  now: number,
  dryRun = false,
): Promise<ResumedRollout> {
  const ready = await findDeployment(codedeploy, plan.group, ['Ready'])
  if (!ready?.deploymentId) {
    throw new UserError(
      `\`mode: continue\`: deployment group "${plan.group.deploymentGroup}" has no deployment waiting at Ready for service "${service.serviceName}": nothing was changed.`,
    )
  }
  if (!dryRun) await resumeDeployment(codedeploy, ready.deploymentId, action)
  return {
    deploymentId: ready.deploymentId,
    mechanism: 'codedeploy',
    resumed: 'ready',
    previousTaskDefinition: service.taskDefinition ?? '',
    started: !dryRun,
    startedAt: now,
    targetTaskDefinition: deployedBy(ready) ?? '',
  }
}
