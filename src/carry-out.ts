import * as core from '@actions/core'
import * as github from '@actions/github'
import type { Service } from '@aws-sdk/client-ecs'
import { createClients } from './aws/clients.js'
import type { GitContext } from './context.js'
import type { Clock } from './deploy/clock.js'
import { UserError } from './errors.js'
import { createDeploymentTracker, environmentUrl, previewComment, upsertPreviewComment, type DeploymentTracker, type GitHubApi } from './github/index.js'
import type { Inputs } from './inputs.js'
import { deploy, type PlannedInputs } from './pipeline.js'
import type { Plan, PreviewPlan } from './plan.js'
import { destroyPreview, previewServiceName, sweepPreviews } from './preview/index.js'
import { overallStatus, type RunReport } from './report/summary.js'

/** Cancelled when the runner sends SIGINT/SIGTERM (job cancelled), so the wait can stop and roll back. */
function cancellationSignal(): AbortSignal {
  const controller = new AbortController()
  const cancel = (): void => controller.abort()
  process.once('SIGINT', cancel)
  process.once('SIGTERM', cancel)
  return controller.signal
}

/** The GitHub API client, when there is a token; deployments and comments are skipped without one. */
export function gitHubClient(inputs: Inputs): GitHubApi | undefined {
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
export async function carryOut(plan: Plan, git: GitContext, clock: Clock, report: RunReport, octokit: GitHubApi | undefined): Promise<void> {
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
  if (plan.reason) core.info(environment ? `Environment ${environment.name}: ${plan.reason}` : `No environment: ${plan.reason}`)
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
    // A paused deployment stays in progress on GitHub: the run that continues it says how it ended.
    else if (report.status !== 'paused') await tracker?.failure(report.runUrl, report.reason || report.services.find((s) => s.status !== 'succeeded')?.reason)
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
