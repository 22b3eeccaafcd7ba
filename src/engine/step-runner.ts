// The one runner of a run's steps (the deploy, continue, the standalone task): it skips what a dry run must not do,
// starts each phase of the run's deadline, stops before a step once the deadline has passed, and assembles the report
// from the parts the steps return, also when a step throws.
import type { RunDeadline } from '../common/deadline.js'
import { NoAnswer } from '../common/errors.js'
import type { Log } from '../common/log.js'
import { assembleReport, type PipelineResult, type RunPart } from './run-report.js'

/** What a step returns: its part of the report, and what the steps after it need. */
export interface StepOutcome<S> {
  report?: RunPart
  state?: Partial<S>
}

/** One named step of a run, given the state the steps before it left and the report so far. */
export interface Step<S> {
  name: string
  /** `run`: it only reads and checks, so a dry run runs it too; `only`: a dry run's own; otherwise skipped in one. */
  dryRun?: 'run' | 'only'
  /** It starts a phase: the run's deadline is restarted before it (each phase may take timeout-minutes). */
  phase?: boolean
  /**
   * Once the deadline has passed (or the job was cancelled): `run` it all the same (it says how the run ended, or
   * rolls back), `skip` it with a log line (best effort); otherwise the run stops before it.
   */
  late?: 'run' | 'skip'
  /** Whether it has anything to do in this run (skipped silently when not). */
  when?: (state: S, done: PipelineResult) => boolean
  run(state: S, done: PipelineResult): Promise<StepOutcome<S>> | StepOutcome<S>
}

export interface StepsOptions {
  dryRun: boolean
  deadline: RunDeadline
  /** How long a phase may take (timeout-minutes). */
  phaseMs: number
  log: Log
}

/** How the steps ended: the report assembled from the parts of the steps that finished, and the error that stopped them. */
export interface StepsResult {
  result: PipelineResult
  /** What the step that failed threw, unchanged; the steps after it did not run. */
  thrown?: { error: unknown }
}

/** Runs the steps in order; a step's throw ends the run with the report of the steps before it. */
export async function runSteps<S>(steps: Step<S>[], initial: S, options: StepsOptions): Promise<StepsResult> {
  const { dryRun, deadline, log } = options
  const parts: RunPart[] = []
  let state = initial
  for (const step of steps) {
    const done = assembleReport(parts)
    if (dryRun ? !step.dryRun : step.dryRun === 'only') continue
    if (step.when && !step.when(state, done)) continue
    if (step.phase) deadline.restart(options.phaseMs)
    if (deadline.passed() && step.late !== 'run') {
      if (step.late === 'skip') {
        log.info(`${step.name} was skipped: the run's deadline had passed.`)
        continue
      }
      const error = new NoAnswer(
        `The run's deadline had passed (timeout-minutes, or the job was cancelled) before its ${step.name} step, which was not started.`,
      )
      return { result: done, thrown: { error } }
    }
    try {
      const outcome = await step.run(state, done)
      if (outcome.report) parts.push(outcome.report)
      state = { ...state, ...outcome.state }
    } catch (error) {
      return { result: done, thrown: { error } }
    }
  }
  return { result: assembleReport(parts) }
}
