// `render` from a template: the task definition each service would get, without a single AWS call (no service to
// read, no image to look up). Without a template the starting point is the service's current task definition, which
// only AWS has: then the dry-run deploy renders it.
import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs'
import { UserError } from '../common/errors.js'
import { placeholderValues } from '../settings/placeholder-values.js'
import { planRun } from './environment-plan.js'
import { previewFamily } from '../preview/names.js'
import { renderTaskDefinition } from '../taskdef/render.js'
import type { DeploySettings } from './deploy.js'
import type { Log } from '../common/log.js'

export interface RenderedService {
  service: string
  taskDefinition: RegisterTaskDefinitionCommandInput
}

/** Whether `render` can work from the settings alone: a template, and no image to build first. */
export function rendersOffline(settings: DeploySettings): boolean {
  return settings.inputs.taskDefinition !== undefined && !settings.inputs.build
}

/** Renders every service's task definition from the template; logs the notes (what was set, what was dropped). */
export async function render(settings: DeploySettings, log: Log): Promise<RenderedService[]> {
  const { inputs, git } = settings
  const templatePath = inputs.taskDefinition
  if (templatePath === undefined || inputs.build)
    throw new Error('render() needs a template and no build: use the dry-run deploy otherwise')
  const plan = await planRun(inputs, git, settings.event)
  if (plan.kind !== 'deploy')
    throw new UserError(
      plan.kind === 'skip' ? `Nothing to render: ${plan.reason}.` : 'render renders services, not a preview sweep.',
    )
  if (plan.promotion) {
    throw new UserError(
      `Environment ${plan.environment?.name ?? ''} is promoted from ${plan.promotion.from}: its images are the ones ${plan.promotion.from}'s services run, which only ECS can say. Use \`diff\` (or a dry run) to render it with them.`,
    )
  }
  if (plan.reason)
    log.info(
      plan.environment ? `Environment ${plan.environment.name}: ${plan.reason}` : `No environment: ${plan.reason}`,
    )
  const env = settings.env ?? process.env
  // The region only fills ${AWS_REGION}: none is needed to render.
  const region = plan.inputs.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? ''
  const preview = plan.preview
  const rendered: RenderedService[] = []
  for (const service of plan.inputs.services) {
    const result = await renderTaskDefinition({
      templatePath,
      ...(plan.inputs.image !== undefined && { image: plan.inputs.image }),
      containers: plan.inputs.containers,
      environment: plan.inputs.environmentVariables,
      secrets: plan.inputs.secrets,
      placeholders: {
        ...placeholderValues(plan.inputs, service, git, region, plan.inputs.image),
        ...(preview && { PR_NUMBER: String(preview.pr), PREVIEW: `pr-${preview.pr}` }),
      },
    })
    if (preview && result.request.family) result.request.family = previewFamily(result.request.family, preview.pr)
    for (const note of result.notes) log.info(plan.inputs.services.length > 1 ? `${service}: ${note}` : note)
    rendered.push({ service, taskDefinition: result.request })
  }
  return rendered
}
