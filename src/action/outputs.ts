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

async function writeOutputs(run: RunReport): Promise<void> {
  const each = (value: (s: DeploymentReport) => string | undefined): string =>
    run.services.map((s) => value(s) ?? '').join(',')
  core.setOutput('status', run.status)
  core.setOutput('duration-seconds', String(run.durationSeconds))
  core.setOutput(
    'deployment-id',
    each((s) => s.deploymentId),
  )
  core.setOutput(
    'task-definition-arn',
    each((s) => s.taskDefinitionArn),
  )
  core.setOutput(
    'task-definition-revision',
    each((s) => s.taskDefinitionArn?.split(':').pop()),
  )
  if (run.environmentUrl) core.setOutput('environment-url', run.environmentUrl)
  const runTasks = run.services.flatMap((s) => s.runTaskArns ?? [])
  if (runTasks.length) core.setOutput('run-task-arn', runTasks.join(','))
  const changes = run.services.flatMap((s) =>
    (s.changes ?? []).map((c) => (run.services.length > 1 ? `${s.service}: ${c}` : c)),
  )
  core.setOutput('diff', changes.join('\n'))
  if (run.image) core.setOutput('image', run.image)
  const built = run.builtImage
  if (built) {
    core.setOutput('image-digest', built.digest)
    core.setOutput('image-tags', built.tags.join(','))
    core.setOutput('build-seconds', String(built.buildSeconds))
    core.setOutput('push-seconds', String(built.pushSeconds))
  }
  if (run.promotedFrom) {
    core.setOutput('promoted-from', run.promotedFrom)
    core.setOutput('promoted-images', (await promotedImageLines(run)).join('\n'))
  }
}

export async function writeSummary(run: RunReport): Promise<void> {
  try {
    await core.summary.addRaw(await renderSummary(run), true).write()
  } catch (error) {
    core.warning(`Could not write the job summary: ${errorMessage(error)}`)
  }
}
