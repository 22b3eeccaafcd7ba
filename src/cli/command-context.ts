// What the CLI's commands share: the terminal they run in, the CI context they read, the words of their errors.
import type { GitContext } from '../common/git-context.js'
import { UserError } from '../common/errors.js'
import type { RunDeadline } from '../common/deadline.js'
import type { Clock, DeploymentReport } from '../engine/index.js'
import type { CliArgs } from './args.js'
import { ciRef, gitIn, refName, type Git } from './ref.js'

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
