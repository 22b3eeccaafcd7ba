// The one merge of the config file under the inputs, checked for every setting the table gives a config key: the
// validator reads the key into the place the row names, the merge takes it when the input is not given, and the input
// wins when it is.
import { parseConfig } from '../../src/config/load.js'
import type { EnvironmentConfig, PreviewConfig } from '../../src/config/types.js'
import { UserError } from '../../src/common/errors.js'
import { withEnvironment, withPreviewInputs } from '../../src/engine/environment-settings.js'
import { getInputs as parseInputs, type Inputs } from '../../src/settings/inputs.js'
import { configSettings, type ConfigKey } from '../../src/settings/table.js'

const log = { info: (): void => undefined, warning: (): void => undefined, secret: (): void => undefined }
const getInputs = (values: Record<string, string>): Inputs => parseInputs((name) => values[name] ?? '', log)

/** A value for the config key, an input that differs, and what else the environment and the inputs need for them. */
interface Sample {
  config: unknown
  input: string
  environment?: Record<string, unknown>
  inputs?: Record<string, string>
}
const BUILD = { build: '.', image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/web' }
const CANARY = { environment: { strategy: 'canary' }, inputs: { strategy: 'canary' } }
const LINEAR = { environment: { strategy: 'linear' }, inputs: { strategy: 'linear' } }
const RUN = { inputs: { 'run-task': 'npm run migrate' } }
const SAMPLES: Record<string, Sample> = {
  cluster: { config: 'dev', input: 'prod' },
  service: { config: ['web'], input: 'api', environment: { cluster: 'dev' } },
  'task-definition': { config: '.aws/td.json', input: 'td.yaml' },
  'service-definition': { config: '.aws/service-definition.json', input: 'svc.yaml' },
  vars: { config: { A: 'config', B: 'config' }, input: 'A=input' },
  'desired-count': { config: 2, input: '3' },
  strategy: { config: 'canary', input: 'linear' },
  region: { config: 'eu-west-1', input: 'us-east-1' },
  image: { config: 'web:1', input: 'api:2' },
  dockerfile: { config: 'Dev.Dockerfile', input: 'Prod.Dockerfile', inputs: BUILD },
  target: { config: 'debug', input: 'release', inputs: BUILD },
  'build-args': { config: { A: 'config', B: 'config' }, input: 'A=input', inputs: BUILD },
  'environment-variables': { config: { A: 'config', B: 'config' }, input: 'A=input' },
  secrets: { config: { DB: 'arn:aws:ssm:us-east-1:123456789012:parameter/a' }, input: 'DB=b' },
  'bake-minutes': { config: 3, input: '4', ...CANARY },
  'canary-percent': { config: 12.5, input: '20', ...CANARY },
  'canary-bake-minutes': { config: 3, input: '4', ...CANARY },
  'step-percent': { config: 25, input: '50', ...LINEAR },
  'step-bake-minutes': { config: 2, input: '3', ...LINEAR },
  'deployment-alarms': { config: ['web-5xx'], input: 'web-latency' },
  'promote-from': { config: 'qa', input: 'staging' },
  'verify-url': { config: ['https://a.example.com/'], input: 'https://b.example.com/' },
  'verify-test-url': { config: ['https://t.example.com/'], input: 'https://u.example.com/' },
  'verify-expect': { config: 'ok', input: '204', environment: { verify: { command: './smoke' } } },
  'verify-timeout': { config: 90, input: '30', environment: { verify: { command: './smoke' } } },
  'verify-interval': { config: 0.5, input: '2', environment: { verify: { command: './smoke' } } },
  'verify-command': { config: './smoke', input: './other' },
  'minimum-healthy-percent': { config: 50, input: '60' },
  'maximum-percent': { config: 200, input: '300' },
  'health-check-grace-period': { config: 60, input: '30' },
  'propagate-tags': { config: 'SERVICE', input: 'none' },
  'enable-ecs-managed-tags': { config: true, input: 'false' },
  'enable-execute-command': { config: false, input: 'true' },
  'capacity-provider-strategy': { config: ['FARGATE:1:2'], input: 'FARGATE_SPOT:3' },
  analysis: { config: ['5xx-rate < 1%'], input: 'p99 < 300ms' },
  'volume-configurations': {
    config: [{ name: 'data', managedEBSVolume: { roleArn: 'arn:aws:iam::123456789012:role/ebs', sizeInGiB: 20 } }],
    input: '[]',
  },
  // moved from the inputs, read by their inputs' readers
  'keep-revisions': { config: 10, input: '5' },
  'wait-until': { config: 'ready', input: 'scaled-up', environment: { strategy: 'canary' } },
  'on-busy': { config: 'fail', input: 'wait' },
  'rollback-on-failure': { config: false, input: 'true' },
  'log-lines': { config: 100, input: '50' },
  'artifacts-dir': { config: 'out', input: 'build' },
  'deployment-circuit-breaker': { config: 'rollback', input: 'disable' },
  appspec: { config: 'appspec.yml', input: 'other.yml' },
  'codedeploy-application': { config: 'AppA', input: 'AppB' },
  'codedeploy-deployment-group': { config: 'GroupA', input: 'GroupB' },
  'codedeploy-config': { config: 'ConfigA', input: 'ConfigB' },
  'run-task-container': { config: 'web', input: 'worker', ...RUN },
  'run-task-count': { config: 2, input: '3', ...RUN },
  'run-task-launch-type': { config: 'FARGATE', input: 'ec2', ...RUN },
  'run-task-capacity-provider-strategy': { config: ['FARGATE:1'], input: 'FARGATE_SPOT:2', ...RUN },
  'run-task-subnets': { config: ['subnet-a'], input: 'subnet-b', ...RUN },
  'run-task-security-groups': { config: ['sg-a'], input: 'sg-b', ...RUN },
  'run-task-assign-public-ip': { config: 'ENABLED', input: 'disabled', ...RUN },
  'run-task-tags': { config: { team: 'web' }, input: 'team=api', ...RUN },
  'run-task-overrides': { config: { cpu: '512' }, input: '{"cpu":"1024"}', ...RUN },
  push: { config: false, input: 'true', inputs: BUILD },
  'create-repository': { config: true, input: 'false', inputs: BUILD },
  'scan-on-push': { config: false, input: 'true', inputs: BUILD },
  'immutable-tags': { config: true, input: 'false', inputs: BUILD },
  'skip-build-if-exists': { config: false, input: 'true', inputs: BUILD },
  logout: { config: false, input: 'true', inputs: BUILD },
  'build-secret-files': { config: { npmrc: '.npmrc' }, input: 'npmrc=other', inputs: BUILD },
  ssh: { config: ['default'], input: 'id=key', inputs: BUILD },
  provenance: { config: false, input: 'mode=max', inputs: BUILD },
  sbom: { config: true, input: 'false', inputs: BUILD },
  'no-cache': { config: true, input: 'false', inputs: BUILD },
  pull: { config: true, input: 'false', inputs: BUILD },
}

function at(object: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], object)
}

/** `environments.dev` with the sample's value at the setting's key (a dotted key goes into its block). */
function environmentWith(config: ConfigKey, sample: Sample): EnvironmentConfig {
  const dev: Record<string, unknown> = structuredClone(sample.environment ?? {})
  const [block, key] = config.key.includes('.') ? config.key.split('.') : [undefined, config.key]
  const into = block ? ((dev[block] ??= {}) as Record<string, unknown>) : dev
  into[key as string] = sample.config
  const qa = { cluster: 'qa', services: ['web'] }
  const text = JSON.stringify({ environments: { dev, qa } })
  return parseConfig(text, '.github/ecs-deploy.yml').environments[0] as EnvironmentConfig
}

const changes = (values: unknown) => Object.entries(values as object).map(([name, value]) => ({ name, value }))

describe.each(configSettings('environment'))('$name: config key', ({ name, config }) => {
  const sample = SAMPLES[name]
  test('has a sample here', () => expect(sample).toBeDefined())
  if (!sample) return
  const environment = environmentWith(config, sample)
  const configured = at(environment, config.from)

  test(`the validator reads ${config.key} into ${config.from}`, () => {
    expect(configured).toBeDefined()
  })

  test('the merge takes the key when the input is not given', () => {
    const merged = withEnvironment(getInputs(sample.inputs ?? {}), environment)
    expect(at(merged, config.into)).toEqual(config.merge === 'after' ? changes(configured) : configured)
  })

  test(`the input wins (${config.merge})`, () => {
    const inputs = getInputs({ ...sample.inputs, [name]: sample.input })
    const given = at(inputs, config.into)
    expect(given).not.toEqual(configured)
    const expected =
      config.merge === 'by-name'
        ? { ...(configured as object), ...(given as object) }
        : config.merge === 'after'
          ? [...changes(configured), ...(given as unknown[])]
          : given
    expect(at(withEnvironment(inputs, environment), config.into)).toEqual(expected)
  })
})

describe('conditions and blocks', () => {
  const dev = (text: string): EnvironmentConfig =>
    parseConfig(`environments:\n  dev: ${text}\n`, '.github/ecs-deploy.yml').environments[0] as EnvironmentConfig

  test('no inputs and no keys: the inputs as they are', () => {
    const inputs = getInputs({})
    expect(withEnvironment(inputs, dev('{}'))).toEqual(inputs)
  })

  test("without a build, the build keys stay out; with one, the environment's image is the repository", () => {
    const environment = dev('{ image: web, dockerfile: D, target: t, build-args: { A: b } }')
    expect(withEnvironment(getInputs({}), environment).build).toBeUndefined()
    expect(withEnvironment(getInputs({}), environment).image).toBe('web')
    const built = withEnvironment(getInputs({ build: '.' }), environment)
    expect(built.image).toBeUndefined()
    expect(built.build).toMatchObject({ image: 'web', dockerfile: 'D', target: 't', buildArgs: { A: 'b' } })
  })

  test('the build block asks for no build: its switches apply only when the build input is given', () => {
    const environment = dev('{ build: { push: false, no-cache: true } }')
    expect(withEnvironment(getInputs({}), environment).build).toBeUndefined()
    expect(withEnvironment(getInputs(BUILD), environment).build).toMatchObject({ push: false, noCache: true })
  })

  test("another strategy given as input brings its own options, not the environment's", () => {
    const environment = dev('{ strategy: canary, canary-percent: 12.5, deployment-alarms: [a] }')
    const merged = withEnvironment(getInputs({ strategy: 'linear' }), environment)
    expect(merged.strategy).toEqual({ strategy: 'linear', deploymentAlarms: ['a'], onBusy: 'wait' })
  })

  test("the verify and service-settings blocks bring their keys that are no input; headers stay the inputs'", () => {
    const environment = dev(
      '{ verify: { url: https://a.example.com/, redirects: none }, service-settings: { circuit-breaker-threshold: 5 } }',
    )
    const merged = withEnvironment(getInputs({}), environment)
    expect(merged.verify).toEqual({ urls: ['https://a.example.com/'], testUrls: [], headers: {}, redirects: 'none' })
    expect(merged.serviceSettings).toEqual({ circuitBreakerThreshold: { type: 'COUNT', value: 5 } })
    const withHeaders = withEnvironment(getInputs({ 'verify-headers': 'X-Key: 1' }), environment)
    expect(withHeaders.verify?.headers).toEqual({ 'X-Key': '1' })
  })
})

describe('withPreviewInputs', () => {
  const previews: PreviewConfig = {
    base: 'dev',
    services: ['web'],
    routing: 'host',
    desiredCount: 1,
    max: 10,
    ttl: '7d',
    ttlMs: 604_800_000,
  }

  test('preview-ttl and preview-max win', () => {
    expect(withPreviewInputs(previews, getInputs({ 'preview-ttl': ' 12h ', 'preview-max': '3' }))).toEqual({
      ...previews,
      ttl: '12h',
      ttlMs: 43_200_000,
      max: 3,
    })
    expect(withPreviewInputs(previews, getInputs({ 'preview-max': '20' }))).toEqual({ ...previews, max: 20 })
    expect(withPreviewInputs(previews, getInputs({}))).toEqual(previews)
  })

  test('a preview-ttl that is not a duration is refused', () => {
    expect(() => withPreviewInputs(previews, getInputs({ 'preview-ttl': '1w' }))).toThrow(
      new UserError('Config key `previews.ttl` must be a duration like 7d, 12h or 30m, not "1w".'),
    )
  })
})
