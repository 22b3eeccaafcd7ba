import * as core from '@actions/core'
import { errorMessage } from '../common/errors.js'
import { promotedImageLines, renderSummary, type DeploymentReport, type RunReport } from '../engine/index.js'

/** Outputs: one value per service, comma separated in the order of the `service` input; a failed write warns. */
export async function setOutputs(run: RunReport): Promise<void> {
  try {
    await writeOutputs(run)
  } catch (error) {
    core.warning(outputsWarning(error))
  }
}

/** Why the outputs are missing: GITHUB_OUTPUT could not be written (the run goes on to its summary and error). */
export function outputsWarning(error: unknown): string {
  return `Could not write the step's outputs to GITHUB_OUTPUT (${process.env.GITHUB_OUTPUT ?? 'unset'}): ${errorMessage(error)}. The deployment is not affected; later steps will not see its outputs.`
}

/** The outputs a later step most often reads; every other value is a member of the `result` JSON output. */
export const MAIN_OUTPUTS = ['status', 'image', 'task-definition-arn', 'deployment-id', 'environment-url'] as const

async function writeOutputs(run: RunReport): Promise<void> {
  const values = await outputValues(run)
  for (const name of MAIN_OUTPUTS) {
    const value = values[name]
    if (value !== undefined) core.setOutput(name, value)
  }
  core.setOutput('result', JSON.stringify(values))
}

/** Every output value of a run, by the name it had as an output of its own (read as `fromJSON(…result)['name']`). */
export async function outputValues(run: RunReport): Promise<Record<string, string>> {
  const each = (value: (s: DeploymentReport) => string | undefined): string =>
    run.services.map((s) => value(s) ?? '').join(',')
  const runTasks = run.services.flatMap((s) => s.runTaskArns ?? [])
  const changes = run.services.flatMap((s) =>
    (s.changes ?? []).map((c) => (run.services.length > 1 ? `${s.service}: ${c}` : c)),
  )
  const built = run.builtImage
  return {
    status: run.status,
    'duration-seconds': String(run.durationSeconds),
    'deployment-id': each((s) => s.deploymentId),
    'task-definition-arn': each((s) => s.taskDefinitionArn),
    'task-definition-revision': each((s) => s.taskDefinitionArn?.split(':').pop()),
    ...(run.environmentUrl && { 'environment-url': run.environmentUrl }),
    ...(runTasks.length && { 'run-task-arn': runTasks.join(',') }),
    diff: changes.join('\n'),
    // mode: drift: whether any service differs from the repository's files.
    ...(run.services.some((s) => s.drift) && { drift: String(run.services.some((s) => s.drift?.length)) }),
    ...(run.image && { image: run.image }),
    ...(built && {
      'image-digest': built.digest,
      'image-tags': built.tags.join(','),
      'build-seconds': String(built.buildSeconds),
      'push-seconds': String(built.pushSeconds),
    }),
    ...(run.promotedFrom && {
      'promoted-from': run.promotedFrom,
      'promoted-images': (await promotedImageLines(run)).join('\n'),
    }),
  }
}

export async function writeSummary(run: RunReport): Promise<void> {
  try {
    await core.summary.addRaw(await renderSummary(run), true).write()
  } catch (error) {
    core.warning(`Could not write the job summary: ${errorMessage(error)}`)
  }
}
