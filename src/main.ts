import * as core from '@actions/core'
import type { Service } from '@aws-sdk/client-ecs'
import { createClients, resolveRegion, type AwsClients } from './aws.js'
import { readGitContext, runUrl, type GitContext } from './context.js'
import { systemClock, type Clock } from './deploy/clock.js'
import { attachLogs, causeOfEvents, groupFailures } from './deploy/diagnose.js'
import { describeTaskDefinition, registerIfChanged, type RegisteredTaskDefinition } from './deploy/register.js'
import { startRollout, type Rollout } from './deploy/rollout.js'
import { findService } from './deploy/service.js'
import { waitForDeployments, type WatchResult } from './deploy/watch.js'
import { AwsError, DeploymentFailed, errorMessage, UserError } from './errors.js'
import { buildAndPushImage, logoutRegistries } from './image/index.js'
import { getInputs, type Inputs } from './inputs.js'
import { overallStatus, renderSummary, type DeploymentReport, type RunReport } from './report/summary.js'
import { describeChanges, renderTaskDefinition, type RenderedTaskDefinition } from './taskdef/index.js'

/** Values a template's ${PLACEHOLDERS} can use. */
export function placeholderValues(
  inputs: Inputs,
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

/** A service checked, its task definition rendered and registered: ready to roll out, nothing changed on it yet. */
interface Prepared {
  service: Service
  report: DeploymentReport
  rendered: RenderedTaskDefinition
  registered: RegisteredTaskDefinition
}

async function prepare(
  clients: AwsClients,
  inputs: Inputs,
  git: GitContext,
  service: Service,
  report: DeploymentReport,
  image: string | undefined,
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
    placeholders: placeholderValues(inputs, report.service, git, report.region, image),
  })
  report.notes.push(...rendered.notes)
  report.containers = rendered.containers
  if (current) report.changes = describeChanges(rendered.request, current.taskDefinition)
  const registered = await registerIfChanged(ecs, rendered.request, current)
  Object.assign(report, { taskDefinitionArn: registered.arn, registered: registered.registered })
  const prefix = inputs.services.length > 1 ? `${report.service}: ` : ''
  for (const note of rendered.notes) core.info(`${prefix}${note}`)
  core.info(
    registered.registered
      ? `${prefix}registered ${registered.family}:${registered.revision}`
      : `${prefix}no change to register: ${registered.family}:${registered.revision} already has this content`,
  )
  for (const change of report.changes ?? []) core.info(`  ${change}`)
  return { service, report, rendered, registered }
}

async function start(clients: AwsClients, inputs: Inputs, clock: Clock, prepared: Prepared): Promise<Rollout> {
  const { report, registered } = prepared
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
async function conclude(clients: AwsClients, inputs: Inputs, prepared: Prepared, result: WatchResult): Promise<void> {
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
 * Deploys the services, filling `run` as it goes (so a failure part-way still reports what was done).
 * Every service is checked, and its task definition rendered and registered, before any is updated:
 * a mistake in one leaves them all as they were.
 */
export async function deploy(inputs: Inputs, git: GitContext, clock: Clock, signal: AbortSignal, run: RunReport): Promise<void> {
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

  const prepared = await core.group('Task definition', () =>
    Promise.all(services.map((service, i) => prepare(clients, inputs, git, service, run.services[i] as DeploymentReport, image))),
  )
  const rollouts: Rollout[] = []
  for (const p of prepared) rollouts.push(await start(clients, inputs, clock, p))
  const waiting = prepared.flatMap((p, i) => (rollouts[i]?.deploymentId && inputs.wait ? [{ p, rollout: rollouts[i] }] : []))
  if (!waiting.length) return
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
}

/** The one-line error for a service: what happened, then the first cause in plain words and its fix. */
export function failureMessage(report: DeploymentReport): string {
  const cause = report.failures?.[0]?.cause ?? report.eventCause
  const why = cause ? ` ${cause.summary} ${cause.fix}` : ''
  return `Deployment of ${report.service} ${report.status}: ${report.reason.replace(/\.$/, '')}.${why}`
}

export async function run(clock: Clock = systemClock): Promise<void> {
  const started = clock.now()
  let report: RunReport | undefined
  try {
    core.saveState('isPost', 'true')
    const inputs = getInputs()
    const git = readGitContext()
    const url = runUrl(git)
    report = { cluster: inputs.cluster, region: resolveRegion(inputs.region), status: 'failed', reason: '', durationSeconds: 0, services: [], ...(url && { runUrl: url }) }
    await deploy(inputs, git, clock, cancellationSignal(), report)
    report.status = overallStatus(report.services.map((s) => s.status))
    const failed = report.services.filter((s) => s.status !== 'succeeded')
    if (failed.length) throw new DeploymentFailed(failed.map(failureMessage).join('\n'), report.status as DeploymentFailed['status'])
    for (const s of report.services) core.info(`✅ ${s.service}: ${s.reason}`)
  } catch (error) {
    const known = error instanceof UserError || error instanceof DeploymentFailed || error instanceof AwsError
    if (report && !(error instanceof DeploymentFailed)) {
      Object.assign(report, { status: 'failed', reason: errorMessage(error) })
      // Services the run had not finished with share the run's error.
      for (const s of report.services.filter((s) => !s.reason)) Object.assign(s, { status: 'failed', reason: errorMessage(error) })
    }
    core.setOutput('status', error instanceof DeploymentFailed ? error.status : 'failed')
    core.setFailed(known ? error.message : `Unexpected error: ${errorMessage(error)}`)
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
