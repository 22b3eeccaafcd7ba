import { inFlagTerms } from '../../src/cli/terms.js'

test.each([
  ['Input `build` needs `image`: the repository to push to.', '--build needs `image`: the repository to push to.'],
  [
    '`vars` is read by the `environment` input and the `wait-until` input.',
    '`vars` is read by --environment and --wait-until.',
  ],
  ['Check the `container` input.', 'Check --container.'],
  [
    'No AWS region: set the `region` input, or AWS_REGION (aws-actions/configure-aws-credentials sets it).',
    'No AWS region: set --region, or AWS_REGION or AWS_DEFAULT_REGION, or the region of AWS_PROFILE.',
  ],
  [
    'No AWS credentials were found. Add aws-actions/configure-aws-credentials before this step (OIDC role or access keys).',
    'No AWS credentials were found. Set them as the AWS CLI takes them: AWS_PROFILE, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or the role of the machine.',
  ],
  [
    'The `nothing` input and Input `x` are not settings: unchanged.',
    'The `nothing` input and Input `x` are not settings: unchanged.',
  ],
])('%s', (message, expected) => {
  expect(inFlagTerms(message)).toBe(expected)
})
