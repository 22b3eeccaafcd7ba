// The CLI's door: flags → settings, the engine's ports → stderr (logs, progress) and stdout (data only).
import { createRequire } from 'node:module'
import { createClients, resolveRegion, type AwsClients } from '../aws/clients.js'
import type { GitContext } from '../context.js'
import type { RunEvent } from '../config/index.js'
import { systemClock, type Clock } from '../deploy/clock.js'
import { findService } from '../deploy/service.js'
import {
  deploy,
  describeStatus,
  planStep,
  render,
  rendersOffline,
  rollbackService,
  type DeploySettings,
  type Ports,
  type RunResult,
} from '../engine/index.js'
import { errorMessage, UserError } from '../errors.js'
import { runEventFrom } from '../github/index.js'
import { logoutRegistries } from '../image/index.js'
import { getInputs } from '../inputs.js'
import type { DeploymentReport } from '../run-report.js'
import { HelpRequested, helpText, parseArgs, VersionRequested, type CliArgs } from './args.js'
import { gitHubClient } from './github.js'
import { ciRef, gitIn, refName, type Git } from './ref.js'
import { terminalLog, type TerminalLog } from './terminal.js'

export interface CliIo {
  env: NodeJS.ProcessEnv
  /** Data only: the rendered task definition, the change list, the --json document. */
  stdout: { write(text: string): unknown }
  /** Logs and progress. */
  stderr: { write(text: string): unknown; isTTY?: boolean }
  clock?: Clock
  /** Where the CLI runs (the workspace): the config file, templates and git are looked up from here. */
  cwd?: string
  /** Stops the run (Ctrl-C): the wait stops and rolls back, as a cancelled job does. */
  signal?: AbortSignal
}

/**
 * The CLI's version: from the manifest beside the bundle (dist/cli/package.json, the npm package's own), else the
 * repository's package.json (running from the source). The bundle's own comes first: installed from npm, the files
 * above it are the installing project's.
 */
export function version(): string {
  const require = createRequire(import.meta.url)
  for (const file of ['./package.json', '../../package.json', '../package.json']) {
    try {
      const found = require(file) as { name?: string; version?: string }
      if (found.name === 'ecs-deploy-action' && found.version) return found.version
    } catch {
      // not there: the next
    }
  }
  return 'unknown'
}

/**
 * The commit, branch or tag and build number from the CI the CLI runs in (GitHub, CircleCI, TeamCity) or from git.
 * `ref` (the --ref flag) wins; when nothing says the ref it is empty, and a config file that chooses environments by it
 * stops the run, saying how to name it.
 */
export function ciContext(
  env: NodeJS.ProcessEnv,
  options: { ref?: string; git?: Git; cwd?: string } = {},
): { git: GitContext; ref: string } {
  const workspace = env.GITHUB_WORKSPACE || options.cwd || process.cwd()
  const git = options.git ?? gitIn(workspace)
  const sha = env.GITHUB_SHA || env.CIRCLE_SHA1 || env.BUILD_VCS_NUMBER || git(['rev-parse', 'HEAD']) || ''
  const ref = options.ref ?? ciRef(env, git) ?? ''
  return {
    ref,
    git: {
      sha,
      shortSha: sha.slice(0, 7),
      refName: refName(ref),
      repository: env.GITHUB_REPOSITORY ?? '',
      serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
      runId: env.GITHUB_RUN_ID ?? '',
      runNumber: env.GITHUB_RUN_NUMBER || env.CIRCLE_BUILD_NUM || env.BUILD_NUMBER || '',
      eventName: 'push',
      workspace,
    },
  }
}

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

/** The AWS port: the clients, or with --offline an error naming the call that was needed. */
function awsPort(args: CliArgs): NonNullable<Ports['aws']> {
  return (region, deadline): AwsClients => {
    if (args.offline) {
      throw new UserError(
        args.command === 'status' || args.command === 'rollback'
          ? `--offline: ${args.command} reads the service from ECS; drop --offline.`
          : `--offline: ${args.command} needs AWS here (${args.command === 'diff' ? "the service's current task definition to compare with" : 'the service, or the image to build'}); drop --offline, or give --task-definition without --build to render offline.`,
      )
    }
    return createClients(region, deadline)
  }
}

function settingsOf(args: CliArgs, io: CliIo, log: TerminalLog): DeploySettings {
  const values = { ...args.inputs }
  if (args.command === 'render' || args.command === 'diff') values['dry-run'] = 'true'
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

/** The failing containers' last log lines, which the error message promises. */
export function failureLogLines(services: DeploymentReport[]): string[] {
  return services.flatMap((s) =>
    (s.failures ?? []).flatMap((f) =>
      f.logLines?.length
        ? [
            `${s.service}: last log lines of ${f.container ?? 'the container'}${f.logSource ? ` (${f.logSource})` : ''}:`,
            ...f.logLines.map((l) => `  ${l}`),
          ]
        : [],
    ),
  )
}

async function runDeploy(args: CliArgs, io: CliIo, log: TerminalLog, out: (text: string) => void): Promise<number> {
  const settings = settingsOf(args, io, log)
  if (args.command === 'render' && rendersOffline(settings)) {
    const rendered = await render(settings, log)
    const data =
      rendered.length === 1
        ? rendered[0]?.taskDefinition
        : Object.fromEntries(rendered.map((r) => [r.service, r.taskDefinition]))
    out(`${JSON.stringify(data, null, 2)}\n`)
    return 0
  }
  const registries: string[] = []
  const ports: Ports = {
    log,
    clock: io.clock ?? systemClock,
    signal: io.signal ?? new AbortController().signal,
    aws: awsPort(args),
    github: settings.inputs.githubToken ? gitHubClient(settings.inputs.githubToken) : undefined,
    outputs: () => undefined,
    summary: async () => undefined,
    loggedIn: (registry) => void (registries.includes(registry) || registries.push(registry)),
  }
  let result: RunResult
  try {
    result = await deploy(settings, ports)
  } finally {
    await logoutRegistries(registries, log)
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
  } else if (args.command === 'diff' && !result.failure) {
    for (const s of services)
      out(`${s.service}: ${s.changes?.length ? `\n${s.changes.map((c) => `  ${c}`).join('\n')}` : 'no change'}\n`)
  }
  return exitCode(result)
}

async function serviceCommand(
  args: CliArgs,
  io: CliIo,
  log: TerminalLog,
  out: (text: string) => void,
): Promise<number> {
  const clock = io.clock ?? systemClock
  const region = resolveRegion(args.inputs.region || undefined, io.env)
  const cluster = args.inputs.cluster ?? 'default'
  const service = args.inputs.service
  if (!service) throw new UserError(`${args.command} needs --service.`)
  const { ecs } = awsPort(args)(region)
  if (args.command === 'status') {
    const status = describeStatus(await findService(ecs, cluster, service, region))
    out(args.json ? `${JSON.stringify(status.data, null, 2)}\n` : `${status.lines.join('\n')}\n`)
    return 0
  }
  const result = await rollbackService({
    ecs,
    cluster,
    service,
    region,
    ...(args.to !== undefined && { to: args.to }),
    clock,
    timeoutMs: Number(args.inputs['timeout-minutes'] ?? 30) * 60_000,
    log: (line) => log.info(line),
  })
  if (args.json) out(`${JSON.stringify({ status: result.outcome, reason: result.reason }, null, 2)}\n`)
  else log.info(`${result.outcome}: ${result.reason}`)
  return result.outcome === 'succeeded' ? 0 : 1
}

/** `plan`: the matrix JSON on stdout (data), each environment's verdict on stderr. */
async function runPlan(args: CliArgs, io: CliIo, log: TerminalLog, out: (text: string) => void): Promise<number> {
  const plan = await planStep(settingsOf(args, io, log), log)
  out(`${JSON.stringify(plan.matrix, null, 2)}\n`)
  return 0
}

/** The CLI: the engine behind flags named like the action's inputs. Returns the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const log = terminalLog((text) => void io.stderr.write(text), io.stderr.isTTY === true)
  const out = (text: string): void => void io.stdout.write(log.redact(text))
  try {
    const args = parseArgs(argv)
    if (args.command === 'status' || args.command === 'rollback') return await serviceCommand(args, io, log, out)
    if (args.command === 'plan') return await runPlan(args, io, log, out)
    return await runDeploy(args, io, log, out)
  } catch (error) {
    if (error instanceof HelpRequested) {
      out(`${helpText(error.command)}\n`)
      return 0
    }
    if (error instanceof VersionRequested) {
      out(`${version()}\n`)
      return 0
    }
    log.error(error instanceof UserError ? error.message : `Unexpected error: ${errorMessage(error)}`)
    return error instanceof UserError ? 2 : 1
  } finally {
    log.end()
  }
}
