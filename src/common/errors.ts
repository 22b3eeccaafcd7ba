/** A problem the user can fix: bad input, missing resource, missing permission. Nothing was changed. */
export class UserError extends Error {
  override name = 'UserError'
}

/** An AWS call failed for a reason outside the user's input (network, throttling, AWS itself); the message says which call. */
export class AwsError extends Error {
  override name = 'AwsError'
}

/** An outbound call (AWS, GitHub, docker, verify-command) had no answer before the run's deadline; the message names it. */
export class NoAnswer extends Error {
  override name = 'NoAnswer'
}

/** The deployment ran and did not succeed; `status` is what the action reports. */
export class DeploymentFailed extends Error {
  override name = 'DeploymentFailed'
  constructor(
    message: string,
    readonly status: 'failed' | 'rolled-back' | 'timed-out',
  ) {
    super(message)
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
