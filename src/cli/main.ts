// The CLI's door: flags → settings, the engine's ports → stderr (logs, progress) and stdout (data only).
// Only parsing the flags is imported statically, so that help, --version and a flag error answer at once: a command's
// code is loaded (`import()`, chunks of dist/cli/) once the flags name it, and the AWS SDK only by a command that calls AWS.
import { createRequire } from 'node:module'
import type { GitContext } from '../common/git-context.js'
import { errorMessage, UserError } from '../common/errors.js'
import type { Clock } from '../deploy/clock.js'
import type { RunDeadline } from '../common/deadline.js'
import type { DeploymentReport } from '../engine/run-report.js'
import { HelpRequested, helpText, parseArgs, VersionRequested, type CliArgs } from './args.js'
import { ciRef, gitIn, refName, type Git } from './ref.js'
import { terminalLog } from './terminal.js'

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
  /** The run's deadline, cancelled with `signal`: every AWS and GitHub call carries it. */
  deadline?: RunDeadline
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

/** Why --offline stops a command that needs AWS: status and rollback, diff, a render without a template. */
export function offlineError(command: CliArgs['command']): UserError {
  return new UserError(
    command === 'status' || command === 'rollback'
      ? `--offline: ${command} reads the service from ECS; drop --offline.`
      : `--offline: ${command} needs AWS here (${command === 'diff' ? "the service's current task definition to compare with" : 'the service, or the image to build'}); drop --offline, or give --task-definition without --build to render offline.`,
  )
}

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

/** The CLI: the engine behind flags named like the action's inputs. Returns the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const log = terminalLog((text) => void io.stderr.write(text), io.stderr.isTTY === true, io.env)
  const out = (text: string): void => void io.stdout.write(log.redact(text))
  try {
    const args = parseArgs(argv)
    if (args.command === 'init') {
      const { initCommand } = await import('./init.js')
      return await initCommand(args, io, log, out)
    }
    if (args.command === 'status' || args.command === 'rollback') {
      const { serviceCommand } = await import('./service.js')
      return await serviceCommand(args, io, log, out)
    }
    const { runDeploy, runPlan } = await import('./run.js')
    return await (args.command === 'plan' ? runPlan : runDeploy)(args, io, log, out)
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
