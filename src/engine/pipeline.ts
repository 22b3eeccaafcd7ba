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
import { pinnedRegistration, pinnedRevision } from '../deploy/pinned.js'
import { pruneRevisions } from '../deploy/keep-revisions.js'
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
import type { DeploymentReport, RunReport } from './run-report.js'
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
import { checkSettingsModel } from '../deploy/settings-model.js'
import { insideWorkspace } from '../common/workspace-path.js'
import type { Log } from '../common/log.js'
import { UserError } from '../common/errors.js'
import { placeholderValues, type PlannedInputs } from '../settings/placeholder-values.js'
import { fillTextPlaceholders } from '../taskdef/placeholders.js'

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

function newServiceReport(where: Where, service: Service, plan: StrategyPlan): DeploymentReport {
  return {
    cluster: where.cluster,
    service: service.serviceName ?? '',
    region: where.region,
    status: 'failed',
    reason: '',
    strategy: plan.description,
    previousTaskDefinition: service.taskDefinition ?? '',
    notes: [],
  }
}

/** A service found, how it will be deployed (its strategy checked against it), and its own report. */
interface Found {
  service: Service
  plan: StrategyPlan
  report: DeploymentReport
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
 * Renders and validates the service's task definition with `image` and fills its report (notes, changes); `log`
 * false re-renders quietly once the build has replaced the planned image reference by the pushed digest.
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
): Promise<Prepared> {
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
      "Input `verify-url` (and the other verify-* inputs, or the environment's verify block) needs `wait: true`: the release is checked once the deployment reaches it.",
    )
  if (verification?.testUrls.length && !mechanismOf(plan.mechanism).testTraffic)
    throw new UserError(
      `Input \`verify-test-url\`: ${report.service} rolls (${plan.description}), so no test listener ever routes to the new revision. Use \`verify-url\`, or a blue-green, canary, linear or CodeDeploy strategy.`,
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
  if (log) {
    for (const note of rendered.notes) log.info(logSafe(`${prefixOf(inputs, report)}${note}`))
    report.notes.push(...rendered.notes)
  }
  if (inputs.serviceSettings) {
    checkSettingsModel(inputs.serviceSettings)
    checkVolumesAtLaunch(inputs.serviceSettings, rendered.request)
  }
  report.containers = rendered.containers
  if (promoted) report.promoted = promotedOf(promoted, rendered.containers)
  report.rendered = rendered.request
  report.changes = [
    ...(current ? describeChanges(rendered.request, current.taskDefinition) : []),
    ...serviceChanges(service, inputs.desiredCount, inputs.deploymentCircuitBreaker, inputs.serviceSettings),
    ...plan.changes,
  ]
  return { service, plan, report, rendered, current, verification, ...(pinned && { pinned }) }
}

function onlyImage(promoted: PromotedImages | undefined): string | undefined {
  const images = Object.values(promoted?.images ?? {})
  return images.length === 1 ? images[0] : undefined
}

const prefixOf = (inputs: PlannedInputs, report: DeploymentReport): string =>
  inputs.services.length > 1 ? `${report.service}: ` : ''

/** CodePipeline's files (artifacts-dir), for the image that is (or, in a dry run, would be) deployed. */
async function writeArtifacts(
  inputs: PlannedInputs,
  git: GitContext,
  { report, rendered, service }: Prepared,
  image: string | undefined,
): Promise<void> {
  if (!inputs.artifactsDir || !image) return
  const dir = inputs.services.length > 1 ? path.join(inputs.artifactsDir, report.service) : inputs.artifactsDir
  const written = await writePipelineArtifacts(
    await insideWorkspace('artifacts-dir', dir, git.workspace),
    pipelineArtifacts(rendered.request, rendered.containers, image, service),
  )
  report.notes.push(`wrote ${written.map((f) => path.basename(f)).join(', ')} to ${dir} for CodePipeline`)
}

/** Registers the rendered task definition unless a revision already has its content. */
async function register(clients: AwsClients, inputs: PlannedInputs, prepared: Prepared, log: Log): Promise<Registered> {
  const { report, pinned } = prepared
  const registered = pinned
    ? pinnedRegistration(pinned)
    : await registerIfChanged(clients.ecs, prepared.rendered.request, prepared.current)
  Object.assign(report, { taskDefinitionArn: registered.arn, registered: registered.registered })
  const prefix = prefixOf(inputs, report)
  log.info(
    pinned
      ? `${prefix}nothing to register: deploying ${registered.family}:${registered.revision} as it is (task-definition-arn)`
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
  preview: PreviewPlan | undefined,
): Promise<Rollout> {
  const { report, registered } = prepared
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
    prepared.service = await findService(clients.ecs, inputs.cluster, created.serviceName, report.region)
    Object.assign(report, { service: created.serviceName, ...(created.url && { url: created.url }) })
  }
  const rollout = await startStrategy(
    clients,
    { clock, signal, timeoutMs: inputs.timeoutMinutes * 60_000, log: log.info },
    prepared.plan,
    prepared.service,
    {
      cluster: inputs.cluster,
      taskDefinitionArn: registered.arn,
      ...(inputs.desiredCount !== undefined && { desiredCount: inputs.desiredCount }),
      forceNewDeployment: inputs.forceNewDeployment,
      deploymentCircuitBreaker: inputs.deploymentCircuitBreaker,
      ...(inputs.serviceSettings && { settings: inputs.serviceSettings }),
      containers: prepared.rendered.request.containerDefinitions ?? [],
    },
  )
  report.startedAt = rollout.startedAt
  const revision = `${registered.family}:${registered.revision}`
  if (!rollout.deploymentId) {
    Object.assign(report, { status: 'succeeded', reason: `Nothing to deploy: ${rollout.unchangedReason}.` })
  } else {
    report.deploymentId = rollout.deploymentId
    log.info(
      rollout.started
        ? `${report.service}: started deployment ${rollout.deploymentId} of ${revision}`
        : `${report.service}: following deployment ${rollout.deploymentId}, already rolling out ${revision}`,
    )
    if (!inputs.wait)
      Object.assign(report, { status: 'succeeded', reason: 'Deployment started; not waiting for it (wait: false).' })
  }
  return rollout
}

/** Fills a service's report from its rollout's result, with the causes of a failure and their log lines. */
async function conclude(
  clients: AwsClients,
  inputs: PlannedInputs,
  report: DeploymentReport,
  containers: ContainerDefinition[],
  result: WatchResult,
  deadline: RunDeadline,
): Promise<void> {
  Object.assign(report, {
    status: result.outcome,
    reason: result.reason,
    timeline: result.timeline,
    recentEvents: result.recentEvents,
    ...(result.rollback !== undefined && { rollback: result.rollback }),
    ...(result.stoppedTasksError !== undefined && { stoppedTasksError: result.stoppedTasksError }),
    ...(result.progress && { progress: result.progress }),
  })
  if (result.outcome === 'succeeded' || result.outcome === 'paused') return
  const eventCause = causeOfEvents(result.recentEvents)
  if (eventCause) report.eventCause = eventCause
  // The log lines are best effort: after the deadline they are not read.
  if (deadline.passed()) {
    report.failures = groupFailures(result.stoppedTasks)
    return
  }
  report.failures = await attachLogs(
    (region) => clients.logsIn(region),
    groupFailures(result.stoppedTasks),
    containers,
    inputs.logLines,
  )
}

/** Where the run deploys: the cluster and region of every service. */
export type Where = Pick<RunReport, 'cluster' | 'region'>

/** What the pipeline did: the services as they were found, each one's report, the image deployed (or planned) and the one built. */
export interface PipelineResult {
  services: Service[]
  reports: DeploymentReport[]
  image?: string
  builtImage?: RunReport['builtImage']
  /** The environment whose images were deployed (promote-from). */
  promotedFrom?: string
}

/** The results a failure part-way had reached, keyed by the error it threw (which goes on unchanged). */
const partials = new WeakMap<object, PipelineResult>()

/** What the pipeline had done when it threw `error`, if the error came from it. */
export function partialResult(error: unknown): PipelineResult | undefined {
  return typeof error === 'object' && error !== null ? partials.get(error) : undefined
}

/**
 * Deploys the services and returns what it did; a failure part-way throws the error unchanged, with what was done so
 * far for `partialResult` (so it is still reported).
 */
export async function deploy(
  inputs: PlannedInputs,
  git: GitContext,
  ports: DeployPorts,
  where: Where,
  preview?: PreviewPlan,
  promotion?: Promotion,
): Promise<PipelineResult> {
  return recorded((done) => deploySteps(inputs, git, ports, where, done, preview, promotion))
}

/** Runs `steps` on a result of its own and returns it; a throw carries what was done for `partialResult`. */
export async function recorded(steps: (done: PipelineResult) => Promise<void>): Promise<PipelineResult> {
  // Owned by this call alone: the steps add to it, and it is returned or attached to the error.
  const done: PipelineResult = { services: [], reports: [] }
  try {
    await steps(done)
    return done
  } catch (error) {
    if (typeof error === 'object' && error !== null) partials.set(error, done)
    throw error
  }
}

/**
 * The image checks made before anything changes: the build's read-only plan, or the image to deploy looked up; and
 * for `task-definition-arn`, the revision and every image it names.
 */
export async function checkImages(
  inputs: PlannedInputs,
  clients: AwsClients,
  region: string,
  imageDeps: ImageDeps,
  log: Log,
  git: GitContext,
): Promise<{ imagePlan: ImageBuildPlan | undefined; pinned: DescribedTaskDefinition | undefined }> {
  // Tags take the template's placeholders (`${SHORT_SHA}`, `${REF_NAME}`, vars), the image's own excepted.
  const values = placeholderValues(inputs, '', git, region, undefined)
  const buildInputs = inputs.build && {
    ...inputs.build,
    tags: inputs.build.tags.map((tag) => fillTextPlaceholders(tag, values, 'tags')),
  }
  const imagePlan = buildInputs ? await log.group('Image', () => planImageBuild(buildInputs, imageDeps)) : undefined
  if (!buildInputs && inputs.image) await checkImageExists(inputs.image, imageDeps)
  const pinned = inputs.taskDefinitionArn
    ? await pinnedRevision(clients.ecs, inputs.taskDefinitionArn, region)
    : undefined
  for (const image of new Set(pinned?.taskDefinition.containerDefinitions?.map((c) => c.image ?? '')))
    if (image) await checkImageExists(image, imageDeps)
  return { imagePlan, pinned }
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

/**
 * Everything that can be checked is, before anything changes: services and strategies, the image (or the build's
 * plan), every task definition rendered and validated, deployments in flight; then the build and push, then every
 * registration, then the updates. A mistake in one service leaves them all as they were; a dry run stops before the
 * build and changes nothing.
 */
async function deploySteps(
  inputs: PlannedInputs,
  git: GitContext,
  ports: DeployPorts,
  where: Where,
  done: PipelineResult,
  preview?: PreviewPlan,
  promotion?: Promotion,
): Promise<void> {
  const { clock, signal, log, deadline } = ports
  // Each phase (reading, the build, each wait) may take timeout-minutes; no request outlives its phase (plus the grace).
  const phase = (): void => deadline.restart(inputs.timeoutMinutes * 60_000)
  phase()
  const clients = ports.aws(where.region, deadline)
  const found = await log.group('Services', () =>
    Promise.all(
      inputs.services.map(async (name): Promise<Found> => {
        const service = await findService(clients.ecs, inputs.cluster, name, where.region)
        log.info(
          `${service.serviceName} in ${inputs.cluster}: running ${taskDefinitionRevision(service.taskDefinition)}, ${service.runningCount}/${service.desiredCount} tasks`,
        )
        // A preview is a plain copy of the service, without its blue/green set-up: it rolls.
        const plan = preview
          ? rollingPlan(inputs.strategy)
          : await planStrategy(clients, inputs.cluster, service, inputs.strategy, {
              circuitBreaker: inputs.deploymentCircuitBreaker,
              workspace: git.workspace,
            })
        checkServiceSettings(service, inputs.serviceSettings ?? {}, mechanismOf(plan.mechanism).refusesEarlySuccess)
        log.info(`  strategy: ${plan.description}`)
        return { service, plan, report: newServiceReport(where, service, plan) }
      }),
    ),
  )
  done.services = found.map((f) => f.service)
  done.reports = found.map((f) => f.report)
  if (inputs.strategy.continueAction) {
    await resume(clients, inputs, git, ports, found, phase, deadline)
    return
  }
  // Everything that can be checked is checked before anything changes: the image (build planned read-only, or the
  // image to deploy looked up), every task definition rendered and validated, other deployments in flight.
  const imageDeps = imageDepsOf(clients, git, ports, deadline)
  const promoted =
    promotion && (await log.group('Promotion', () => readPromotion(promotion, where, ports, imageDeps, deadline)))
  if (promoted) {
    done.promotedFrom = promotion.from
    const images = [...new Set(promoted.flatMap((p) => Object.values(p.images)))]
    if (images.length === 1) done.image = images[0] as string
  }
  const { imagePlan, pinned } = await checkImages(inputs, clients, where.region, imageDeps, log, git)
  if (pinned) {
    log.info(
      `task-definition-arn: ${pinned.taskDefinition.family}:${pinned.taskDefinition.revision}, deployed as it is`,
    )
  }
  const plannedImage = imagePlan ? imagePlan.reference : inputs.image
  if (plannedImage) done.image = plannedImage
  const checked = await log.group('Task definition', () =>
    Promise.all(
      found.map((f, i) =>
        prepare(clients, inputs, git, f, f.report, plannedImage, preview, log, promoted?.[i], pinned),
      ),
    ),
  )
  const waitContext = { clock, signal, timeoutMs: inputs.timeoutMinutes * 60_000, log: log.info }
  if (inputs.dryRun) {
    await Promise.all(checked.map((p) => writeArtifacts(inputs, git, p, plannedImage)))
    const imageNote = imagePlan && dryRunImageNote(imagePlan)
    for (const p of checked) {
      const { report } = p
      for (const change of report.changes ?? []) log.info(logSafe(`  ${change}`))
      if (imageNote) report.notes.push(imageNote)
      const busy = preview ? undefined : await deploymentInFlight(clients, p.plan, p.service, unchangedRevision(p))
      if (busy)
        report.notes.push(
          `busy with ${busy.what}: a deploy would ${busy.paused || p.plan.inputs.onBusy === 'fail' ? 'fail' : 'wait for it'} (on-busy: ${p.plan.inputs.onBusy})`,
        )
      const count = report.changes?.length ?? 0
      Object.assign(report, {
        status: 'planned',
        reason: `Dry run: ${count ? `${count} change(s)` : 'no change'}; nothing was built, pushed, registered or deployed.`,
      })
    }
    if (imageNote) log.info(imageNote)
    return
  }
  // A preview deploys its own copy of the service: the base service's deployments are not in its way.
  if (!preview) {
    phase()
    for (const p of checked)
      p.service = await checkIdle(clients, waitContext, inputs.cluster, p.plan, p.service, unchangedRevision(p))
  }

  // Nothing is deployed when the build or push fails: it throws before any task definition is registered.
  phase()
  const built = imagePlan && (await carryOutImageBuild(imagePlan, imageDeps))
  if (built) done.builtImage = built
  const image = built ? built.reference : inputs.image
  if (image) done.image = image
  phase()
  const final =
    image === plannedImage
      ? checked
      : await Promise.all(
          checked.map((p, i) => prepare(clients, inputs, git, p, p.report, image, preview, undefined, promoted?.[i])),
        )
  const prepared = await log.group('Register', async () => {
    await Promise.all(final.map((p) => writeArtifacts(inputs, git, p, image)))
    const registered: Registered[] = []
    for (const p of final) registered.push(await register(clients, inputs, p, log))
    return registered
  })
  const [first] = prepared
  if (inputs.runTask && first) {
    phase()
    first.report.runTaskArns = await log.group('One-off task', () =>
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
  }
  const started: { p: Registered; rollout: Rollout }[] = []
  phase()
  for (const p of prepared) started.push({ p, rollout: await start(clients, inputs, git, ports, p, preview) })
  const waiting = started.filter(({ rollout }) => rollout.deploymentId && inputs.wait)
  if (!waiting.length) return keepRevisions(clients, inputs, prepared, log, deadline)
  phase()
  const results = await log.group('Rollout', () =>
    waitForDeployments(
      watchOptions(clients, inputs, ports),
      waiting.map(({ p, rollout }) => ({
        service: p.report.service,
        rollout,
        targetTaskDefinition: p.registered.arn,
        priorEventIds: (p.service.events ?? []).flatMap((e) => (e.id ? [e.id] : [])),
        ...(p.verification && {
          verify: releaseCheck(
            p.verification,
            ports,
            {
              cluster: inputs.cluster,
              service: p.report.service,
              taskDefinition: p.registered.arn,
              image,
            },
            deadline,
          ),
        }),
      })),
    ),
  )
  await Promise.all(
    waiting.map(({ p }, i) =>
      conclude(
        clients,
        inputs,
        p.report,
        p.rendered.request.containerDefinitions ?? [],
        results[i] as WatchResult,
        deadline,
      ),
    ),
  )
  await keepRevisions(clients, inputs, prepared, log, deadline)
}

/** `keep-revisions`, once every service succeeded: each family deployed keeps its newest N and what is in use. */
async function keepRevisions(
  clients: AwsClients,
  inputs: PlannedInputs,
  prepared: Registered[],
  log: Log,
  deadline: RunDeadline,
) {
  const keep = inputs.keepRevisions
  if (keep === undefined || prepared.some((p) => p.report.status !== 'succeeded')) return
  if (deadline.passed()) return log.info("keep-revisions was skipped: the run's deadline had passed.")
  for (const family of new Set(prepared.map((p) => p.registered.family))) {
    const gone = await pruneRevisions(clients.ecs, inputs.cluster, family, keep, log)
    for (const p of prepared.filter((p) => p.registered.family === family))
      if (gone.length) p.report.notes.push(`deregistered ${gone.join(', ')} (keep-revisions: ${keep})`)
  }
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

/**
 * `continue`: resumes (or rolls back) the deployments an earlier run left paused at `wait-until`, and follows
 * them to their end. Nothing is built, rendered or registered.
 */
async function resume(
  clients: AwsClients,
  inputs: PlannedInputs,
  git: GitContext,
  ports: DeployPorts,
  found: Found[],
  phase: () => void,
  deadline: RunDeadline,
): Promise<void> {
  const { clock, log } = ports
  // Checked before anything changes: the release a paused run verified through the test listener is verified again
  // while it goes on, and in production at the end.
  const verifications = new Map<DeploymentReport, VerifyPlan>()
  if (wantsVerification(inputs.verify) && inputs.strategy.continueAction !== 'rollback')
    for (const { report } of found)
      verifications.set(
        report,
        planVerification(
          inputs.verify,
          placeholderValues(inputs, report.service, git, report.region, undefined),
          new Set(Object.keys(inputs.vars)),
        ),
      )
  const resumed = await Promise.all(
    found.map(async (f) => ({
      ...f,
      rollout: await continueStrategy(clients, inputs.cluster, f.plan, f.service, clock.now()),
    })),
  )
  const verb = inputs.strategy.continueAction === 'rollback' ? 'rolling back' : 'continuing'
  resumed.forEach(({ rollout, report }) => {
    Object.assign(report, {
      taskDefinitionArn: rollout.targetTaskDefinition,
      previousTaskDefinition: rollout.previousTaskDefinition,
      startedAt: rollout.startedAt,
    })
    if (rollout.deploymentId) report.deploymentId = rollout.deploymentId
    log.info(
      `${report.service}: ${verb} deployment ${rollout.deploymentId} of ${taskDefinitionRevision(rollout.targetTaskDefinition)}`,
    )
  })
  phase()
  const results = await log.group('Rollout', () =>
    waitForDeployments(
      watchOptions(clients, inputs, ports),
      resumed.map(({ rollout, report, service }) => {
        const verification = verifications.get(report)
        return {
          service: report.service,
          rollout,
          targetTaskDefinition: rollout.targetTaskDefinition,
          priorEventIds: (service.events ?? []).flatMap((e) => (e.id ? [e.id] : [])),
          ...(verification && {
            verify: releaseCheck(
              verification,
              ports,
              {
                cluster: inputs.cluster,
                service: report.service,
                taskDefinition: rollout.targetTaskDefinition,
              },
              deadline,
            ),
          }),
        }
      }),
    ),
  )
  await Promise.all(
    resumed.map(async ({ rollout, report }, i) => {
      const described = deadline.passed()
        ? undefined
        : await describeTaskDefinition(clients.ecs, rollout.targetTaskDefinition).catch(() => undefined)
      await conclude(
        clients,
        inputs,
        report,
        described?.taskDefinition.containerDefinitions ?? [],
        results[i] as WatchResult,
        deadline,
      )
    }),
  )
}
