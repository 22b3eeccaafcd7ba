import { waitingFor } from '../common/deadline.js'
import { AwsError, NoAnswer, UserError } from '../common/errors.js'

interface SdkError {
  name?: string
  message?: string
  code?: string
  $metadata?: { httpStatusCode?: number; attempts?: number }
}

const ACCESS_DENIED = ['AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation', 'AuthorizationError']
const EXPIRED = ['ExpiredTokenException', 'ExpiredToken', 'RequestExpired', 'TokenRefreshRequired']
const INVALID_CREDENTIALS = ['UnrecognizedClientException', 'InvalidClientTokenId', 'InvalidSignatureException']
const THROTTLED = ['ThrottlingException', 'Throttling', 'TooManyRequestsException', 'RequestLimitExceeded']
const NETWORK = ['ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN', 'EHOSTUNREACH']

/** What a call's "does not exist" errors mean: the SDK error name → what was not found (`cluster`, `target group`…). */
export type Missing = Readonly<Record<string, string>>

/** AWS said the thing the call named does not exist; `what` says which kind of thing (`cluster`, `service`, `listener`…). */
export class NotFound extends UserError {
  override name = 'NotFound'
  constructor(
    readonly what: string,
    message: string,
    options: { cause: unknown },
  ) {
    super(message, options)
  }
}

/**
 * Turns an AWS SDK error into one message that names the API call and the fix, keeping the SDK error as `cause`.
 * `permission` is the IAM action of the call (ecs:UpdateService), which is also what a denied caller must be granted;
 * `on` names the resource when the call's target is not obvious (an ECR registry). An error named in `missing` is a
 * NotFound saying what was not found.
 */
export function explainAwsError(
  error: unknown,
  permission: string,
  options: { on?: string; missing?: Missing } = {},
): Error {
  if (error instanceof UserError || error instanceof AwsError || error instanceof NoAnswer || !(error instanceof Error))
    return error as Error
  const e = error as SdkError
  const name = e.name ?? ''
  const detail = e.message ? `: ${e.message}` : ''
  const cause = { cause: error }
  const what = options.missing?.[name]
  if (what) return new NotFound(what, `${permission} found no such ${what}${detail}`, cause)
  if (ACCESS_DENIED.includes(name)) {
    const on = options.on ? ` on ${options.on}` : ''
    return new UserError(
      `AWS denied ${permission}${on}${detail}. Grant ${permission} to the role this workflow uses (README, "IAM permissions").`,
      cause,
    )
  }
  if (EXPIRED.includes(name)) {
    return new UserError(
      `The AWS credentials have expired (${permission} answered ${name}). Configure credentials right before this step, or lengthen the session (role-duration-seconds of aws-actions/configure-aws-credentials).`,
      cause,
    )
  }
  if (INVALID_CREDENTIALS.includes(name)) {
    return new UserError(
      `AWS did not accept the credentials (${permission} answered ${name}${detail}). Check the access key, secret and session token, or the role that aws-actions/configure-aws-credentials assumes.`,
      cause,
    )
  }
  if (name === 'CredentialsProviderError') {
    return new UserError(
      `No AWS credentials were found. Add aws-actions/configure-aws-credentials before this step (OIDC role or access keys).`,
      cause,
    )
  }
  if (THROTTLED.includes(name)) {
    const attempts = e.$metadata?.attempts ?? 1
    return new AwsError(
      `AWS kept throttling ${permission} (${attempts} attempts)${detail}. Try again later, or deploy fewer services at once.`,
      cause,
    )
  }
  const code = e.code ?? (error.cause as SdkError | undefined)?.code ?? ''
  if (NETWORK.includes(code) || name === 'TimeoutError') {
    return new AwsError(
      `Could not reach AWS for ${permission} (${code || name})${detail}. Check the network, AWS_REGION and any AWS_ENDPOINT_URL* variables.`,
      cause,
    )
  }
  if (name === 'AbortError') {
    return new NoAnswer(
      `AWS did not answer ${permission} before the run's deadline (timeout-minutes, or the job was cancelled).`,
      cause,
    )
  }
  if (name === 'InvalidParameterException' || name === 'ClientException' || name === 'ValidationException') {
    return new UserError(`${permission} was refused${detail}`, cause)
  }
  return new AwsError(`${permission} failed (${name || 'error'})${detail}`, cause)
}

/** Whether AWS refused a call for lack of permission (the SDK's error, or one explainAwsError made from it). */
export function isAccessDenied(error: unknown): boolean {
  const sdk = error instanceof UserError || error instanceof AwsError ? error.cause : error
  return sdk instanceof Error && ACCESS_DENIED.includes(sdk.name)
}

/** Runs one AWS call, turning its failure into an explained error (a NotFound for the error names in `missing`). */
export async function awsCall<T>(
  permission: string,
  call: () => Promise<T>,
  options: { on?: string; missing?: Missing } = {},
): Promise<T> {
  try {
    return await waitingFor(permission, call)
  } catch (error) {
    throw explainAwsError(error, permission, options)
  }
}

/** The call's answer, or undefined when it failed with a NotFound. */
export async function unlessNotFound<T>(call: Promise<T>): Promise<T | undefined> {
  try {
    return await call
  } catch (error) {
    if (error instanceof NotFound) return undefined
    throw error
  }
}

/** Whether `error` is a NotFound for a `what` (`cluster`, `service`…). */
export function isNotFound(error: unknown, what?: string): error is NotFound {
  return error instanceof NotFound && (what === undefined || error.what === what)
}

/** The name of the SDK error behind an explained one (`PriorityInUseException`), for callers that tell AWS's refusals apart. */
export function awsErrorName(error: unknown): string | undefined {
  const sdk = error instanceof UserError || error instanceof AwsError ? error.cause : error
  return sdk instanceof Error ? sdk.name : undefined
}
