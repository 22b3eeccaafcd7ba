import * as core from '@actions/core'
import { resolveRegion } from './aws/clients.js'
import { readGitContext, runUrl } from './context.js'
import { systemClock, type Clock } from './deploy/clock.js'
import { AwsError, DeploymentFailed, errorMessage, UserError } from './errors.js'
import { logoutRegistries } from './image/index.js'
import { readRunEvent } from './github/index.js'
import { getInputs } from './inputs.js'
import { carryOut, gitHubClient } from './carry-out.js'
import { setOutputs, writeSummary } from './report/outputs.js'
import { planRun } from './plan.js'
import { logSafe } from './report/text.js'
import type { DeploymentReport, RunReport } from './report/summary.js'

/** The one-line error for a service: what happened, then the first cause in plain words and its fix. */
export function failureMessage(report: DeploymentReport): string {
  const cause = report.failures?.[0]?.cause ?? report.eventCause
  const why = cause ? ` ${cause.summary} ${cause.fix}` : ''
  // Without the stopped tasks the cause may be missing: say why rather than let it look like there were none.
  const unread = report.stoppedTasksError && !report.failures?.length ? ` Diagnosis incomplete: ${report.stoppedTasksError.replace(/\.$/, '')}.` : ''
  return `Deployment of ${report.service} ${report.status}: ${report.reason.replace(/\.$/, '')}.${why}${unread}`
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
    const failed = report.services.filter((s) => s.status !== 'succeeded' && s.status !== 'planned' && s.status !== 'paused')
    if (failed.length) {
      throw new DeploymentFailed(failed.map(failureMessage).join('\n'), report.status as DeploymentFailed['status'])
    }
    core.info(logSafe(report.status === 'skipped' ? `⏭️ ${report.reason}` : `✅ ${report.reason || report.services.map((s) => `${s.service}: ${s.reason}`).join('; ')}`))
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
