import path from 'node:path'
import type { ContainerDefinition, Service } from '@aws-sdk/client-ecs'
import type { AwsClients } from '../aws/clients.js'
import { waitingFor, type RunDeadline } from '../common/deadline.js'
import { httpFetch, type FetchInit } from '../http/fetch.js'
import { taskDefinitionRevision } from '../aws/arn.js'
import type { GitContext } from '../common/git-context.js'
import type { Clock } from '../deploy/clock.js'
import { attachLogs, causeOfEvents, groupFailures } from '../deploy/diagnose.js'
import {
  describeTaskDefinition,
  registerIfChanged,
  type DescribedTaskDefinition,
  type RegisteredTaskDefinition,
} from '../deploy/register.js'
import { serviceChanges } from '../deploy/changes.js'
import { commandArguments, runOneOffTask } from '../deploy/run-task.js'
import type { Rollout } from '../deploy/rollout.js'
import { findService } from '../deploy/find-service.js'
import { applyServiceTags } from '../deploy/service-tags.js'
import { pinnedRegistration, pinnedRevision } from '../deploy/pinned.js'
import { pruneRevisions } from '../deploy/keep-revisions.js'
import { CanaryAnalysis } from '../analysis/canary.js'
import { analysisSettings } from '../analysis/spec.js'
import { waitForDeployments, type ReleaseCheck, type WatchOptions, type WatchResult } from '../mechanisms/watch.js'
import { verifyRelease, type Deployed, type VerifyStage } from '../verify/check.js'
import { planVerification, type VerifyPlan } from '../verify/verification-plan.js'
import { wantsVerification } from '../settings/verify.js'
import {
  carryOutImageBuild,
  checkImageExists,
  planImageBuild,
  type ImageBuildPlan,
  type ImageDeps,
} from '../image/index.js'
import type { PreviewPlan } from './environment-plan.js'
import { deployPreview, previewFamily } from '../preview/index.js'
import { pipelineArtifacts, writePipelineArtifacts } from '../report/artifacts.js'
import { withPart, type DeploymentReport, type PipelineResult, type RunReport, type ServicePart } from './run-report.js'
import { runSteps, type Step, type StepOutcome, type StepsResult } from './step-runner.js'
import {
  describeChanges,
  existingTaskDefinition,
  renderTaskDefinition,
  sameTaskDefinition,
  type RenderedTaskDefinition,
} from '../taskdef/index.js'
import {
  checkIdle,
  continueStrategy,
  deploymentInFlight,
  mechanismOf,
  planStrategy,
  rollingPlan,
  startStrategy,
  type StrategyPlan,
} from '../mechanisms/index.js'
import { logSafe } from '../report/text.js'
import type { Promotion } from '../promote/promotion.js'
import { readPromotedImages, type PromotedImages } from '../promote/source.js'
import { checkServiceSettings, checkVolumesAtLaunch } from '../settings/service.js'
import { givenSettings } from '../settings/given.js'
import { checkSettingsModel } from '../deploy/settings-model.js'
import { insideWorkspace } from '../common/workspace-path.js'
import type { Log } from '../common/log.js'
import { UserError } from '../common/errors.js'
import { placeholderValues, type PlannedInputs } from '../settings/placeholder-values.js'
import { fillTextPlaceholders } from '../taskdef/placeholders.js'
import { withServiceDefinition } from '../servicedef/index.js'
import { capacityPreview } from '../capacity/preview.js'
import { capacityPrices } from '../capacity/price-file.js'
import { capacityLogLines } from '../capacity/section.js'

/** The ports a deploy uses (the engine's Ports has them all, and more). */
export interface DeployPorts {
  log: Log
  clock: Clock
  /** Cancelled when the run should stop (job cancelled, Ctrl-C): the wait stops and rolls back. */
  signal: AbortSignal
  /** The run's deadline (cancelled with `signal`): every outbound call carries it, each phase restarts it. */
  deadline: RunDeadline
  /** The AWS clients for a region; every call of the run goes through them. */
  aws(region: string, deadline?: RunDeadline): AwsClients
  /** Called for each registry the run logs in to and should log out of when it ends. */
  loggedIn(registry: string): void
}

/** ${PR_NUMBER} and friends, for a pull request's preview. */
function previewPlaceholders(preview: PreviewPlan | undefined): Record<string, string> {
  return preview ? { PR_NUMBER: String(preview.pr), PREVIEW: `pr-${preview.pr}` } : {}
}

/**
 * A preview is a plain copy of its service running `previews.desired-count` tasks, never an Express service: an Express
 * scaling target given is left out of it, with a note saying so (it stays the service's own).
 */
function previewInputs(
  { inputs, notes }: { inputs: PlannedInputs; notes: string[] },
  preview: PreviewPlan,
): { inputs: PlannedInputs; notes: string[] } {
  const { expressScaling, ...settings } = inputs.serviceSettings ?? {}
  if (!expressScaling) return { inputs, notes }
  const keys = givenSettings({ strategy: inputs.strategy, serviceSettings: { expressScaling } })
  const count = preview.config.desiredCount
  return {
    inputs: { ...inputs, serviceSettings: settings },
    notes: [
      ...notes,
      `${keys.map((k) => `\`${k.name}\``).join(', ')}: not applied to the preview, a plain copy of the service that runs ${count} task${count === 1 ? '' : 's'} (\`previews.desired-count\`); an Express service's scaling target is its own`,
    ],
  }
}

function newServiceReport(where: Where, service: Service, plan: StrategyPlan): DeploymentReport {
  return {
    cluster: where.cluster,
    service: service.serviceName ?? '',
    region: where.region,
    status: 'failed',
    reason: '',
    strategy: plan.description,
    ...(plan.url && { url: plan.url }),
    previousTaskDefinition: service.taskDefinition ?? '',
    notes: [],
  }
}

/** A service found and how it will be deployed (its strategy checked against it). */
interface Found {
  service: Service
  plan: StrategyPlan
  /** The inputs for this service: with its service definition under them, when there is one. */
  inputs: PlannedInputs
  /** What reading its service definition said. */
  notes: string[]
}

/** A service checked and its task definition rendered and validated: nothing changed on it yet. */
interface Prepared extends Found {
  rendered: RenderedTaskDefinition
  current?: DescribedTaskDefinition | undefined
  /** How the release will be verified (verify-* inputs), its URLs checked. */
  verification?: VerifyPlan | undefined
  /** `task-definition-arn`: the revision deployed as it is, registered by someone else. */
  pinned?: DescribedTaskDefinition
}

/** A prepared service whose task definition is registered. */
type Registered = Prepared & { registered: RegisteredTaskDefinition }

/**
 * Renders and validates the service's task definition with `image`, and says what its report gains (notes, changes);
 * `log` false re-renders quietly once the build has replaced the planned image reference by the pushed digest.
 */
async function prepare(
  clients: AwsClients,
  inputs: PlannedInputs,
  git: GitContext,
  { service, plan }: Found,
  report: DeploymentReport,
  image: string | undefined,
  preview: PreviewPlan | undefined,
  log: Log | undefined,
  promoted?: PromotedImages,
  pinned?: DescribedTaskDefinition,
): Promise<{ prepared: Prepared; part: ServicePart }> {
  const { ecs } = clients
  const placeholders = {
    // ${IMAGE} in a template: the promoted image when there is one.
    ...placeholderValues(inputs, report.service, git, report.region, image ?? onlyImage(promoted)),
    ...previewPlaceholders(preview),
  }
  const verification = wantsVerification(inputs.verify)
    ? planVerification(inputs.verify, placeholders, new Set(Object.keys(inputs.vars)))
    : undefined
  if (verification && !inputs.wait)
    throw new UserError(
      "The environment's `verify` block (`verify.url`, …) needs `wait: true`: the release is checked once the deployment reaches it.",
    )
  if (inputs.analysis && !inputs.analysis.checks?.length)
    throw new UserError(
      "The environment's `analysis` block names no checks: give them as its `checks` or as the `analysis` input (`5xx-rate < 1%, p99 < +20%`).",
    )
  if (inputs.analysis && !inputs.wait)
    throw new UserError(
      'The canary analysis (`analysis`) needs `wait: true`: the metrics are read while the action follows the deployment.',
    )
  if (verification?.testUrls.length && !mechanismOf(plan.mechanism).testTraffic)
    throw new UserError(
      `Config key \`verify.test-url\`: ${report.service} rolls (${plan.description}), so no test listener ever routes to the new revision. Use \`verify.url\`, or a blue-green, canary, linear or CodeDeploy strategy.`,
    )
  const current = service.taskDefinition ? await describeTaskDefinition(ecs, service.taskDefinition) : undefined
  const rendered = pinned
    ? existingTaskDefinition(pinned.taskDefinition, pinned.tags)
    : await renderTaskDefinition({
        ...(inputs.taskDefinition !== undefined && { templatePath: inputs.taskDefinition }),
        ...(current && { current: current.taskDefinition, currentTags: current.tags }),
        ...(image !== undefined && { image }),
        ...(promoted && { images: promoted.images }),
        containers: inputs.containers,
        environment: inputs.environmentVariables,
        secrets: inputs.secrets,
        placeholders,
      })
  // A preview registers in its own family, so destroying it can deregister what it registered.
  if (preview && !pinned && rendered.request.family)
    rendered.request.family = previewFamily(rendered.request.family, preview.pr)
  if (log) for (const note of rendered.notes) log.info(logSafe(`${prefixOf(inputs, report)}${note}`))
  if (inputs.serviceSettings) {
    checkSettingsModel(inputs.serviceSettings)
    checkVolumesAtLaunch(inputs.serviceSettings, rendered.request)
  }
  const part: ServicePart = {
    ...(log && { notes: rendered.notes }),
    containers: rendered.containers,
    ...(promoted && { promoted: promotedOf(promoted, rendered.containers) }),
    rendered: rendered.request,
    changes: [
      ...(current ? describeChanges(rendered.request, current.taskDefinition) : []),
      ...serviceChanges(service, inputs.desiredCount, inputs.deploymentCircuitBreaker, inputs.serviceSettings),
      ...plan.changes,
    ],
  }
  return {
    prepared: { service, plan, inputs, notes: [], rendered, current, verification, ...(pinned && { pinned }) },
    part,
  }
}

function onlyImage(promoted: PromotedImages | undefined): string | undefined {
  const images = Object.values(promoted?.images ?? {})
  return images.length === 1 ? images[0] : undefined
}

const prefixOf = (inputs: PlannedInputs, report: DeploymentReport): string =>
  inputs.services.length > 1 ? `${report.service}: ` : ''

/** CodePipeline's files (artifacts-dir), for the image that is (or, in a dry run, would be) deployed; the note saying so. */
async function writeArtifacts(
  inputs: PlannedInputs,
  git: GitContext,
  { rendered, service }: Prepared,
  report: DeploymentReport,
  image: string | undefined,
): Promise<string[]> {
  if (!inputs.artifactsDir || !image) return []
  const dir = inputs.services.length > 1 ? path.join(inputs.artifactsDir, report.service) : inputs.artifactsDir
  const written = await writePipelineArtifacts(
    await insideWorkspace('artifacts-dir', dir, git.workspace),
    pipelineArtifacts(rendered.request, rendered.containers, image, service),
  )
  return [`wrote ${written.map((f) => path.basename(f)).join(', ')} to ${dir} for CodePipeline`]
}

/** Registers the rendered task definition unless a revision already has its content. */
async function register(
  clients: AwsClients,
  inputs: PlannedInputs,
  prepared: Prepared,
  report: DeploymentReport,
  log: Log,
): Promise<Registered> {
  const { pinned, current } = prepared
  // ECS registers the revisions of some services itself, from the configuration their mechanism updates.
  const byEcs = !mechanismOf(prepared.plan.mechanism).registersRevisions && current
  const registered = pinned
    ? pinnedRegistration(pinned)
    : byEcs
      ? pinnedRegistration(byEcs)
      : await registerIfChanged(clients.ecs, prepared.rendered.request, current)
  const prefix = prefixOf(inputs, report)
  log.info(
    pinned
      ? `${prefix}nothing to register: deploying ${registered.family}:${registered.revision} as it is (task-definition-arn)`
      : byEcs
        ? `${prefix}nothing to register: ECS registers this service's revisions itself, from the configuration its deployment updates`
        : registered.registered
          ? `${prefix}registered ${registered.family}:${registered.revision}`
          : `${prefix}no change to register: ${registered.family}:${registered.revision} already has this content`,
  )
  for (const change of report.changes ?? []) log.info(logSafe(`  ${change}`))
  return { ...prepared, registered }
}

/** The revision this run deploys when it registers nothing new (the service's own), else undefined. */
function unchangedRevision({ rendered, current, pinned }: Prepared): string | undefined {
  if (pinned) return pinned.taskDefinition.taskDefinitionArn
  return current && sameTaskDefinition(rendered.request, current.taskDefinition, current.tags)
    ? current.taskDefinition.taskDefinitionArn
    : undefined
}

/**
 * Starts the rollout of a prepared service. For a preview, the pull request's copy of the service is
 * created or updated first, and its rollout is the one followed.
 */
async function start(
  clients: AwsClients,
  inputs: PlannedInputs,
  git: GitContext,
  { clock, signal, log }: DeployPorts,
  prepared: Registered,
  report: DeploymentReport,
  preview: PreviewPlan | undefined,
): Promise<{ started: Registered; rollout: Rollout; part: ServicePart }> {
  const { registered } = prepared
  let service = prepared.service
  let serviceName = report.service
  let url: string | undefined
  if (preview) {
    const created = await deployPreview({
      ecs: clients.ecs,
      elbv2: clients.elbv2,
      cluster: inputs.cluster,
      baseService: report.service,
      pr: preview.pr,
      repository: git.repository,
      taskDefinitionArn: registered.arn,
      previews: preview.config,
      now: new Date(clock.now()),
    })
    log.info(
      `${created.serviceName}: ${created.created ? 'created' : 'updated'} the preview of ${report.service}${created.url ? ` at ${created.url}` : ''}`,
    )
    service = await findService(clients.ecs, inputs.cluster, created.serviceName, report.region)
    serviceName = created.serviceName
    url = created.url
  }
  const rollout = await startStrategy(
    clients,
    { clock, signal, timeoutMs: inputs.timeoutMinutes * 60_000, log: log.info },
    prepared.plan,
    service,
    {
      cluster: inputs.cluster,
      taskDefinitionArn: registered.arn,
      ...(inputs.desiredCount !== undefined && { desiredCount: inputs.desiredCount }),
      forceNewDeployment: inputs.forceNewDeployment,
      deploymentCircuitBreaker: inputs.deploymentCircuitBreaker,
      ...(inputs.serviceSettings && { settings: inputs.serviceSettings }),
      containers: prepared.rendered.request.containerDefinitions ?? [],
      ...(prepared.rendered.request.cpu && { cpu: prepared.rendered.request.cpu }),
      ...(prepared.rendered.request.memory && { memory: prepared.rendered.request.memory }),
    },
  )
  const revision = `${registered.family}:${registered.revision}`
  if (rollout.deploymentId)
    log.info(
      rollout.started
        ? `${serviceName}: started deployment ${rollout.deploymentId} of ${revision}`
        : `${serviceName}: following deployment ${rollout.deploymentId}, already rolling out ${revision}`,
    )
  // A preview's tags are its own (preview/); the service definition's are the base service's.
  const tagged = preview ? undefined : await applyServiceTags(clients.ecs, service, inputs.serviceSettings?.tags)
  if (tagged?.failed) log.warning(logSafe(`${serviceName}: ${tagged.note}`))
  else if (tagged) log.info(logSafe(`${serviceName}: ${tagged.note}`))
  const part: ServicePart = {
    ...(preview && { service: serviceName, ...(url && { url }) }),
    ...(tagged && { notes: [tagged.note] }),
    startedAt: rollout.startedAt,
    ...(rollout.targetTaskDefinition && { taskDefinitionArn: rollout.targetTaskDefinition }),
    ...(!rollout.deploymentId
      ? { status: 'succeeded', reason: `Nothing to deploy: ${rollout.unchangedReason}.` }
      : {
          deploymentId: rollout.deploymentId,
          ...(!inputs.wait && {
            status: 'succeeded',
            reason: 'Deployment started; not waiting for it (wait: false).',
          }),
        }),
  }
  return { started: { ...prepared, service }, rollout, part }
}

/** A service's report from its rollout's result, with the causes of a failure and their log lines. */
async function concluded(
  clients: AwsClients,
  inputs: PlannedInputs,
  containers: ContainerDefinition[],
  result: WatchResult,
  deadline: RunDeadline,
): Promise<ServicePart> {
  const part: ServicePart = {
    status: result.outcome,
    reason: result.reason,
    timeline: result.timeline,
    recentEvents: result.recentEvents,
    ...(result.rollback !== undefined && { rollback: result.rollback }),
    ...(result.stoppedTasksError !== undefined && { stoppedTasksError: result.stoppedTasksError }),
    ...(result.progress && { progress: result.progress }),
    ...(result.analysis && { analysis: result.analysis }),
  }
  if (result.outcome === 'succeeded' || result.outcome === 'paused') return part
  const eventCause = causeOfEvents(result.recentEvents)
  // The log lines are best effort: after the deadline they are not read.
  const failures = deadline.passed()
    ? groupFailures(result.stoppedTasks)
    : await attachLogs(
        (region) => clients.logsIn(region),
        groupFailures(result.stoppedTasks),
        containers,
        inputs.logLines,
      )
  return { ...part, ...(eventCause && { eventCause }), failures }
}

/** Where the run deploys: the cluster and region of every service. */
export type Where = Pick<RunReport, 'cluster' | 'region'>

/** A rollout this run follows to its end: the service's position, what it deploys and how it is checked. */
interface Followed {
  index: number
  rollout: Rollout
  targetTaskDefinition: string
  /** Ids of the service's events from before the rollout. */
  priorEventIds: string[]
  verification?: VerifyPlan | undefined
  /** The image deployed, for the release's check. */
  image?: string | undefined
  /** The containers deployed, for their log lines on failure; absent: read from the target revision. */
  containers?: ContainerDefinition[]
}

/** What the deploy's steps hand on to the ones after them. */
interface DeployState extends ImageCheckState {
  preview?: PreviewPlan | undefined
  promotion?: Promotion | undefined
  found: Found[]
  promoted?: PromotedImages[] | undefined
  checked: Prepared[]
  image?: string | undefined
  registered: Registered[]
  followed: Followed[]
  results: WatchResult[]
}

type DeployStep = Step<DeployState>

/**
 * The deploy. Everything that can be checked is, before anything changes: services and strategies, the image (or the
 * build's plan), every task definition rendered and validated, deployments in flight; then the build and push, then
 * every registration, then the updates. A mistake in one service leaves them all as they were; a dry run stops before
 * the build and changes nothing.
 */
const DEPLOY: DeployStep[] = [
  { name: 'check', dryRun: 'run', phase: true, run: findServices },
  { name: 'promote', dryRun: 'run', when: (s) => !!s.promotion, run: promotion },
  { name: 'image', dryRun: 'run', run: checkImage },
  { name: 'render', dryRun: 'run', run: render },
  { name: 'plan', dryRun: 'only', run: dryRunReport },
  // A preview deploys its own copy of the service: the base service's deployments are not in its way.
  { name: 'idle', phase: true, when: (s) => !s.preview, run: waitUntilIdle },
  // Nothing is deployed when the build or push fails: it throws before any task definition is registered.
  { name: 'build', phase: true, run: build },
  { name: 'register', phase: true, run: registerAll },
  { name: 'run-task', phase: true, when: (s) => !!s.inputs.runTask && s.registered.length > 0, run: runTask },
  { name: 'update', phase: true, run: update },
  { name: 'watch', phase: true, late: 'run', when: (s) => s.followed.length > 0, run: watch },
  { name: 'conclude', late: 'run', when: (s) => s.results.length > 0, run: conclude },
  { name: 'keep-revisions', late: 'skip', when: wantsPruning, run: keepRevisions },
]

/**
 * `continue`: resumes (or rolls back) the deployments an earlier run left paused at `wait-until`, and follows
 * them to their end. Nothing is built, rendered or registered. A dry run finds the paused deployments and says what it
 * would do to each; it changes nothing.
 */
const RESUME: DeployStep[] = [
  { name: 'check', dryRun: 'run', phase: true, run: findServices },
  { name: 'continue', dryRun: 'run', run: resume },
  { name: 'watch', phase: true, late: 'run', when: (s) => s.followed.length > 0, run: watch },
  { name: 'conclude', late: 'run', when: (s) => s.results.length > 0, run: conclude },
]

/** Deploys the services (or continues their paused deployments); a failure part-way comes with what was done so far. */
export function deploy(
  inputs: PlannedInputs,
  git: GitContext,
  ports: DeployPorts,
  where: Where,
  preview?: PreviewPlan,
  promotion?: Promotion,
): Promise<StepsResult> {
  const clients = ports.aws(where.region, ports.deadline)
  const initial: DeployState = {
    inputs,
    git,
    ports,
    where,
    preview,
    promotion,
    clients,
    imageDeps: imageDepsOf(clients, git, ports, ports.deadline),
    found: [],
    checked: [],
    registered: [],
    followed: [],
    results: [],
  }
  return runSteps(inputs.strategy.continueAction ? RESUME : DEPLOY, initial, {
    dryRun: inputs.dryRun,
    deadline: ports.deadline,
    // Each phase (reading, the build, each wait) may take timeout-minutes; no request outlives its phase (plus the grace).
    phaseMs: inputs.timeoutMinutes * 60_000,
    log: ports.log,
  })
}

/** What the image step reads, and what it hands on: the deploy's and the standalone task's states share it. */
export interface ImageCheckState {
  inputs: PlannedInputs
  git: GitContext
  ports: DeployPorts
  where: Where
  clients: AwsClients
  imageDeps: ImageDeps
  imagePlan?: ImageBuildPlan | undefined
  pinned?: DescribedTaskDefinition | undefined
  plannedImage?: string | undefined
}

/**
 * The image step, before anything changes: the build's read-only plan, or the image to deploy looked up; and for
 * `task-definition-arn`, the revision and every image it names.
 */
export async function checkImage<S extends ImageCheckState>(s: S): Promise<StepOutcome<S>> {
  const { inputs, clients, where, imageDeps, ports, git } = s
  // Tags take the template's placeholders (`${SHORT_SHA}`, `${REF_NAME}`, vars), the image's own excepted.
  const values = placeholderValues(inputs, '', git, where.region, undefined)
  const buildInputs = inputs.build && {
    ...inputs.build,
    tags: inputs.build.tags.map((tag) => fillTextPlaceholders(tag, values, 'tags')),
  }
  const imagePlan = buildInputs
    ? await ports.log.group('Image', () => planImageBuild(buildInputs, imageDeps))
    : undefined
  if (!buildInputs && inputs.image) await checkImageExists(inputs.image, imageDeps)
  const pinned = inputs.taskDefinitionArn
    ? await pinnedRevision(clients.ecs, inputs.taskDefinitionArn, where.region)
    : undefined
  for (const image of new Set(pinned?.taskDefinition.containerDefinitions?.map((c) => c.image ?? '')))
    if (image) await checkImageExists(image, imageDeps)
  if (pinned) {
    ports.log.info(
      `task-definition-arn: ${pinned.taskDefinition.family}:${pinned.taskDefinition.revision}, used as it is`,
    )
  }
  const plannedImage = imagePlan ? imagePlan.reference : inputs.image
  const state: Partial<ImageCheckState> = { imagePlan, pinned, plannedImage }
  return { report: { ...(plannedImage && { image: plannedImage }) }, state: state as Partial<S> }
}

/** What the image steps (build plan, existence check, build and push) need, in the run's region and deadline. */
export function imageDepsOf(
  clients: AwsClients,
  git: GitContext,
  ports: DeployPorts,
  deadline: RunDeadline,
): ImageDeps {
  return {
    clients,
    git,
    now: ports.clock.now,
    log: ports.log,
    loggedIn: ports.loggedIn,
    signal: () => deadline.signal(ports.signal),
    ecrClientFor: (region: string) => ports.aws(region, deadline).ecr,
  }
}

/** The services, each one's deployment strategy checked against it; their reports start here. */
async function findServices({
  inputs,
  git,
  ports,
  where,
  preview,
  clients,
}: DeployState): Promise<StepOutcome<DeployState>> {
  const { log } = ports
  const found = await log.group('Services', () =>
    Promise.all(
      inputs.services.map(async (name): Promise<Found> => {
        const service = await findService(clients.ecs, inputs.cluster, name, where.region)
        log.info(
          `${service.serviceName} in ${inputs.cluster}: running ${taskDefinitionRevision(service.taskDefinition)}, ${service.runningCount}/${service.desiredCount} tasks`,
        )
        const placeholders = placeholderValues(inputs, service.serviceName ?? name, git, where.region, inputs.image)
        const defined = await withServiceDefinition(inputs, service, placeholders, git.workspace)
        const { inputs: own, notes } = preview ? previewInputs(defined, preview) : defined
        for (const note of notes) log.info(logSafe(`  ${note}`))
        // A preview is a plain copy of the service, without its blue/green set-up: it rolls.
        const plan = preview
          ? rollingPlan(inputs.strategy)
          : await planStrategy(clients, inputs.cluster, service, inputs.strategy, {
              circuitBreaker: own.deploymentCircuitBreaker,
              workspace: git.workspace,
              given: inputs,
            })
        checkServiceSettings(
          service,
          own.serviceSettings ?? {},
          mechanismOf(plan.mechanism).refusesEarlySuccess,
          plan.express !== undefined,
        )
        log.info(`  strategy: ${plan.description}`)
        return { service, plan, inputs: own, notes }
      }),
    ),
  )
  return {
    report: {
      services: found.map((f) => f.service),
      reports: found.map((f) => ({ ...newServiceReport(where, f.service, f.plan), notes: [...f.notes] })),
    },
    state: { found },
  }
}

/** promote-from: the images the source environment's services run. */
async function promotion({ promotion, where, ports, imageDeps }: DeployState): Promise<StepOutcome<DeployState>> {
  if (!promotion) return {}
  const promoted = await ports.log.group('Promotion', () =>
    readPromotion(promotion, where, ports, imageDeps, ports.deadline),
  )
  const images = [...new Set(promoted.flatMap((p) => Object.values(p.images)))]
  return {
    report: { promotedFrom: promotion.from, ...(images.length === 1 && { image: images[0] as string }) },
    state: { promoted },
  }
}

/** Every service's task definition rendered and validated with the planned image. */
async function render(s: DeployState, done: PipelineResult): Promise<StepOutcome<DeployState>> {
  const { clients, git, found, plannedImage, preview, ports, promoted, pinned } = s
  const checked = await ports.log.group('Task definition', () =>
    Promise.all(
      found.map((f, i) =>
        prepare(clients, f.inputs, git, f, reportOf(done, i), plannedImage, preview, ports.log, promoted?.[i], pinned),
      ),
    ),
  )
  return { report: { each: checked.map((c) => c.part) }, state: { checked: checked.map((c) => c.prepared) } }
}

/** A dry run's report: what would change, what it would build, what a deploy would wait for. */
async function dryRunReport(s: DeployState, done: PipelineResult): Promise<StepOutcome<DeployState>> {
  const { inputs, git, checked, plannedImage, imagePlan, preview, clients, ports } = s
  const artifacts = await Promise.all(
    checked.map((p, i) => writeArtifacts(inputs, git, p, reportOf(done, i), plannedImage)),
  )
  const imageNote = imagePlan && dryRunImageNote(imagePlan)
  const prices = await capacityPrices(inputs.capacityPrices, s.where.region, git.workspace)
  const each: ServicePart[] = []
  for (const [i, p] of checked.entries()) {
    const changes = reportOf(done, i).changes ?? []
    for (const change of changes) ports.log.info(logSafe(`  ${change}`))
    const capacity = capacityPreview({
      peakFleet: mechanismOf(p.plan.mechanism).peakFleet,
      strategy: p.plan.description,
      service: p.service,
      current: p.current?.taskDefinition,
      next: p.rendered.request,
      desiredCount: p.inputs.desiredCount,
      maximumPercent: p.inputs.serviceSettings?.maximumPercent,
      capacityProviderStrategy: p.inputs.serviceSettings?.capacityProviderStrategy,
      prices,
    })
    for (const line of capacityLogLines(capacity)) ports.log.info(logSafe(`  ${line}`))
    const busy = preview ? undefined : await deploymentInFlight(clients, p.plan, p.service, unchangedRevision(p))
    const notes = [
      ...(artifacts[i] ?? []),
      ...(imageNote ? [imageNote] : []),
      ...(busy
        ? [
            `busy with ${busy.what}: a deploy would ${busy.paused || p.plan.inputs.onBusy === 'fail' ? 'fail' : 'wait for it'} (on-busy: ${p.plan.inputs.onBusy})`,
          ]
        : []),
    ]
    each.push({
      notes,
      capacity,
      status: 'planned',
      reason: `Dry run: ${changes.length ? `${changes.length} change(s)` : 'no change'}; nothing was built, pushed, registered or deployed.`,
    })
  }
  if (imageNote) ports.log.info(imageNote)
  return { report: { each } }
}

/** Waits for (or, with on-busy: fail, stops at) other deployments in flight on each service. */
async function waitUntilIdle(s: DeployState): Promise<StepOutcome<DeployState>> {
  const { clients, inputs, ports } = s
  const checked: Prepared[] = []
  for (const p of s.checked)
    checked.push({
      ...p,
      service: await checkIdle(
        clients,
        waitContext(inputs, ports),
        inputs.cluster,
        p.plan,
        p.service,
        unchangedRevision(p),
      ),
    })
  return { state: { checked } }
}

/** The image built and pushed (when the run builds one). */
async function build({ imagePlan, imageDeps, inputs }: DeployState): Promise<StepOutcome<DeployState>> {
  const built = imagePlan && (await carryOutImageBuild(imagePlan, imageDeps))
  const image = built ? built.reference : inputs.image
  return { report: { ...(built && { builtImage: built }), ...(image && { image }) }, state: { image } }
}

/** Every task definition registered (rendered again first when the build's digest replaced the planned image). */
async function registerAll(s: DeployState, done: PipelineResult): Promise<StepOutcome<DeployState>> {
  const { clients, inputs, git, checked, image, plannedImage, preview, promoted, ports } = s
  const final =
    image === plannedImage
      ? checked.map((prepared) => ({ prepared, part: undefined }))
      : await Promise.all(
          checked.map((p, i) =>
            prepare(clients, p.inputs, git, p, reportOf(done, i), image, preview, undefined, promoted?.[i]),
          ),
        )
  // Each service's report as rendered again, for what register logs and where the artifacts go.
  const services = final.map(({ prepared, part }, i) => ({ prepared, part, report: withPart(reportOf(done, i), part) }))
  return ports.log.group('Register', async () => {
    const artifacts = await Promise.all(
      services.map(({ prepared, report }) => writeArtifacts(inputs, git, prepared, report, image)),
    )
    const registered: Registered[] = []
    const each: ServicePart[] = []
    for (const [i, { prepared, part, report }] of services.entries()) {
      const one = await register(clients, inputs, prepared, report, ports.log)
      registered.push(one)
      const { arn, registered: isNew } = one.registered
      each.push({ ...part, notes: artifacts[i] ?? [], taskDefinitionArn: arn, registered: isNew })
    }
    return { report: { each }, state: { registered } }
  })
}

/** `run-task`: the one-off task run with the first service's new revision, before any service is updated. */
async function runTask({ clients, inputs, registered, ports }: DeployState): Promise<StepOutcome<DeployState>> {
  const [first] = registered
  if (!first) return {}
  const { clock, signal, log } = ports
  const runTaskArns = await log.group('One-off task', () =>
    runOneOffTask({
      ecs: clients.ecs,
      logsIn: (region) => clients.logsIn(region),
      cluster: inputs.cluster,
      service: first.service,
      taskDefinitionArn: first.registered.arn,
      containers: first.rendered.request.containerDefinitions ?? [],
      container:
        inputs.runTaskContainer ??
        first.rendered.containers[0] ??
        first.rendered.request.containerDefinitions?.[0]?.name ??
        '',
      command: commandArguments(inputs.runTask ?? ''),
      ...(inputs.runTaskOptions && { options: inputs.runTaskOptions }),
      timeoutMs: inputs.timeoutMinutes * 60_000,
      clock,
      signal,
      log: log.info,
      logLines: inputs.logLines,
    }),
  )
  return { report: { each: [{ runTaskArns }] } }
}

/** Every service updated in turn; the rollouts to wait for (with `wait`) are followed next. */
async function update(s: DeployState, done: PipelineResult): Promise<StepOutcome<DeployState>> {
  const { clients, inputs, git, ports, preview, image } = s
  const started: Awaited<ReturnType<typeof start>>[] = []
  for (const [i, p] of s.registered.entries())
    started.push(await start(clients, p.inputs, git, ports, p, reportOf(done, i), preview))
  const followed = started.flatMap(({ started: p, rollout }, index): Followed[] =>
    rollout.deploymentId && inputs.wait
      ? [
          {
            index,
            rollout,
            targetTaskDefinition: rollout.targetTaskDefinition ?? p.registered.arn,
            priorEventIds: eventIds(p.service),
            verification: p.verification,
            image,
            containers: p.rendered.request.containerDefinitions ?? [],
          },
        ]
      : [],
  )
  return { report: { each: started.map((st) => st.part) }, state: { followed } }
}

/** The rollouts followed to their end (or to where `wait-until` pauses them), each release checked on the way. */
async function watch(s: DeployState, done: PipelineResult): Promise<StepOutcome<DeployState>> {
  const { clients, inputs, ports, followed } = s
  const results = await ports.log.group('Rollout', () =>
    waitForDeployments(
      watchOptions(clients, inputs, ports),
      followed.map((f) => {
        const service = reportOf(done, f.index).service
        return {
          service,
          rollout: f.rollout,
          targetTaskDefinition: f.targetTaskDefinition,
          priorEventIds: f.priorEventIds,
          ...(inputs.analysis && {
            analysis: new CanaryAnalysis(
              analysisSettings({ ...inputs.analysis, checks: inputs.analysis.checks ?? [] }),
              clients,
              {
                cluster: inputs.cluster,
                service,
                rolloutStart: f.rollout.startedAt,
              },
            ),
          }),
          ...(f.verification && {
            verify: releaseCheck(
              f.verification,
              ports,
              {
                cluster: inputs.cluster,
                service,
                taskDefinition: f.targetTaskDefinition,
                ...('image' in f && { image: f.image }),
              },
              ports.deadline,
            ),
          }),
        }
      }),
    ),
  )
  return { state: { results } }
}

/** Each followed service's report from its rollout's end, with the causes of a failure and their log lines. */
async function conclude({ clients, inputs, followed, results, ports }: DeployState): Promise<StepOutcome<DeployState>> {
  const { deadline } = ports
  const each: (ServicePart | undefined)[] = []
  const parts = await Promise.all(
    followed.map(async (f, i) => {
      const containers =
        f.containers ??
        (deadline.passed()
          ? undefined
          : await describeTaskDefinition(clients.ecs, f.targetTaskDefinition).catch(() => undefined)
        )?.taskDefinition.containerDefinitions ??
        []
      return concluded(clients, inputs, containers, results[i] as WatchResult, deadline)
    }),
  )
  followed.forEach((f, i) => (each[f.index] = parts[i]))
  return { report: { each } }
}

/** `keep-revisions` applies once every service succeeded. */
function wantsPruning({ inputs }: DeployState, done: PipelineResult): boolean {
  return inputs.keepRevisions !== undefined && done.reports.every((r) => r.status === 'succeeded')
}

/** `keep-revisions`: each family deployed keeps its newest N and what is in use. */
async function keepRevisions({ clients, inputs, registered, ports }: DeployState): Promise<StepOutcome<DeployState>> {
  const keep = inputs.keepRevisions ?? 0
  const notes: string[][] = registered.map(() => [])
  for (const family of new Set(registered.map((p) => p.registered.family))) {
    const gone = await pruneRevisions(clients.ecs, inputs.cluster, family, keep, ports.log)
    registered.forEach((p, i) => {
      if (p.registered.family === family && gone.length)
        notes[i]?.push(`deregistered ${gone.join(', ')} (keep-revisions: ${keep})`)
    })
  }
  return { report: { each: notes.map((n) => ({ notes: n })) } }
}

function reportOf(done: PipelineResult, index: number): DeploymentReport {
  return done.reports[index] as DeploymentReport
}

const eventIds = (service: Service): string[] => (service.events ?? []).flatMap((e) => (e.id ? [e.id] : []))

const waitContext = (inputs: PlannedInputs, { clock, signal, log }: DeployPorts) => ({
  clock,
  signal,
  timeoutMs: inputs.timeoutMinutes * 60_000,
  log: log.info,
})

/** `continue`: each paused deployment resumed (or rolled back); the release a paused run verified is checked again. */
async function resume(s: DeployState, done: PipelineResult): Promise<StepOutcome<DeployState>> {
  const { clients, inputs, git, ports, found } = s
  const { clock, log } = ports
  const action = inputs.strategy.continueAction
  // Checked before anything changes: the release a paused run verified through the test listener is verified again
  // while it goes on, and in production at the end.
  const verifications = found.map((_, i) => {
    const report = reportOf(done, i)
    return wantsVerification(inputs.verify) && action !== 'rollback'
      ? planVerification(
          inputs.verify,
          placeholderValues(inputs, report.service, git, report.region, undefined),
          new Set(Object.keys(inputs.vars)),
        )
      : undefined
  })
  const rollouts = await Promise.all(
    found.map((f) => continueStrategy(clients, inputs.cluster, f.plan, f.service, clock.now(), inputs.dryRun)),
  )
  const verb = action === 'rollback' ? 'rolling back' : 'continuing'
  const each = rollouts.map((rollout, i): ServicePart => {
    const what = `deployment ${rollout.deploymentId ?? rollout.serviceDeploymentArn} of ${taskDefinitionRevision(rollout.targetTaskDefinition)}`
    if (inputs.dryRun) {
      const reason = `Dry run: would ${action === 'rollback' ? 'roll back' : 'continue'} ${what}; nothing was changed.`
      log.info(`${reportOf(done, i).service}: ${reason}`)
      return { status: 'planned', reason, ...(rollout.deploymentId && { deploymentId: rollout.deploymentId }) }
    }
    log.info(`${reportOf(done, i).service}: ${verb} ${what}`)
    return {
      taskDefinitionArn: rollout.targetTaskDefinition,
      previousTaskDefinition: rollout.previousTaskDefinition,
      startedAt: rollout.startedAt,
      ...(rollout.deploymentId && { deploymentId: rollout.deploymentId }),
    }
  })
  if (inputs.dryRun) return { report: { each } }
  const followed = rollouts.map((rollout, index): Followed => ({
    index,
    rollout,
    targetTaskDefinition: rollout.targetTaskDefinition,
    priorEventIds: eventIds((found[index] as Found).service),
    verification: verifications[index],
  }))
  return { report: { each }, state: { followed } }
}

/** The images the promotion's source services run, read in the source's region; logged service by service. */
async function readPromotion(
  promotion: Promotion,
  where: Where,
  { aws, log }: DeployPorts,
  imageDeps: ImageDeps,
  deadline: RunDeadline,
): Promise<PromotedImages[]> {
  const region = promotion.region ?? where.region
  const clients = aws(region, deadline)
  log.info(
    `Promoting from ${promotion.from}: reading what its services run in cluster ${promotion.cluster} (${region}); nothing is built.`,
  )
  const promoted = await readPromotedImages(promotion, {
    ecs: clients.ecs,
    region,
    imageDeps: { ...imageDeps, clients },
  })
  for (const p of promoted) {
    log.info(`  ${p.service} runs ${taskDefinitionRevision(p.taskDefinition)}:`)
    for (const [container, image] of Object.entries(p.images)) log.info(logSafe(`    ${container}: ${image}`))
  }
  return promoted
}

/** What a service's report says of its promotion: the containers that got an image, and from where. */
function promotedOf(promoted: PromotedImages, containers: string[]): NonNullable<DeploymentReport['promoted']> {
  return {
    environment: promoted.environment,
    service: promoted.service,
    taskDefinition: promoted.taskDefinition,
    images: Object.fromEntries(containers.map((name) => [name, promoted.images[name] as string])),
  }
}

/**
 * The check of one service's release, at the stages its plan has URLs (or a command) for; it stops when the job is
 * cancelled or the wait's timeout-minutes run out.
 */
function releaseCheck(
  plan: VerifyPlan,
  { clock, signal, log }: DeployPorts,
  deployed: Deployed,
  deadline: RunDeadline,
): ReleaseCheck {
  const stages: VerifyStage[] = []
  if (plan.testUrls.length) stages.push('test')
  if (plan.urls.length || plan.command) stages.push('production')
  return {
    stages,
    run: (stage) =>
      verifyRelease(plan, stage, deployed, {
        clock,
        signal: deadline.signal(signal),
        fetch: verifyFetch,
        output: (line) => log.info(logSafe(line)),
      }),
  }
}

/** The verify checks' fetch: through HTTPS_PROXY unless NO_PROXY names the host, and named while it waits. */
const verifyFetch = ((url: string, init?: FetchInit) =>
  waitingFor(`verify ${new URL(url).origin}${new URL(url).pathname}`, () => httpFetch(url, init))) as typeof fetch

/** What a dry run says of the build it did not run. */
function dryRunImageNote(plan: ImageBuildPlan): string {
  if (plan.reused)
    return `would deploy ${plan.reused.reference}, already built from this commit the same way (skip-build-if-exists); nothing built`
  const repository = plan.createRepository ? `; would create the ECR repository ${plan.ref.repository}` : ''
  return `would build ${plan.name}:${plan.tags[0]} from ${plan.inputs.build} and push it as ${plan.tags.join(', ')}${repository}; nothing built or pushed (dry run)`
}

function watchOptions(
  clients: AwsClients,
  inputs: PlannedInputs,
  { clock, signal, log, deadline }: DeployPorts,
): WatchOptions {
  return {
    deadline,
    ecs: clients.ecs,
    codedeploy: clients.codedeploy,
    cluster: inputs.cluster,
    timeoutMs: inputs.timeoutMinutes * 60_000,
    rollbackOnFailure: inputs.rollbackOnFailure,
    clock,
    signal,
    log: log.info,
    warn: (message) => log.warning(message),
  }
}
