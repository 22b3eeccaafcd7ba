// `mode: plan` on the runner: the matrix and the environments as step outputs, and the plan as the job summary.
import * as core from '@actions/core'
import { readGitContext } from '../common/git-context.js'
import { errorMessage } from '../common/errors.js'
import { planStep, readRunEvent, renderPlanSummary, type Inputs } from '../engine/index.js'
import type { Log } from '../common/log.js'

/** Plans the run and publishes the outputs `matrix`, `any` and `result` (with `environments`); throws a UserError on bad input. */
export async function runPlan(inputs: Inputs, log: Log): Promise<void> {
  const plan = await planStep({ inputs, git: readGitContext(), event: readRunEvent() }, log)
  core.setOutput('matrix', JSON.stringify(plan.matrix))
  core.setOutput('any', String(plan.environments.length > 0))
  core.setOutput('result', JSON.stringify({ environments: plan.environments }))
  try {
    await core.summary.addRaw(await renderPlanSummary(plan), true).write()
  } catch (error) {
    core.warning(`Could not write the job summary: ${errorMessage(error)}`)
  }
}
