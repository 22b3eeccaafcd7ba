// The run's AWS region, from the input or the standard variables: a leaf, so planning a run does not load the AWS SDK.
import { UserError } from '../common/errors.js'

/** Returns the region from the input or the standard variables, or throws saying how to set one. */
export function resolveRegion(input: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const region = input || env.AWS_REGION || env.AWS_DEFAULT_REGION
  if (!region) {
    throw new UserError(
      'No AWS region: set the `region` input, or AWS_REGION (aws-actions/configure-aws-credentials sets it).',
    )
  }
  if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) {
    throw new UserError(`region "${region}" is not an AWS region name (like us-east-1).`)
  }
  return region
}
