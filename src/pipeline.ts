import * as core from '@actions/core'
import path from 'node:path'
import type { ContainerDefinition, Service } from '@aws-sdk/client-ecs'
import { createClients, type AwsClients } from './aws.js'
import type { GitContext } from './context.js'
import type { Clock } from './deploy/clock.js'
import { attachLogs, causeOfEvents, groupFailures } from './deploy/diagnose.js'
import { describeTaskDefinition, registerIfChanged, type RegisteredTaskDefinition } from './deploy/register.js'
import { serviceChanges } from './deploy/changes.js'
import { commandArguments, runOneOffTask } from './deploy/run-task.js'
import type { Rollout } from './deploy/rollout.js'
import { findService } from './deploy/service.js'
import { waitForDeployments, type WatchOptions, type WatchResult } from './deploy/watch.js'
import { buildAndPushImage } from './image/index.js'
import type { Inputs } from './inputs.js'
import type { PreviewPlan } from './plan.js'
import { deployPreview, previewFamily } from './preview/index.js'
import { pipelineArtifacts, writePipelineArtifacts } from './report/artifacts.js'
import type { DeploymentReport, RunReport } from './report/summary.js'
import { describeChanges, renderTaskDefinition, type RenderedTaskDefinition } from './taskdef/index.js'
import { continueStrategy, planStrategy, rollingPlan, startStrategy, type StrategyPlan } from './strategy/index.js'

/** The inputs once the plan has settled the cluster and services. */
export type PlannedInputs = Inputs & { cluster: string }

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

function newServiceReport(run: RunReport, { service, plan }: Found): DeploymentReport {
  return {
    cluster: run.cluster,
    service: service.serviceName ?? '',
    region: run.region,
    status: 'failed',
    reason: '',
    strategy: plan.description,
    previousTaskDefinition: service.taskDefinition ?? '',
    notes: [],
  }
}

/** A service found, and how it will be deployed (its strategy checked against it). */
interface Found {
  service: Service
  plan: StrategyPlan
}

/** A service checked, its task definition rendered and registered (not in a dry run): nothing changed on it yet. */
interface Prepared extends Found {
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
  { service, plan }: Found,
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
    ...plan.changes,
  ]
  if (inputs.artifactsDir && image) {
    const dir = inputs.services.length > 1 ? path.join(inputs.artifactsDir, report.service) : inputs.artifactsDir
    const written = await writePipelineArtifacts(path.resolve(git.workspace, dir), pipelineArtifacts(rendered.request, rendered.containers, image, service))
    report.notes.push(`wrote ${written.map((f) => path.basename(f)).join(', ')} to ${dir} for CodePipeline`)
  }
  if (inputs.dryRun) {
    for (const change of report.changes) core.info(`  ${change}`)
    return { service, plan, report, rendered }
  }
  const registered = await registerIfChanged(ecs, rendered.request, current)
  Object.assign(report, { taskDefinitionArn: registered.arn, registered: registered.registered })
  core.info(
    registered.registered
      ? `${prefix}registered ${registered.family}:${registered.revision}`
      : `${prefix}no change to register: ${registered.family}:${registered.revision} already has this content`,
  )
  for (const change of report.changes ?? []) core.info(`  ${change}`)
  return { service, plan, report, rendered, registered }
}

/**
 * Starts the rollout of a prepared service. For a preview, the pull request's copy of the service is
 * created or updated first, and its rollout is the one followed.
 */
async function start(
  clients: AwsClients,
  inputs: PlannedInputs,
  git: GitContext,
  clock: Clock,
  signal: AbortSignal,
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
    core.info(`${created.serviceName}: ${created.created ? 'created' : 'updated'} the preview of ${report.service}${created.url ? ` at ${created.url}` : ''}`)
    prepared.service = await findService(clients.ecs, inputs.cluster, created.serviceName, report.region)
    Object.assign(report, { service: created.serviceName, ...(created.url && { url: created.url }) })
  }
  const rollout = await startStrategy(
    clients,
    { clock, signal, timeoutMs: inputs.timeoutMinutes * 60_000, log: core.info },
    prepared.plan,
    prepared.service,
    {
      cluster: inputs.cluster,
      taskDefinitionArn: registered.arn,
      ...(inputs.desiredCount !== undefined && { desiredCount: inputs.desiredCount }),
      forceNewDeployment: inputs.forceNewDeployment,
      deploymentCircuitBreaker: inputs.deploymentCircuitBreaker,
      containers: prepared.rendered.request.containerDefinitions ?? [],
    },
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
async function conclude(clients: AwsClients, inputs: PlannedInputs, report: DeploymentReport, containers: ContainerDefinition[], result: WatchResult): Promise<void> {
  Object.assign(report, {
    status: result.outcome,
    reason: result.reason,
    timeline: result.timeline,
    recentEvents: result.recentEvents,
    ...(result.rollback !== undefined && { rollback: result.rollback }),
    ...(result.progress && { progress: result.progress }),
  })
  if (result.outcome === 'succeeded' || result.outcome === 'paused') return
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
  const found = await core.group('Services', () =>
    Promise.all(
      inputs.services.map(async (name): Promise<Found> => {
        const service = await findService(clients.ecs, inputs.cluster, name, run.region)
        core.info(`${service.serviceName} in ${inputs.cluster}: running ${service.taskDefinition?.split('/').pop()}, ${service.runningCount}/${service.desiredCount} tasks`)
        // A preview is a plain copy of the service, without its blue/green set-up: it rolls.
        const plan = preview
          ? rollingPlan(inputs.strategy)
          : await planStrategy(clients, inputs.cluster, service, inputs.strategy, { circuitBreaker: inputs.deploymentCircuitBreaker, workspace: git.workspace })
        core.info(`  strategy: ${plan.description}`)
        return { service, plan }
      }),
    ),
  )
  const services = found.map((f) => f.service)
  run.services = found.map((f) => newServiceReport(run, f))
  if (inputs.strategy.continueAction) {
    await resume(clients, inputs, clock, signal, run, found)
    return services
  }
  // Nothing is deployed when the build or push fails: it throws before any task definition is touched.
  const built = inputs.build && (await buildAndPushImage(inputs.build, { clients, git, now: clock.now }))
  if (built) run.builtImage = built
  const image = built ? built.reference : inputs.image
  if (image) run.image = image

  const planned = await core.group('Task definition', () =>
    Promise.all(found.map((f, i) => prepare(clients, inputs, git, f, run.services[i] as DeploymentReport, image, preview))),
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
  for (const p of prepared) rollouts.push(await start(clients, inputs, git, clock, signal, p, preview))
  const waiting = prepared.flatMap((p, i) => (rollouts[i]?.deploymentId && inputs.wait ? [{ p, rollout: rollouts[i] }] : []))
  if (!waiting.length) return services
  const results = await core.group('Rollout', () =>
    waitForDeployments(
      watchOptions(clients, inputs, clock, signal),
      waiting.map(({ p, rollout }) => ({
        service: p.report.service,
        rollout,
        targetTaskDefinition: p.registered.arn,
        priorEventIds: (p.service.events ?? []).flatMap((e) => (e.id ? [e.id] : [])),
      })),
    ),
  )
  await Promise.all(waiting.map(({ p }, i) => conclude(clients, inputs, p.report, p.rendered.request.containerDefinitions ?? [], results[i] as WatchResult)))
  return services
}

function watchOptions(clients: AwsClients, inputs: PlannedInputs, clock: Clock, signal: AbortSignal): WatchOptions {
  return {
    ecs: clients.ecs,
    codedeploy: clients.codedeploy,
    cluster: inputs.cluster,
    timeoutMs: inputs.timeoutMinutes * 60_000,
    rollbackOnFailure: inputs.rollbackOnFailure,
    clock,
    signal,
    log: core.info,
    warn: core.warning,
  }
}

/**
 * `continue`: resumes (or rolls back) the deployments an earlier run left paused at `wait-until`, and follows
 * them to their end. Nothing is built, rendered or registered.
 */
async function resume(clients: AwsClients, inputs: PlannedInputs, clock: Clock, signal: AbortSignal, run: RunReport, found: Found[]): Promise<void> {
  const rollouts = await Promise.all(found.map(({ service, plan }) => continueStrategy(clients, inputs.cluster, plan, service, clock.now())))
  const verb = inputs.strategy.continueAction === 'rollback' ? 'rolling back' : 'continuing'
  rollouts.forEach((rollout, i) => {
    const report = run.services[i] as DeploymentReport
    Object.assign(report, { taskDefinitionArn: rollout.targetTaskDefinition, previousTaskDefinition: rollout.previousTaskDefinition, startedAt: rollout.startedAt })
    if (rollout.deploymentId) report.deploymentId = rollout.deploymentId
    core.info(`${report.service}: ${verb} deployment ${rollout.deploymentId} of ${rollout.targetTaskDefinition.split('/').pop()}`)
  })
  const results = await core.group('Rollout', () =>
    waitForDeployments(
      watchOptions(clients, inputs, clock, signal),
      rollouts.map((rollout, i) => ({
        service: run.services[i]?.service ?? '',
        rollout,
        targetTaskDefinition: rollout.targetTaskDefinition,
        priorEventIds: (found[i]?.service.events ?? []).flatMap((e) => (e.id ? [e.id] : [])),
      })),
    ),
  )
  await Promise.all(
    rollouts.map(async (rollout, i) => {
      const described = await describeTaskDefinition(clients.ecs, rollout.targetTaskDefinition).catch(() => undefined)
      await conclude(clients, inputs, run.services[i] as DeploymentReport, described?.taskDefinition.containerDefinitions ?? [], results[i] as WatchResult)
    }),
  )
}
