import { explainAwsError, awsCall } from '../../src/aws/errors.js'
import { UserError } from '../../src/common/errors.js'

function sdkError(name: string, message = 'details', extra: object = {}): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: 400, attempts: 3 }, ...extra })
}

describe('explainAwsError', () => {
  test.each([
    [
      sdkError('AccessDeniedException', 'User: arn:aws:sts::1:assumed-role/ci is not authorized'),
      'AWS denied ecs:UpdateService: User: arn:aws:sts::1:assumed-role/ci is not authorized. Grant ecs:UpdateService to the role this workflow uses (README, "IAM permissions").',
      true,
    ],
    [
      sdkError('ExpiredTokenException'),
      'The AWS credentials have expired (ecs:UpdateService answered ExpiredTokenException). Configure credentials right before this step, or lengthen the session (role-duration-seconds of aws-actions/configure-aws-credentials).',
      true,
    ],
    [
      sdkError('UnrecognizedClientException', 'The security token included in the request is invalid.'),
      'AWS did not accept the credentials (ecs:UpdateService answered UnrecognizedClientException: The security token included in the request is invalid.). Check the access key, secret and session token, or the role that aws-actions/configure-aws-credentials assumes.',
      true,
    ],
    [
      sdkError('CredentialsProviderError', 'Could not load credentials from any providers'),
      'No AWS credentials were found. Add aws-actions/configure-aws-credentials before this step (OIDC role or access keys).',
      true,
    ],
    [
      sdkError('ThrottlingException', 'Rate exceeded'),
      'AWS kept throttling ecs:UpdateService (3 attempts): Rate exceeded. Try again later, or deploy fewer services at once.',
      false,
    ],
    [
      sdkError('Error', 'connect ECONNREFUSED 127.0.0.1:1', { code: 'ECONNREFUSED' }),
      'Could not reach AWS for ecs:UpdateService (ECONNREFUSED): connect ECONNREFUSED 127.0.0.1:1. Check the network, AWS_REGION and any AWS_ENDPOINT_URL* variables.',
      false,
    ],
    [
      sdkError('InvalidParameterException', 'Task definition does not support launch type FARGATE.'),
      'ecs:UpdateService was refused: Task definition does not support launch type FARGATE.',
      true,
    ],
    [
      sdkError('AbortError', 'Request aborted'),
      "AWS did not answer ecs:UpdateService before the run's deadline (timeout-minutes, or the job was cancelled).",
      false,
    ],
    [sdkError('ServerException', 'boom'), 'ecs:UpdateService failed (ServerException): boom', false],
  ])('%s', (error, message, userError) => {
    const explained = explainAwsError(error, 'ecs:UpdateService')
    expect(explained.message).toBe(message)
    expect(explained instanceof UserError).toBe(userError)
  })

  test('awsCall passes results through and explains failures', async () => {
    await expect(awsCall('ecs:ListTasks', async () => 42)).resolves.toBe(42)
    await expect(
      awsCall('ecs:ListTasks', async () => Promise.reject(sdkError('AccessDeniedException', 'no'))),
    ).rejects.toThrow('AWS denied ecs:ListTasks: no.')
  })
})
