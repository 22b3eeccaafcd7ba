// The engine's entry point for a deploy: plain settings and ports in, a result out. Both doors (the action, the CLI) call it.
// Planning is all this module loads; carrying the plan out (the pipeline, the AWS SDK) is a chunk loaded after it.
import { resolveRegion } from '../aws/region.js'
import { runUrl, type GitContext } from '../common/git-context.js'
import {
  AwsError,
  DeploymentFailed,
  errorMessage,
  fileLocations,
  NoAnswer,
  UserError,
  type FileLocation,
} from '../common/errors.js'
import type { RunEvent } from '../config/index.js'
import type { Inputs } from '../settings/inputs.js'
import { planRun } from './environment-plan.js'
import { logSafe } from '../report/text.js'
import type { AwsClients } from '../aws/clients.js'
import { RunDeadline } from '../common/deadline.js'
import { closeProxyAgents } from '../http/proxy.js'
import type { DeploymentReport, RunReport } from './run-report.js'
import { isFailure } from '../report/status.js'
import type { Ports } from './ports.js'

/** What a deploy is asked to do: the settings, the commit and ref it runs for, and what triggered it. */
export interface DeploySettings {
  inputs: Inputs
  git: GitContext
  event: RunEvent
  /** Environment to read AWS_REGION from when `region` is not set. */
  env?: NodeJS.ProcessEnv
}

/** How a run ended. */
export interface RunResult {
  report?: RunReport
  /** Set when the run failed: a bad input (nothing changed), a deployment that failed, or anything else. */
  failure?: 'bad-input' | 'deployment' | 'error'
  /** The run's status when it failed (also without a report). */
  status?: string
  /** The one message that says why the run failed. */
  message?: string
  /** Where in the user's files the failure is, when the error knows (a config or task definition line). */
  locations?: readonly FileLocation[]
}

/** The one-line error for a service: what happened, then the first cause in plain words and its fix. */
export function failureMessage(report: DeploymentReport): string {
  if (report.drift?.length) return `${report.service}: ${report.reason}`
  const cause = report.failures?.[0]?.cause ?? report.eventCause
  const why = cause ? ` ${cause.summary} ${cause.fix}` : ''
  // Without the stopped tasks the cause may be missing: say why rather than let it look like there were none.
  const unread =
    report.stoppedTasksError && !report.failures?.length
      ? ` Diagnosis incomplete: ${report.stoppedTasksError.replace(/\.$/, '')}.`
      : ''
  return `Deployment of ${report.service} ${report.status}: ${report.reason.replace(/\.$/, '')}.${why}${unread}`
}

/** An environment of several regions deploys one of them per run: the `region` input or AWS_REGION must name one. */
function checkRegionOf(environment: { name: string; regions?: string[] } | undefined, region: string): void {
  if (!environment?.regions || environment.regions.includes(region)) return
  throw new UserError(
    `Environment ${environment.name} deploys to regions ${environment.regions.join(', ')}, not ${region} (this run's \`region\` input or AWS_REGION). Deploy each region as its own entry of the plan's matrix: \`region: \${{ matrix.region }}\`.`,
  )
}

/** Plans and carries out a run; publishes its outputs and summary through the ports, also when it fails. */
export async function deploy(settings: DeploySettings, ports: Ports): Promise<RunResult> {
  const { clock, log } = ports
  const env = settings.env ?? process.env
  const started = clock.now()
  let report: RunReport | undefined
  // The run's deadline: each phase restarts it; every AWS and GitHub call carries it.
  const deadline = ports.deadline ?? new RunDeadline(ports.signal, undefined, clock.now)
  deadline.restart(settings.inputs.timeoutMinutes * 60_000)
  const made: AwsClients[] = []
  try {
    const { inputs, git } = settings
    const plan = await planRun(inputs, git, settings.event)
    const url = runUrl(git)
    const cluster =
      plan.kind === 'deploy' ? plan.inputs.cluster : plan.kind === 'sweep' ? plan.cluster : (inputs.cluster ?? '')
    const region =
      plan.kind === 'skip'
        ? (inputs.region ?? env.AWS_REGION ?? '')
        : resolveRegion(plan.kind === 'deploy' ? plan.inputs.region : (plan.region ?? inputs.region), env)
    if (plan.kind === 'deploy') checkRegionOf(plan.environment, region)
    const environment =
      plan.kind === 'deploy' && plan.environment
        ? { environment: plan.environment.name, ...(plan.reason && { environmentReason: plan.reason }) }
        : {}
    report = {
      cluster,
      region,
      status: 'failed',
      reason: '',
      durationSeconds: 0,
      services: [],
      ...(url && { runUrl: url }),
      ...environment,
    }
    const [carrying, { createClients }] = await Promise.all([import('./carry-out.js'), import('../aws/clients.js')])
    const aws =
      ports.aws ??
      ((where: string, within: RunDeadline = deadline): AwsClients => {
        const clients = createClients(where, within)
        made.push(clients)
        return clients
      })
    const pullRequest = settings.event.pullRequest?.number
    const { thrown, ...outcome } = await carrying.carryOut(plan, git, { ...ports, aws, deadline }, report, pullRequest)
    // A failure part-way is reported with what was done before it.
    report = { ...report, ...outcome }
    if (thrown) throw thrown.error
    const failed = report.services.filter((s) => isFailure(s.status))
    if (failed.length) {
      throw new DeploymentFailed(failed.map(failureMessage).join('\n'), report.status as DeploymentFailed['status'])
    }
    log.info(
      logSafe(
        report.status === 'skipped'
          ? `⏭️ ${report.reason}`
          : `✅ ${report.reason || report.services.map((s) => `${s.service}: ${s.reason}`).join('; ')}`,
      ),
    )
    return { report }
  } catch (error) {
    const known =
      error instanceof UserError ||
      error instanceof DeploymentFailed ||
      error instanceof AwsError ||
      error instanceof NoAnswer
    const status = error instanceof DeploymentFailed ? error.status : error instanceof NoAnswer ? 'timed-out' : 'failed'
    if (report) {
      report.status = status
      if (!(error instanceof DeploymentFailed)) report.reason = errorMessage(error)
      // Services the run had not finished with share the run's error (a bad input, a failed one-off task…).
      report.services = report.services.map((s) => (s.reason ? s : { ...s, status, reason: errorMessage(error) }))
    }
    const failure =
      error instanceof UserError ? 'bad-input' : error instanceof DeploymentFailed ? 'deployment' : 'error'
    return {
      ...(report && { report }),
      failure,
      status,
      message: known ? error.message : `Unexpected error: ${errorMessage(error)}`,
      ...(fileLocations(error).length > 0 && { locations: fileLocations(error) }),
    }
  } finally {
    // Nothing the run opened may keep the process alive once it is over.
    for (const clients of made) clients.destroy()
    closeProxyAgents()
    if (report) {
      report.durationSeconds = Math.round((clock.now() - started) / 1000)
      await ports.outputs(report)
      await ports.summary(report)
    }
  }
}
