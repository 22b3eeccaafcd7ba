import { AwsError, UserError } from './errors.js'

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

/**
 * Turns an AWS SDK error into one message that names the API call and the fix. `permission` is the IAM
 * action of the call (ecs:UpdateService), which is also what a denied caller must be granted.
 */
export function explainAwsError(error: unknown, permission: string): Error {
  if (error instanceof UserError || error instanceof AwsError || !(error instanceof Error)) return error as Error
  const e = error as SdkError
  const name = e.name ?? ''
  const detail = e.message ? `: ${e.message}` : ''
  if (ACCESS_DENIED.includes(name)) {
    return new UserError(
      `AWS denied ${permission}${detail}. Grant ${permission} to the role this workflow uses (README, "IAM permissions").`,
    )
  }
  if (EXPIRED.includes(name)) {
    return new UserError(
      `The AWS credentials have expired (${permission} answered ${name}). Configure credentials right before this step, or lengthen the session (role-duration-seconds of aws-actions/configure-aws-credentials).`,
    )
  }
  if (INVALID_CREDENTIALS.includes(name)) {
    return new UserError(
      `AWS did not accept the credentials (${permission} answered ${name}${detail}). Check the access key, secret and session token, or the role that aws-actions/configure-aws-credentials assumes.`,
    )
  }
  if (name === 'CredentialsProviderError') {
    return new UserError(
      `No AWS credentials were found. Add aws-actions/configure-aws-credentials before this step (OIDC role or access keys).`,
    )
  }
  if (THROTTLED.includes(name)) {
    const attempts = e.$metadata?.attempts ?? 1
    return new AwsError(`AWS kept throttling ${permission} (${attempts} attempts)${detail}. Try again later, or deploy fewer services at once.`)
  }
  const code = e.code ?? (error.cause as SdkError | undefined)?.code ?? ''
  if (NETWORK.includes(code) || name === 'TimeoutError') {
    return new AwsError(`Could not reach AWS for ${permission} (${code || name})${detail}. Check the network, AWS_REGION and any AWS_ENDPOINT_URL* variables.`)
  }
  if (name === 'AbortError') {
    return new AwsError(`AWS did not answer ${permission} before the run's deadline (timeout-minutes, or the job was cancelled).`)
  }
  if (name === 'InvalidParameterException' || name === 'ClientException' || name === 'ValidationException') {
    return new UserError(`${permission} was refused${detail}`)
  }
  return new AwsError(`${permission} failed (${name || 'error'})${detail}`)
}

/** Whether AWS refused a call for lack of permission (the SDK's error, before explainAwsError). */
export function isAccessDenied(error: unknown): boolean {
  return error instanceof Error && ACCESS_DENIED.includes(error.name)
}

/** Runs one AWS call, turning its failure into an explained error. */
export async function awsCall<T>(permission: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (error) {
    throw explainAwsError(error, permission)
  }
}
