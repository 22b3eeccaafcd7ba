import * as core from '@actions/core'
import * as github from '@actions/github'
import path from 'node:path'
import type { Service } from '@aws-sdk/client-ecs'
import { createClients, resolveRegion, type AwsClients } from './aws.js'
import { readGitContext, runUrl, type GitContext } from './context.js'
import { systemClock, type Clock } from './deploy/clock.js'
import { attachLogs, causeOfEvents, groupFailures } from './deploy/diagnose.js'
import { describeTaskDefinition, registerIfChanged, type RegisteredTaskDefinition } from './deploy/register.js'
import { serviceChanges } from './deploy/changes.js'
import { commandArguments, runOneOffTask } from './deploy/run-task.js'
import { startRollout, type Rollout } from './deploy/rollout.js'
import { findService } from './deploy/service.js'
import { waitForDeployments, type WatchResult } from './deploy/watch.js'
import { AwsError, DeploymentFailed, errorMessage, UserError } from './errors.js'
import { buildAndPushImage, logoutRegistries } from './image/index.js'
import { createDeploymentTracker, environmentUrl, previewComment, readRunEvent, upsertPreviewComment, type DeploymentTracker, type GitHubApi } from './github/index.js'
import { getInputs, type Inputs } from './inputs.js'
import { planRun, type Plan, type PreviewPlan } from './plan.js'
import { deployPreview, destroyPreview, previewFamily, previewServiceName, sweepPreviews } from './preview/index.js'
import { pipelineArtifacts, writePipelineArtifacts } from './report/artifacts.js'
import { overallStatus, renderSummary, type DeploymentReport, type RunReport } from './report/summary.js'
import { describeChanges, renderTaskDefinition, type RenderedTaskDefinition } from './taskdef/index.js'

/** The inputs once the plan has settled the cluster and services. */
type PlannedInputs = Inputs & { cluster: string }

/** Values a template's ${PLACEHOLDERS} can use. */
export function placeholderValues(
  inputs: PlannedInputs,
  service: string,
  git: GitContext,
  region: string,
  image: string | undefined,
): Record<string, string> {
  return {
    GITHUB_SHA: git.sha,
    SHORT_SHA: git.shortSha,
    COMMIT_HASH: git.sha,
    REF_NAME: git.refName,
    GITHUB_REF_NAME: git.refName,
    RUN_NUMBER: git.runNumber,
    GITHUB_RUN_NUMBER: git.runNumber,
    RUN_ID: git.runId,
    REPOSITORY: git.repository,
    CLUSTER: inputs.cluster,
    SERVICE: service,
    AWS_REGION: region,
    ENVIRONMENT: inputs.environment ?? '',
    ...(image !== undefined && { IMAGE: image }),
    ...inputs.vars,
  }
}

/** ${PR_NUMBER} and friends, for a pull request's preview. */
function previewPlaceholders(preview: PreviewPlan | undefined): Record<string, string> {
  return preview ? { PR_NUMBER: String(preview.pr), PREVIEW: `pr-${preview.pr}` } : {}
}

/** Cancelled when the runner sends SIGINT/SIGTERM (job cancelled), so the wait can stop and roll back. */
function cancellationSignal(): AbortSignal {
  const controller = new AbortController()
  const cancel = (): void => controller.abort()
  process.once('SIGINT', cancel)
  process.once('SIGTERM', cancel)
  return controller.signal
}

/** Outputs: one value per service, comma separated in the order of the `service` input. */
function setOutputs(run: RunReport): void {
  const each = (value: (s: DeploymentReport) => string | undefined): string => run.services.map((s) => value(s) ?? '').join(',')
  core.setOutput('status', run.status)
  core.setOutput('duration-seconds', String(run.durationSeconds))
  core.setOutput('deployment-id', each((s) => s.deploymentId))
  core.setOutput('task-definition-arn', each((s) => s.taskDefinitionArn))
  core.setOutput('task-definition-revision', each((s) => s.taskDefinitionArn?.split(':').pop()))
  if (run.environmentUrl) core.setOutput('environment-url', run.environmentUrl)
  const changes = run.services.flatMap((s) => (s.changes ?? []).map((c) => (run.services.length > 1 ? `${s.service}: ${c}` : c)))
  core.setOutput('diff', changes.join('\n'))
  if (run.image) core.setOutput('image', run.image)
  const built = run.builtImage
  if (built) {
    core.setOutput('image-digest', built.digest)
    core.setOutput('image-tags', built.tags.join(','))
    core.setOutput('build-seconds', String(built.buildSeconds))
    core.setOutput('push-seconds', String(built.pushSeconds))
  }
}

async function writeSummary(run: RunReport): Promise<void> {
  try {
    await core.summary.addRaw(renderSummary(run), true).write()
  } catch (error) {
    core.warning(`Could not write the job summary: ${errorMessage(error)}`)
  }
}

function newServiceReport(run: RunReport, service: Service): DeploymentReport {
  return {
    cluster: run.cluster,
    service: service.serviceName ?? '',
    region: run.region,
    status: 'failed',
    reason: '',
    strategy: 'rolling',
    previousTaskDefinition: service.taskDefinition ?? '',
    notes: [],
  }
}

/** A service checked, its task definition rendered and registered (not in a dry run): nothing changed on it yet. */
interface Prepared {
  service: Service
  report: DeploymentReport
  rendered: RenderedTaskDefinition
  registered?: RegisteredTaskDefinition
}

/** A prepared service whose task definition is registered. */
type Registered = Prepared & { registered: RegisteredTaskDefinition }

async function prepare(
  clients: AwsClients,
  inputs: PlannedInputs,
  git: GitContext,
  service: Service,
  report: DeploymentReport,
  image: string | undefined,
  preview: PreviewPlan | undefined,
): Promise<Prepared> {
  const { ecs } = clients
  const current = service.taskDefinition ? await describeTaskDefinition(ecs, service.taskDefinition) : undefined
  const rendered = await renderTaskDefinition({
    ...(inputs.taskDefinition !== undefined && { templatePath: inputs.taskDefinition }),
    ...(current && { current: current.taskDefinition, currentTags: current.tags }),
    ...(image !== undefined && { image }),
    containers: inputs.containers,
    environment: inputs.environmentVariables,
    secrets: inputs.secrets,
    placeholders: { ...placeholderValues(inputs, report.service, git, report.region, image), ...previewPlaceholders(preview) },
  })
  // A preview registers in its own family, so destroying it can deregister what it registered.
  if (preview && rendered.request.family) rendered.request.family = previewFamily(rendered.request.family, preview.pr)
  const prefix = inputs.services.length > 1 ? `${report.service}: ` : ''
  for (const note of rendered.notes) core.info(`${prefix}${note}`)
  report.notes.push(...rendered.notes)
  report.containers = rendered.containers
  report.rendered = rendered.request
  report.changes = [
    ...(current ? describeChanges(rendered.request, current.taskDefinition) : []),
    ...serviceChanges(service, inputs.desiredCount, inputs.deploymentCircuitBreaker),
  ]
  if (inputs.artifactsDir && image) {
    const dir = inputs.services.length > 1 ? path.join(inputs.artifactsDir, report.service) : inputs.artifactsDir
    const written = await writePipelineArtifacts(path.resolve(git.workspace, dir), pipelineArtifacts(rendered.request, rendered.containers, image, service))
    report.notes.push(`wrote ${written.map((f) => path.basename(f)).join(', ')} to ${dir} for CodePipeline`)
  }
  if (inputs.dryRun) {
    for (const change of report.changes) core.info(`  ${change}`)
    return { service, report, rendered }
  }
  const registered = await registerIfChanged(ecs, rendered.request, current)
  Object.assign(report, { taskDefinitionArn: registered.arn, registered: registered.registered })
  core.info(
    registered.registered
      ? `${prefix}registered ${registered.family}:${registered.revision}`
      : `${prefix}no change to register: ${registered.family}:${registered.revision} already has this content`,
  )
  for (const change of report.changes ?? []) core.info(`  ${change}`)
  return { service, report, rendered, registered }
}

/**
 * Starts the rollout of a prepared service. For a preview, the pull request's copy of the service is
 * created or updated first, and its rollout is the one followed.
 */
async function start(clients: AwsClients, inputs: PlannedInputs, git: GitContext, clock: Clock, prepared: Registered, preview: PreviewPlan | undefined): Promise<Rollout> {
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
    core.info(`${created.serviceName}: ${created.created ? 'created' : 'updated'} the preview of ${report.service}${created.url ? ` at ${created.url}` : ''}`)
    prepared.service = await findService(clients.ecs, inputs.cluster, created.serviceName, report.region)
    Object.assign(report, { service: created.serviceName, ...(created.url && { url: created.url }) })
  }
  const rollout = await startRollout(
    clients.ecs,
    prepared.service,
    {
      cluster: inputs.cluster,
      taskDefinitionArn: registered.arn,
      ...(inputs.desiredCount !== undefined && { desiredCount: inputs.desiredCount }),
      forceNewDeployment: inputs.forceNewDeployment,
      deploymentCircuitBreaker: inputs.deploymentCircuitBreaker,
    },
    clock.now(),
  )
  report.startedAt = rollout.startedAt
  const revision = `${registered.family}:${registered.revision}`
  if (!rollout.deploymentId) {
    Object.assign(report, { status: 'succeeded', reason: `Nothing to deploy: ${rollout.unchangedReason}.` })
  } else {
    report.deploymentId = rollout.deploymentId
    core.info(
      rollout.started
        ? `${report.service}: started deployment ${rollout.deploymentId} of ${revision}`
        : `${report.service}: following deployment ${rollout.deploymentId}, already rolling out ${revision}`,
    )
    if (!inputs.wait) Object.assign(report, { status: 'succeeded', reason: 'Deployment started; not waiting for it (wait: false).' })
  }
  return rollout
}

/** Fills a service's report from its rollout's result, with the causes of a failure and their log lines. */
async function conclude(clients: AwsClients, inputs: PlannedInputs, prepared: Registered, result: WatchResult): Promise<void> {
  const { report } = prepared
  Object.assign(report, {
    status: result.outcome,
    reason: result.reason,
    timeline: result.timeline,
    recentEvents: result.recentEvents,
    ...(result.rollback !== undefined && { rollback: result.rollback }),
  })
  if (result.outcome === 'succeeded') return
  const containers = prepared.rendered.request.containerDefinitions ?? []
  report.failures = await attachLogs(clients.logs, groupFailures(result.stoppedTasks), containers, inputs.logLines)
  const eventCause = causeOfEvents(result.recentEvents)
  if (eventCause) report.eventCause = eventCause
}

/**
 * Deploys the services, filling `run` as it goes (so a failure part-way still reports what was done);
 * returns the services as they were found.
 * Every service is checked, and its task definition rendered and registered, before any is updated:
 * a mistake in one leaves them all as they were.
 */
export async function deploy(
  inputs: PlannedInputs,
  git: GitContext,
  clock: Clock,
  signal: AbortSignal,
  run: RunReport,
  preview?: PreviewPlan,
): Promise<Service[]> {
  const clients = createClients(run.region)
  const services = await core.group('Services', () =>
    Promise.all(
      inputs.services.map(async (name) => {
        const found = await findService(clients.ecs, inputs.cluster, name, run.region)
        core.info(`${found.serviceName} in ${inputs.cluster}: running ${found.taskDefinition?.split('/').pop()}, ${found.runningCount}/${found.desiredCount} tasks`)
        return found
      }),
    ),
  )
  run.services = services.map((s) => newServiceReport(run, s))
  // Nothing is deployed when the build or push fails: it throws before any task definition is touched.
  const built = inputs.build && (await buildAndPushImage(inputs.build, { clients, git, now: clock.now }))
  if (built) run.builtImage = built
  const image = built ? built.reference : inputs.image
  if (image) run.image = image

  const planned = await core.group('Task definition', () =>
    Promise.all(services.map((service, i) => prepare(clients, inputs, git, service, run.services[i] as DeploymentReport, image, preview))),
  )
  if (inputs.dryRun) {
    for (const { report } of planned) {
      const count = report.changes?.length ?? 0
      Object.assign(report, { status: 'planned', reason: `Dry run: ${count ? `${count} change(s)` : 'no change'}; nothing was registered or deployed.` })
    }
    return services
  }
  const prepared = planned as Registered[]
  const [first] = prepared
  if (inputs.runTask && first) {
    await core.group('One-off task', () =>
      runOneOffTask({
        ecs: clients.ecs,
        logs: clients.logs,
        cluster: inputs.cluster,
        service: first.service,
        taskDefinitionArn: first.registered.arn,
        containers: first.rendered.request.containerDefinitions ?? [],
        container: inputs.runTaskContainer ?? first.rendered.containers[0] ?? first.rendered.request.containerDefinitions?.[0]?.name ?? '',
        command: commandArguments(inputs.runTask ?? ''),
        timeoutMs: inputs.timeoutMinutes * 60_000,
        clock,
        signal,
        log: core.info,
        logLines: inputs.logLines,
      }),
    )
  }
  const rollouts: Rollout[] = []
  for (const p of prepared) rollouts.push(await start(clients, inputs, git, clock, p, preview))
  const waiting = prepared.flatMap((p, i) => (rollouts[i]?.deploymentId && inputs.wait ? [{ p, rollout: rollouts[i] }] : []))
  if (!waiting.length) return services
  const results = await core.group('Rollout', () =>
    waitForDeployments(
      {
        ecs: clients.ecs,
        cluster: inputs.cluster,
        timeoutMs: inputs.timeoutMinutes * 60_000,
        rollbackOnFailure: inputs.rollbackOnFailure,
        clock,
        signal,
        log: core.info,
      },
      waiting.map(({ p, rollout }) => ({
        service: p.report.service,
        rollout,
        targetTaskDefinition: p.registered.arn,
        priorEventIds: (p.service.events ?? []).flatMap((e) => (e.id ? [e.id] : [])),
      })),
    ),
  )
  await Promise.all(waiting.map(({ p }, i) => conclude(clients, inputs, p, results[i] as WatchResult)))
  return services
}

/** The one-line error for a service: what happened, then the first cause in plain words and its fix. */
export function failureMessage(report: DeploymentReport): string {
  const cause = report.failures?.[0]?.cause ?? report.eventCause
  const why = cause ? ` ${cause.summary} ${cause.fix}` : ''
  return `Deployment of ${report.service} ${report.status}: ${report.reason.replace(/\.$/, '')}.${why}`
}

/** The GitHub API client, when there is a token; deployments and comments are skipped without one. */
function gitHubClient(inputs: Inputs): GitHubApi | undefined {
  return inputs.githubToken ? (github.getOctokit(inputs.githubToken) as unknown as GitHubApi) : undefined
}

/** Removes the pull request's previews of every service of the environment; returns what went. */
async function destroyPreviews(inputs: PlannedInputs, region: string, preview: PreviewPlan): Promise<string[]> {
  const clients = createClients(region)
  const removed: string[] = []
  for (const service of inputs.services) {
    const serviceName = previewServiceName(service, preview.pr)
    const lines = await destroyPreview({ ecs: clients.ecs, elbv2: clients.elbv2, cluster: inputs.cluster, serviceName, pr: preview.pr })
    removed.push(...(lines.length ? lines : [`${serviceName}: nothing left to remove`]))
  }
  return removed
}

/** Carries out the plan, filling `report`; GitHub deployment statuses and the preview comment follow it. */
async function carryOut(plan: Plan, git: GitContext, clock: Clock, report: RunReport, octokit: GitHubApi | undefined): Promise<void> {
  if (plan.kind === 'skip') {
    Object.assign(report, { status: 'skipped', reason: `Nothing to deploy: ${plan.reason}.` })
    return
  }
  if (plan.kind === 'sweep') {
    if (!octokit) throw new UserError('Input `preview: sweep` needs `github-token` to tell which pull requests are closed.')
    const clients = createClients(report.region)
    const swept = await sweepPreviews({ ecs: clients.ecs, elbv2: clients.elbv2, octokit, git, cluster: plan.cluster, ttl: plan.previews.ttl, ttlMs: plan.previews.ttlMs, now: new Date(clock.now()), warn: core.warning })
    for (const s of swept) {
      await createDeploymentTracker(octokit, git, { environment: `pr-${s.pr}`, ref: git.refName, sha: git.sha, description: 'preview removed', transient: true, production: false }, core.warning).inactive()
    }
    Object.assign(report, { status: 'succeeded', reason: `Swept ${swept.length} preview(s).`, removed: swept.map((s) => `${s.serviceName}: ${s.reason}`) })
    return
  }
  const { inputs, environment, preview } = plan
  if (environment) Object.assign(report, { environment: environment.name, ...(plan.reason && { environmentReason: plan.reason }) })
  if (plan.reason) core.info(`Environment ${environment?.name}: ${plan.reason}`)
  const tracker: DeploymentTracker | undefined =
    environment && octokit && preview?.action !== 'destroy' && !inputs.dryRun
      ? createDeploymentTracker(octokit, git, { environment: environment.name, ref: preview ? preview.headSha : git.refName, sha: preview?.headSha || git.sha, description: `${inputs.services.join(', ')} to ${inputs.cluster}`, transient: !!preview, production: !!environment.production, ...(report.runUrl && { logUrl: report.runUrl }) }, core.warning)
      : undefined
  if (preview?.action === 'destroy') {
    Object.assign(report, { removed: await destroyPreviews(inputs, report.region, preview), status: 'succeeded', reason: `The previews of pull request #${preview.pr} are removed.` })
    if (octokit) {
      await createDeploymentTracker(octokit, git, { environment: `pr-${preview.pr}`, ref: preview.headSha, sha: preview.headSha, description: 'preview removed', transient: true, production: false }, core.warning).inactive()
      for (const service of inputs.services) await comment(octokit, git, preview, previewServiceName(service, preview.pr), 'destroyed', clock, report)
    }
    return
  }
  await tracker?.inProgress()
  try {
    const services = await deploy(inputs, git, clock, cancellationSignal(), report, preview)
    report.status = overallStatus(report.services.map((s) => s.status))
    const url = environment?.url ?? report.services.find((s) => s.url)?.url ?? (await loadBalancerUrl(report.region, services[0]))
    if (url) report.environmentUrl = url
  } finally {
    if (report.status === 'succeeded') await tracker?.success(report.environmentUrl)
    else await tracker?.failure(report.runUrl, report.reason || report.services.find((s) => s.status !== 'succeeded')?.reason)
    if (preview && octokit && !inputs.dryRun) {
      for (const s of report.services) await comment(octokit, git, preview, s.service, s.status === 'succeeded' ? 'deployed' : 'failed', clock, report, s.url)
    }
  }
}

/** The load balancer address a service answers on, if it has one; never fails the deploy. */
async function loadBalancerUrl(region: string, service: Service | undefined): Promise<string | undefined> {
  if (!service?.loadBalancers?.length) return undefined
  return environmentUrl(createClients(region).elbv2, service).catch(() => undefined)
}

async function comment(
  octokit: GitHubApi,
  git: GitContext,
  preview: PreviewPlan,
  service: string,
  status: 'deployed' | 'failed' | 'destroyed',
  clock: Clock,
  report: RunReport,
  url?: string,
): Promise<void> {
  const body = previewComment({ service, status, sha: preview.headSha, time: new Date(clock.now()), ...(url && { url }), ...(report.runUrl && { runUrl: report.runUrl }) }, git)
  await upsertPreviewComment(octokit, git, { pr: preview.pr, service, body }, core.warning)
}

/** How a run ended, for callers other than the runner (the CLI maps it to exit codes). */
export interface RunResult {
  report?: RunReport
  /** Set when the run failed: a bad input (nothing changed), a deployment that failed, or anything else. */
  failure?: 'bad-input' | 'deployment' | 'error'
}

export async function run(clock: Clock = systemClock): Promise<RunResult> {
  const started = clock.now()
  let report: RunReport | undefined
  try {
    core.saveState('isPost', 'true')
    const inputs = getInputs()
    const git = readGitContext()
    const plan = await planRun(inputs, git, readRunEvent())
    const url = runUrl(git)
    const cluster = plan.kind === 'deploy' ? plan.inputs.cluster : plan.kind === 'sweep' ? plan.cluster : (inputs.cluster ?? '')
    const region = plan.kind === 'skip' ? (inputs.region ?? process.env.AWS_REGION ?? '') : resolveRegion(plan.kind === 'deploy' ? plan.inputs.region : (plan.region ?? inputs.region))
    report = { cluster, region, status: 'failed', reason: '', durationSeconds: 0, services: [], ...(url && { runUrl: url }) }
    await carryOut(plan, git, clock, report, gitHubClient(inputs))
    const failed = report.services.filter((s) => s.status !== 'succeeded' && s.status !== 'planned')
    if (failed.length) {
      throw new DeploymentFailed(failed.map(failureMessage).join('\n'), report.status as DeploymentFailed['status'])
    }
    core.info(report.status === 'skipped' ? `⏭️ ${report.reason}` : `✅ ${report.reason || report.services.map((s) => `${s.service}: ${s.reason}`).join('; ')}`)
    return { report }
  } catch (error) {
    const known = error instanceof UserError || error instanceof DeploymentFailed || error instanceof AwsError
    const status = error instanceof DeploymentFailed ? error.status : 'failed'
    if (report) {
      report.status = status
      if (!(error instanceof DeploymentFailed)) report.reason = errorMessage(error)
      // Services the run had not finished with share the run's error (a bad input, a failed one-off task…).
      for (const s of report.services.filter((s) => !s.reason)) Object.assign(s, { status, reason: errorMessage(error) })
    }
    core.setOutput('status', status)
    core.setFailed(known ? error.message : `Unexpected error: ${errorMessage(error)}`)
    const failure = error instanceof UserError ? 'bad-input' : error instanceof DeploymentFailed ? 'deployment' : 'error'
    return { ...(report && { report }), failure }
  } finally {
    if (report) {
      report.durationSeconds = Math.round((clock.now() - started) / 1000)
      setOutputs(report)
      await writeSummary(report)
    }
  }
}

/** The post step: runs after the job, also when it failed. */
export async function post(): Promise<void> {
  await logoutRegistries()
}
