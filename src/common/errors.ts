/** A place in one of the user's files a message is about: the path as given (relative to the workspace), 1-based. */
export interface FileLocation {
  file: string
  line: number
  column?: number
  message: string
}

/** A problem the user can fix: bad input, missing resource, missing permission. Nothing was changed. */
export class UserError extends Error {
  override name = 'UserError'
  /** Where in the user's files the mistake is, when known: on a runner, each becomes an annotation on that line. */
  readonly locations: readonly FileLocation[]
  constructor(message: string, options?: ErrorOptions & { locations?: readonly FileLocation[] }) {
    super(message, options)
    this.locations = options?.locations ?? []
  }
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

/** The file locations an error carries (none unless it is a UserError that knows them). */
export function fileLocations(error: unknown): readonly FileLocation[] {
  return error instanceof UserError ? error.locations : []
}
