import {
  describeBuildFailure,
  dockerEngineProblem,
  dockerfileInstructions,
  lineOfLegacyStep,
  pushProblem,
} from '../../src/image/build-failures.js'
import { UserError } from '../../src/common/errors.js'

const SHA = '0123456789abcdef0123456789abcdef01234567'
const REPO = '123456789012.dkr.ecr.us-east-1.amazonaws.com/web'

const DOCKERFILE = [
  '# syntax=docker/dockerfile:1',
  'FROM scratch AS base',
  '',
  '# the shell',
  'COPY busybox /bin/busybox',
  'RUN ["/bin/busybox", "--install", "-s", "/bin"]',
  'ENV A=1 \\',
  '    # a comment inside a continuation',
  '',
  '    B=2',
  'RUN echo building && \\',
  '    exit 3',
  'CMD ["sh"]',
].join('\n')

describe('dockerfileInstructions', () => {
  test('start lines, keywords and joined text', () => {
    expect(dockerfileInstructions(DOCKERFILE)).toEqual([
      { line: 2, keyword: 'FROM', text: 'FROM scratch AS base' },
      { line: 5, keyword: 'COPY', text: 'COPY busybox /bin/busybox' },
      { line: 6, keyword: 'RUN', text: 'RUN ["/bin/busybox", "--install", "-s", "/bin"]' },
      { line: 7, keyword: 'ENV', text: 'ENV A=1 B=2' },
      { line: 11, keyword: 'RUN', text: 'RUN echo building && exit 3' },
      { line: 13, keyword: 'CMD', text: 'CMD ["sh"]' },
    ])
  })

  test('escape directive and heredoc', () => {
    const text = [
      '# escape=`',
      'FROM scratch',
      'RUN a `',
      '  b',
      'RUN <<EOF',
      'FROM not-an-instruction',
      'EOF',
      'USER app',
    ].join('\r\n')
    expect(dockerfileInstructions(text).map((i) => [i.line, i.keyword])).toEqual([
      [2, 'FROM'],
      [3, 'RUN'],
      [5, 'RUN'],
      [8, 'USER'],
    ])
  })

  test('lower-case keywords', () => {
    expect(dockerfileInstructions('from scratch\nrun x')).toEqual([
      { line: 1, keyword: 'FROM', text: 'from scratch' },
      { line: 2, keyword: 'RUN', text: 'run x' },
    ])
  })
})

describe('lineOfLegacyStep', () => {
  const instructions = dockerfileInstructions(DOCKERFILE)
  test.each([
    [1, 'FROM scratch AS base', 2],
    [5, 'RUN echo building &&     exit 3', 11],
    [3, 'RUN ["/bin/busybox", "--install", "-s", "/bin"]', 6],
    // the numbering disagrees (an ONBUILD trigger, say): found by its text
    [2, 'RUN echo building && exit 3', 11],
    [9, 'HEALTHCHECK NONE', undefined],
  ])('step %i %j → line %s', (step, text, line) => {
    expect(lineOfLegacyStep(step, text, instructions)).toBe(line)
  })
})

describe('describeBuildFailure', () => {
  test('legacy builder: names the step, its line, and shows its output', () => {
    const lines = [
      'DEPRECATED: The legacy builder is deprecated and will be removed in a future release.',
      'Sending build context to Docker daemon  3.072kB',
      'Step 1/6 : FROM scratch AS base',
      ' ---> ',
      'Step 2/6 : COPY busybox /bin/busybox',
      ' ---> 1f2e3d4c5b6a',
      'Step 3/6 : RUN ["/bin/busybox", "--install", "-s", "/bin"]',
      ' ---> Running in 0a1b2c3d4e5f',
      ' ---> Removed intermediate container 0a1b2c3d4e5f',
      ' ---> 2a3b4c5d6e7f',
      'Step 4/6 : ENV A=1     B=2',
      ' ---> Running in 9a8b7c6d5e4f',
      'Step 5/6 : RUN echo building &&     exit 3',
      ' ---> Running in 6a5b4c3d2e1f',
      'building',
      "The command '/bin/sh -c echo building &&     exit 3' returned a non-zero code: 3",
    ]
    expect(describeBuildFailure(lines, { path: 'app/Dockerfile', text: DOCKERFILE }, 3)).toEqual({
      message: [
        'Docker build failed at app/Dockerfile:11 (RUN echo building && exit 3):',
        '  building',
        "  The command '/bin/sh -c echo building &&     exit 3' returned a non-zero code: 3",
      ].join('\n'),
      startLine: 11,
    })
  })

  test('legacy builder without the Dockerfile text still names the step', () => {
    const lines = [
      'Step 2/2 : COPY missing /x',
      'COPY failed: file not found in build context or excluded by .dockerignore: stat missing: file does not exist',
    ]
    expect(describeBuildFailure(lines, { path: 'Dockerfile' }, 1)).toEqual({
      message:
        'Docker build failed at step COPY missing /x:\n  COPY failed: file not found in build context or excluded by .dockerignore: stat missing: file does not exist',
    })
  })

  test('legacy parse error names the line', () => {
    const lines = [
      'Sending build context to Docker daemon  2.048kB',
      'Error response from daemon: dockerfile parse error line 3: unknown instruction: RUNN',
    ]
    expect(describeBuildFailure(lines, { path: 'Dockerfile', text: 'FROM scratch\n\nRUNN x' }, 1)).toEqual({
      message:
        'Docker build failed at Dockerfile:3:\n  Sending build context to Docker daemon  2.048kB\n  Error response from daemon: dockerfile parse error line 3: unknown instruction: RUNN',
      startLine: 3,
    })
  })

  test('BuildKit: the Dockerfile:N block gives the line, the failing step its output', () => {
    const lines = [
      '#0 building with "default" instance using docker driver',
      '',
      '#1 [internal] load build definition from Dockerfile',
      '#1 transferring dockerfile: 120B done',
      '#1 DONE 0.0s',
      '',
      '#4 [1/3] FROM docker.io/library/alpine:3.20',
      '#4 CACHED',
      '',
      '#5 [2/3] RUN echo building && exit 3',
      '#5 0.210 building',
      '#5 0.211 still building',
      '#5 ERROR: process "/bin/sh -c echo building && exit 3" did not complete successfully: exit code: 3',
      '------',
      ' > [2/3] RUN echo building && exit 3:',
      '0.210 building',
      '------',
      'Dockerfile:4',
      '--------------------',
      '   2 |     # build step',
      '   3 |     FROM alpine:3.20',
      '   4 | >>> RUN echo building && exit 3',
      '   5 |     COPY . /app',
      '--------------------',
      'ERROR: failed to build: failed to solve: process "/bin/sh -c echo building && exit 3" did not complete successfully: exit code: 3',
    ]
    expect(describeBuildFailure(lines, { path: 'Dockerfile' }, 1)).toEqual({
      message: [
        'Docker build failed at Dockerfile:4 (RUN echo building && exit 3):',
        '  building',
        '  still building',
        '  ERROR: process "/bin/sh -c echo building && exit 3" did not complete successfully: exit code: 3',
        '  ERROR: failed to build: failed to solve: process "/bin/sh -c echo building && exit 3" did not complete successfully: exit code: 3',
      ].join('\n'),
      startLine: 4,
    })
  })

  test('BuildKit: a parse error has a source block but no failing step', () => {
    const lines = [
      '#1 [internal] load build definition from Dockerfile',
      '#1 DONE 0.0s',
      'Dockerfile:2',
      '--------------------',
      '   1 |     FROM scratch',
      '   2 | >>> RUNN x',
      '--------------------',
      'ERROR: failed to solve: dockerfile parse error on line 2: unknown instruction: RUNN',
    ]
    const failure = describeBuildFailure(lines, { path: 'docker/app.Dockerfile' }, 1)
    expect(failure.startLine).toBe(2)
    expect(failure.message.split('\n')[0]).toBe('Docker build failed at docker/app.Dockerfile:2 (RUNN x):')
    expect(failure.message).toContain(
      '  ERROR: failed to solve: dockerfile parse error on line 2: unknown instruction: RUNN',
    )
  })

  test('nothing recognisable: exit code and the last lines', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`)
    const failure = describeBuildFailure(lines, { path: 'Dockerfile' }, 125)
    expect(failure.startLine).toBeUndefined()
    expect(failure.message.split('\n')).toEqual([
      'Docker build failed (exit code 125):',
      ...lines.slice(-20).map((l) => `  ${l}`),
    ])
  })

  test('no output at all', () => {
    expect(describeBuildFailure([], { path: 'Dockerfile' }, 1)).toEqual({
      message: 'Docker build failed (exit code 1).',
    })
  })

  test('keeps only the failing step’s last 20 lines', () => {
    const lines = ['Step 1/1 : RUN make', ...Array.from({ length: 50 }, (_, i) => `out ${i}`)]
    const message = describeBuildFailure(lines, { path: 'Dockerfile', text: 'RUN make' }, 2).message
    expect(message.split('\n')).toHaveLength(21)
    expect(message).toContain('  out 49')
    expect(message).not.toContain('out 29\n')
  })
})

describe('dockerEngineProblem', () => {
  test.each([
    [
      'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
      'The Docker daemon is not running (docker said: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?): start it before this step, or use a runner where Docker runs (ubuntu-latest does).',
    ],
    [
      'Client: Docker Engine\npermission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: Get "http://%2Fvar%2Frun%2Fdocker.sock/v1.47/version": dial unix /var/run/docker.sock: connect: permission denied',
      'This user may not use the Docker daemon (docker said: permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: Get "http://%2Fvar%2Frun%2Fdocker.sock/v1.47/version": dial unix /var/run/docker.sock: connect: permission denied): add the runner\'s user to the docker group, or run the job as a user that may.',
    ],
  ])('%s', (output, message) => {
    expect(dockerEngineProblem(output)).toEqual(new UserError(message))
  })

  test('other output is not an engine problem', () => {
    expect(dockerEngineProblem('Error: No such image: x')).toBeUndefined()
  })
})

describe('pushProblem', () => {
  const ecr = { repository: REPO, sha: SHA, ecr: '123456789012/us-east-1' }
  const other = { repository: 'ghcr.io/octo/web', sha: SHA }
  const PERMISSIONS =
    'ecr:BatchCheckLayerAvailability, ecr:InitiateLayerUpload, ecr:UploadLayerPart, ecr:CompleteLayerUpload, ecr:PutImage'
  const DENIED =
    'denied: User: arn:aws:sts::123456789012:assumed-role/gha/1 is not authorized to perform: ecr:InitiateLayerUpload on resource: arn:aws:ecr:us-east-1:123456789012:repository/web'

  test.each<[string, string, typeof ecr | typeof other, string | undefined]>([
    [
      'ECR denied (legacy)',
      `The push refers to repository [${REPO}]\n5f70bf18a086: Preparing\n${DENIED}`,
      ecr,
      `Pushing to ${REPO} was denied (registry said: ${DENIED}): the role this job runs as needs ${PERMISSIONS} on that repository (and ecr:GetAuthorizationToken).`,
    ],
    [
      'ECR 403 (buildx)',
      `#12 pushing layers\nERROR: failed to push ${REPO}:main: unexpected status from HEAD request to https://x/v2/web/blobs/sha256:1: 403 Forbidden`,
      ecr,
      `Pushing to ${REPO} was denied (registry said: ERROR: failed to push ${REPO}:main: unexpected status from HEAD request to https://x/v2/web/blobs/sha256:1: 403 Forbidden): the role this job runs as needs ${PERMISSIONS} on that repository (and ecr:GetAuthorizationToken).`,
    ],
    [
      'ECR not logged in',
      'no basic auth credentials',
      ecr,
      `Pushing to ${REPO} was denied (registry said: no basic auth credentials): the role this job runs as needs ${PERMISSIONS} on that repository (and ecr:GetAuthorizationToken).`,
    ],
    [
      'other registry unauthorized',
      'unauthorized: authentication required',
      other,
      'Pushing to ghcr.io/octo/web was denied (registry said: unauthorized: authentication required): check registry-username and registry-password, and that this account may push to that repository.',
    ],
    [
      'ECR repository missing',
      "name unknown: The repository with name 'web' does not exist in the registry with id '123456789012'",
      ecr,
      'ECR repository web does not exist in 123456789012/us-east-1: create it, or set create-repository: true.',
    ],
    [
      'other registry repository missing',
      "name unknown: The repository with name 'web' does not exist",
      other,
      "The repository ghcr.io/octo/web does not exist (registry said: name unknown: The repository with name 'web' does not exist): create it first.",
    ],
    [
      'immutable branch tag',
      "tag invalid: The image tag 'main' already exists in the 'web' repository and cannot be overwritten because the repository is immutable.",
      ecr,
      `The tag "main" already exists in ${REPO} for another image, and the repository's tags are immutable: push a unique tag instead (the commit sha is one; remove this tag from tags).`,
    ],
    [
      'immutable sha tag',
      `ERROR: failed to push ${REPO}:${SHA}: unexpected status: 400 Bad Request: tag invalid: The image tag '${SHA}' already exists in the 'web' repository and cannot be overwritten because the repository is immutable.`,
      ecr,
      `The tag "${SHA}" already exists in ${REPO} for another image, and the repository's tags are immutable: set skip-build-if-exists: true to deploy the image already pushed for this commit, or push a unique tag.`,
    ],
    [
      'ImageTagAlreadyExistsException',
      'ImageTagAlreadyExistsException: tag exists',
      ecr,
      `A tag already exists in ${REPO} for another image, and the repository's tags are immutable: push a unique tag instead (the commit sha is one; remove this tag from tags).`,
    ],
    ['network trouble is not the user’s', 'dial tcp 10.0.0.1:443: i/o timeout', ecr, undefined],
  ])('%s', (_name, output, context, message) => {
    expect(pushProblem(output, context)).toEqual(message === undefined ? undefined : new UserError(message))
  })
})
