import { endpointHost, imageName, parseEcrHost, parseImageReference, registryKind } from '../../src/image/reference.js'
import { UserError } from '../../src/common/errors.js'

const DIGEST = `sha256:${'a'.repeat(64)}`

describe('parseImageReference', () => {
  test.each([
    ['nginx', { registry: 'docker.io', repository: 'library/nginx' }],
    ['nginx:1.27', { registry: 'docker.io', repository: 'library/nginx', tag: '1.27' }],
    ['org/app', { registry: 'docker.io', repository: 'org/app' }],
    ['docker.io/nginx', { registry: 'docker.io', repository: 'library/nginx' }],
    ['index.docker.io/org/app:v1', { registry: 'docker.io', repository: 'org/app', tag: 'v1' }],
    ['localhost/app', { registry: 'localhost', repository: 'app' }],
    ['localhost:5000/app', { registry: 'localhost:5000', repository: 'app' }],
    ['127.0.0.1:5000/web', { registry: '127.0.0.1:5000', repository: 'web' }],
    ['127.0.0.1:5000/web:tag', { registry: '127.0.0.1:5000', repository: 'web', tag: 'tag' }],
    ['127.0.0.1:5000/team/web:v1.2-rc_3', { registry: '127.0.0.1:5000', repository: 'team/web', tag: 'v1.2-rc_3' }],
    [`127.0.0.1:5000/web@${DIGEST}`, { registry: '127.0.0.1:5000', repository: 'web', digest: DIGEST }],
    [
      `127.0.0.1:5000/web:main@${DIGEST}`,
      { registry: '127.0.0.1:5000', repository: 'web', tag: 'main', digest: DIGEST },
    ],
    [
      `web@sha512:${'b'.repeat(128)}`,
      { registry: 'docker.io', repository: 'library/web', digest: `sha512:${'b'.repeat(128)}` },
    ],
    [`web:${'v'.repeat(128)}`, { registry: 'docker.io', repository: 'library/web', tag: 'v'.repeat(128) }],
    [
      '123456789012.dkr.ecr.us-east-1.amazonaws.com/web',
      { registry: '123456789012.dkr.ecr.us-east-1.amazonaws.com', repository: 'web' },
    ],
    [
      '123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/team/web:abc',
      { registry: '123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn', repository: 'team/web', tag: 'abc' },
    ],
    ['ghcr.io/owner/repo/app:Latest', { registry: 'ghcr.io', repository: 'owner/repo/app', tag: 'Latest' }],
    ['[::1]:5000/web', { registry: '[::1]:5000', repository: 'web' }],
    ['my-registry.example.com/a__b/c-d/e.f', { registry: 'my-registry.example.com', repository: 'a__b/c-d/e.f' }],
    ['  nginx  ', { registry: 'docker.io', repository: 'library/nginx' }],
  ])('%s', (ref, expected) => {
    expect(parseImageReference(ref)).toEqual(expected)
  })

  test.each([
    ['', 'image "" is not a valid image reference: it is empty.'],
    ['my app', 'image "my app" is not a valid image reference: it contains whitespace.'],
    [
      '127.0.0.1:5000/Web',
      'image "127.0.0.1:5000/Web" is not a valid image reference: repository names must be lowercase ("Web").',
    ],
    [
      'web:feature/x',
      'image "web:feature/x" is not a valid image reference: a tag cannot contain "/" (after a registry host, ":" is followed by a port number).',
    ],
    [
      'web:-bad',
      'image "web:-bad" is not a valid image reference: tag "-bad" starts with "-"; it must start with a letter, digit or _.',
    ],
    [
      'web@sha256:abc',
      'image "web@sha256:abc" is not a valid image reference: a sha256 digest has 64 hex digits; "abc" has 3.',
    ],
    [
      'web:',
      'image "web:" is not a valid image reference: the tag after ":" is empty; give one, or leave out the ":".',
    ],
    [
      `web:${'v'.repeat(129)}`,
      `image "web:${'v'.repeat(129)}" is not a valid image reference: the tag has 129 characters; at most 128.`,
    ],
    [
      'web:a+b',
      'image "web:a+b" is not a valid image reference: tag "a+b" holds "+"; a tag may only hold letters, digits, _ . and -.',
    ],
    [
      'web:.hidden',
      'image "web:.hidden" is not a valid image reference: tag ".hidden" starts with "."; it must start with a letter, digit or _.',
    ],
    [
      'web@abc',
      'image "web@abc" is not a valid image reference: "abc" after @ is not a digest: expected algorithm:hex, like sha256:<64 hex digits>.',
    ],
    [
      `web@md5:${'a'.repeat(32)}`,
      `image "web@md5:${'a'.repeat(32)}" is not a valid image reference: digest algorithm "md5" is not one registries accept (sha256, sha384 or sha512).`,
    ],
    [
      `web@SHA256:${'a'.repeat(64)}`,
      `image "web@SHA256:${'a'.repeat(64)}" is not a valid image reference: "SHA256" is not a digest algorithm (lowercase letters and digits, like sha256).`,
    ],
    [
      `web@sha256:${'A'.repeat(64)}`,
      `image "web@sha256:${'A'.repeat(64)}" is not a valid image reference: a sha256 digest is lowercase hex digits (0-9, a-f); "${'A'.repeat(64)}" is not.`,
    ],
    [
      `web:v1@sha512:${'a'.repeat(64)}`,
      `image "web:v1@sha512:${'a'.repeat(64)}" is not a valid image reference: a sha512 digest has 128 hex digits; "${'a'.repeat(64)}" has 64.`,
    ],
    [
      '127.0.0.1:5000//web',
      'image "127.0.0.1:5000//web" is not a valid image reference: the repository name is missing or has an empty path component.',
    ],
    [
      'ghcr.io/',
      'image "ghcr.io/" is not a valid image reference: the repository name is missing or has an empty path component.',
    ],
    [
      'bad_host.example.com/web',
      'image "bad_host.example.com/web" is not a valid image reference: "bad_host.example.com" is not a registry host (host or host:port).',
    ],
    [
      'web..x',
      'image "web..x" is not a valid image reference: "web..x" may only hold lowercase letters, digits and single separators (. _ __ -) between them.',
    ],
  ])('refuses %j', (ref, message) => {
    expect(() => parseImageReference(ref)).toThrow(new UserError(message))
  })

  test('names the input it was given', () => {
    expect(() => parseImageReference('A', 'container image')).toThrow(
      'container image "A" is not a valid image reference: repository names must be lowercase ("A").',
    )
  })

  test('imageName joins registry and repository', () => {
    expect(imageName(parseImageReference('127.0.0.1:5000/web:x'))).toBe('127.0.0.1:5000/web')
    expect(imageName(parseImageReference('nginx'))).toBe('docker.io/library/nginx')
  })
})

describe('parseEcrHost', () => {
  test.each([
    ['123456789012.dkr.ecr.us-east-1.amazonaws.com', { accountId: '123456789012', region: 'us-east-1' }],
    ['123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn', { accountId: '123456789012', region: 'cn-north-1' }],
    ['123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com', { accountId: '123456789012', region: 'us-gov-west-1' }],
    ['123456789012.dkr-ecr.eu-west-1.on.aws', { accountId: '123456789012', region: 'eu-west-1' }],
    ['123456789012.DKR.ECR.us-east-1.amazonaws.com', { accountId: '123456789012', region: 'us-east-1' }],
    ['123456789012.dkr.ecr.us-east-1.amazonaws.com:443', undefined],
    ['12345.dkr.ecr.us-east-1.amazonaws.com', undefined],
    ['public.ecr.aws', undefined],
    ['127.0.0.1:5000', undefined],
    ['docker.io', undefined],
  ])('%s', (host, expected) => {
    expect(parseEcrHost(host)).toEqual(expected)
  })
})

describe('registryKind', () => {
  const ecrHost = '123456789012.dkr.ecr.us-east-1.amazonaws.com'
  test.each([
    [ecrHost, {}, 'ecr'],
    [ecrHost, { AWS_ENDPOINT_URL_ECR: 'http://127.0.0.1:4000' }, 'ecr'],
    ['127.0.0.1:5000', {}, 'other'],
    ['127.0.0.1:5000', { AWS_ENDPOINT_URL_ECR: 'http://127.0.0.1:4000' }, 'ecr-endpoint'],
    ['127.0.0.1:5000', { AWS_ENDPOINT_URL: 'http://127.0.0.1:4000' }, 'ecr-endpoint'],
    ['127.0.0.1:5000', { AWS_ENDPOINT_URL_ECR: '' }, 'other'],
    ['docker.io', { AWS_ENDPOINT_URL: 'http://127.0.0.1:4000' }, 'other'],
    ['ghcr.io', {}, 'other'],
  ])('%s with %j is %s', (host, env, kind) => {
    expect(registryKind(host, env)).toBe(kind)
  })
})

test.each([
  ['https://123456789012.dkr.ecr.us-east-1.amazonaws.com', '123456789012.dkr.ecr.us-east-1.amazonaws.com'],
  ['http://127.0.0.1:5000', '127.0.0.1:5000'],
  ['http://127.0.0.1:5000/', '127.0.0.1:5000'],
  ['127.0.0.1:5000', '127.0.0.1:5000'],
])('endpointHost(%s) is %s', (endpoint, host) => {
  expect(endpointHost(endpoint)).toBe(host)
})
