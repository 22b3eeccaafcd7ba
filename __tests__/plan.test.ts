import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { RunEvent } from '../src/config/index.js'
import { readGitContext } from '../src/common/git-context.js'
import { getInputs as parseInputs, type InputReader } from '../src/settings/inputs.js'

/** Reads the inputs; warnings and masks go to `log` (recorded where a test looks at them). */
const getInputs = (
  read: InputReader,
  log = {
    info: (_: string): void => undefined,
    warning: (_: string): void => undefined,
    secret: (_: string): void => undefined,
  },
) => parseInputs(read, log)
import { planRun } from '../src/engine/environment-plan.js'

const CONFIG = `
environments:
  dev: { branches: [develop], cluster: dev, services: [web, worker], vars: { LOG_LEVEL: debug }, desired-count: 1 }
  prod: { branches: [main], tags: ['v*'], cluster: prod, services: [web], url: https://example.com, production: true, strategy: canary }
previews:
  base: dev
  services: [web]
  domain: preview.example.com
  listener-arn: arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/dev/1/2
`

function workspace(config?: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'plan-'))
  if (config !== undefined) {
    mkdirSync(path.join(dir, '.github'))
    writeFileSync(path.join(dir, '.github/ecs-deploy.yml'), config)
  }
  return dir
}

const push = (ref: string): RunEvent => ({ name: 'push', ref })
const pr: RunEvent = {
  name: 'pull_request',
  ref: 'refs/pull/12/merge',
  pullRequest: { number: 12, action: 'opened', baseRef: 'develop', headRef: 'feature/x', headSha: 'abc123' },
}

async function plan(values: Record<string, string>, event: RunEvent, config?: string) {
  const reader: InputReader = (name) => values[name] ?? ''
  const git = { ...readGitContext({}), workspace: workspace(config) }
  return planRun(getInputs(reader), git, event)
}

describe('planRun', () => {
  test('without a config file the inputs say everything; cluster defaults to `default`', async () => {
    await expect(plan({ service: 'web' }, push('refs/heads/main'))).resolves.toMatchObject({
      kind: 'deploy',
      inputs: { cluster: 'default', services: ['web'] },
    })
  })

  test.each([
    [{}, 'Input `service` is required: the name or ARN of the ECS service to deploy (or several, comma separated).'],
    [
      { service: 'web', preview: 'deploy' },
      'Input `preview` needs a config file with a previews: section (.github/ecs-deploy.yml, or the `config` input).',
    ],
    [{ service: 'web', config: 'missing.yml' }, /missing\.yml/],
  ])('without a config file, %j fails', async (values, message) => {
    await expect(plan(values, push('refs/heads/main'))).rejects.toThrow(message)
  })

  test('a push to main deploys prod with its settings, and says why', async () => {
    const p = await plan({}, push('refs/heads/main'), CONFIG)
    expect(p).toMatchObject({
      kind: 'deploy',
      inputs: { cluster: 'prod', services: ['web'], environment: 'prod' },
      environment: { name: 'prod', url: 'https://example.com', production: true },
    })
    expect(p.kind === 'deploy' && p.reason).toMatch(/refs\/heads\/main matches prod/)
    expect(p.kind === 'deploy' && p.inputs.strategy.strategy).toBe('canary')
  })

  test("the strategy input wins over the environment's", async () => {
    const p = await plan({ strategy: 'linear' }, push('refs/heads/main'), CONFIG)
    expect(p.kind === 'deploy' && p.inputs.strategy.strategy).toBe('linear')
  })

  // verify
  test("the environment's verify block, under the verify-* inputs key by key", async () => {
    const config = `environments:
  prod:
    branches: [main]
    cluster: prod
    services: [web]
    verify: { url: 'https://\${ENVIRONMENT}.example.com/version', expect: '$.version == \${GITHUB_SHA}', timeout: 90 }
`
    const fromConfig = await plan({}, push('refs/heads/main'), config)
    expect(fromConfig).toMatchObject({
      inputs: {
        verify: {
          urls: ['https://${ENVIRONMENT}.example.com/version'],
          testUrls: [],
          expect: '$.version == ${GITHUB_SHA}',
          timeoutSeconds: 90,
          headers: {},
        },
      },
    })
    const overridden = await plan(
      { 'verify-url': 'https://other.example.com/v', 'verify-headers': 'X-Key: k', 'verify-timeout': '5' },
      push('refs/heads/main'),
      config,
    )
    expect(overridden).toMatchObject({
      inputs: {
        verify: {
          urls: ['https://other.example.com/v'],
          expect: '$.version == ${GITHUB_SHA}',
          timeoutSeconds: 5,
          headers: { 'X-Key': 'k' },
        },
      },
    })
    expect(await plan({}, push('refs/heads/main'), CONFIG)).not.toHaveProperty('inputs.verify')
  })

  test('inputs win over the config file; vars merge', async () => {
    const p = await plan({ cluster: 'dev-2', service: 'api', vars: 'EXTRA=1' }, push('refs/heads/develop'), CONFIG)
    expect(p).toMatchObject({
      kind: 'deploy',
      inputs: { cluster: 'dev-2', services: ['api'], vars: { LOG_LEVEL: 'debug', EXTRA: '1' }, desiredCount: 1 },
    })
  })

  test('a ref no environment takes is a clean skip', async () => {
    await expect(plan({}, push('refs/heads/feature/x'), CONFIG)).resolves.toEqual({
      kind: 'skip',
      reason: "ref refs/heads/feature/x matches no environment's branches or tags in .github/ecs-deploy.yml",
    })
  })

  const feature = push('refs/heads/feature/x')
  const unmatched = "ref refs/heads/feature/x matches no environment's branches or tags in .github/ecs-deploy.yml"
  test.each([
    // [inputs, event, what is deployed: cluster and services, or undefined for a skip]
    [{ cluster: 'ci', service: 'api' }, feature, { cluster: 'ci', services: ['api'] }],
    [{ service: 'api' }, feature, { cluster: 'default', services: ['api'] }],
    [
      { service: 'api,worker', vars: 'A=1' },
      feature,
      { cluster: 'default', services: ['api', 'worker'], vars: { A: '1' } },
    ],
    [{ service: 'api' }, pr, { cluster: 'default', services: ['api'] }],
    [{ cluster: 'ci' }, feature, undefined],
    [{}, feature, undefined],
  ])(
    'with a config file, inputs %j on %j: the inputs name the target, a skip only when the config does',
    async (values, event, deployed) => {
      const p = await plan(values, event, CONFIG)
      if (!deployed) return expect(p.kind).toBe('skip')
      expect(p).toMatchObject({ kind: 'deploy', inputs: deployed })
      expect(p.kind === 'deploy' && p.environment).toBeUndefined()
      expect(p.kind === 'deploy' && p.inputs.environment).toBeUndefined()
    },
  )

  test('a named environment (a matrix entry of the plan) is deployed as named on a ref it takes', async () => {
    const p = await plan({ cluster: 'ci', service: 'api', environment: 'prod' }, push('refs/heads/main'), CONFIG)
    expect(p).toMatchObject({ kind: 'deploy', inputs: { cluster: 'ci', services: ['api'], environment: 'prod' } })
    expect(p.kind === 'deploy' && p.environment?.name).toBe('prod')
  })

  test('a named environment on a ref it does not take is skipped: a hand-written matrix cannot deploy prod from a feature branch', async () => {
    const p = await plan({ cluster: 'ci', service: 'api', environment: 'prod' }, feature, CONFIG)
    expect(p).toMatchObject({ kind: 'skip' })
  })

  test("explicit inputs on a branch no environment lists: deployed without the config file's settings, and the log says why", async () => {
    const p = await plan({ cluster: 'ci', service: 'api' }, feature, CONFIG)
    expect(p).toEqual(
      expect.objectContaining({
        kind: 'deploy',
        reason: `the \`service\` input names the target; no environment's settings apply (${unmatched})`,
      }),
    )
    expect(p.kind === 'deploy' && p.inputs).toMatchObject({ vars: {}, strategy: {} })
  })

  test('explicit inputs on a branch an environment lists: the environment fills in what the inputs leave out', async () => {
    const p = await plan({ service: 'api' }, push('refs/heads/develop'), CONFIG)
    expect(p).toMatchObject({
      kind: 'deploy',
      inputs: { cluster: 'dev', services: ['api'], vars: { LOG_LEVEL: 'debug' }, desiredCount: 1 },
      environment: { name: 'dev' },
    })
    expect(p.kind === 'deploy' && p.reason).toBe(
      "ref refs/heads/develop matches dev's branch pattern develop; the `service` input names the target, the environment fills in the rest",
    )
  })

  test('a pull request with preview: deploy gets its own preview, copied from the base', async () => {
    const p = await plan({ preview: 'deploy', 'preview-max': '3' }, pr, CONFIG)
    expect(p).toMatchObject({
      kind: 'deploy',
      inputs: { cluster: 'dev', services: ['web'], environment: 'pr-12' },
      preview: { action: 'deploy', pr: 12, headSha: 'abc123', config: { max: 3 } },
    })
  })

  test('preview: sweep plans a sweep of the base cluster', async () => {
    await expect(
      plan({ preview: 'sweep', 'preview-ttl': '12h' }, { name: 'schedule', ref: 'refs/heads/main' }, CONFIG),
    ).resolves.toMatchObject({
      kind: 'sweep',
      cluster: 'dev',
      previews: { ttl: '12h', ttlMs: 12 * 3600_000 },
    })
  })
})

describe('an environment of several regions', () => {
  const REGIONS = `
environments:
  prod: { branches: [main], cluster: prod, services: [web], regions: [us-east-1, eu-west-1] }
  qa: { branches: [qa], cluster: qa, services: [web], regions: [eu-west-1] }
`
  test('with the region input (its matrix entry), deploys that region', async () => {
    const p = await plan({ environment: 'prod', region: 'eu-west-1' }, push('refs/heads/main'), REGIONS)
    expect(p).toMatchObject({ kind: 'deploy', inputs: { region: 'eu-west-1' } })
  })

  test('without it, leaves the region to the job (AWS_REGION) and passes the regions on for the check', async () => {
    const p = await plan({ environment: 'prod' }, push('refs/heads/main'), REGIONS)
    expect(p.kind === 'deploy' && p.inputs.region).toBeUndefined()
    expect(p.kind === 'deploy' && p.environment?.regions).toEqual(['us-east-1', 'eu-west-1'])
  })

  test('a list of one region is that region', async () => {
    const p = await plan({}, push('refs/heads/qa'), REGIONS)
    expect(p).toMatchObject({ kind: 'deploy', inputs: { region: 'eu-west-1' } })
    expect(p.kind === 'deploy' && p.environment?.regions).toBeUndefined()
  })
})
