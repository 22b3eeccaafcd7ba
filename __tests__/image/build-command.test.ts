import {
  buildArgs,
  effectiveBuildArgs,
  imageLabels,
  parseLabels,
  secretLikeBuildArgs,
  type BuildArgInputs,
  type BuildContext,
} from '../../src/image/build-command.js'
import { UserError } from '../../src/common/errors.js'

const SHA = '0123456789abcdef0123456789abcdef01234567'
const REPO = '123456789012.dkr.ecr.us-east-1.amazonaws.com/web'
const CREATED = '2025-01-02T03:04:05.000Z'

const inputs: BuildArgInputs = { build: '.', buildArgs: {}, platforms: [], cacheFrom: [], cacheTo: [], push: true }
const context: BuildContext = {
  repository: REPO,
  tags: [SHA, 'main'],
  dockerfile: 'Dockerfile',
  git: { sha: SHA, refName: 'main', repository: 'octo/web', serverUrl: 'https://github.com' },
  created: CREATED,
}

const COMMON = [
  '--file',
  'Dockerfile',
  '--tag',
  `${REPO}:${SHA}`,
  '--tag',
  `${REPO}:main`,
  '--build-arg',
  `COMMIT_HASH=${SHA}`,
  '--build-arg',
  `GIT_SHA=${SHA}`,
  '--label',
  `org.opencontainers.image.revision=${SHA}`,
  '--label',
  'org.opencontainers.image.source=https://github.com/octo/web',
  '--label',
  `org.opencontainers.image.created=${CREATED}`,
  '--label',
  'org.opencontainers.image.version=main',
]
const LABELS = COMMON.slice(COMMON.indexOf('--label'))
const BUILDX = ['buildx', 'build', '--progress=plain']

describe('buildArgs', () => {
  test.each<
    [string, Partial<BuildArgInputs>, Partial<BuildContext>, { buildx: boolean; metadataFile?: string }, string[]]
  >([
    ['legacy, defaults', {}, {}, { buildx: false }, ['build', ...COMMON, '.']],
    ['legacy, no push', { push: false }, {}, { buildx: false }, ['build', ...COMMON, '.']],
    [
      'legacy, context dir',
      { build: 'app' },
      { dockerfile: 'app/Dockerfile' },
      { buildx: false },
      ['build', '--file', 'app/Dockerfile', ...COMMON.slice(2), 'app'],
    ],
    ['legacy, target', { target: 'runtime' }, {}, { buildx: false }, ['build', ...COMMON, '--target', 'runtime', '.']],
    [
      'legacy, cache-from image refs',
      { cacheFrom: [`${REPO}:main`, `${REPO}:cache`] },
      {},
      { buildx: false },
      ['build', ...COMMON, '--cache-from', `${REPO}:main`, '--cache-from', `${REPO}:cache`, '.'],
    ],
    [
      'legacy, build args in order, user wins',
      { buildArgs: { NODE_ENV: 'production', GIT_SHA: 'override', EMPTY: '', EQ: 'a=b=c' } },
      {},
      { buildx: false },
      [
        'build',
        '--file',
        'Dockerfile',
        '--tag',
        `${REPO}:${SHA}`,
        '--tag',
        `${REPO}:main`,
        '--build-arg',
        `COMMIT_HASH=${SHA}`,
        '--build-arg',
        'GIT_SHA=override',
        '--build-arg',
        'NODE_ENV=production',
        '--build-arg',
        'EMPTY=',
        '--build-arg',
        'EQ=a=b=c',
        ...LABELS,
        '.',
      ],
    ],
    [
      'legacy, one tag',
      {},
      { tags: ['latest'] },
      { buildx: false },
      ['build', '--file', 'Dockerfile', '--tag', `${REPO}:latest`, ...COMMON.slice(COMMON.indexOf('--build-arg')), '.'],
    ],
    [
      'buildx, push with metadata',
      {},
      {},
      { buildx: true, metadataFile: '/tmp/m.json' },
      [...BUILDX, ...COMMON, '--metadata-file', '/tmp/m.json', '--push', '.'],
    ],
    ['buildx, push without metadata', {}, {}, { buildx: true }, [...BUILDX, ...COMMON, '--push', '.']],
    [
      'buildx, no push loads',
      { push: false },
      {},
      { buildx: true, metadataFile: '/tmp/m.json' },
      [...BUILDX, ...COMMON, '--metadata-file', '/tmp/m.json', '--load', '.'],
    ],
    [
      'buildx, no push, one platform loads',
      { push: false, platforms: ['linux/arm64'] },
      {},
      { buildx: true },
      [...BUILDX, ...COMMON, '--platform', 'linux/arm64', '--load', '.'],
    ],
    [
      'buildx, no push, two platforms cannot load',
      { push: false, platforms: ['linux/amd64', 'linux/arm64'] },
      {},
      { buildx: true },
      [...BUILDX, ...COMMON, '--platform', 'linux/amd64,linux/arm64', '.'],
    ],
    [
      'buildx, platforms',
      { platforms: ['linux/amd64', 'linux/arm64'] },
      {},
      { buildx: true },
      [...BUILDX, ...COMMON, '--platform', 'linux/amd64,linux/arm64', '--push', '.'],
    ],
    [
      'buildx, caches',
      { cacheFrom: ['type=gha', `type=registry,ref=${REPO}:cache`], cacheTo: ['type=gha,mode=max'] },
      {},
      { buildx: true },
      [
        ...BUILDX,
        ...COMMON,
        '--cache-from',
        'type=gha',
        '--cache-from',
        `type=registry,ref=${REPO}:cache`,
        '--cache-to',
        'type=gha,mode=max',
        '--push',
        '.',
      ],
    ],
    [
      'buildx, target and platform',
      { target: 'prod', platforms: ['linux/arm64'] },
      {},
      { buildx: true },
      [...BUILDX, ...COMMON, '--target', 'prod', '--platform', 'linux/arm64', '--push', '.'],
    ],
    [
      'no ref name, no version label',
      {},
      { git: { ...context.git, refName: '' } },
      { buildx: false },
      ['build', ...COMMON.slice(0, -2), '.'],
    ],
    [
      'GitHub Enterprise source',
      {},
      { git: { ...context.git, serverUrl: 'https://ghe.example.com/' } },
      { buildx: false },
      ['build', ...COMMON.map((arg) => arg.replace('https://github.com/', 'https://ghe.example.com/')), '.'],
    ],
  ])('%s', (_name, given, contextOverrides, options, expected) => {
    expect(buildArgs({ ...inputs, ...given }, { ...context, ...contextOverrides }, options)).toEqual(expected)
  })

  test.each<[string, Partial<BuildArgInputs>, string]>([
    [
      'platforms',
      { platforms: ['linux/arm64'] },
      'platforms: building for linux/arm64 needs Docker Buildx, which this runner does not have: add docker/setup-buildx-action before this step, or remove platforms.',
    ],
    [
      'cache-to',
      { cacheTo: ['type=inline'] },
      'cache-to needs Docker Buildx, which this runner does not have: add docker/setup-buildx-action before this step, or remove cache-to.',
    ],
    [
      'cache-from type=',
      { cacheFrom: [`${REPO}:main`, 'type=gha'] },
      `cache-from: "type=gha" is a Buildx cache source, but this runner has no Buildx and the legacy docker builder takes image references only (like ${REPO}:cache): add docker/setup-buildx-action before this step, or give an image reference.`,
    ],
    [
      'bad build-arg name',
      { buildArgs: { 'MY ARG': 'x' } },
      'build-args: "MY ARG" is not a build argument name (letters, digits and _, not starting with a digit); write one NAME=value per line.',
    ],
    [
      'build-arg starting with a digit',
      { buildArgs: { '1X': 'x' } },
      'build-args: "1X" is not a build argument name (letters, digits and _, not starting with a digit); write one NAME=value per line.',
    ],
  ])('legacy builder refuses %s', (_name, given, message) => {
    expect(() => buildArgs({ ...inputs, ...given }, context, { buildx: false })).toThrow(new UserError(message))
  })

  test('no --file when the Dockerfile is left to docker (remote context)', () => {
    const { dockerfile: _dockerfile, ...remote } = context
    expect(buildArgs({ ...inputs, build: 'https://github.com/octo/web.git#main' }, remote, { buildx: false })).toEqual([
      'build',
      ...COMMON.slice(2),
      'https://github.com/octo/web.git#main',
    ])
  })
})

test('effectiveBuildArgs: commit defaults first, user values override', () => {
  expect(effectiveBuildArgs({ COMMIT_HASH: 'x', APP: 'web' }, { sha: SHA })).toEqual([
    ['COMMIT_HASH', 'x'],
    ['GIT_SHA', SHA],
    ['APP', 'web'],
  ])
})

test('imageLabels', () => {
  expect(imageLabels(context)).toEqual([
    ['org.opencontainers.image.revision', SHA],
    ['org.opencontainers.image.source', 'https://github.com/octo/web'],
    ['org.opencontainers.image.created', CREATED],
    ['org.opencontainers.image.version', 'main'],
  ])
})

test('imageLabels outside GitHub (no repository known): no source label rather than the bare server address', () => {
  const labels = imageLabels({ ...context, git: { ...context.git, repository: '' } })
  expect(labels.map(([key]) => key)).not.toContain('org.opencontainers.image.source')
  expect(labels).toContainEqual(['org.opencontainers.image.revision', SHA])
})

describe('secretLikeBuildArgs', () => {
  test.each([
    [{ NODE_ENV: 'production', VERSION: '1' }, []],
    [
      { GITHUB_TOKEN: 'x', DB_PASSWORD: 'y', client_secret: 'z', SSH_KEY: 'k', NODE_ENV: 'p' },
      ['GITHUB_TOKEN', 'DB_PASSWORD', 'client_secret', 'SSH_KEY'],
    ],
  ])('%j → %j', (args, names) => {
    expect(secretLikeBuildArgs(args)).toEqual(names)
  })
})

describe('build essentials in the argv', () => {
  const mounts = {
    secrets: [
      { id: 'npm_token', value: 'never-in-argv-1' },
      { id: 'gh', value: 'never-in-argv-2' },
    ],
    secretFiles: [{ id: 'netrc', path: '/work/repo/.netrc' }],
    ssh: ['default', 'deploy=/tmp/key'],
  }
  const MOUNTS = [
    '--secret',
    'id=npm_token,env=ECS_DEPLOY_BUILD_SECRET_0',
    '--secret',
    'id=gh,env=ECS_DEPLOY_BUILD_SECRET_1',
    '--secret',
    'id=netrc,src=/work/repo/.netrc',
    '--ssh',
    'default',
    '--ssh',
    'deploy=/tmp/key',
  ]

  test.each<[string, Partial<BuildArgInputs>, Partial<BuildContext>, { buildx: boolean }, string[]]>([
    [
      "labels after the action's own: the user's win on the same key",
      { labels: ['org.opencontainers.image.title=web', 'org.opencontainers.image.version=v1.2.3', 'note=a=b'] },
      {},
      { buildx: false },
      [
        'build',
        ...COMMON,
        '--label',
        'org.opencontainers.image.title=web',
        '--label',
        'org.opencontainers.image.version=v1.2.3',
        '--label',
        'note=a=b',
        '.',
      ],
    ],
    [
      'secrets and ssh with buildx: ids and env variable names only',
      {},
      { mounts },
      { buildx: true },
      [...BUILDX, ...COMMON, ...MOUNTS, '--push', '.'],
    ],
    [
      'secrets and ssh with the legacy builder: BuildKit, so plain progress',
      {},
      { mounts },
      { buildx: false },
      ['build', '--progress=plain', ...COMMON, ...MOUNTS, '.'],
    ],
    [
      'no-cache and pull',
      { noCache: true, pull: true },
      {},
      { buildx: false },
      ['build', ...COMMON, '--no-cache', '--pull', '.'],
    ],
    [
      'provenance: false and sbom with buildx',
      { provenance: 'false', sbom: 'true' },
      {},
      { buildx: true },
      [...BUILDX, ...COMMON, '--provenance=false', '--sbom=true', '--push', '.'],
    ],
    [
      'provenance mode=max',
      { provenance: ' mode=max ' },
      {},
      { buildx: true },
      [...BUILDX, ...COMMON, '--provenance=mode=max', '--push', '.'],
    ],
    [
      'cache to and from gha and a registry with buildx',
      {
        cacheFrom: ['type=gha', `type=registry,ref=${REPO}:cache`],
        cacheTo: ['type=gha,mode=max', `type=registry,ref=${REPO}:cache,mode=max,image-manifest=true`],
      },
      {},
      { buildx: true },
      [
        ...BUILDX,
        ...COMMON,
        '--cache-from',
        'type=gha',
        '--cache-from',
        `type=registry,ref=${REPO}:cache`,
        '--cache-to',
        'type=gha,mode=max',
        '--cache-to',
        `type=registry,ref=${REPO}:cache,mode=max,image-manifest=true`,
        '--push',
        '.',
      ],
    ],
    [
      'legacy: provenance false asks nothing of it',
      { provenance: 'false', sbom: 'FALSE' },
      {},
      { buildx: false },
      ['build', ...COMMON, '.'],
    ],
  ])('%s', (_name, given, contextOverrides, options, expected) => {
    const args = buildArgs({ ...inputs, ...given }, { ...context, ...contextOverrides }, options)
    expect(args).toEqual(expected)
    expect(args.join(' ')).not.toContain('never-in-argv')
  })

  test.each<[string, Partial<BuildArgInputs>, string]>([
    [
      'provenance',
      { provenance: 'mode=max' },
      'provenance: "mode=max" asks for an attestation, which needs docker buildx; this runner does not have it: add docker/setup-buildx-action before this step, or set provenance: false.',
    ],
    [
      'sbom',
      { sbom: 'true' },
      'sbom: "true" asks for an attestation, which needs docker buildx; this runner does not have it: add docker/setup-buildx-action before this step, or set sbom: false.',
    ],
  ])('the legacy builder refuses %s', (_name, given, message) => {
    expect(() => buildArgs({ ...inputs, ...given }, context, { buildx: false })).toThrow(new UserError(message))
  })

  test.each([
    [
      'no =',
      ['org.opencontainers.image.title'],
      'labels: line 1 "org.opencontainers.image.title" is not key=value (it has no "="); write one key=value per line, like org.opencontainers.image.title=web.',
    ],
    [
      'bad key',
      ['a=1', ' =x'],
      'labels: line 2 has key "", which is not a label key (letters, digits, . _ / -, starting with a letter or digit).',
    ],
  ])('labels: %s', (_name, lines, message) => {
    expect(() => parseLabels(lines)).toThrow(new UserError(message))
  })
})
