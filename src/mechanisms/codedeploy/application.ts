// Which CodeDeploy application, deployment group and deployment config deploy a CODE_DEPLOY service.
import type { CodeDeployClient, DeploymentGroupInfo } from '@aws-sdk/client-codedeploy'
import type { Service } from '@aws-sdk/client-ecs'
import { resourceName } from '../../aws/arn.js'
import { getApplication, getDeploymentConfig, getDeploymentGroup } from '../../aws/codedeploy.js'
import { UserError } from '../../common/errors.js'
import type { PerStrategy, StrategyInputs } from '../strategy-types.js'

export interface DeploymentGroup {
  application: string
  deploymentGroup: string
  info: DeploymentGroupInfo
}

const clusterName = resourceName

/**
 * Finds the application and deployment group of the service: the inputs', else the names the ECS console
 * gives them (AppECS-<cluster>-<service>, DgpECS-<cluster>-<service>). Throws saying which input to set.
 */
export async function findDeploymentGroup(
  codedeploy: CodeDeployClient,
  cluster: string,
  service: Service,
  inputs: StrategyInputs,
): Promise<DeploymentGroup> {
  const name = service.serviceName ?? ''
  const conventional = `the name the ECS console gives it for service ${name} in cluster ${clusterName(cluster)}`
  const application = inputs.codedeployApplication ?? `AppECS-${clusterName(cluster)}-${name}`
  const deploymentGroup = inputs.codedeployDeploymentGroup ?? `DgpECS-${clusterName(cluster)}-${name}`
  const app = await getApplication(codedeploy, application)
  if (!app) {
    throw new UserError(
      inputs.codedeployApplication
        ? `CodeDeploy application "${application}" was not found: check \`codedeploy.application\` in the config (and the region).`
        : `CodeDeploy application "${application}" (${conventional}) was not found: set \`codedeploy.application\` and \`codedeploy.deployment-group\` in the config to the ones that deploy service ${name}.`,
    )
  }
  const info = await getDeploymentGroup(codedeploy, application, deploymentGroup)
  if (!info) {
    throw new UserError(
      inputs.codedeployDeploymentGroup
        ? `CodeDeploy deployment group "${deploymentGroup}" was not found in application "${application}": check \`codedeploy.deployment-group\` in the config.`
        : `CodeDeploy deployment group "${deploymentGroup}" (${conventional}) was not found in application "${application}": set \`codedeploy.deployment-group\` in the config.`,
    )
  }
  const services = info.ecsServices ?? []
  if (!services.some((s) => s.serviceName === name && clusterName(s.clusterName ?? '') === clusterName(cluster))) {
    const deploys = services.map((s) => `${s.clusterName}/${s.serviceName}`).join(', ') || 'no ECS service'
    throw new UserError(
      `CodeDeploy deployment group "${deploymentGroup}" deploys ${deploys}, not ${clusterName(cluster)}/${name}: set \`codedeploy.deployment-group\` to the group of this service.`,
    )
  }
  return { application, deploymentGroup, info }
}

const PREDEFINED =
  'CodeDeployDefault.ECSAllAtOnce, ECSCanary10Percent5Minutes, ECSCanary10Percent15Minutes, ECSLinear10PercentEvery1Minutes, ECSLinear10PercentEvery3Minutes'

/**
 * The deployment config for the strategy: `codedeploy-config`, else CodeDeploy's predefined one for it;
 * undefined leaves the deployment group's own. Throws when the inputs ask for steps no predefined config has.
 */
export function deploymentConfigName(inputs: StrategyInputs): string | undefined {
  const { strategy } = inputs
  const custom = inputs.codedeployConfig
  const steps = (['canaryPercent', 'canaryBakeMinutes', 'stepPercent', 'stepBakeMinutes'] as const).find(
    (k) => inputs[k] !== undefined,
  )
  if (custom && steps) {
    const input = steps.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)
    throw new UserError(
      `Config keys \`codedeploy.config\` and \`${input}\` exclude each other: the deployment config sets the traffic steps.`,
    )
  }
  if (custom) return custom
  return strategy && PREDEFINED_CONFIG[strategy](inputs)
}

/** CodeDeploy's predefined ECS deployment config for each strategy, or why it has none. */
const PREDEFINED_CONFIG: PerStrategy<(inputs: StrategyInputs) => string> = {
  rolling: () => {
    throw new UserError(
      "This service uses the CODE_DEPLOY deployment controller: CodeDeploy deploys blue/green (all at once, canary or linear), never rolling. Set `strategy: blue-green`, `canary` or `linear`, or leave `strategy` out to use the deployment group's config.",
    )
  },
  'blue-green': () => 'CodeDeployDefault.ECSAllAtOnce',
  canary: (inputs) => {
    const percent = inputs.canaryPercent ?? 10
    const minutes = inputs.canaryBakeMinutes ?? 5
    if (percent === 10 && (minutes === 5 || minutes === 15))
      return `CodeDeployDefault.ECSCanary10Percent${minutes}Minutes`
    throw noPredefined(
      `canary ${percent} % for ${minutes} min`,
      `TimeBasedCanary,timeBasedCanary={canaryPercentage=${percent},canaryInterval=${minutes}}`,
      '10 % for 5 or 15 minutes',
    )
  },
  linear: (inputs) => {
    const percent = inputs.stepPercent ?? 10
    const minutes = inputs.stepBakeMinutes ?? 1
    if (percent === 10 && (minutes === 1 || minutes === 3))
      return `CodeDeployDefault.ECSLinear10PercentEvery${minutes}Minutes`
    throw noPredefined(
      `linear ${percent} % every ${minutes} min`,
      `TimeBasedLinear,timeBasedLinear={linearPercentage=${percent},linearInterval=${minutes}}`,
      '10 % every 1 or 3 minutes',
    )
  },
}

function noPredefined(asked: string, routing: string, predefined: string): UserError {
  return new UserError(
    `CodeDeploy has no predefined config for ${asked} (its ECS configs shift ${predefined}). Create one — aws deploy create-deployment-config --deployment-config-name my-config --compute-platform ECS --traffic-routing-config 'type=${routing}' — and name it in \`codedeploy-config\`.`,
  )
}

/** Checks that a named deployment config exists and is for ECS. */
export async function checkDeploymentConfig(codedeploy: CodeDeployClient, name: string): Promise<void> {
  const info = await getDeploymentConfig(codedeploy, name)
  if (!info)
    throw new UserError(
      `CodeDeploy deployment config "${name}" does not exist: check \`codedeploy.config\`; the predefined ECS configs are ${PREDEFINED}.`,
    )
  if (info.computePlatform && info.computePlatform !== 'ECS') {
    throw new UserError(
      `CodeDeploy deployment config "${name}" is for ${info.computePlatform}, not ECS: name an ECS config in \`codedeploy.config\` (${PREDEFINED}).`,
    )
  }
}
