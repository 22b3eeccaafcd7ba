// Verifying a release: every URL of the stage checked over HTTP, then verify-command, with what the deployment put
// in place in its environment. One call for every mechanism (the watch loop makes it at their stages).
import { describeLimit, type Clock } from '../deploy/clock.js'
import { execCommand } from '../common/exec.js'
import { checkUrl, type UrlCheck } from './http.js'
import type { VerifyPlan } from './verification-plan.js'
import { withoutCredentials } from './redact.js'

/** `test`: the test listener, before production traffic shifts; `production`: once the deployment succeeded. */
export type VerifyStage = 'test' | 'production'

/** What the deployment put in place, for verify-command's environment. */
export interface Deployed {
  cluster: string
  service: string
  taskDefinition: string
  image?: string | undefined
}

export interface VerifyContext {
  clock: Clock
  signal?: AbortSignal | undefined
  /** A line of verify-command's output (outside text: the caller neutralises it). */
  output: (line: string) => void
  fetch?: typeof fetch | undefined
}

/** The verification's outcome: a line per thing checked, and why it failed (outside text, to be neutralised). */
export interface VerifyOutcome {
  ok: boolean
  lines: string[]
  reason?: string
}

/** The last lines of verify-command's output a failure quotes. */
const QUOTED_LINES = 5

const STAGE_WORDS: Record<VerifyStage, string> = { test: 'test listener', production: 'production' }

/** Checks the stage's URLs one after the other (stopping at the first failure), then runs verify-command. */
export async function verifyRelease(
  plan: VerifyPlan,
  stage: VerifyStage,
  deployed: Deployed,
  ctx: VerifyContext,
): Promise<VerifyOutcome> {
  const lines: string[] = []
  const urls = stage === 'test' ? plan.testUrls : plan.urls
  for (const url of urls) {
    const check = await checkUrl(url, { ...plan, clock: ctx.clock, signal: ctx.signal, fetch: ctx.fetch })
    if (!check.ok) return { ok: false, lines, reason: failedCheck(check, stage) }
    lines.push(
      `verified ${url} (${STAGE_WORDS[stage]}): ${check.expected}${check.attempts > 1 ? ` after ${check.attempts} attempts` : ''}`,
    )
  }
  if (!plan.command) return { ok: true, lines }
  const [command = '', ...args] = plan.command
  const output: string[] = []
  // verify-timeout bounds the command as it bounds a URL; the run's deadline too. Its whole process group is stopped.
  const timeout = AbortSignal.timeout(plan.timeoutMs)
  const { exitCode, stopped } = await execCommand(command, args, {
    silent: true,
    signal: ctx.signal ? AbortSignal.any([ctx.signal, timeout]) : timeout,
    env: { ...plan.commandEnv, ...verifyEnvironment(urls, stage, deployed) },
    onLine: (line) => {
      output.push(line)
      ctx.output(line)
    },
  })
  if (stopped) {
    const limit = timeout.aborted
      ? `within verify-timeout (${describeLimit(plan.timeoutMs)})`
      : "before the run's deadline"
    return {
      ok: false,
      lines,
      reason: `verification failed (${STAGE_WORDS[stage]}): verify-command did not finish ${limit}; it was stopped`,
    }
  }
  if (exitCode !== 0) {
    const last = withoutCredentials(output.slice(-QUOTED_LINES).join(' | '), Object.values(plan.headers))
    return {
      ok: false,
      lines,
      reason: `verification failed (${STAGE_WORDS[stage]}): verify-command exited with code ${exitCode}${last ? `; its last output: ${last}` : ''}`,
    }
  }
  lines.push(`verify-command passed (${STAGE_WORDS[stage]})`)
  return { ok: true, lines }
}

function failedCheck(check: UrlCheck, stage: VerifyStage): string {
  return `verification failed (${STAGE_WORDS[stage]}): ${check.url} answered ${check.answer} (expected ${check.expected}; ${check.attempts} attempt${check.attempts > 1 ? 's' : ''}, ${check.gaveUpAfter ?? ''})`
}

/** The variables verify-command sees beside the runner's own and the placeholders' values. */
export function verifyEnvironment(urls: string[], stage: VerifyStage, deployed: Deployed): Record<string, string> {
  return {
    VERIFY_URL: urls[0] ?? '',
    VERIFY_URLS: urls.join('\n'),
    VERIFY_STAGE: stage,
    DEPLOYED_TASK_DEFINITION: deployed.taskDefinition,
    DEPLOYED_IMAGE: deployed.image ?? '',
    ECS_CLUSTER: deployed.cluster,
    ECS_SERVICE: deployed.service,
  }
}
