// Runs that deploy no service: `register-only` (render, check, register — for scheduled tasks and EventBridge
// targets) and a one-off task on its own (`run-task` with no service: register or take a revision, run, wait).
import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs'
import { unlessNotFound } from '../aws/errors.js'
import type { GitContext } from '../common/git-context.js'
import { pinnedRegistration } from '../deploy/pinned.js'
import {
  describeTaskDefinition,
  registerIfChanged,
  type DescribedTaskDefinition,
  type RegisteredTaskDefinition,
} from '../deploy/register.js'
import { commandArguments, runOneOffTask } from '../deploy/run-task.js'
import { UserError } from '../common/errors.js'
import { carryOutImageBuild } from '../image/index.js'
import { checkImage, imageDepsOf, type ImageCheckState, type DeployPorts, type Where } from './pipeline.js'
import { placeholderValues, type PlannedInputs } from '../settings/placeholder-values.js'
import { logSafe } from '../report/text.js'
import type { DeploymentReport, PipelineResult, ServicePart } from './run-report.js'
import { runSteps, type Step, type StepOutcome, type StepsResult } from './step-runner.js'
import {
  describeChanges,
  existingTaskDefinition,
  renderTaskDefinition,
  type RenderedTaskDefinition,
} from '../taskdef/index.js'

/** What the standalone steps hand on to the ones after them. */
interface AloneState extends ImageCheckState {
  rendered?: RenderedTaskDefinition
  latest?: DescribedTaskDefinition | undefined
  container?: string | undefined
  image?: string | undefined
  registered?: RegisteredTaskDefinition
  /** What the one-off task did, for the report's reason. */
  ran: string
}

type AloneStep = Step<AloneState>

/** Checked before anything changes, as a deploy: the image (or the build's plan), the revision, the task's network. */
const ALONE: AloneStep[] = [
  { name: 'check', dryRun: 'run', run: checkAlone },
  { name: 'image', dryRun: 'run', phase: true, run: checkImage },
  { name: 'render', dryRun: 'run', run: renderAlone },
  { name: 'container', dryRun: 'run', when: (s) => !!s.inputs.runTask, run: checkContainer },
  { name: 'plan', dryRun: 'only', run: dryRunReport },
  { name: 'build', run: build },
  { name: 'register', run: registerAlone },
  { name: 'run-task', phase: true, when: (s) => !!s.inputs.runTask && !!s.container, run: runTask },
  { name: 'conclude', late: 'run', run: conclude },
]

/** Registers (or takes) the revision and runs the one-off task, without any service; see `runsAlone`. */
export function runAlone(
  inputs: PlannedInputs,
  git: GitContext,
  ports: DeployPorts,
  where: Where,
): Promise<StepsResult> {
  const clients = ports.aws(where.region, ports.deadline)
  const initial: AloneState = {
    inputs,
    git,
    ports,
    where,
    clients,
    imageDeps: imageDepsOf(clients, git, ports, ports.deadline),
    ran: '',
  }
  return runSteps(ALONE, initial, {
    dryRun: inputs.dryRun,
    deadline: ports.deadline,
    phaseMs: inputs.timeoutMinutes * 60_000,
    log: ports.log,
  })
}

/** The inputs a run without a service needs (the template may come from the config file's environment). */
function checkAlone({ inputs, where }: AloneState): StepOutcome<AloneState> {
  if (inputs.registerOnly && !inputs.taskDefinition) {
    throw new UserError(
      '`mode: register-only` needs `task-definition`: the template to render and register (no service is read to start from).',
    )
  }
  if (!inputs.taskDefinition && !inputs.taskDefinitionArn) {
    throw new UserError(
      'Input `run-task` without a service needs `task-definition` (a template to register and run) or `task-definition-arn` (a revision to run).',
    )
  }
  const report: DeploymentReport = {
    ...where,
    service: '',
    status: 'failed',
    reason: '',
    strategy: inputs.registerOnly ? 'register only' : 'one-off task',
    notes: [],
  }
  return { report: { reports: [report] } }
}

const renderWith = (
  { inputs, git, where, pinned }: AloneState,
  image: string | undefined,
): Promise<RenderedTaskDefinition> =>
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

/** The task definition rendered and validated, and compared with its family's latest revision. */
async function renderAlone(s: AloneState): Promise<StepOutcome<AloneState>> {
  const { clients, ports, pinned } = s
  const rendered = await ports.log.group('Task definition', () => renderWith(s, s.plannedImage))
  for (const note of rendered.notes) ports.log.info(logSafe(note))
  const family = rendered.request.family ?? ''
  const latest = pinned ?? (await unlessNotFound(describeTaskDefinition(clients.ecs, family)))
  const part: ServicePart = {
    service: family,
    notes: rendered.notes,
    containers: rendered.containers,
    rendered: rendered.request,
    changes: latest && !pinned ? describeChanges(rendered.request, latest.taskDefinition) : [],
  }
  return { report: { each: [part] }, state: { rendered, latest } }
}

function checkContainer({ inputs, rendered }: AloneState): StepOutcome<AloneState> {
  const { request, containers } = rendered as RenderedTaskDefinition
  return { state: { container: runContainer(inputs, request, containers) } }
}

function dryRunReport({ ports }: AloneState, done: PipelineResult): StepOutcome<AloneState> {
  const { service: family, changes = [] } = done.reports[0] as DeploymentReport
  for (const change of changes) ports.log.info(logSafe(`  ${change}`))
  const reason = `Dry run: ${changes.length ? `${changes.length} change(s)` : 'no change'} to ${family}; nothing was built, pushed, registered or run.`
  return { report: { each: [{ status: 'planned', reason }] } }
}

async function build({ imagePlan, imageDeps, inputs }: AloneState): Promise<StepOutcome<AloneState>> {
  const built = imagePlan && (await carryOutImageBuild(imagePlan, imageDeps))
  const image = built ? built.reference : inputs.image
  return { report: { ...(built && { builtImage: built }), ...(image && { image }) }, state: { image } }
}

/** The revision registered (rendered again with the pushed digest), or `task-definition-arn`'s taken as it is. */
async function registerAlone(s: AloneState, done: PipelineResult): Promise<StepOutcome<AloneState>> {
  const { clients, ports, pinned, latest, image, plannedImage } = s
  const rendered = image !== plannedImage ? await renderWith(s, image) : (s.rendered as RenderedTaskDefinition)
  const registered = pinned
    ? pinnedRegistration(pinned)
    : await ports.log.group('Register', () => registerIfChanged(clients.ecs, rendered.request, latest))
  const revision = `${registered.family}:${registered.revision}`
  ports.log.info(
    pinned
      ? `running ${revision} as it is (task-definition-arn)`
      : registered.registered
        ? `registered ${revision}`
        : `no change to register: ${revision} already has this content`,
  )
  for (const change of done.reports[0]?.changes ?? []) ports.log.info(logSafe(`  ${change}`))
  return {
    report: { each: [{ taskDefinitionArn: registered.arn, registered: registered.registered }] },
    state: { rendered, registered },
  }
}

async function runTask(s: AloneState): Promise<StepOutcome<AloneState>> {
  const { clients, inputs, ports, registered, rendered, container } = s
  const { clock, signal, log } = ports
  const command = commandArguments(inputs.runTask ?? '')
  const runTaskArns = await log.group('One-off task', () =>
    runOneOffTask({
      ecs: clients.ecs,
      logsIn: (region) => clients.logsIn(region),
      cluster: inputs.cluster,
      taskDefinitionArn: registered?.arn ?? '',
      containers: rendered?.request.containerDefinitions ?? [],
      container: container ?? '',
      command,
      ...(inputs.runTaskOptions && { options: inputs.runTaskOptions }),
      timeoutMs: inputs.timeoutMinutes * 60_000,
      clock,
      signal,
      log: log.info,
      logLines: inputs.logLines,
    }),
  )
  return { report: { each: [{ runTaskArns }] }, state: { ran: `; the one-off task (${command.join(' ')}) exited 0` } }
}

function conclude({ inputs, registered, ran }: AloneState): StepOutcome<AloneState> {
  const revision = `${registered?.family}:${registered?.revision}`
  const reason = inputs.registerOnly
    ? `Registered ${revision}, not deployed (register-only)${ran}.`
    : `Ran ${revision} on its own${ran}.`
  return { report: { each: [{ status: 'succeeded', reason }] } }
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
      `Config key \`run-task.container\` "${container}" is not a container of the task definition (${names.join(', ')}).`,
    )
  }
  if (request.networkMode === 'awsvpc' && !inputs.runTaskOptions?.subnets?.length) {
    throw new UserError(
      `Config key \`run-task.subnets\` is needed to run the one-off task without a service: task definition ${request.family} uses the awsvpc network mode, so the task needs its subnets (and \`run-task.security-groups\`).`,
    )
  }
  return container
}
