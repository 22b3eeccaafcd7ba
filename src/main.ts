import * as core from '@actions/core'
import { createClients, resolveRegion } from './aws.js'
import { readGitContext, runUrl, type GitContext } from './context.js'
import { systemClock, type Clock } from './deploy/clock.js'
import { describeTaskDefinition, registerIfChanged } from './deploy/register.js'
import { startRollout } from './deploy/rollout.js'
import { findService } from './deploy/service.js'
import { waitForDeployment } from './deploy/watch.js'
import { attachLogs, causeOfEvents, groupFailures } from './deploy/diagnose.js'
import { AwsError, DeploymentFailed, errorMessage, UserError } from './errors.js'
import { buildAndPushImage, logoutRegistries } from './image/index.js'
import { getInputs, type Inputs } from './inputs.js'
import { renderSummary, type DeploymentReport } from './report/summary.js'
import { describeChanges, renderTaskDefinition } from './taskdef/index.js'

/** Values a template's ${PLACEHOLDERS} can use. */
export function placeholderValues(inputs: Inputs, git: GitContext, region: string, image: string | undefined): Record<string, string> {
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
    SERVICE: inputs.service,
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

function setOutputs(report: DeploymentReport): void {
  core.setOutput('status', report.status)
  core.setOutput('duration-seconds', String(report.durationSeconds))
  core.setOutput('deployment-id', report.deploymentId ?? '')
  core.setOutput('task-definition-arn', report.taskDefinitionArn ?? '')
  core.setOutput('task-definition-revision', report.taskDefinitionArn?.split(':').pop() ?? '')
  if (report.image) core.setOutput('image', report.image)
  const built = report.builtImage
  if (built) {
    core.setOutput('image-digest', built.digest)
    core.setOutput('image-tags', built.tags.join(','))
    core.setOutput('build-seconds', String(built.buildSeconds))
    core.setOutput('push-seconds', String(built.pushSeconds))
  }
}

async function writeSummary(report: DeploymentReport): Promise<void> {
  try {
    await core.summary.addRaw(renderSummary(report), true).write()
  } catch (error) {
    core.warning(`Could not write the job summary: ${errorMessage(error)}`)
  }
}

function newReport(inputs: Inputs, region: string, git: GitContext): DeploymentReport {
  const url = runUrl(git)
  return {
    cluster: inputs.cluster,
    service: inputs.service,
    region,
    status: 'failed',
    reason: '',
    strategy: 'rolling',
    durationSeconds: 0,
    notes: [],
    ...(url && { runUrl: url }),
  }
}

/** Deploys one service, filling `report` as it goes (so a failure part-way still reports what was done). */
export async function deploy(inputs: Inputs, git: GitContext, clock: Clock, signal: AbortSignal, report: DeploymentReport): Promise<void> {
  const clients = createClients(report.region)
  const { ecs, logs } = clients
  const service = await core.group('Service', async () => {
    const found = await findService(ecs, inputs.cluster, inputs.service, report.region)
    core.info(`${found.serviceName} in ${inputs.cluster}: running ${found.taskDefinition?.split('/').pop()}, ${found.runningCount}/${found.desiredCount} tasks`)
    return found
  })
  report.previousTaskDefinition = service.taskDefinition ?? ''
  // Nothing is deployed when the build or push fails: it throws before the task definition is touched.
  const built = inputs.build && (await buildAndPushImage(inputs.build, { clients, git, now: clock.now }))
  if (built) report.builtImage = built
  const image = built ? built.reference : inputs.image
  if (image) report.image = image

  const current = service.taskDefinition ? await describeTaskDefinition(ecs, service.taskDefinition) : undefined
  const rendered = await core.group('Task definition', async () => {
    const result = await renderTaskDefinition({
      ...(inputs.taskDefinition !== undefined && { templatePath: inputs.taskDefinition }),
      ...(current && { current: current.taskDefinition, currentTags: current.tags }),
      ...(image !== undefined && { image }),
      containers: inputs.containers,
      environment: inputs.environmentVariables,
      secrets: inputs.secrets,
      placeholders: placeholderValues(inputs, git, report.region, image),
    })
    for (const note of result.notes) core.info(note)
    return result
  })
  report.notes.push(...rendered.notes)
  report.containers = rendered.containers
  if (current) report.changes = describeChanges(rendered.request, current.taskDefinition)

  const registered = await registerIfChanged(ecs, rendered.request, current)
  report.taskDefinitionArn = registered.arn
  report.registered = registered.registered
  core.info(
    registered.registered
      ? `Registered ${registered.family}:${registered.revision}`
      : `No change to register: ${registered.family}:${registered.revision} already has this content`,
  )
  for (const change of report.changes ?? []) core.info(`  ${change}`)

  const rollout = await startRollout(
    ecs,
    service,
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
  if (!rollout.deploymentId) {
    Object.assign(report, { status: 'succeeded', reason: `Nothing to deploy: ${rollout.unchangedReason}.` })
    return
  }
  report.deploymentId = rollout.deploymentId
  core.info(
    rollout.started
      ? `Started deployment ${rollout.deploymentId} of ${registered.family}:${registered.revision}`
      : `Following deployment ${rollout.deploymentId}, already rolling out ${registered.family}:${registered.revision}`,
  )
  if (!inputs.wait) {
    Object.assign(report, { status: 'succeeded', reason: 'Deployment started; not waiting for it (wait: false).' })
    return
  }
  const result = await core.group('Rollout', () =>
    waitForDeployment({
      ecs,
      cluster: inputs.cluster,
      service: inputs.service,
      rollout,
      targetTaskDefinition: registered.arn,
      timeoutMs: inputs.timeoutMinutes * 60_000,
      rollbackOnFailure: inputs.rollbackOnFailure,
      clock,
      signal,
      log: core.info,
      priorEventIds: (service.events ?? []).flatMap((e) => (e.id ? [e.id] : [])),
    }),
  )
  Object.assign(report, {
    status: result.outcome,
    reason: result.reason,
    timeline: result.timeline,
    recentEvents: result.recentEvents,
    ...(result.rollback !== undefined && { rollback: result.rollback }),
  })
  if (result.outcome !== 'succeeded') {
    const failures = groupFailures(result.stoppedTasks)
    report.failures = await attachLogs(logs, failures, rendered.request.containerDefinitions ?? [], inputs.logLines)
    const eventCause = causeOfEvents(result.recentEvents)
    if (eventCause) report.eventCause = eventCause
  }
}

/** The one-line error: what happened, then the first cause in plain words and its fix. */
export function failureMessage(report: DeploymentReport): string {
  const cause = report.failures?.[0]?.cause ?? report.eventCause
  const why = cause ? ` ${cause.summary} ${cause.fix}` : ''
  return `Deployment of ${report.service} ${report.status}: ${report.reason.replace(/\.$/, '')}.${why}`
}

export async function run(clock: Clock = systemClock): Promise<void> {
  const started = clock.now()
  let report: DeploymentReport | undefined
  try {
    core.saveState('isPost', 'true')
    const inputs = getInputs()
    const git = readGitContext()
    report = newReport(inputs, resolveRegion(inputs.region), git)
    await deploy(inputs, git, clock, cancellationSignal(), report)
    if (report.status !== 'succeeded') {
      throw new DeploymentFailed(failureMessage(report), report.status as DeploymentFailed['status'])
    }
    core.info(`✅ ${report.service}: ${report.reason}`)
  } catch (error) {
    const known = error instanceof UserError || error instanceof DeploymentFailed || error instanceof AwsError
    const message = known ? error.message : `Unexpected error: ${errorMessage(error)}`
    if (report && !(error instanceof DeploymentFailed)) Object.assign(report, { status: 'failed', reason: errorMessage(error) })
    core.setOutput('status', error instanceof DeploymentFailed ? error.status : 'failed')
    core.setFailed(message)
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
