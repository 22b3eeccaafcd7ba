import type { Service } from '@aws-sdk/client-ecs'
import type { GitContext } from '../common/git-context.js'
import type { Clock } from '../deploy/clock.js'
import { UserError } from '../common/errors.js'
import {
  createDeploymentTracker,
  previewComment,
  upsertPreviewComment,
  upsertComment,
  type DeploymentTracker,
  type GitHubApi,
} from '../github/index.js'
import { deploy } from './pipeline.js'
import { checkDrift } from './drift-check.js'
import { driftComment } from '../report/drift-table.js'
import type { PlannedInputs } from '../settings/placeholder-values.js'
import type { Plan, PreviewPlan } from './environment-plan.js'
import { runsAlone } from '../settings/inputs.js'
import { runAlone } from './standalone.js'
import { destroyPreview, environmentUrl, previewServiceName, sweepPreviews } from '../preview/index.js'
import {
  isFailure,
  overallStatus,
  type DeploymentReport,
  type PipelineResult,
  type RunReport,
  type Status,
} from './run-report.js'
import type { ReadyPorts } from './ports.js'

/** Removes the pull request's previews of every service of the environment; returns what went. */
async function destroyPreviews(
  ports: ReadyPorts,
  inputs: PlannedInputs,
  region: string,
  preview: PreviewPlan,
): Promise<string[]> {
  const clients = ports.aws(region)
  const removed: string[] = []
  for (const service of inputs.services) {
    const serviceName = previewServiceName(service, preview.pr)
    const lines = await destroyPreview({
      ecs: clients.ecs,
      elbv2: clients.elbv2,
      cluster: inputs.cluster,
      serviceName,
      pr: preview.pr,
    })
    removed.push(...(lines.length ? lines : [`${serviceName}: nothing left to remove`]))
  }
  return removed
}

/**
 * How a run ended, as far as the run as a whole goes (each service's own report carries the rest); `thrown`: the error
 * that stopped the pipeline part-way, which the run ends with once the report has what was done before it.
 */
export type RunOutcome = Pick<RunReport, 'status' | 'reason'> &
  Partial<Pick<RunReport, 'removed' | 'environmentUrl'>> &
  PipelineReport & { thrown?: { error: unknown } }

/** What the report takes from the pipeline: each service's report, the image deployed (or planned) and the one built. */
type PipelineReport = Partial<Pick<RunReport, 'services' | 'image' | 'builtImage' | 'promotedFrom'>>

/**
 * Carries out the plan and returns how it ended, with the services' reports and the image the pipeline returned, also
 * when the pipeline failed part-way (`thrown`). GitHub deployment statuses and the preview comment follow it; a drift
 * check on a pull request (`pullRequest`, its number) comments its drift table there.
 */
export async function carryOut(
  plan: Plan,
  git: GitContext,
  ports: ReadyPorts,
  report: RunReport,
  pullRequest?: number,
): Promise<RunOutcome> {
  const { clock, log, github: octokit } = ports
  const warn = (message: string): void => log.warning(message)
  if (plan.kind === 'skip') {
    return { status: 'skipped', reason: `Nothing to deploy: ${plan.reason}.` }
  }
  if (plan.kind === 'sweep') {
    if (!octokit)
      throw new UserError('Input `preview: sweep` needs `github-token` to tell which pull requests are closed.')
    const clients = ports.aws(report.region)
    const swept = await sweepPreviews({
      ecs: clients.ecs,
      elbv2: clients.elbv2,
      octokit,
      git,
      cluster: plan.cluster,
      ttl: plan.previews.ttl,
      ttlMs: plan.previews.ttlMs,
      now: new Date(clock.now()),
      warn,
    })
    for (const s of swept) await markPreviewRemoved(octokit, git, s.pr, { ref: git.refName, sha: git.sha }, warn)
    return {
      status: 'succeeded',
      reason: `Swept ${swept.length} preview(s).`,
      removed: swept.map((s) => `${s.serviceName}: ${s.reason}`),
    }
  }
  const { inputs, environment, preview } = plan
  if (plan.reason)
    log.info(environment ? `Environment ${environment.name}: ${plan.reason}` : `No environment: ${plan.reason}`)
  if (inputs.mode === 'drift') return drift(plan.inputs, git, ports, report, pullRequest)
  const tracker: DeploymentTracker | undefined =
    environment && octokit && preview?.action !== 'destroy' && !inputs.dryRun
      ? createDeploymentTracker(
          octokit,
          git,
          {
            environment: environment.name,
            ref: preview ? preview.headSha : git.refName,
            sha: preview?.headSha || git.sha,
            description: `${inputs.services.join(', ')} to ${inputs.cluster}`,
            transient: !!preview,
            production: !!environment.production,
            ...(report.runUrl && { logUrl: report.runUrl }),
            // A preview's deployment is this action's own; an environment's job on the runner may have the runner's.
            ...(!preview && git.runId && { adoptJobDeployment: { runId: git.runId } }),
          },
          warn,
        )
      : undefined
  if (preview?.action === 'destroy') {
    const removed = await destroyPreviews(ports, inputs, report.region, preview)
    if (octokit) {
      await markPreviewRemoved(octokit, git, preview.pr, { ref: preview.headSha, sha: preview.headSha }, warn)
      for (const service of inputs.services)
        await comment(octokit, git, preview, previewServiceName(service, preview.pr), 'destroyed', clock, report, warn)
    }
    return { status: 'succeeded', reason: `The previews of pull request #${preview.pr} are removed.`, removed }
  }
  await tracker?.inProgress()
  // Until the services say otherwise (a throw part-way leaves it so).
  let status: Status = 'failed'
  let environmentUrl: string | undefined
  let reports: DeploymentReport[] = []
  try {
    const { result, thrown } = runsAlone(inputs)
      ? await runAlone(inputs, git, ports, report)
      : await deploy(inputs, git, ports, report, preview, plan.promotion)
    reports = result.reports
    if (thrown) return { status, reason: '', ...pipelineReport(result), thrown }
    status = overallStatus(reports.map((s) => s.status))
    environmentUrl =
      environment?.url ??
      reports.find((s) => s.url)?.url ??
      (await loadBalancerUrl(ports, report.region, result.services[0]))
    return { status, reason: '', ...(environmentUrl && { environmentUrl }), ...pipelineReport(result) }
  } finally {
    if (status === 'succeeded') await tracker?.success(environmentUrl)
    // A paused deployment stays in progress on GitHub: the run that continues it says how it ended.
    else if (status !== 'paused') await tracker?.failure(report.runUrl, failureDescription(reports))
    // Comments are best effort: after the deadline they are skipped, not attempted.
    if (preview && octokit && !inputs.dryRun && ports.deadline.passed())
      log.info("The pull request's preview comment was skipped: the run's deadline had passed.")
    else if (preview && octokit && !inputs.dryRun) {
      for (const s of reports)
        await comment(
          octokit,
          git,
          preview,
          s.service,
          s.status === 'succeeded' ? 'deployed' : 'failed',
          clock,
          report,
          warn,
          s.url,
        )
    }
  }
}

/**
 * `mode: drift`: the drift of every service; on a pull request, each one's drift table as its comment there. A service
 * without drift gets no new comment, only its earlier one updated (the drift it reported is gone).
 */
async function drift(
  inputs: PlannedInputs,
  git: GitContext,
  ports: ReadyPorts,
  report: RunReport,
  pullRequest: number | undefined,
): Promise<RunOutcome> {
  const { result, thrown } = await checkDrift(inputs, git, ports, report)
  if (thrown) return { status: 'failed', reason: '', ...pipelineReport(result), thrown }
  const { github: octokit, log } = ports
  if (pullRequest !== undefined && octokit && ports.deadline.passed())
    log.info("The pull request's drift comment was skipped: the run's deadline had passed.")
  else if (pullRequest !== undefined && octokit)
    for (const s of result.reports) {
      const body = driftComment(s, git, report.runUrl)
      const what = { kind: 'drift', pr: pullRequest, service: s.service, body, updateOnly: !s.drift?.length } as const
      await upsertComment(octokit, git, what, (message) => log.warning(message))
    }
  return { status: overallStatus(result.reports.map((s) => s.status)), reason: '', ...pipelineReport(result) }
}

/**
 * Which services ended how, never why: a reason may quote an answer or a command's output, and anyone who can read
 * the repository reads a deployment status, unmasked.
 */
export function failureDescription(reports: DeploymentReport[]): string | undefined {
  const failed = reports.filter((s) => isFailure(s.status))
  return failed.length
    ? `${failed.map((s) => `${s.service} ${s.status}`).join(', ')}; the run's log says why`
    : undefined
}

/** The report's part that the pipeline did (done or, after a failure, done so far). */
function pipelineReport(result: PipelineResult): PipelineReport {
  return {
    services: result.reports,
    ...(result.image && { image: result.image }),
    ...(result.builtImage && { builtImage: result.builtImage }),
    ...(result.promotedFrom && { promotedFrom: result.promotedFrom }),
  }
}

/** The load balancer address a service answers on, if it has one (and the deadline has not passed); never fails the deploy. */
async function loadBalancerUrl(
  ports: ReadyPorts,
  region: string,
  service: Service | undefined,
): Promise<string | undefined> {
  if (!service?.loadBalancers?.length || ports.deadline.passed()) return undefined
  return environmentUrl(ports.aws(region).elbv2, service).catch(() => undefined)
}

async function comment(
  octokit: GitHubApi,
  git: GitContext,
  preview: PreviewPlan,
  service: string,
  status: 'deployed' | 'failed' | 'destroyed',
  clock: Clock,
  report: RunReport,
  warn: (message: string) => void,
  url?: string,
): Promise<void> {
  const body = previewComment(
    {
      service,
      status,
      sha: preview.headSha,
      time: new Date(clock.now()),
      ...(url && { url }),
      ...(report.runUrl && { runUrl: report.runUrl }),
    },
    git,
  )
  await upsertPreviewComment(octokit, git, { pr: preview.pr, service, body }, warn)
}

/** Marks the pull request's preview environment inactive on GitHub: its services are gone. */
function markPreviewRemoved(
  octokit: GitHubApi,
  git: GitContext,
  pr: number,
  commit: { ref: string; sha: string },
  warn: (message: string) => void,
): Promise<void> {
  const deployment = {
    environment: `pr-${pr}`,
    ...commit,
    description: 'preview removed',
    transient: true,
    production: false,
  }
  return createDeploymentTracker(octokit, git, deployment, warn).inactive()
}
