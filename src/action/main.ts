// The action's door: inputs from the runner → settings; the engine's ports → @actions/core (log, outputs, summary, annotations).
// Only what reading the inputs and planning the run need is imported statically: the pipeline and the AWS SDK (by the
// engine), the GitHub client, the summary and docker's logout are loaded (`import()`, chunks of dist/) when needed.
import * as core from '@actions/core'
import { appendFileSync } from 'node:fs'
import { readGitContext } from '../common/git-context.js'
import { errorMessage, fileLocations, UserError } from '../common/errors.js'
import type { Log } from '../common/log.js'
import {
  deploy,
  checkMovedInputs,
  getInputs,
  gitHubClient,
  logoutRegistries,
  readRunEvent,
  systemClock,
  type Clock,
  type Ports,
  type RunResult,
} from '../engine/index.js'
import { failStep } from './annotations.js'
import { EXIT_MARGIN_MS, handleShutdown, type Shutdown } from '../common/shutdown.js'

export type { RunResult } from '../engine/index.js'

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

/**
 * What a run stopped by force leaves (a second signal, or the grace run out): the error, the `status` output and the
 * summary, written at once; the summary and outputs only when the run had not written its own yet.
 */
function lastWords(published: () => boolean): (why: string, status: string) => void {
  return (why, status) => {
    if (!published()) {
      core.setOutput('status', status)
      const file = process.env.GITHUB_STEP_SUMMARY
      if (file) appendFileSync(file, `## ${status === 'timed-out' ? '⏱️' : '❌'} ECS deploy: ${status}\n\n${why}\n`)
    }
    core.setFailed(why)
  }
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
  let published = false
  // SIGINT/SIGTERM (the job cancelled) starts the timeout path; a second one, or the grace run out, ends the step.
  const shutdown: Shutdown = handleShutdown({ now: clock.now, lastWords: lastWords(() => published) })
  try {
    checkMovedInputs((name) => core.getInput(name))
    const inputs = getInputs((name) => core.getInput(name), actionLog)
    if (inputs.mode === 'plan') {
      // A plan reads the config file and the event only: no AWS, no GitHub client.
      const { runPlan } = await import('./plan-mode.js')
      await runPlan(inputs, actionLog)
      return {}
    }
    // Deployments and comments are skipped without a token.
    const ports: Ports = {
      log: actionLog,
      clock,
      signal: shutdown.signal,
      deadline: shutdown.deadline,
      github: inputs.githubToken ? await gitHubClient(inputs.githubToken, process.env, shutdown.deadline) : undefined,
      outputs: async (report) => (await publishing()).setOutputs(report),
      summary: async (report) => {
        await (await publishing()).writeSummary(report)
        published = true
      },
      loggedIn: rememberRegistry,
    }
    result = await deploy({ inputs, git: readGitContext(), event: readRunEvent() }, ports)
  } catch (error) {
    // Reading the inputs (or planning) failed: nothing ran.
    result = {
      failure: error instanceof UserError ? 'bad-input' : 'error',
      status: 'failed',
      message: error instanceof UserError ? error.message : `Unexpected error: ${errorMessage(error)}`,
      ...(fileLocations(error).length > 0 && { locations: fileLocations(error) }),
    }
  } finally {
    shutdown.dispose()
  }
  if (result.failure) {
    if (!result.report) {
      try {
        core.setOutput('status', result.status ?? 'failed')
      } catch (error) {
        core.warning(`Could not write the step's outputs to GITHUB_OUTPUT: ${errorMessage(error)}.`)
      }
    }
    failStep(result.message ?? 'failed', result.locations ?? [], process.env.GITHUB_WORKSPACE || process.cwd())
  }
  return result
}

/** The post step: runs after the job, also when it failed. */
export async function post(): Promise<void> {
  const registries = loggedInRegistries()
  if (!registries.length) return
  await logoutRegistries(registries, actionLog)
}

/** The action's entry: the main step, or the post step when the main step has run. */
export async function main(): Promise<void> {
  if (core.getState('isPost') === 'true') await post()
  else await run()
  // Everything the run opened is closed; should anything still hold the process, it is not waited for.
  setTimeout(() => process.exit(), EXIT_MARGIN_MS).unref()
}
