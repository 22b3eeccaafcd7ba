// The values a template's ${PLACEHOLDERS} take: apart from the pipeline, as `render` needs them offline, without the AWS SDK.
import type { GitContext } from '../common/git-context.js'
import type { Inputs } from './inputs.js'

/** The inputs once the plan has settled the cluster and services. */
export type PlannedInputs = Inputs & { cluster: string }

/** Values a template's ${PLACEHOLDERS} can use. */
export function placeholderValues(
  inputs: PlannedInputs,
  service: string,
  git: GitContext,
  region: string,
  image: string | undefined,
): Record<string, string> {
  return {
    GITHUB_SHA: git.sha,
    SHORT_SHA: git.shortSha,
    COMMIT_HASH: git.sha,
    REF_NAME: git.refName,
    GITHUB_REF_NAME: git.refName,
    RUN_NUMBER: git.runNumber,
    GITHUB_RUN_NUMBER: git.runNumber,
    RUN_ID: git.runId,
    REPOSITORY: git.repository,
    CLUSTER: inputs.cluster,
    SERVICE: service,
    AWS_REGION: region,
    ENVIRONMENT: inputs.environment ?? '',
    ...(image !== undefined && { IMAGE: image }),
    ...inputs.vars,
  }
}
