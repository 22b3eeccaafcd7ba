// `plan`, `deploy`, `diff`, `drift`, `render` and `preview`: the flags as the action's inputs, the engine's ports for a terminal.
// Planning and rendering from a template need no AWS: the engine loads the pipeline and the AWS SDK once the plan does.
import type { GitContext } from '../common/git-context.js'
import {
  deploy,
  getInputs,
  gitHubClient,
  logoutRegistries,
  planStep,
  render,
  rendersOffline,
  runEventFrom,
  systemClock,
  type DeploySettings,
  type Ports,
  type RunEvent,
  type RunResult,
} from '../engine/index.js'
import type { CliArgs } from './args.js'
import { ciContext, failureLogLines, offlineError, type CliIo } from './command-context.js'
import type { TerminalLog } from './terminal.js'

/** What triggered the run, as the config file's environments see it: a push of the ref, or the pull request of --pr. */
function runEvent(args: CliArgs, ref: string, git: GitContext): RunEvent {
  if (args.pr === undefined) return { name: 'push', ref }
  const action = args.previewAction === 'destroy' ? 'closed' : 'synchronize'
  return runEventFrom('pull_request', `refs/pull/${args.pr}/merge`, {
    action,
    number: args.pr,
    pull_request: { number: args.pr, head: { sha: git.sha } },
  })
}

function settingsOf(args: CliArgs, io: CliIo, log: TerminalLog): DeploySettings {
  const values = { ...args.inputs }
  if (args.command === 'render' || args.command === 'diff') values['dry-run'] = 'true'
  if (args.command === 'drift') values.mode = 'drift'
  if (args.previewAction) values.preview = args.previewAction
  // The runner's default github.token has no meaning here: a token comes from --github-token or GITHUB_TOKEN.
  if (values['github-token'] === undefined && io.env.GITHUB_TOKEN) values['github-token'] = io.env.GITHUB_TOKEN
  const { git, ref } = ciContext(io.env, {
    ...(args.ref !== undefined && { ref: args.ref }),
    ...(io.cwd !== undefined && { cwd: io.cwd }),
  })
  return { inputs: getInputs((name) => values[name] ?? '', log), git, event: runEvent(args, ref, git), env: io.env }
}

const exitCode = (result: RunResult): number => (result.failure === 'bad-input' ? 2 : result.failure ? 1 : 0)

export async function runDeploy(
  args: CliArgs,
  io: CliIo,
  log: TerminalLog,
  out: (text: string) => void,
): Promise<number> {
  const settings = settingsOf(args, io, log)
  if (args.command === 'render') {
    // Only render loads @aws-sdk/client-ecs, for the API model its templates are checked against (not the clients).
    if (await rendersOffline(settings)) {
      const rendered = await render(settings, log)
      const data =
        rendered.length === 1
          ? rendered[0]?.taskDefinition
          : Object.fromEntries(rendered.map((r) => [r.service, r.taskDefinition]))
      out(`${JSON.stringify(data, null, 2)}\n`)
      return 0
    }
  }
  const registries: string[] = []
  const ports: Ports = {
    log,
    clock: io.clock ?? systemClock,
    signal: io.signal ?? new AbortController().signal,
    deadline: io.deadline,
    // Without --offline the engine makes the AWS clients, once the plan needs them.
    aws: args.offline
      ? () => {
          throw offlineError(args.command)
        }
      : undefined,
    github: settings.inputs.githubToken
      ? await gitHubClient(settings.inputs.githubToken, io.env, io.deadline)
      : undefined,
    outputs: () => undefined,
    summary: async () => undefined,
    loggedIn: (registry) => void (registries.includes(registry) || registries.push(registry)),
  }
  let result: RunResult
  try {
    result = await deploy(settings, ports)
  } finally {
    if (registries.length) await logoutRegistries(registries, log)
  }
  const services = result.report?.services ?? []
  if (result.failure) {
    for (const line of failureLogLines(services)) log.info(line)
    log.error(result.message ?? 'failed')
  }
  if (args.json) {
    const report = result.report
    const document = {
      status: report?.status ?? result.status ?? 'failed',
      reason: report?.reason || result.message,
      image: report?.image,
      environment: report?.environment,
      environmentUrl: report?.environmentUrl,
      durationSeconds: report?.durationSeconds,
      services: services.map(({ rendered: _rendered, timeline: _timeline, ...s }) => ({
        ...s,
        ...(args.command === 'render' && { taskDefinition: _rendered }),
      })),
    }
    out(`${JSON.stringify(document, null, 2)}\n`)
  } else if (args.command === 'render' && !result.failure) {
    out(
      `${JSON.stringify(services.length === 1 ? services[0]?.rendered : Object.fromEntries(services.map((s) => [s.service, s.rendered])), null, 2)}\n`,
    )
  } else if (args.command === 'drift' && services.every((s) => s.drift)) {
    for (const s of services)
      out(
        `${s.service}:${s.drift?.length ? `\n${s.drift.map((d) => `  ${d.path}: live ${d.live}, repository ${d.repo}`).join('\n')}` : ' no drift'}\n`,
      )
  } else if (args.command === 'diff' && !result.failure) {
    for (const s of services)
      out(`${s.service}: ${s.changes?.length ? `\n${s.changes.map((c) => `  ${c}`).join('\n')}` : 'no change'}\n`)
  }
  return exitCode(result)
}

/** `plan`: the matrix JSON on stdout (data), each environment's verdict on stderr. */
export async function runPlan(
  args: CliArgs,
  io: CliIo,
  log: TerminalLog,
  out: (text: string) => void,
): Promise<number> {
  const plan = await planStep(settingsOf(args, io, log), log)
  out(`${JSON.stringify(plan.matrix, null, 2)}\n`)
  return 0
}
