import {
  DEFAULT_CONFIG_FILE,
  loadConfig,
  resolveEnvironment,
  type EnvironmentConfig,
  type PreviewConfig,
  type RunEvent,
} from '../config/index.js'
import type { GitContext } from '../common/git-context.js'
import { UserError } from '../common/errors.js'
import { runsAlone, type Inputs } from '../settings/inputs.js'
import { checkBuildHasImage, withEnvironment, withPreviewInputs } from './environment-settings.js'
import { planPromotion, type Promotion } from '../promote/promotion.js'

/** A pull request's preview, when this run deploys or destroys one. */
export interface PreviewPlan {
  action: 'deploy' | 'destroy'
  pr: number
  headSha: string
  config: PreviewConfig
}

/** What this run does, decided from the inputs, the config file and the event, before touching AWS. */
export type Plan =
  | { kind: 'skip'; reason: string }
  | { kind: 'sweep'; cluster: string; region?: string; previews: PreviewConfig }
  | {
      kind: 'deploy'
      /** The inputs with the environment's settings filled in (inputs win over the config file). */
      inputs: Inputs & { cluster: string }
      /** The environment's name, url and flags, when there is one (config file or `environment` input). */
      environment?: Pick<EnvironmentConfig, 'name' | 'url' | 'production' | 'regions'>
      /** Why this environment, and whether the inputs or the config file named the target, for the log. */
      reason?: string
      preview?: PreviewPlan
      /** Set when the images come from another environment's services (promote-from), not from a build. */
      promotion?: Promotion
    }

const NO_SERVICE =
  'Input `service` is required: the name or ARN of the ECS service to deploy (or several, comma separated).'

/** The plan without a config file: the inputs say everything. */
function planFromInputs(inputs: Inputs, configFile?: string): Extract<Plan, { kind: 'deploy' }> {
  if (inputs.promoteFrom !== undefined) {
    throw new UserError(
      configFile === undefined
        ? `Input \`promote-from\` names an environment of the config file (${DEFAULT_CONFIG_FILE}, or the \`config\` input), whose cluster and services it reads; there is no config file.`
        : `Input \`promote-from\` needs the environment this run deploys to come from ${configFile} (the \`environment\` input, or a branch or tag one of its environments takes).`,
    )
  }
  checkBuildHasImage(inputs)
  if (inputs.preview) {
    throw new UserError(
      `Input \`preview\` needs a config file with a previews: section (${DEFAULT_CONFIG_FILE}, or the \`config\` input).`,
    )
  }
  if (!inputs.services.length && !runsAlone(inputs)) throw new UserError(NO_SERVICE)
  return {
    kind: 'deploy',
    inputs: { ...inputs, cluster: inputs.cluster ?? 'default' },
    ...(inputs.environment !== undefined && { environment: { name: inputs.environment } }),
  }
}

/** Chooses what to do: which environment (and why), a preview, a sweep, or nothing for this ref. */
export async function planRun(inputs: Inputs, git: GitContext, event: RunEvent): Promise<Plan> {
  const config = await loadConfig(inputs.config ?? DEFAULT_CONFIG_FILE, {
    workspace: git.workspace,
    required: inputs.config !== undefined,
  })
  if (!config) return planFromInputs(inputs)
  if (inputs.preview === 'sweep') {
    if (!config.previews) throw new UserError(`Input \`preview: sweep\` needs a previews: section in ${config.file}.`)
    const previews = withPreviewInputs(config.previews, inputs)
    const base = config.environments.find((e) => e.name === previews.base)
    return {
      kind: 'sweep',
      cluster: inputs.cluster ?? base?.cluster ?? 'default',
      ...(base?.region !== undefined && { region: base.region }),
      previews,
    }
  }
  const resolution = resolveEnvironment(config, event, {
    ...(inputs.environment !== undefined && { environment: inputs.environment }),
    preview: inputs.preview !== undefined,
  })
  if (resolution.skipped) {
    // A skip is for a target the config file names. Services given as inputs name the target themselves (unless the
    // `environment` input gates them, as a matrix over environments does), so they are deployed as the inputs say.
    if (!inputs.services.length || inputs.environment !== undefined || inputs.preview !== undefined)
      return { kind: 'skip', reason: resolution.reason }
    return {
      ...planFromInputs(inputs, config.file),
      reason: `the \`service\` input names the target; no environment's settings apply (${resolution.reason})`,
    }
  }
  const environment = resolution.environment
  const settled = withEnvironment(inputs, environment)
  if (!settled.services.length && !runsAlone(inputs))
    throw new UserError(
      `Environment ${environment.name} in ${config.file} names no services, and the \`service\` input is empty.`,
    )
  const pr = resolution.preview && event.pullRequest
  checkBuildHasImage(settled, environment.name, config.file)
  const promotion =
    settled.promoteFrom === undefined
      ? undefined
      : planPromotion(config, {
          from: settled.promoteFrom,
          origin: inputs.promoteFrom !== undefined ? 'input' : 'config',
          target: { ...environment, services: settled.services },
          build: inputs.build !== undefined,
          image: inputs.image !== undefined,
          preview: resolution.preview !== undefined,
        })
  // One region of several is the job's (its matrix entry's `region`, or AWS_REGION): the deploy checks it is one of them.
  const region = settled.region ?? (environment.regions?.length === 1 ? environment.regions[0] : undefined)
  const regions = environment.regions && environment.regions.length > 1 ? environment.regions : undefined
  return {
    kind: 'deploy',
    inputs: {
      ...settled,
      cluster: settled.cluster ?? 'default',
      environment: environment.name,
      ...(region !== undefined && { region }),
    },
    environment: {
      name: environment.name,
      ...(environment.url !== undefined && { url: environment.url }),
      ...(environment.production !== undefined && { production: environment.production }),
      ...(regions && { regions }),
    },
    reason: inputs.services.length
      ? `${resolution.reason}; the \`service\` input names the target, the environment fills in the rest`
      : resolution.reason,
    ...(promotion && { promotion }),
    ...(resolution.preview &&
      pr && {
        preview: {
          action: inputs.preview === 'destroy' ? 'destroy' : 'deploy',
          pr: resolution.preview.pr,
          headSha: pr.headSha,
          config: withPreviewInputs(resolution.preview.config, inputs),
        },
      }),
  }
}
