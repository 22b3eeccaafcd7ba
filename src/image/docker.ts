import { errorMessage, NoAnswer, UserError } from '../common/errors.js'
import { execCommand, type ExecOptions, type ExecResult } from '../common/exec.js'
import { dockerEngineProblem, dockerNotInstalled } from './build-failures.js'
import type { Log } from '../common/log.js'

/**
 * Every docker command goes through here: an argument array, never a shell; a missing docker becomes a UserError, one
 * stopped by `signal` (the run's deadline) a NoAnswer naming it.
 */
export async function docker(args: string[], options: ExecOptions = {}): Promise<ExecResult> {
  let result: ExecResult
  try {
    result = await execCommand('docker', args, options)
  } catch (error) {
    if (/Unable to locate executable file/i.test(errorMessage(error))) throw dockerNotInstalled()
    throw error
  }
  if (result.stopped)
    throw new NoAnswer(
      `docker ${args[0] ?? ''} did not finish before the run's deadline (timeout-minutes, or the job was cancelled): it was stopped.`,
    )
  return result
}

/** Fails with a clear message when docker is missing or its daemon cannot be reached. */
export async function checkDocker(log: Log, signal?: AbortSignal): Promise<void> {
  const result = await docker(['version', '--format', '{{.Server.Version}}'], { silent: true, signal })
  if (result.exitCode === 0) {
    log.info(`Docker engine ${result.stdout.trim()}`)
    return
  }
  const output = `${result.stderr}\n${result.stdout}`
  throw (
    dockerEngineProblem(output) ??
    new Error(`\`docker version\` failed with exit code ${result.exitCode}: ${output.trim() || 'no output'}`)
  )
}

/** Whether the buildx plugin is there (`docker buildx version` succeeds). */
export async function hasBuildx(signal?: AbortSignal): Promise<boolean> {
  const result = await docker(['buildx', 'version'], { silent: true, signal })
  return result.exitCode === 0
}

/**
 * `docker login` with the password on stdin only (never argv), registered as a secret first.
 * Tells `loggedIn` of the registry, for logoutRegistries() at the end, unless `remember` is false (logout: false).
 */
export async function dockerLogin(
  registry: string,
  username: string,
  password: string,
  options: {
    remember: boolean
    hint: string
    log: Log
    loggedIn?: ((registry: string) => void) | undefined
    signal?: AbortSignal | undefined
  },
): Promise<void> {
  options.log.secret(password)
  const result = await docker(['login', '--username', username, '--password-stdin', registry], {
    input: password,
    silent: true,
    signal: options.signal,
  })
  if (result.exitCode !== 0) {
    const output = `${result.stderr}\n${result.stdout}`
    throw (
      dockerEngineProblem(output) ??
      new UserError(`docker login to ${registry} failed (${lastLine(output)}): ${options.hint}`)
    )
  }
  options.log.info(`Logged in to ${registry} as ${username}.`)
  if (options.remember) options.loggedIn?.(registry)
}

/** How long the post step gives one `docker logout`: a daemon that does not answer must not hold the job. */
export const LOGOUT_TIMEOUT_MS = 30_000

/** At the end of a run (the action's post step): `docker logout` of every registry it logged in to. Never throws; warns instead. */
export async function logoutRegistries(registries: string[], log: Log, timeoutMs = LOGOUT_TIMEOUT_MS): Promise<void> {
  for (const registry of registries) {
    try {
      const result = await docker(['logout', registry], { silent: true, signal: AbortSignal.timeout(timeoutMs) })
      if (result.exitCode === 0) log.info(`Logged out of ${registry}.`)
      else log.warning(`docker logout ${registry} failed: ${lastLine(`${result.stderr}\n${result.stdout}`)}`)
    } catch (error) {
      const why = error instanceof NoAnswer ? `no answer in ${timeoutMs / 1000} s, it was stopped` : errorMessage(error)
      log.warning(`docker logout ${registry} failed: ${why}`)
    }
  }
}

export function lastLine(output: string): string {
  return (
    output
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .at(-1) ?? 'no output'
  )
}
