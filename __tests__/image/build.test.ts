import { CloudWatchClient } from '@aws-sdk/client-cloudwatch'
import { CodeDeployClient } from '@aws-sdk/client-codedeploy'
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2'
import { jest } from '@jest/globals'
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { mockClient } from 'aws-sdk-client-mock'
import 'aws-sdk-client-mock-jest'
import {
  CreateRepositoryCommand,
  DescribeImagesCommand,
  DescribeRepositoriesCommand,
  ECRClient,
  GetAuthorizationTokenCommand,
  ImageNotFoundException,
  RepositoryNotFoundException,
} from '@aws-sdk/client-ecr'
import { ECSClient } from '@aws-sdk/client-ecs'
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs'
import type { ExecOptions, ExecResult } from '../../src/common/exec.js'

const core = {
  info: jest.fn(),
  debug: jest.fn(),
  warning: jest.fn(),
  error: jest.fn(),
  setSecret: jest.fn(),
  group: jest.fn(async (_name: string, fn: () => Promise<unknown>) => fn()),
}
/** The engine's log port, recorded. */
const log: Log = {
  info: core.info,
  debug: core.debug,
  warning: core.warning,
  error: core.error,
  secret: core.setSecret,
  group: core.group as Log['group'],
}
/** The registries the build told it logged in to. */
const loggedIn = jest.fn((_registry: string) => undefined)

type Handler = (args: string[], options: ExecOptions) => ExecResult | Promise<ExecResult>
let fakeDocker: Record<string, Handler>
const execCommand = jest.fn(async (command: string, args: string[], options: ExecOptions = {}): Promise<ExecResult> => {
  expect(command).toBe('docker')
  const key = args[0] === 'buildx' ? `buildx ${args[1]}` : (args[0] ?? '')
  const handler = fakeDocker[key]
  if (!handler) throw new Error(`unexpected docker ${args.join(' ')}`)
  return handler(args, options)
})
jest.unstable_mockModule('../../src/common/exec.js', () => ({ execCommand }))

const { buildAndPushImage, logoutRegistries } = await import('../../src/image/index.js')
const { buildKey, reuseTag } = await import('../../src/image/build-key.js')
const { UserError } = await import('../../src/common/errors.js')
type ImageInputs = import('../../src/image/types.js').ImageInputs
type ImageDeps = import('../../src/image/types.js').ImageDeps
type Log = import('../../src/engine/ports.js').Log

const SHA = '0123456789abcdef0123456789abcdef01234567'
const DIGEST = `sha256:${'d'.repeat(64)}`
const OTHER_DIGEST = `sha256:${'e'.repeat(64)}`
const HOST = '123456789012.dkr.ecr.us-east-1.amazonaws.com'
const REPO = `${HOST}/web`
const PASSWORD = 'ecr-password-1234567890'
const TOKEN = Buffer.from(`AWS:${PASSWORD}`).toString('base64')
const PERMISSIONS =
  'ecr:BatchCheckLayerAvailability, ecr:InitiateLayerUpload, ecr:UploadLayerPart, ecr:CompleteLayerUpload, ecr:PutImage'

const ecrMock = mockClient(ECRClient)
let workdir: string
/** The reuse tag of inputs() in workdir: the commit sha and the build key. */
let keyTag: string

function ok(stdout = '', exitCode = 0, stderr = ''): ExecResult {
  return { exitCode, stdout, stderr }
}

/** Plays `lines` through onLine as docker would, then returns them. */
function emit(lines: string[], exitCode = 0): Handler {
  return (_args, options) => {
    for (const line of lines) options.onLine?.(line)
    return ok(lines.join('\n'), exitCode)
  }
}

function pushed(tag: string, digest = DIGEST): string {
  return `The push refers to repository [${REPO}]\n5f70bf18a086: Pushed\n${tag}: digest: ${digest} size: 528`
}

function legacyDocker(): Record<string, Handler> {
  return {
    version: () => ok('28.2.2\n'),
    'buildx version': () => ok('', 1, 'docker: unknown command: docker buildx'),
    login: () => ok('Login Succeeded'),
    build: emit(['Step 1/2 : FROM scratch', 'Step 2/2 : COPY app /app', 'Successfully built 1a2b3c']),
    push: (args) => ok(pushed((args[1] ?? '').split(':').pop() ?? '')),
    logout: () => ok('Removing login credentials'),
  }
}

function buildxDocker(): Record<string, Handler> {
  return {
    ...legacyDocker(),
    'buildx version': () => ok('github.com/docker/buildx v0.24.0 abc'),
    'buildx build': async (args, options) => {
      const file = args[args.indexOf('--metadata-file') + 1] ?? ''
      const pushing = args.includes('--push')
        ? ['#6 pushing layers', '#6 pushing layers 1.2s done']
        : ['#6 importing to image store']
      for (const line of [
        '#5 [2/2] COPY app /app',
        '#5 DONE 0.1s',
        '#6 exporting to image',
        ...pushing,
        '#6 DONE 1.3s',
      ]) {
        options.onLine?.(line)
      }
      await writeFile(file, JSON.stringify({ 'containerimage.digest': DIGEST }))
      return ok()
    },
  }
}

function inputs(overrides: Partial<ImageInputs> = {}): ImageInputs {
  return {
    build: workdir,
    image: REPO,
    buildArgs: {},
    platforms: [],
    tags: [],
    cacheFrom: [],
    cacheTo: [],
    push: true,
    createRepository: false,
    scanOnPush: true,
    immutableTags: false,
    skipBuildIfExists: true,
    logout: true,
    ...overrides,
  }
}

const clients = {
  region: 'us-east-1',
  ecs: new ECSClient({ region: 'us-east-1' }),
  ecr: new ECRClient({ region: 'us-east-1' }),
  logs: new CloudWatchLogsClient({ region: 'us-east-1' }),
  elbv2: new ElasticLoadBalancingV2Client({ region: 'us-east-1' }),
  codedeploy: new CodeDeployClient({ region: 'us-east-1' }),
  cloudwatch: new CloudWatchClient({ region: 'us-east-1' }),
  logsIn: () => new CloudWatchLogsClient({ region: 'us-east-1' }),
  destroy: () => undefined,
}

function deps(overrides: Partial<ImageDeps> = {}): ImageDeps {
  let time = 1_700_000_000_000
  return {
    clients,
    git: { sha: SHA, refName: 'main', repository: 'octo/web', serverUrl: 'https://github.com' },
    // every call moves the clock 1.5 s
    now: () => (time += 1500),
    env: {},
    log,
    loggedIn,
    ...overrides,
  }
}

function dockerCalls(): string[][] {
  return execCommand.mock.calls.map((call) => call[1])
}

function dockerCall(name: string): [string, string[], ExecOptions | undefined] | undefined {
  return execCommand.mock.calls.find((call) => call[1][0] === name) as
    [string, string[], ExecOptions | undefined] | undefined
}

function stubEcr(): void {
  ecrMock.on(GetAuthorizationTokenCommand).resolves({
    authorizationData: [{ authorizationToken: TOKEN, proxyEndpoint: `https://${HOST}` }],
  })
  ecrMock
    .on(DescribeRepositoriesCommand)
    .resolves({ repositories: [{ repositoryName: 'web', imageTagMutability: 'MUTABLE' }] })
  ecrMock.on(DescribeImagesCommand).rejects(new ImageNotFoundException({ message: 'not found', $metadata: {} }))
  ecrMock
    .on(DescribeImagesCommand, { imageIds: [{ imageDigest: DIGEST }] })
    .resolves({ imageDetails: [{ imageDigest: DIGEST, imageTags: [SHA, 'main'], imageSizeInBytes: 3_500_000 }] })
}

beforeEach(async () => {
  ecrMock.reset()
  fakeDocker = legacyDocker()
  workdir = await mkdtemp(path.join(os.tmpdir(), 'image-test-'))
  await writeFile(path.join(workdir, 'Dockerfile'), 'FROM scratch\nCOPY app /app\n')
  keyTag = reuseTag(SHA, await buildKey(inputs(), path.join(workdir, 'Dockerfile'), { sha: SHA }))
  stubEcr()
})

afterEach(async () => {
  await rm(workdir, { recursive: true, force: true })
})

describe('ECR, legacy builder', () => {
  test('logs in, builds, pushes every tag and returns the digest', async () => {
    const built = await buildAndPushImage(inputs(), deps())

    expect(built).toEqual({
      reference: `${REPO}@${DIGEST}`,
      repository: REPO,
      digest: DIGEST,
      tags: [SHA, 'main', keyTag],
      reused: false,
      buildSeconds: 1.5,
      pushSeconds: 1.5,
      sizeBytes: 3_500_000,
      builder: 'docker',
    })
    expect(dockerCalls().map((args) => args.slice(0, 2))).toEqual([
      ['version', '--format'],
      ['buildx', 'version'],
      ['login', '--username'],
      ['build', '--file'],
      ['push', `${REPO}:${SHA}`],
      ['push', `${REPO}:main`],
      ['push', `${REPO}:${keyTag}`],
    ])
    expect(ecrMock).toHaveReceivedCommandWith(GetAuthorizationTokenCommand, { registryIds: ['123456789012'] })
    expect(ecrMock).toHaveReceivedCommandWith(DescribeImagesCommand, {
      repositoryName: 'web',
      registryId: '123456789012',
      imageIds: [{ imageTag: keyTag }],
    })
    expect(core.group).toHaveBeenCalledWith(`Build image ${REPO}`, expect.any(Function))
    expect(core.group).toHaveBeenCalledWith(`Push image ${REPO}`, expect.any(Function))
  })

  test("every docker command of the build carries the run's deadline (a hung build or push is stopped)", async () => {
    const deadline = new AbortController()
    await buildAndPushImage(inputs(), deps({ signal: () => deadline.signal }))
    expect(dockerCalls().length).toBeGreaterThan(5)
    for (const [, args, options] of execCommand.mock.calls)
      expect([args[0], options?.signal]).toEqual([args[0], deadline.signal])
  })

  test('the password goes to stdin only, is a secret first, and the registry is remembered for logout', async () => {
    await buildAndPushImage(inputs(), deps())

    const login = dockerCall('login')
    expect(login?.[1]).toEqual(['login', '--username', 'AWS', '--password-stdin', HOST])
    expect(login?.[2]?.input).toBe(PASSWORD)
    for (const [, args, options] of execCommand.mock.calls) {
      expect(args.join(' ')).not.toContain(PASSWORD)
      expect(args.join(' ')).not.toContain(TOKEN)
      if (args[0] !== 'login') expect(options?.input).toBeUndefined()
    }
    expect(core.setSecret).toHaveBeenCalledWith(PASSWORD)
    expect(core.setSecret).toHaveBeenCalledWith(TOKEN)
    const secretAt = core.setSecret.mock.invocationCallOrder[0] ?? Infinity
    const loginAt =
      execCommand.mock.invocationCallOrder[execCommand.mock.calls.findIndex((call) => call[1][0] === 'login')] ?? 0
    expect(secretAt).toBeLessThan(loginAt)
    expect(loggedIn.mock.calls).toEqual([[HOST]])
  })

  test('logout: false leaves nothing for the post step', async () => {
    await buildAndPushImage(inputs({ logout: false }), deps())
    expect(loggedIn).not.toHaveBeenCalled()
  })

  test('build arguments, labels, target and the Dockerfile reach docker build', async () => {
    await writeFile(path.join(workdir, 'web.Dockerfile'), 'FROM scratch\n')
    const dockerfile = path.join(workdir, 'web.Dockerfile')
    await buildAndPushImage(
      inputs({ dockerfile, target: 'prod', buildArgs: { NODE_ENV: 'production' }, tags: ['v1'] }),
      deps(),
    )
    const args = dockerCall('build')?.[1]
    expect(args).toEqual([
      'build',
      '--file',
      dockerfile,
      '--tag',
      `${REPO}:v1`,
      '--tag',
      expect.stringMatching(new RegExp(`^${REPO}:${SHA}-[a-f0-9]{12}$`)),
      '--build-arg',
      `COMMIT_HASH=${SHA}`,
      '--build-arg',
      `GIT_SHA=${SHA}`,
      '--build-arg',
      'NODE_ENV=production',
      '--label',
      `org.opencontainers.image.revision=${SHA}`,
      '--label',
      'org.opencontainers.image.source=https://github.com/octo/web',
      '--label',
      expect.stringMatching(/^org\.opencontainers\.image\.created=2023-11-14T22:13:2\d\.\d{3}Z$/),
      '--label',
      'org.opencontainers.image.version=main',
      '--label',
      expect.stringMatching(/^org\.ecs-deploy-action\.build-key=[a-f0-9]{64}$/),
      '--target',
      'prod',
      workdir,
    ])
  })

  test('cache-from images are pulled for the legacy builder; a missing one only warns', async () => {
    fakeDocker.pull = (args) => (args[1] === `${REPO}:cache` ? ok('', 1, 'manifest unknown') : ok('pulled'))
    await buildAndPushImage(inputs({ cacheFrom: [`${REPO}:main`, `${REPO}:cache`] }), deps())
    expect(dockerCalls().filter((args) => args[0] === 'pull')).toEqual([
      ['pull', `${REPO}:main`],
      ['pull', `${REPO}:cache`],
    ])
    expect(core.warning).toHaveBeenCalledWith(
      `cache-from: could not pull ${REPO}:cache (manifest unknown); building without it.`,
    )
    const build = dockerCall('build')?.[1] ?? []
    expect(build.filter((_arg, i) => build[i - 1] === '--cache-from')).toEqual([`${REPO}:main`, `${REPO}:cache`])
    const loginAt = dockerCalls().findIndex((args) => args[0] === 'login')
    expect(loginAt).toBeLessThan(dockerCalls().findIndex((args) => args[0] === 'pull'))
  })

  test('the digest comes from ECR when docker does not print it', async () => {
    fakeDocker.push = () => ok('The push refers to repository [x]\nPushed')
    ecrMock
      .on(DescribeImagesCommand, { imageIds: [{ imageTag: SHA }] })
      .resolves({ imageDetails: [{ imageDigest: OTHER_DIGEST, imageSizeInBytes: 10 }] })
    const built = await buildAndPushImage(inputs(), deps())
    expect(built.reference).toBe(`${REPO}@${OTHER_DIGEST}`)
    expect(built.sizeBytes).toBe(10)
  })

  test('no digest anywhere is an error, not a guess', async () => {
    fakeDocker.push = () => ok('Pushed')
    ecrMock.on(DescribeImagesCommand).resolves({ imageDetails: [] })
    await expect(buildAndPushImage(inputs(), deps())).rejects.toThrow(
      `Pushed ${REPO}:${SHA} but could not tell its digest: neither docker nor the registry reported it.`,
    )
  })

  test('a failed size lookup after the push does not fail the run', async () => {
    ecrMock.on(DescribeImagesCommand, { imageIds: [{ imageDigest: DIGEST }] }).rejects(new Error('throttled'))
    const built = await buildAndPushImage(inputs(), deps())
    expect(built.digest).toBe(DIGEST)
    expect(built.sizeBytes).toBeUndefined()
  })

  test('a tag or digest on image is ignored', async () => {
    const built = await buildAndPushImage(inputs({ image: `${REPO}:old` }), deps())
    expect(built.reference).toBe(`${REPO}@${DIGEST}`)
    expect(core.info).toHaveBeenCalledWith(`image: "${REPO}:old" names a tag, which is ignored when building.`)
  })
})

describe('ECR, buildx', () => {
  test('pushes within the build and reads the digest from the metadata file', async () => {
    fakeDocker = buildxDocker()
    const built = await buildAndPushImage(inputs({ platforms: ['linux/amd64', 'linux/arm64'] }), deps())
    expect(built).toMatchObject({
      reference: `${REPO}@${DIGEST}`,
      builder: 'buildx',
      reused: false,
      sizeBytes: 3_500_000,
    })
    // clock: build starts at t, "pushing" seen at t+1.5 s, build ends at t+3 s
    expect(built.buildSeconds).toBe(1.5)
    expect(built.pushSeconds).toBe(1.5)
    const args = execCommand.mock.calls.find((call) => call[1][1] === 'build')?.[1] ?? []
    expect(args.slice(0, 3)).toEqual(['buildx', 'build', '--progress=plain'])
    expect(args).toContain('--push')
    expect(args[args.indexOf('--platform') + 1]).toBe('linux/amd64,linux/arm64')
    expect(dockerCall('push')).toBeUndefined()
  })

  test('a push failure inside the build is reported as a push failure', async () => {
    fakeDocker = buildxDocker()
    fakeDocker['buildx build'] = emit(
      [
        '#6 exporting to image',
        '#6 pushing layers',
        `#6 ERROR: failed to push ${REPO}:main: unexpected status: 400 Bad Request: tag invalid: The image tag 'main' already exists in the 'web' repository and cannot be overwritten because the repository is immutable.`,
        `ERROR: failed to solve: failed to push ${REPO}:main: unexpected status: 400 Bad Request`,
      ],
      1,
    )
    await expect(buildAndPushImage(inputs(), deps())).rejects.toThrow(
      new UserError(
        `The tag "main" already exists in ${REPO} for another image, and the repository's tags are immutable: push a unique tag instead (the commit sha is one; remove this tag from tags).`,
      ),
    )
  })

  test('a build failure is annotated on the Dockerfile line BuildKit names', async () => {
    fakeDocker = buildxDocker()
    fakeDocker['buildx build'] = emit(
      [
        '#5 [2/2] RUN exit 3',
        '#5 ERROR: process "/bin/sh -c exit 3" did not complete successfully: exit code: 3',
        'Dockerfile:2',
        '--------------------',
        '   1 |     FROM scratch',
        '   2 | >>> RUN exit 3',
        '--------------------',
        'ERROR: failed to solve: process "/bin/sh -c exit 3" did not complete successfully: exit code: 3',
      ],
      1,
    )
    const dockerfile = path.join(workdir, 'Dockerfile')
    const message = [
      `Docker build failed at ${dockerfile}:2 (RUN exit 3):`,
      '  ERROR: process "/bin/sh -c exit 3" did not complete successfully: exit code: 3',
      '  ERROR: failed to solve: process "/bin/sh -c exit 3" did not complete successfully: exit code: 3',
    ].join('\n')
    await expect(buildAndPushImage(inputs(), deps())).rejects.toThrow(new UserError(message))
    expect(core.error).toHaveBeenCalledWith(message, { title: 'Docker build failed', file: dockerfile, startLine: 2 })
  })

  test('push: false loads the image locally and asks nothing of the registry', async () => {
    fakeDocker = buildxDocker()
    const built = await buildAndPushImage(inputs({ push: false }), deps())
    expect(built).toEqual({
      reference: `${REPO}:${SHA}`,
      repository: REPO,
      digest: '',
      tags: [SHA, 'main'],
      reused: false,
      buildSeconds: 1.5,
      pushSeconds: 0,
      builder: 'buildx',
    })
    expect(ecrMock.calls()).toHaveLength(0)
    expect(dockerCall('login')).toBeUndefined()
    const args = execCommand.mock.calls.find((call) => call[1][1] === 'build')?.[1] ?? []
    expect(args).toContain('--load')
    expect(args).not.toContain('--push')
  })
})

describe('skip-build-if-exists', () => {
  test('reuses the image already pushed for the commit with the same build key, without docker', async () => {
    ecrMock.on(DescribeImagesCommand, { imageIds: [{ imageTag: keyTag }] }).resolves({
      imageDetails: [
        {
          imageDigest: OTHER_DIGEST,
          imageTags: ['main', SHA],
          imageSizeInBytes: 42,
          imagePushedAt: new Date('2025-01-01T00:00:00Z'),
        },
      ],
    })
    const built = await buildAndPushImage(inputs(), deps())
    expect(built).toEqual({
      reference: `${REPO}@${OTHER_DIGEST}`,
      repository: REPO,
      digest: OTHER_DIGEST,
      tags: ['main', SHA],
      reused: true,
      buildSeconds: 0,
      pushSeconds: 0,
      sizeBytes: 42,
      builder: 'none',
    })
    expect(execCommand).not.toHaveBeenCalled()
    expect(core.info).toHaveBeenCalledWith(
      `reused ${REPO}@${OTHER_DIGEST}: built from the same commit with the same Dockerfile/target/build-args/platforms (key ${keyTag.slice(-12)}, pushed 2025-01-01T00:00:00.000Z); not building (skip-build-if-exists).`,
    )
  })

  test('false: always builds', async () => {
    await buildAndPushImage(inputs({ skipBuildIfExists: false }), deps())
    expect(ecrMock).not.toHaveReceivedCommandWith(DescribeImagesCommand, { imageIds: [{ imageTag: SHA }] })
    expect(dockerCall('build')).toBeDefined()
  })

  test('an image of the commit built another way (only the sha tag matches) is not reused: it builds, and says why', async () => {
    ecrMock
      .on(DescribeImagesCommand, { imageIds: [{ imageTag: SHA }] })
      .resolves({ imageDetails: [{ imageDigest: OTHER_DIGEST, imageTags: [SHA] }] })
    const built = await buildAndPushImage(inputs(), deps())
    expect(built.reused).toBe(false)
    expect(dockerCall('build')).toBeDefined()
    expect(core.info).toHaveBeenCalledWith(
      `rebuilding: no image of this commit with build key ${keyTag.slice(-12)} (no tag ${keyTag} in ${REPO}).`,
    )
  })

  test('tags without the sha: the reuse tag still finds the commit’s image, and is pushed with the user’s tags', async () => {
    const built = await buildAndPushImage(inputs({ tags: ['latest'] }), deps())
    expect(ecrMock).toHaveReceivedCommandWith(DescribeImagesCommand, { imageIds: [{ imageTag: keyTag }] })
    expect(built.tags).toEqual(['latest', keyTag])
  })

  test('a missing repository is not a reusable image', async () => {
    ecrMock
      .on(DescribeImagesCommand, { imageIds: [{ imageTag: keyTag }] })
      .rejects(new RepositoryNotFoundException({ message: 'x', $metadata: {} }))
    expect((await buildAndPushImage(inputs(), deps())).reused).toBe(false)
  })
})

describe('create-repository', () => {
  beforeEach(() => {
    ecrMock.on(DescribeRepositoriesCommand).rejects(new RepositoryNotFoundException({ message: 'no', $metadata: {} }))
  })

  test('missing and create-repository false: says how to fix it, before building', async () => {
    await expect(buildAndPushImage(inputs(), deps())).rejects.toThrow(
      new UserError(
        'ECR repository web does not exist in 123456789012/us-east-1: create it, or set create-repository: true.',
      ),
    )
    expect(execCommand).not.toHaveBeenCalled()
  })

  test('what the builder cannot do is refused before the repository is created', async () => {
    await expect(buildAndPushImage(inputs({ createRepository: true, sbom: 'true' }), deps())).rejects.toThrow(
      new UserError(
        'sbom: "true" asks for an attestation, which needs docker buildx; this runner does not have it: add docker/setup-buildx-action before this step, or set sbom: false.',
      ),
    )
    expect(ecrMock).not.toHaveReceivedCommand(CreateRepositoryCommand)
    expect(dockerCall('login')).toBeUndefined()
  })

  test('creates it with scan-on-push and immutable tags; immutable tags keep only the sha by default', async () => {
    ecrMock
      .on(CreateRepositoryCommand)
      .resolves({ repository: { repositoryName: 'web', imageTagMutability: 'IMMUTABLE' } })
    const built = await buildAndPushImage(inputs({ createRepository: true, immutableTags: true }), deps())
    expect(ecrMock).toHaveReceivedCommandWith(CreateRepositoryCommand, {
      repositoryName: 'web',
      registryId: '123456789012',
      imageScanningConfiguration: { scanOnPush: true },
      imageTagMutability: 'IMMUTABLE',
    })
    expect(built.tags).toEqual([SHA, keyTag])
    expect(dockerCalls().filter((args) => args[0] === 'push')).toEqual([
      ['push', `${REPO}:${SHA}`],
      ['push', `${REPO}:${keyTag}`],
    ])
  })

  test('mutable, no scanning', async () => {
    ecrMock
      .on(CreateRepositoryCommand)
      .resolves({ repository: { repositoryName: 'web', imageTagMutability: 'MUTABLE' } })
    const built = await buildAndPushImage(inputs({ createRepository: true, scanOnPush: false }), deps())
    expect(ecrMock).toHaveReceivedCommandWith(CreateRepositoryCommand, {
      imageScanningConfiguration: { scanOnPush: false },
      imageTagMutability: 'MUTABLE',
    })
    expect(built.tags).toEqual([SHA, 'main', keyTag])
  })

  test('not allowed to create', async () => {
    ecrMock.on(CreateRepositoryCommand).rejects(
      Object.assign(new Error('User x is not authorized to perform: ecr:CreateRepository'), {
        name: 'AccessDeniedException',
      }),
    )
    await expect(buildAndPushImage(inputs({ createRepository: true }), deps())).rejects.toMatchObject({
      name: 'UserError',
      message:
        'AWS denied ecr:CreateRepository on 123456789012/us-east-1: User x is not authorized to perform: ecr:CreateRepository. Grant ecr:CreateRepository to the role this workflow uses (README, "IAM permissions").',
    })
  })
})

describe('immutable repository with exclusions', () => {
  test('a branch tag matching an exclusion filter stays', async () => {
    ecrMock.on(DescribeRepositoriesCommand).resolves({
      repositories: [
        {
          imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION',
          imageTagMutabilityExclusionFilters: [{ filterType: 'WILDCARD', filter: 'ma*' }],
        },
      ],
    })
    expect((await buildAndPushImage(inputs(), deps())).tags).toEqual([SHA, 'main', keyTag])
  })

  test('a branch tag not matching it goes', async () => {
    ecrMock.on(DescribeRepositoriesCommand).resolves({
      repositories: [
        {
          imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION',
          imageTagMutabilityExclusionFilters: [{ filterType: 'WILDCARD', filter: 'release-*' }],
        },
      ],
    })
    expect((await buildAndPushImage(inputs(), deps())).tags).toEqual([SHA, keyTag])
  })

  test('tags the user chose are pushed as they are', async () => {
    ecrMock.on(DescribeRepositoriesCommand).resolves({ repositories: [{ imageTagMutability: 'IMMUTABLE' }] })
    expect((await buildAndPushImage(inputs({ tags: [SHA, 'main'] }), deps())).tags).toEqual([SHA, 'main', keyTag])
  })
})

describe('which registry', () => {
  test('an image in another region gets a client for that region', async () => {
    const ecrClientFor = jest.fn((region: string) => new ECRClient({ region }))
    const host = '123456789012.dkr.ecr.eu-west-1.amazonaws.com'
    ecrMock
      .on(GetAuthorizationTokenCommand)
      .resolves({ authorizationData: [{ authorizationToken: TOKEN, proxyEndpoint: `https://${host}` }] })
    fakeDocker.push = (args) => ok(`${args[1]}: digest: ${DIGEST} size: 1`)
    const built = await buildAndPushImage(inputs({ image: `${host}/web` }), deps({ ecrClientFor }))
    expect(ecrClientFor).toHaveBeenCalledWith('eu-west-1')
    expect(built.reference).toBe(`${host}/web@${DIGEST}`)
    expect(dockerCall('login')?.[1]).toEqual(['login', '--username', 'AWS', '--password-stdin', host])
  })

  test('another account: registryIds names it', async () => {
    const host = '210987654321.dkr.ecr.us-east-1.amazonaws.com'
    ecrMock
      .on(GetAuthorizationTokenCommand)
      .resolves({ authorizationData: [{ authorizationToken: TOKEN, proxyEndpoint: `https://${host}` }] })
    await buildAndPushImage(inputs({ image: `${host}/team/web` }), deps())
    expect(ecrMock).toHaveReceivedCommandWith(GetAuthorizationTokenCommand, { registryIds: ['210987654321'] })
    expect(ecrMock).toHaveReceivedCommandWith(DescribeRepositoriesCommand, {
      repositoryNames: ['team/web'],
      registryId: '210987654321',
    })
  })

  test('custom ECR endpoint (local stack): the image host is ECR when proxyEndpoint names it; one token serves both', async () => {
    ecrMock.on(GetAuthorizationTokenCommand).resolves({
      authorizationData: [{ authorizationToken: TOKEN, proxyEndpoint: 'http://127.0.0.1:5000' }],
    })
    ecrMock
      .on(DescribeImagesCommand, { imageIds: [{ imageTag: SHA }] })
      .rejects(new ImageNotFoundException({ message: 'no', $metadata: {} }))
    const built = await buildAndPushImage(
      inputs({ image: '127.0.0.1:5000/web' }),
      deps({ env: { AWS_ENDPOINT_URL_ECR: 'http://127.0.0.1:4566' } }),
    )
    expect(ecrMock).toHaveReceivedCommandTimes(GetAuthorizationTokenCommand, 1)
    expect(ecrMock).toHaveReceivedCommandWith(GetAuthorizationTokenCommand, {})
    expect(ecrMock).toHaveReceivedCommandWith(DescribeRepositoriesCommand, { repositoryNames: ['web'] })
    expect(dockerCall('login')?.[1]).toEqual(['login', '--username', 'AWS', '--password-stdin', '127.0.0.1:5000'])
    expect(built.reference).toBe(`127.0.0.1:5000/web@${DIGEST}`)
  })

  test('custom ECR endpoint whose registry is elsewhere: the image host is another registry', async () => {
    ecrMock.on(GetAuthorizationTokenCommand).resolves({
      authorizationData: [{ authorizationToken: TOKEN, proxyEndpoint: 'http://127.0.0.1:6000' }],
    })
    await buildAndPushImage(
      inputs({ image: '127.0.0.1:5000/web' }),
      deps({ env: { AWS_ENDPOINT_URL: 'http://127.0.0.1:4566' } }),
    )
    expect(ecrMock).not.toHaveReceivedCommand(DescribeRepositoriesCommand)
    expect(dockerCall('login')).toBeUndefined()
    expect(core.info).toHaveBeenCalledWith(
      "127.0.0.1:5000 is treated as a registry other than ECR: ECR's registry is 127.0.0.1:6000.",
    )
  })

  test('another registry with registry-username/password: logs in with them, password on stdin', async () => {
    fakeDocker.push = (args) => ok(`${args[1]}: digest: ${DIGEST} size: 1`)
    const built = await buildAndPushImage(
      inputs({ image: 'ghcr.io/octo/web', registryUsername: 'octo', registryPassword: 'ghp_secret' }),
      deps(),
    )
    expect(ecrMock.calls()).toHaveLength(0)
    const login = dockerCall('login')
    expect(login?.[1]).toEqual(['login', '--username', 'octo', '--password-stdin', 'ghcr.io'])
    expect(login?.[2]?.input).toBe('ghp_secret')
    expect(core.setSecret).toHaveBeenCalledWith('ghp_secret')
    expect(dockerCalls().flat()).not.toContain('ghp_secret')
    expect(built).toMatchObject({ reference: `ghcr.io/octo/web@${DIGEST}`, tags: [SHA, 'main'] })
    expect(built.sizeBytes).toBeUndefined()
    expect(loggedIn.mock.calls).toEqual([['ghcr.io']])
  })

  test('another registry without credentials: pushes without logging in', async () => {
    fakeDocker.push = (args) => ok(`${args[1]}: digest: ${DIGEST} size: 1`)
    await buildAndPushImage(inputs({ image: '127.0.0.1:5000/web' }), deps())
    expect(dockerCall('login')).toBeUndefined()
    expect(dockerCall('push')).toBeDefined()
  })

  test('only one of registry-username and registry-password', async () => {
    await expect(
      buildAndPushImage(inputs({ image: 'ghcr.io/octo/web', registryUsername: 'octo' }), deps()),
    ).rejects.toThrow(new UserError('registry-username and registry-password go together: set both, or neither.'))
  })

  test('ECR login refused by docker', async () => {
    fakeDocker.login = () =>
      ok('', 1, 'Error response from daemon: login attempt to https://x/v2/ failed with status: 400 Bad Request')
    await expect(buildAndPushImage(inputs(), deps())).rejects.toThrow(
      new UserError(
        `docker login to ${HOST} failed (Error response from daemon: login attempt to https://x/v2/ failed with status: 400 Bad Request): ECR refused the token it had just issued for 123456789012/us-east-1; check that the registry answers at ${HOST}.`,
      ),
    )
  })

  test('not allowed to get an ECR token', async () => {
    ecrMock.on(GetAuthorizationTokenCommand).rejects(
      Object.assign(new Error('not authorized to perform: ecr:GetAuthorizationToken'), {
        name: 'AccessDeniedException',
      }),
    )
    await expect(buildAndPushImage(inputs(), deps())).rejects.toMatchObject({
      name: 'UserError',
      message:
        'AWS denied ecr:GetAuthorizationToken on 123456789012/us-east-1: not authorized to perform: ecr:GetAuthorizationToken. Grant ecr:GetAuthorizationToken to the role this workflow uses (README, "IAM permissions").',
    })
  })
})

describe('bad input and faults', () => {
  test('Docker missing', async () => {
    execCommand.mockRejectedValueOnce(
      new Error(
        'Unable to locate executable file: docker. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.',
      ),
    )
    await expect(buildAndPushImage(inputs(), deps())).rejects.toThrow(
      new UserError(
        'Docker is not installed on this runner (no `docker` on PATH): use a runner that has Docker (ubuntu-latest does), or omit `build` and deploy an existing `image`.',
      ),
    )
  })

  test('daemon not running', async () => {
    fakeDocker.version = () =>
      ok('', 1, 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?')
    await expect(buildAndPushImage(inputs(), deps())).rejects.toThrow(
      new UserError(
        'The Docker daemon is not running (docker said: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?): start it before this step, or use a runner where Docker runs (ubuntu-latest does).',
      ),
    )
  })

  test('default Dockerfile missing, checked before anything runs', async () => {
    await rm(path.join(workdir, 'Dockerfile'))
    await expect(buildAndPushImage(inputs(), deps())).rejects.toThrow(
      new UserError(
        `No Dockerfile in the build context "${workdir}" (looked for ${path.join(workdir, 'Dockerfile')}): add one, or set dockerfile to its path.`,
      ),
    )
    expect(execCommand).not.toHaveBeenCalled()
    expect(ecrMock.calls()).toHaveLength(0)
  })

  test('dockerfile input names a missing file', async () => {
    const missing = path.join(workdir, 'nope', 'Dockerfile')
    await expect(buildAndPushImage(inputs({ dockerfile: missing }), deps())).rejects.toThrow(
      new UserError(
        `dockerfile: "${missing}" does not exist (looked at ${missing}): give the Dockerfile's path relative to the repository root.`,
      ),
    )
  })

  test('dockerfile input names a directory', async () => {
    await mkdir(path.join(workdir, 'dir'))
    const dir = path.join(workdir, 'dir')
    await expect(buildAndPushImage(inputs({ dockerfile: dir }), deps())).rejects.toThrow(
      `dockerfile: "${dir}" does not exist`,
    )
  })

  test('build context missing', async () => {
    const missing = path.join(workdir, 'app')
    await expect(buildAndPushImage(inputs({ build: missing }), deps())).rejects.toThrow(
      new UserError(
        `build: the build context "${missing}" is not a directory (looked at ${missing}): give the directory to build, relative to the repository root.`,
      ),
    )
  })

  test('a remote build context is left to docker', async () => {
    fakeDocker.push = (args) => ok(`${args[1]}: digest: ${DIGEST} size: 1`)
    await buildAndPushImage(inputs({ build: 'https://github.com/octo/web.git#main' }), deps())
    expect(dockerCall('build')?.[1]).not.toContain('--file')
    expect(dockerCall('build')?.[1].at(-1)).toBe('https://github.com/octo/web.git#main')
  })

  test('legacy build failure names the Dockerfile line and annotates it', async () => {
    await writeFile(path.join(workdir, 'Dockerfile'), '# app\nFROM scratch\n\nCOPY app /app\nRUN ["/app", "--check"]\n')
    fakeDocker.build = emit(
      [
        'Step 1/3 : FROM scratch',
        ' ---> ',
        'Step 2/3 : COPY app /app',
        ' ---> 1a2b3c4d',
        'Step 3/3 : RUN ["/app", "--check"]',
        ' ---> Running in 9f8e7d6c',
        'check failed: config missing',
        "The command '/app --check' returned a non-zero code: 2",
      ],
      1,
    )
    const dockerfile = path.join(workdir, 'Dockerfile')
    const message = [
      `Docker build failed at ${dockerfile}:5 (RUN ["/app", "--check"]):`,
      '  check failed: config missing',
      "  The command '/app --check' returned a non-zero code: 2",
    ].join('\n')
    await expect(buildAndPushImage(inputs(), deps())).rejects.toThrow(new UserError(message))
    expect(core.error).toHaveBeenCalledWith(message, { title: 'Docker build failed', file: dockerfile, startLine: 5 })
    expect(dockerCall('push')).toBeUndefined()
  })

  test('build failure without a line: no file annotation', async () => {
    fakeDocker.build = emit(['something broke'], 1)
    await expect(buildAndPushImage(inputs(), deps())).rejects.toThrow(
      new UserError('Docker build failed (exit code 1):\n  something broke'),
    )
    expect(core.error).not.toHaveBeenCalled()
  })

  test('push denied names the ECR permissions', async () => {
    const denied =
      'denied: User: arn:aws:sts::123456789012:assumed-role/gha/1 is not authorized to perform: ecr:InitiateLayerUpload on resource: arn:aws:ecr:us-east-1:123456789012:repository/web'
    fakeDocker.push = () => ok(`The push refers to repository [${REPO}]`, 1, denied)
    await expect(buildAndPushImage(inputs(), deps())).rejects.toThrow(
      new UserError(
        `Pushing to ${REPO} was denied (registry said: ${denied}): the role this job runs as needs ${PERMISSIONS} on that repository (and ecr:GetAuthorizationToken).`,
      ),
    )
  })

  test('repository missing at push time (the role may not describe repositories)', async () => {
    ecrMock
      .on(DescribeRepositoriesCommand)
      .rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException' }))
    fakeDocker.push = () =>
      ok('', 1, "name unknown: The repository with name 'web' does not exist in the registry with id '123456789012'")
    await expect(buildAndPushImage(inputs(), deps())).rejects.toThrow(
      new UserError(
        'ECR repository web does not exist in 123456789012/us-east-1: create it, or set create-repository: true.',
      ),
    )
  })

  test('immutable tag already holding another image', async () => {
    fakeDocker.push = (args) =>
      args[1] === `${REPO}:main`
        ? ok(
            '',
            1,
            "tag invalid: The image tag 'main' already exists in the 'web' repository and cannot be overwritten because the repository is immutable.",
          )
        : ok(pushed(SHA))
    await expect(buildAndPushImage(inputs(), deps())).rejects.toThrow(
      new UserError(
        `The tag "main" already exists in ${REPO} for another image, and the repository's tags are immutable: push a unique tag instead (the commit sha is one; remove this tag from tags).`,
      ),
    )
  })

  test('an unrecognised push failure keeps docker’s words', async () => {
    fakeDocker.push = () => ok('', 1, 'dial tcp: i/o timeout')
    await expect(buildAndPushImage(inputs(), deps())).rejects.toThrow(
      `docker push ${REPO}:${SHA} failed with exit code 1:\n  dial tcp: i/o timeout`,
    )
  })

  test('invalid tag characters', async () => {
    await expect(buildAndPushImage(inputs({ tags: ['feature/x'] }), deps())).rejects.toThrow(
      new UserError(
        'tags: "feature/x" is not a valid Docker tag (letters, digits, _ . and - only, not starting with . or -, at most 128 characters); "feature-x" would be.',
      ),
    )
  })

  test('invalid image reference', async () => {
    await expect(buildAndPushImage(inputs({ image: `${HOST}/Web` }), deps())).rejects.toThrow(
      new UserError(`image "${HOST}/Web" is not a valid image reference: repository names must be lowercase ("Web").`),
    )
  })

  test('platforms need buildx', async () => {
    await expect(buildAndPushImage(inputs({ platforms: ['linux/arm64'] }), deps())).rejects.toThrow(
      'platforms: building for linux/arm64 needs Docker Buildx, which this runner does not have: add docker/setup-buildx-action before this step, or remove platforms.',
    )
    expect(dockerCall('login')).toBeUndefined()
  })
})

describe('logoutRegistries', () => {
  test('logs out of every registry the main step logged in to', async () => {
    await logoutRegistries([HOST, 'ghcr.io'], log)
    expect(dockerCalls()).toEqual([
      ['logout', HOST],
      ['logout', 'ghcr.io'],
    ])
  })

  test('nothing saved: nothing to do', async () => {
    await logoutRegistries([], log)
    expect(execCommand).not.toHaveBeenCalled()
  })

  test('a failing logout warns and goes on', async () => {
    fakeDocker.logout = (args) => (args[1] === 'a.example.com' ? ok('', 1, 'boom') : ok())
    await logoutRegistries(['a.example.com', 'b.example.com'], log)
    expect(core.warning).toHaveBeenCalledWith('docker logout a.example.com failed: boom')
    expect(dockerCalls()).toHaveLength(2)
  })

  test('a logout with no answer is stopped at its timeout, warns, and the next one still runs', async () => {
    fakeDocker.logout = (args, options) =>
      args[1] === 'a.example.com'
        ? new Promise((resolve) =>
            options.signal?.addEventListener('abort', () => resolve({ ...ok('', 1), stopped: true })),
          )
        : ok()
    await logoutRegistries(['a.example.com', 'b.example.com'], log, 50)
    expect(core.warning).toHaveBeenCalledWith('docker logout a.example.com failed: no answer in 0.05 s, it was stopped')
    expect(core.info).toHaveBeenCalledWith('Logged out of b.example.com.')
  })

  test('docker gone in the post step: warns, never throws', async () => {
    execCommand.mockRejectedValueOnce(new Error('Unable to locate executable file: docker.'))
    await expect(logoutRegistries(['a.example.com'], log)).resolves.toBeUndefined()
    expect(core.warning).toHaveBeenCalledWith(
      expect.stringContaining('docker logout a.example.com failed: Docker is not installed'),
    )
  })
})

describe('build essentials', () => {
  const SECRET = 'npm-token-value-42'

  test("legacy builder with build secrets: DOCKER_BUILDKIT=1 and the value in docker's environment, never its argv", async () => {
    await writeFile(path.join(workdir, '.netrc'), 'machine example.com')
    await buildAndPushImage(
      inputs({ buildSecrets: [`npm=${SECRET}`], buildSecretFiles: ['netrc=.netrc'], ssh: ['default'] }),
      deps({ git: { ...deps().git, workspace: workdir }, env: { SSH_AUTH_SOCK: '/tmp/agent.sock' } }),
    )
    const build = dockerCall('build')
    expect(build?.[1]).toEqual(
      expect.arrayContaining([
        '--progress=plain',
        '--secret',
        'id=npm,env=ECS_DEPLOY_BUILD_SECRET_0',
        `id=netrc,src=${path.join(workdir, '.netrc')}`,
        '--ssh',
        'default',
      ]),
    )
    expect(build?.[2]?.env).toEqual({ ECS_DEPLOY_BUILD_SECRET_0: SECRET, DOCKER_BUILDKIT: '1' })
    for (const [, args, options] of execCommand.mock.calls) {
      expect(args.join(' ')).not.toContain(SECRET)
      if (args[0] !== 'build') expect(options?.env ?? {}).toEqual({})
    }
    for (const [line] of core.info.mock.calls) expect(String(line)).not.toContain(SECRET)
  })

  test('buildx with a build secret: no DOCKER_BUILDKIT (buildx is BuildKit), the value in the environment', async () => {
    fakeDocker = buildxDocker()
    await buildAndPushImage(inputs({ buildSecrets: [`npm=${SECRET}`] }), deps())
    const build = execCommand.mock.calls.find((call) => call[1][0] === 'buildx' && call[1][1] === 'build')
    expect(build?.[1]).toContain('id=npm,env=ECS_DEPLOY_BUILD_SECRET_0')
    expect(build?.[2]?.env).toEqual({ ECS_DEPLOY_BUILD_SECRET_0: SECRET })
  })

  test('a secret by id alone is read from the environment and masked before docker runs', async () => {
    await buildAndPushImage(inputs({ buildSecrets: ['NPM_TOKEN'] }), deps({ env: { NPM_TOKEN: SECRET } }))
    expect(dockerCall('build')?.[2]?.env).toMatchObject({ ECS_DEPLOY_BUILD_SECRET_0: SECRET })
    expect(dockerCall('build')?.[1]).toContain('id=NPM_TOKEN,env=ECS_DEPLOY_BUILD_SECRET_0')
    expect(core.setSecret).toHaveBeenCalledWith(SECRET)
    const maskedAt = core.setSecret.mock.invocationCallOrder[core.setSecret.mock.calls.findIndex(([v]) => v === SECRET)]
    expect(maskedAt).toBeLessThan(execCommand.mock.invocationCallOrder[0] ?? 0)
  })

  test('a docker that needs buildx for BuildKit: the error names the inputs and how to get buildx', async () => {
    fakeDocker.build = () =>
      ok(
        '',
        1,
        'ERROR: BuildKit is enabled but the buildx component is missing or broken.\n       Install the buildx component to build images with BuildKit:',
      )
    await expect(
      buildAndPushImage(
        inputs({ buildSecrets: [`npm=${SECRET}`], ssh: ['default'] }),
        deps({ env: { SSH_AUTH_SOCK: '/tmp/agent.sock' } }),
      ),
    ).rejects.toThrow(
      new UserError(
        "build-secrets and ssh need docker buildx: this runner's docker builds with BuildKit (which mounts secrets and SSH) only through buildx, which is not installed. Add docker/setup-buildx-action before this step.",
      ),
    )
    expect(dockerCall('push')).toBeUndefined()
  })

  test('a bad secret file is refused before docker or ECR is asked anything', async () => {
    await expect(
      buildAndPushImage(
        inputs({ buildSecretFiles: ['netrc=.netrc'] }),
        deps({ git: { ...deps().git, workspace: workdir } }),
      ),
    ).rejects.toThrow(
      new UserError(
        `build.secret-files: secret "netrc" names .netrc, which is not a file (looked at ${path.join(workdir, '.netrc')}): write the secret to that file in an earlier step, or fix the path.`,
      ),
    )
    expect(execCommand).not.toHaveBeenCalled()
    expect(ecrMock.calls()).toHaveLength(0)
  })

  test('one id in both secret inputs is refused', async () => {
    await writeFile(path.join(workdir, 'npmrc'), 'x')
    await expect(
      buildAndPushImage(
        inputs({ buildSecrets: ['npm=x'], buildSecretFiles: ['npm=npmrc'] }),
        deps({ git: { ...deps().git, workspace: workdir } }),
      ),
    ).rejects.toThrow(
      new UserError(
        'Secret id "npm" is in both build-secrets and build-secret-files: the build would get only one; give it once.',
      ),
    )
  })

  test("metadata-action's full references push their tags; labels reach the build", async () => {
    const built = await buildAndPushImage(
      inputs({ tags: [`${REPO}:sha-0123456`, `${REPO}:main`], labels: ['org.opencontainers.image.title=web'] }),
      deps(),
    )
    expect(built.tags).toEqual(['sha-0123456', 'main', keyTag])
    expect(dockerCall('build')?.[1]).toEqual(expect.arrayContaining(['--label', 'org.opencontainers.image.title=web']))
    expect(dockerCall('push')?.[1]).toEqual(['push', `${REPO}:sha-0123456`])
  })

  test('a bad label is refused before anything runs', async () => {
    await expect(buildAndPushImage(inputs({ labels: ['title'] }), deps())).rejects.toThrow(
      new UserError(
        'labels: line 1 "title" is not key=value (it has no "="); write one key=value per line, like org.opencontainers.image.title=web.',
      ),
    )
    expect(execCommand).not.toHaveBeenCalled()
  })
})
