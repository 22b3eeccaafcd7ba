// Runs that deploy no service: `register-only` (render, check, register — for scheduled tasks and EventBridge
// targets) and a one-off task on its own (`run-task` with no service: register or take a revision, run, wait).
import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs'
import { unlessNotFound } from '../aws/errors.js'
import type { GitContext } from '../common/git-context.js'
import { pinnedRegistration } from '../deploy/pinned.js'
import { describeTaskDefinition, registerIfChanged } from '../deploy/register.js'
import { commandArguments, runOneOffTask } from '../deploy/run-task.js'
import { UserError } from '../common/errors.js'
import { carryOutImageBuild } from '../image/index.js'
import { checkImages, imageDepsOf, recorded, type DeployPorts, type PipelineResult, type Where } from './pipeline.js'
import { placeholderValues, type PlannedInputs } from '../settings/placeholder-values.js'
import { logSafe } from '../report/text.js'
import type { DeploymentReport } from './run-report.js'
import {
  describeChanges,
  existingTaskDefinition,
  renderTaskDefinition,
  type RenderedTaskDefinition,
} from '../taskdef/index.js'

/** Registers (or takes) the revision and runs the one-off task, without any service; see `runsAlone`. */
export function runAlone(
  inputs: PlannedInputs,
  git: GitContext,
  ports: DeployPorts,
  where: Where,
): Promise<PipelineResult> {
  return recorded((done) => aloneSteps(inputs, git, ports, where, done))
}

async function aloneSteps(
  inputs: PlannedInputs,
  git: GitContext,
  ports: DeployPorts,
  where: Where,
  done: PipelineResult,
): Promise<void> {
  const { clock, signal, log, deadline } = ports
  // The template may come from the config file's environment: checked once the plan has settled it.
  if (inputs.registerOnly && !inputs.taskDefinition) {
    throw new UserError(
      'Input `register-only` needs `task-definition`: the template to render and register (no service is read to start from).',
    )
  }
  if (!inputs.taskDefinition && !inputs.taskDefinitionArn) {
    throw new UserError(
      'Input `run-task` without a service needs `task-definition` (a template to register and run) or `task-definition-arn` (a revision to run).',
    )
  }
  deadline.restart(inputs.timeoutMinutes * 60_000)
  const clients = ports.aws(where.region, deadline)
  const report: DeploymentReport = {
    ...where,
    service: '',
    status: 'failed',
    reason: '',
    strategy: inputs.registerOnly ? 'register only' : 'one-off task',
    notes: [],
  }
  done.reports = [report]
  const imageDeps = imageDepsOf(clients, git, ports, deadline)
  // Checked before anything changes, as a deploy: the image (or the build's plan), the revision, the task's network.
  const { imagePlan, pinned } = await checkImages(inputs, clients, where.region, imageDeps, log, git)
  const render = (image: string | undefined): Promise<RenderedTaskDefinition> =>
    pinned
      ? Promise.resolve(existingTaskDefinition(pinned.taskDefinition, pinned.tags))
      : renderTaskDefinition({
          templatePath: inputs.taskDefinition ?? '',
          ...(image !== undefined && { image }),
          containers: inputs.containers,
          environment: inputs.environmentVariables,
          secrets: inputs.secrets,
          placeholders: placeholderValues(inputs, '', git, where.region, image),
        })
  const plannedImage = imagePlan ? imagePlan.reference : inputs.image
  if (plannedImage) done.image = plannedImage
  let rendered = await log.group('Task definition', () => render(plannedImage))
  for (const note of rendered.notes) log.info(logSafe(note))
  const family = rendered.request.family ?? ''
  const latest = pinned ?? (await unlessNotFound(describeTaskDefinition(clients.ecs, family)))
  Object.assign(report, {
    service: family,
    notes: rendered.notes,
    containers: rendered.containers,
    rendered: rendered.request,
    changes: latest && !pinned ? describeChanges(rendered.request, latest.taskDefinition) : [],
  })
  const container = inputs.runTask ? runContainer(inputs, rendered.request, rendered.containers) : undefined
  if (inputs.dryRun) {
    for (const change of report.changes ?? []) log.info(logSafe(`  ${change}`))
    Object.assign(report, {
      status: 'planned',
      reason: `Dry run: ${report.changes?.length ? `${report.changes.length} change(s)` : 'no change'} to ${family}; nothing was built, pushed, registered or run.`,
    })
    return
  }
  const built = imagePlan && (await carryOutImageBuild(imagePlan, imageDeps))
  if (built) done.builtImage = built
  const image = built ? built.reference : inputs.image
  if (image) done.image = image
  if (image !== plannedImage) rendered = await render(image)
  const registered = pinned
    ? pinnedRegistration(pinned)
    : await log.group('Register', () => registerIfChanged(clients.ecs, rendered.request, latest))
  const revision = `${registered.family}:${registered.revision}`
  Object.assign(report, { taskDefinitionArn: registered.arn, registered: registered.registered })
  log.info(
    pinned
      ? `running ${revision} as it is (task-definition-arn)`
      : registered.registered
        ? `registered ${revision}`
        : `no change to register: ${revision} already has this content`,
  )
  for (const change of report.changes ?? []) log.info(logSafe(`  ${change}`))
  let ran = ''
  if (inputs.runTask && container) {
    deadline.restart(inputs.timeoutMinutes * 60_000)
    const command = commandArguments(inputs.runTask)
    report.runTaskArns = await log.group('One-off task', () =>
      runOneOffTask({
        ecs: clients.ecs,
        logsIn: (region) => clients.logsIn(region),
        cluster: inputs.cluster,
        taskDefinitionArn: registered.arn,
        containers: rendered.request.containerDefinitions ?? [],
        container,
        command,
        ...(inputs.runTaskOptions && { options: inputs.runTaskOptions }),
        timeoutMs: inputs.timeoutMinutes * 60_000,
        clock,
        signal,
        log: log.info,
        logLines: inputs.logLines,
      }),
    )
    ran = `; the one-off task (${command.join(' ')}) exited 0`
  }
  Object.assign(report, {
    status: 'succeeded',
    reason: inputs.registerOnly
      ? `Registered ${revision}, not deployed (register-only)${ran}.`
      : `Ran ${revision} on its own${ran}.`,
  })
}

/**
 * The container the one-off task runs in, checked now; and for an awsvpc task definition with no service to borrow
 * a network from, the subnets it needs.
 */
function runContainer(inputs: PlannedInputs, request: RegisterTaskDefinitionCommandInput, withImage: string[]): string {
  const names = (request.containerDefinitions ?? []).map((c) => c.name ?? '')
  const container = inputs.runTaskContainer ?? withImage[0] ?? names[0] ?? ''
  if (!names.includes(container)) {
    throw new UserError(
      `Input \`run-task-container\` "${container}" is not a container of the task definition (${names.join(', ')}).`,
    )
  }
  if (request.networkMode === 'awsvpc' && !inputs.runTaskOptions?.subnets?.length) {
    throw new UserError(
      `Input \`run-task-subnets\` is needed to run the one-off task without a service: task definition ${request.family} uses the awsvpc network mode, so the task needs its subnets (and \`run-task-security-groups\`).`,
    )
  }
  return container
}
