// The action's door: inputs from the runner → settings; the engine's ports → @actions/core (log, outputs, summary, annotations).
// Only what reading the inputs and planning the run need is imported statically: the pipeline and the AWS SDK (by the
// engine), the GitHub client, the summary and docker's logout are loaded (`import()`, chunks of dist/) when needed.
import * as core from '@actions/core'
import { readGitContext } from '../context.js'
import { systemClock, type Clock } from '../deploy/clock.js'
import { deploy, type RunResult } from '../engine/deploy.js'
import { errorMessage, UserError } from '../errors.js'
import type { Log } from '../log.js'
import type { Ports } from '../engine/ports.js'
import { readRunEvent } from '../github/event.js'
import { getInputs } from '../inputs.js'

export type { RunResult } from '../engine/deploy.js'

/** Action state key listing the registries this run logged in to, for the post step's logout. */
export const REGISTRIES_STATE = 'registries'

/** The engine's log on the runner: workflow commands, groups, annotations and masks. */
export const actionLog: Log = {
  info: (message) => core.info(message),
  warning: (message, annotation) => (annotation ? core.warning(message, annotation) : core.warning(message)),
  error: (message, annotation) => (annotation ? core.error(message, annotation) : core.error(message)),
  debug: (message) => core.debug(message),
  group: (name, fn) => core.group(name, fn),
  secret: (value) => core.setSecret(value),
}

/** Cancelled when the runner sends SIGINT/SIGTERM (job cancelled), so the wait can stop and roll back. */
function cancellationSignal(): AbortSignal {
  const controller = new AbortController()
  const cancel = (): void => controller.abort()
  process.once('SIGINT', cancel)
  process.once('SIGTERM', cancel)
  return controller.signal
}

function loggedInRegistries(): string[] {
  const saved = core.getState(REGISTRIES_STATE)
  if (!saved) return []
  try {
    const parsed: unknown = JSON.parse(saved)
    return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : []
  } catch {
    return []
  }
}

function rememberRegistry(registry: string): void {
  const registries = loggedInRegistries()
  if (!registries.includes(registry)) registries.push(registry)
  core.saveState(REGISTRIES_STATE, JSON.stringify(registries))
}

/** The outputs and the summary's renderer, loaded once a run has a report to publish. */
const publishing = (): Promise<typeof import('./outputs.js')> => import('./outputs.js')

/** The main step: reads the inputs, runs the engine, reports on the runner. */
export async function run(clock: Clock = systemClock): Promise<RunResult> {
  core.saveState('isPost', 'true')
  let result: RunResult
  try {
    const inputs = getInputs((name) => core.getInput(name), actionLog)
    if (inputs.mode === 'plan') {
      // A plan reads the config file and the event only: no AWS, no GitHub client.
      const { runPlan } = await import('./plan.js')
      await runPlan(inputs, actionLog)
      return {}
    }
    // Deployments and comments are skipped without a token.
    const github = inputs.githubToken ? await import('./github.js') : undefined
    const ports: Ports = {
      log: actionLog,
      clock,
      signal: cancellationSignal(),
      github: inputs.githubToken ? github?.gitHubClient(inputs.githubToken) : undefined,
      outputs: async (report) => (await publishing()).setOutputs(report),
      summary: async (report) => (await publishing()).writeSummary(report),
      loggedIn: rememberRegistry,
    }
    result = await deploy({ inputs, git: readGitContext(), event: readRunEvent() }, ports)
  } catch (error) {
    // Reading the inputs (or planning) failed: nothing ran.
    result = {
      failure: error instanceof UserError ? 'bad-input' : 'error',
      status: 'failed',
      message: error instanceof UserError ? error.message : `Unexpected error: ${errorMessage(error)}`,
    }
  }
  if (result.failure) {
    if (!result.report) {
      try {
        core.setOutput('status', result.status ?? 'failed')
      } catch (error) {
        core.warning(`Could not write the step's outputs to GITHUB_OUTPUT: ${errorMessage(error)}.`)
      }
    }
    core.setFailed(result.message ?? 'failed')
  }
  return result
}

/** The post step: runs after the job, also when it failed. */
export async function post(): Promise<void> {
  const registries = loggedInRegistries()
  if (!registries.length) return
  const { logoutRegistries } = await import('../image/docker.js')
  await logoutRegistries(registries, actionLog)
}

/** The action's entry: the main step, or the post step when the main step has run. */
export async function main(): Promise<void> {
  if (core.getState('isPost') === 'true') await post()
  else await run()
}
