import {
  getInputs as parseInputs,
  parseEnvChanges,
  parseImageInput,
  parseList,
  parseVars,
  type InputReader,
} from '../src/settings/inputs.js'

/** Reads the inputs; warnings and masks go to `log` (recorded where a test looks at them). */
const getInputs = (
  read: InputReader,
  log = {
    info: (_: string): void => undefined,
    warning: (_: string): void => undefined,
    secret: (_: string): void => undefined,
  },
) => parseInputs(read, log)

function reader(values: Record<string, string>): InputReader {
  return (name) => values[name] ?? ''
}

describe('getInputs', () => {
  test('defaults', () => {
    expect(getInputs(reader({ service: 'web' }))).toEqual({
      services: ['web'],
      containers: [],
      environmentVariables: [],
      secrets: [],
      vars: {},
      forceNewDeployment: false,
      wait: true,
      timeoutMinutes: 30,
      rollbackOnFailure: true,
      deploymentCircuitBreaker: 'keep',
      logLines: 30,
      dryRun: false,
      strategy: { deploymentAlarms: [], onBusy: 'wait' },
      mode: 'deploy',
      given: ['service'],
    })
  })

  test.each([
    [
      { 'wait-until': 'ready', wait: 'false' },
      'Config key `wait-until` needs `wait: true`: the action follows the deployment to the pause (or to its end).',
    ],
    [
      { continue: 'true', wait: 'false' },
      '`mode: continue` needs `wait: true`: the action follows the deployment to the pause (or to its end).',
    ],
  ])('strategy inputs that need wait: %j', (inputs, message) => {
    expect(() => getInputs(reader({ service: 'web', ...inputs }))).toThrow(message)
  })

  test('the strategy inputs', () => {
    expect(
      getInputs(
        reader({ service: 'web', strategy: 'canary', 'canary-percent': '10', 'wait-until': 'test-traffic-shifted' }),
      ).strategy,
    ).toEqual({
      strategy: 'canary',
      canaryPercent: 10,
      waitUntil: 'POST_TEST_TRAFFIC_SHIFT',
      deploymentAlarms: [],
      onBusy: 'wait',
    })
  })

  test('every input read and typed', () => {
    const inputs = getInputs(
      reader({
        cluster: 'prod',
        service: 'web',
        'task-definition': '.aws/td.json',
        image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/web@sha256:' + 'a'.repeat(64),
        container: 'web, sidecar',
        'environment-variables': 'A=1\nURL=https://x/?a=b=c\nEMPTY=\n!OLD',
        secrets: 'DB_PASSWORD=arn:aws:secretsmanager:us-east-1:123456789012:secret:db',
        vars: 'CPU=256',
        'desired-count': '3',
        'force-new-deployment': 'TRUE',
        wait: 'false',
        'timeout-minutes': '12.5',
        'rollback-on-failure': 'false',
        'deployment-circuit-breaker': 'rollback',
        region: 'eu-west-1',
        environment: 'prod',
      }),
    )
    expect(inputs).toMatchObject({
      cluster: 'prod',
      taskDefinition: '.aws/td.json',
      containers: ['web', 'sidecar'],
      environmentVariables: [
        { name: 'A', value: '1' },
        { name: 'URL', value: 'https://x/?a=b=c' },
        { name: 'EMPTY', value: '' },
        { name: 'OLD', remove: true },
      ],
      secrets: [{ name: 'DB_PASSWORD', value: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db' }],
      vars: { CPU: '256' },
      desiredCount: 3,
      forceNewDeployment: true,
      wait: false,
      timeoutMinutes: 12.5,
      rollbackOnFailure: false,
      deploymentCircuitBreaker: 'rollback',
      region: 'eu-west-1',
      environment: 'prod',
    })
  })

  test.each([
    [{ preview: 'open' }, 'Input `preview` must be one of deploy, destroy, sweep, not "open".'],
    [{ 'preview-max': '0' }, 'Input `preview-max` must be a number from 1 to 1000, not "0".'],
    [{ 'desired-count': '-1' }, 'Input `desired-count` must be a whole number from 0 to 5000, not "-1".'],
    [{ 'desired-count': '2.5' }, 'Input `desired-count` must be a whole number from 0 to 5000, not "2.5".'],
    [{ 'desired-count': '9999' }, 'Input `desired-count` must be a number from 0 to 5000, not "9999".'],
    [{ 'log-lines': 'all' }, 'Input `log-lines` must be a whole number from 0 to 1000, not "all".'],
    [{ wait: 'yes' }, 'Input `wait` must be true or false, not "yes".'],
    [{ 'timeout-minutes': '0' }, 'Input `timeout-minutes` must be a number from 0.1 to 360, not "0".'],
    [{ 'timeout-minutes': 'ten' }, 'Input `timeout-minutes` must be a number from 0.1 to 360, not "ten".'],
    [
      { 'deployment-circuit-breaker': 'on' },
      'Input `deployment-circuit-breaker` must be one of keep, rollback, enable, disable, not "on".',
    ],
    [{ image: 'web app' }, 'Input `image` "web app" is not a valid image reference: it contains whitespace.'],
    [
      { image: 'web@sha256:abc' },
      'Input `image` "web@sha256:abc" is not a valid image reference: a sha256 digest has 64 hex digits; "abc" has 3.',
    ],
    [
      { image: '127.0.0.1:5000/Web:v1' },
      'Input `image` "127.0.0.1:5000/Web:v1" is not a valid image reference: repository names must be lowercase ("Web").',
    ],
    [
      { image: `web:${'v'.repeat(129)}` },
      `Input \`image\` "web:${'v'.repeat(129)}" is not a valid image reference: the tag has 129 characters; at most 128.`,
    ],
    [
      { 'environment-variables': 'A=1\nnot a pair' },
      'Input `environment-variables` line 2 is not KEY=value (it has no "="). Write KEY=value, KEY= for an empty value, or !KEY to remove it.',
    ],
    [
      { 'environment-variables': '1A=x' },
      'Input `environment-variables` line 1: "1A" is not a valid variable name (letters, digits, _ . -, not starting with a digit).',
    ],
    [
      { secrets: 'DB=' },
      'Input `secrets`: DB has no value. Give the ARN of a Secrets Manager secret or an SSM parameter (name or ARN), or !DB to remove it.',
    ],
    [{ secrets: 'A=x\nA=y' }, 'Input `secrets` line 2: A is given twice.'],
    [
      { dockerfile: 'Dockerfile.prod' },
      'Input `dockerfile` needs `build` (the docker build context); without `build` nothing is built.',
    ],
    [{ build: '.', image: 'r/web', push: 'maybe' }, 'Input `push` must be true or false, not "maybe".'],
    [
      { build: '.', image: 'r/web', 'build-args': 'NODE ENV=x' },
      'Input `build-args` line 1: "NODE ENV" is not a valid variable name (letters, digits, _ . -, not starting with a digit).',
    ],
    [{ vars: '!CPU' }, 'Input `vars`: "!CPU" removes nothing here; give NAME=value.'],
    [{ vars: 'my.var=1' }, 'Input `vars`: "my.var" must be letters, digits and _ only.'],
  ])('bad input %j → %s', (values, message) => {
    const read = reader({ service: 'web', ...values })
    expect(() => getInputs(read)).toThrow(message)
    expect(() => getInputs(read)).toThrow(expect.objectContaining({ name: 'UserError' }))
  })
})

test('several services, each once', () => {
  expect(getInputs(reader({ service: 'web, worker\nweb' })).services).toEqual(['web', 'worker'])
})

describe('build inputs', () => {
  test('build-args that look like secrets are warned about and masked; others are not', () => {
    const said: string[] = []
    const log = {
      info: () => undefined,
      warning: (text: string) => void said.push(`warning: ${text}`),
      secret: (value: string) => void said.push(`secret: ${value}`),
    }
    getInputs(
      reader({
        service: 'web',
        build: '.',
        image: 'r/web',
        'build-args': 'NODE_ENV=production\nNPM_TOKEN=npm_abc\napi_key=k123',
      }),
      log,
    )
    expect(said).toEqual([
      'warning: build-args NPM_TOKEN, api_key look like secrets: a build argument is kept in the image history (docker history shows it ' +
        'to anyone who can pull the image) and is on the docker command line. Pass secrets with the `build-secrets` input ' +
        'instead (id=value, read in the Dockerfile with RUN --mount=type=secret,id=<id>); the values are masked in this log.',
      'secret: npm_abc',
      'secret: k123',
    ])
  })

  test('absent without `build`', () => {
    expect(getInputs(reader({ service: 'web', image: 'r/web:1' })).build).toBeUndefined()
  })
  test('typed with defaults', () => {
    const inputs = getInputs(
      reader({
        service: 'web',
        build: '.',
        image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/web',
        'build-args': 'NODE_ENV=production\nURL=a=b',
        tags: 'latest, v1',
        'cache-from': 'type=registry,ref=r/web:cache\nr/web:latest',
        'create-repository': 'true',
      }),
    )
    expect(inputs.build).toEqual({
      build: '.',
      image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/web',
      dockerfile: undefined,
      buildArgs: { NODE_ENV: 'production', URL: 'a=b' },
      target: undefined,
      platforms: [],
      tags: ['latest', 'v1'],
      cacheFrom: ['type=registry,ref=r/web:cache', 'r/web:latest'],
      cacheTo: [],
      push: true,
      createRepository: true,
      scanOnPush: true,
      immutableTags: false,
      skipBuildIfExists: true,
      registryUsername: undefined,
      registryPassword: undefined,
      logout: true,
      labels: [],
      buildSecrets: [],
      buildSecretFiles: [],
      ssh: [],
      provenance: undefined,
      sbom: undefined,
      noCache: false,
      pull: false,
    })
  })

  test('the build essentials: labels, build secrets, ssh, attestations, no-cache and pull', () => {
    const inputs = getInputs(
      reader({
        service: 'web',
        build: '.',
        image: 'r/web',
        labels: 'org.opencontainers.image.title=web\norg.opencontainers.image.description=a, b',
        'build-secrets': 'npm_token=abc=def',
        'build-secret-files': 'netrc=.netrc',
        ssh: 'default',
        provenance: 'false',
        sbom: 'true',
        'no-cache': 'true',
        pull: 'true',
      }),
    )
    expect(inputs.build).toMatchObject({
      labels: ['org.opencontainers.image.title=web', 'org.opencontainers.image.description=a, b'],
      buildSecrets: ['npm_token=abc=def'],
      buildSecretFiles: ['netrc=.netrc'],
      ssh: ['default'],
      provenance: 'false',
      sbom: 'true',
      noCache: true,
      pull: true,
    })
  })

  test('a build-only input without build is an error naming it', () => {
    expect(() => getInputs(reader({ service: 'web', image: 'r/web:v1', 'build-secrets': 'a=b' }))).toThrow(
      'Input `build-secrets` needs `build` (the docker build context); without `build` nothing is built.',
    )
  })
})

describe('parsers', () => {
  test('a value may hold = and # and spaces; comments and blank lines are skipped', () => {
    expect(parseEnvChanges('x', '# comment\n\n  GREETING = hello = world # not a comment  \n')).toEqual([
      { name: 'GREETING', value: ' hello = world # not a comment' },
    ])
  })
  test('lists split on commas and newlines', () => {
    expect(parseList('a, b\nc,,')).toEqual(['a', 'b', 'c'])
  })
  test('vars become a map', () => {
    expect(parseVars('A=1\nB=')).toEqual({ A: '1', B: '' })
  })
  test.each(['nginx', 'nginx:1.27', '127.0.0.1:5000/web:abc', 'public.ecr.aws/a/b', `r/w@sha256:${'0'.repeat(64)}`])(
    '%s is an image reference',
    (ref) => {
      expect(parseImageInput(ref)).toBe(ref)
    },
  )
})

describe('action.yml', () => {
  test('declares exactly the inputs the action reads', async () => {
    const { parse } = await import('yaml')
    const { readFileSync } = await import('node:fs')
    const action = parse(readFileSync(new URL('../action.yml', import.meta.url), 'utf8')) as {
      inputs: Record<string, unknown>
      runs: { using: string }
    }
    const read = new Set<string>()
    getInputs((name) => {
      read.add(name)
      return { service: 'web', build: '.', image: 'r/web' }[name] ?? ''
    })
    expect([...read].sort()).toEqual(Object.keys(action.inputs).sort())
    expect(action.runs.using).toBe('node24')
  })
})
