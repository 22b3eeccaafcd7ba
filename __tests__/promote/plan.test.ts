// promote-from and the per-environment build and runtime settings, as the plan settles them (no AWS).
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { RunEvent } from '../../src/config/index.js'
import { readGitContext } from '../../src/common/git-context.js'
import { getInputs, type InputReader } from '../../src/settings/inputs.js'
import { planRun, type Plan } from '../../src/engine/environment-plan.js'

const CONFIG = `
environments:
  dev:
    branches: [develop]
    cluster: dev
    services: [web, worker]
    image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/web-dev
    dockerfile: docker/dev.Dockerfile
    target: debug
    build-args: { NODE_ENV: development, API: dev }
    environment-variables: { LOG_LEVEL: debug, FEATURE_X: "on" }
    secrets: { DB_PASSWORD: arn:aws:ssm:us-east-1:123456789012:parameter/dev/db }
    strategy: canary
    canary-percent: 20
    canary-bake-minutes: 2
    deployment-alarms: [dev-5xx]
    desired-count: 1
  qa: { branches: ['release/*'], cluster: qa, services: [web-qa, worker-qa], region: eu-west-1 }
  prod: { branches: [main], cluster: prod, services: [worker, web], promote-from: qa }
  demo: { cluster: demo, services: [web] }
previews:
  base: dev
`

function workspace(config?: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'promote-plan-'))
  if (config !== undefined) {
    mkdirSync(path.join(dir, '.github'))
    writeFileSync(path.join(dir, '.github/ecs-deploy.yml'), config)
  }
  return dir
}

const push = (ref: string): RunEvent => ({ name: 'push', ref })
const quiet = {
  info: (_: string): void => undefined,
  warning: (_: string): void => undefined,
  secret: (_: string): void => undefined,
}

/** `config` null: no config file. */
async function plan(values: Record<string, string>, event: RunEvent, config: string | null = CONFIG): Promise<Plan> {
  const reader: InputReader = (name) => values[name] ?? ''
  return planRun(getInputs(reader, quiet), { ...readGitContext({}), workspace: workspace(config ?? undefined) }, event)
}

async function deployPlan(values: Record<string, string>, event: RunEvent, config?: string) {
  const p = await plan(values, event, config)
  if (p.kind !== 'deploy') throw new Error(`expected a deploy plan, got ${p.kind}`)
  return p
}

describe("an environment's build and runtime settings fill in what the inputs leave out", () => {
  test('image repository, Dockerfile, target and build args for a build', async () => {
    const p = await deployPlan({ build: '.' }, push('refs/heads/develop'))
    expect(p.inputs.build).toMatchObject({
      build: '.',
      image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/web-dev',
      dockerfile: 'docker/dev.Dockerfile',
      target: 'debug',
      buildArgs: { NODE_ENV: 'development', API: 'dev' },
    })
  })

  test('explicit inputs win: image, dockerfile, target, and build args name by name', async () => {
    const p = await deployPlan(
      { build: '.', image: 'r/web', dockerfile: 'Dockerfile', target: 'prod', 'build-args': 'API=mine\nEXTRA=1' },
      push('refs/heads/develop'),
    )
    expect(p.inputs.build).toMatchObject({
      image: 'r/web',
      dockerfile: 'Dockerfile',
      target: 'prod',
      buildArgs: { NODE_ENV: 'development', API: 'mine', EXTRA: '1' },
    })
  })

  test("environment variables and secrets come first, so the inputs' (and their !KEY) win", async () => {
    const p = await deployPlan(
      { image: 'r/web:1', 'environment-variables': 'LOG_LEVEL=info\n!FEATURE_X', secrets: 'API_KEY=arn:k' },
      push('refs/heads/develop'),
    )
    expect(p.inputs.environmentVariables).toEqual([
      { name: 'LOG_LEVEL', value: 'debug' },
      { name: 'FEATURE_X', value: 'on' },
      { name: 'LOG_LEVEL', value: 'info' },
      { name: 'FEATURE_X', remove: true },
    ])
    expect(p.inputs.secrets).toEqual([
      { name: 'DB_PASSWORD', value: 'arn:aws:ssm:us-east-1:123456789012:parameter/dev/db' },
      { name: 'API_KEY', value: 'arn:k' },
    ])
    expect(p.inputs.image).toBe('r/web:1')
  })

  test("without a build, the environment's image is the one deployed", async () => {
    const p = await deployPlan({}, push('refs/heads/develop'))
    expect(p.inputs.image).toBe('123456789012.dkr.ecr.us-east-1.amazonaws.com/web-dev')
    expect(p.inputs.build).toBeUndefined()
  })

  test("the strategy's options and alarms; an input naming the same strategy keeps them, another drops them", async () => {
    const own = await deployPlan({}, push('refs/heads/develop'))
    expect(own.inputs.strategy).toMatchObject({
      strategy: 'canary',
      canaryPercent: 20,
      canaryBakeMinutes: 2,
      deploymentAlarms: ['dev-5xx'],
    })
    const same = await deployPlan({ strategy: 'canary', 'canary-percent': '5' }, push('refs/heads/develop'))
    expect(same.inputs.strategy).toMatchObject({ strategy: 'canary', canaryPercent: 5, canaryBakeMinutes: 2 })
    const other = await deployPlan({ strategy: 'linear', 'deployment-alarms': 'mine' }, push('refs/heads/develop'))
    expect(other.inputs.strategy).toEqual({ strategy: 'linear', onBusy: 'wait', deploymentAlarms: ['mine'] })
  })

  test('a build with no repository anywhere says where to name one', async () => {
    await expect(plan({ build: '.', service: 'web' }, push('refs/heads/main'), null)).rejects.toThrow(
      'Input `build` needs `image`: the repository to push to, e.g. 123456789012.dkr.ecr.us-east-1.amazonaws.com/web.',
    )
    await expect(plan({ build: '.', environment: 'demo' }, push('refs/heads/x'))).rejects.toThrow(
      'Input `build` needs `image` (or image: in environments.demo of .github/ecs-deploy.yml): the repository to push to, e.g. 123456789012.dkr.ecr.us-east-1.amazonaws.com/web.',
    )
  })

  test('a preview copies the base without its strategy options or promotion', async () => {
    const p = await deployPlan(
      { preview: 'deploy', build: '.' },
      {
        name: 'pull_request',
        ref: 'refs/pull/3/merge',
        pullRequest: { number: 3, action: 'opened', baseRef: 'develop', headRef: 'f', headSha: 'abc' },
      },
    )
    expect(p.inputs.strategy.canaryPercent).toBeUndefined()
    expect(p.inputs.build?.dockerfile).toBe('docker/dev.Dockerfile')
  })
})

describe('promote-from', () => {
  test("the environment's promote-from: the source's cluster and region, services by name, else by position", async () => {
    const p = await deployPlan({}, push('refs/heads/main'))
    // prod's [worker, web] against qa's [web-qa, worker-qa]: no names in common, so by position.
    expect(p.promotion).toEqual({ from: 'qa', cluster: 'qa', region: 'eu-west-1', sources: ['web-qa', 'worker-qa'] })
    expect(p.inputs.build).toBeUndefined()
  })

  test('the input wins over the config, and same-named services pair up whatever their order', async () => {
    const p = await deployPlan({ 'promote-from': 'dev' }, push('refs/heads/main'))
    expect(p.promotion).toEqual({ from: 'dev', cluster: 'dev', sources: ['worker', 'web'] })
  })

  test.each([
    [
      { 'promote-from': 'qa', service: 'web' },
      null,
      'Input `promote-from` names an environment of the config file (.github/ecs-deploy.yml, or the `config` input), whose cluster and services it reads; there is no config file.',
    ],
    [
      { build: '.', image: 'r/web' },
      CONFIG,
      '.github/ecs-deploy.yml: environments.prod.promote-from (qa) and `build` exclude each other: a promotion deploys the images qa runs and builds nothing. Remove `build` from the step that deploys prod.',
    ],
    [
      { image: 'r/web:1' },
      CONFIG,
      '.github/ecs-deploy.yml: environments.prod.promote-from (qa) and `image` exclude each other: a promotion deploys the images qa runs and builds nothing. Remove `image` from the step that deploys prod.',
    ],
    [
      { 'promote-from': 'qq' },
      CONFIG,
      'Input `promote-from`: "qq" is not an environment in .github/ecs-deploy.yml; did you mean qa?',
    ],
    [
      { 'promote-from': 'prod' },
      CONFIG,
      'Input `promote-from`: prod is the environment being deployed; name the one whose images it should run.',
    ],
    [
      { 'promote-from': 'demo' },
      CONFIG,
      "Input `promote-from`: prod's services (worker, web) cannot be paired with demo's (web): give them the same names, or list as many in the same order.",
    ],
    [
      { 'promote-from': 'qa', service: 'web' },
      'environments:\n  qa: { cluster: qa, services: [web] }\n',
      'Input `promote-from` needs the environment this run deploys to come from .github/ecs-deploy.yml (the `environment` input, or a branch or tag one of its environments takes).',
    ],
  ])('%j is refused before anything runs', async (values, config, message) => {
    await expect(plan(values, push('refs/heads/main'), config)).rejects.toThrow(message)
  })
})
