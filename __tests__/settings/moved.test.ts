// Issue 22: the inputs that moved to the config file. For each one, the file key does what the input did (the plan's
// settings are the same as with the input, and differ from giving neither), and the action refuses the input, naming
// the key it moved to.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { readGitContext } from '../../src/common/git-context.js'
import { planRun } from '../../src/engine/environment-plan.js'
import { checkMovedInputs, getInputs } from '../../src/settings/inputs.js'
import { MOVED_INPUTS } from '../../src/settings/moved.js'

const quiet = { info: () => undefined, warning: () => undefined, secret: () => undefined }
const BASE = { service: 'web', cluster: 'prod', 'run-task': 'npm run migrate' }

/** The deploy plan's settings for these inputs and this environment (keys of `prod`, the environment main goes to). */
async function settings(inputs: Record<string, string>, keys: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'moved-'))
  mkdirSync(path.join(dir, '.github'))
  writeFileSync(path.join(dir, '.github/ecs-deploy.yml'), `environments:\n  prod:\n    branches: [main]\n${keys}`)
  const values: Record<string, string> = { ...BASE, ...inputs }
  const plan = await planRun(
    getInputs((name) => values[name] ?? '', quiet),
    { ...readGitContext({}), workspace: dir },
    { name: 'push', ref: 'refs/heads/main' },
  )
  if (plan.kind !== 'deploy') throw new Error(`planned ${plan.kind}`)
  const { given: _given, ...rest } = plan.inputs
  return rest
}

const indent = (yaml: string): string =>
  yaml
    .trim()
    .split('\n')
    .map((line) => `    ${line}\n`)
    .join('')

/** input given → the same as the file's keys; `with`: what both need beside (e.g. the strategy it applies to). */
const ROWS: [input: string, value: string, keys: string, needs?: [Record<string, string>, string]][] = [
  ['vars', 'LOG_LEVEL=debug', 'vars: { LOG_LEVEL: debug }'],
  ['keep-revisions', '10', 'keep-revisions: 10'],
  ['desired-count', '3', 'desired-count: 3'],
  ['minimum-healthy-percent', '50', 'service-settings: { minimum-healthy-percent: 50 }'],
  ['maximum-percent', '150', 'service-settings: { maximum-percent: 150 }'],
  ['health-check-grace-period', '60', 'service-settings: { health-check-grace-period: 60 }'],
  ['deployment-circuit-breaker', 'rollback', 'service-settings: { deployment-circuit-breaker: rollback }'],
  ['propagate-tags', 'service', 'service-settings: { propagate-tags: SERVICE }'],
  ['enable-ecs-managed-tags', 'true', 'service-settings: { enable-ecs-managed-tags: true }'],
  ['enable-execute-command', 'true', 'service-settings: { enable-execute-command: true }'],
  [
    'capacity-provider-strategy',
    'FARGATE_SPOT:3\nFARGATE:1:2',
    'service-settings: { capacity-provider-strategy: [FARGATE_SPOT:3, "FARGATE:1:2"] }',
  ],
  [
    'volume-configurations',
    '[{"name":"data","managedEBSVolume":{"roleArn":"arn:aws:iam::123456789012:role/ebs","sizeInGiB":20}}]',
    'service-settings: { volume-configurations: [{ name: data, managedEBSVolume: { roleArn: "arn:aws:iam::123456789012:role/ebs", sizeInGiB: 20 } }] }',
  ],
  ['deployment-alarms', 'web-5xx\nweb-latency', 'deployment-alarms: [web-5xx, web-latency]'],
  ['strategy', 'canary', 'strategy: canary'],
  ['bake-minutes', '5', 'bake-minutes: 5', [{ strategy: 'canary' }, 'strategy: canary']],
  ['canary-percent', '20', 'canary-percent: 20', [{ strategy: 'canary' }, 'strategy: canary']],
  ['canary-bake-minutes', '7', 'canary-bake-minutes: 7', [{ strategy: 'canary' }, 'strategy: canary']],
  ['step-percent', '25', 'step-percent: 25', [{ strategy: 'linear' }, 'strategy: linear']],
  ['step-bake-minutes', '4', 'step-bake-minutes: 4', [{ strategy: 'linear' }, 'strategy: linear']],
  ['wait-until', 'test-traffic-shifted', 'wait-until: test-traffic-shifted'],
  ['on-busy', 'fail', 'on-busy: fail'],
  ['rollback-on-failure', 'false', 'rollback-on-failure: false'],
  ['appspec', 'deploy/appspec.yml', 'codedeploy: { appspec: deploy/appspec.yml }'],
  ['codedeploy-application', 'web-app', 'codedeploy: { application: web-app }'],
  ['codedeploy-deployment-group', 'web-group', 'codedeploy: { deployment-group: web-group }'],
  ['codedeploy-config', 'Custom.Canary', 'codedeploy: { config: Custom.Canary }'],
  ['run-task-container', 'migrate', 'run-task: { container: migrate }'],
  ['run-task-count', '2', 'run-task: { count: 2 }'],
  ['run-task-launch-type', 'fargate', 'run-task: { launch-type: FARGATE }'],
  [
    'run-task-capacity-provider-strategy',
    'FARGATE_SPOT:1',
    'run-task: { capacity-provider-strategy: [FARGATE_SPOT:1] }',
  ],
  ['run-task-subnets', 'subnet-1,subnet-2', 'run-task: { subnets: [subnet-1, subnet-2] }'],
  ['run-task-security-groups', 'sg-1', 'run-task: { security-groups: [sg-1] }'],
  ['run-task-assign-public-ip', 'enabled', 'run-task: { assign-public-ip: ENABLED }'],
  ['run-task-tags', 'team=web\nstep=migrate', 'run-task: { tags: { team: web, step: migrate } }'],
  ['run-task-overrides', '{"cpu":"512"}', 'run-task: { overrides: { cpu: "512" } }'],
  ['verify-url', 'https://example.com/health', 'verify: { url: https://example.com/health }'],
  ['verify-test-url', 'http://lb.example.com:8080/', 'verify: { test-url: "http://lb.example.com:8080/" }'],
  [
    'verify-expect',
    '204',
    'verify: { url: https://example.com/, expect: "204" }',
    [{ 'verify-url': 'https://example.com/' }, ''],
  ],
  [
    'verify-timeout',
    '120',
    'verify: { url: https://example.com/, timeout: 120 }',
    [{ 'verify-url': 'https://example.com/' }, ''],
  ],
  [
    'verify-interval',
    '2',
    'verify: { url: https://example.com/, interval: 2 }',
    [{ 'verify-url': 'https://example.com/' }, ''],
  ],
  ['verify-command', 'npm run smoke', 'verify: { command: npm run smoke }'],
  ['log-lines', '100', 'log-lines: 100'],
  ['artifacts-dir', 'build/pipeline', 'artifacts-dir: build/pipeline'],
  ...(
    [
      ['push', 'false', 'push: false'],
      ['create-repository', 'true', 'create-repository: true'],
      ['scan-on-push', 'false', 'scan-on-push: false'],
      ['immutable-tags', 'true', 'immutable-tags: true'],
      ['skip-build-if-exists', 'false', 'skip-build-if-exists: false'],
      ['build-secret-files', 'npmrc=.npmrc', 'secret-files: { npmrc: .npmrc }'],
      ['ssh', 'default', 'ssh: [default]'],
      ['provenance', 'false', 'provenance: false'],
      ['sbom', 'true', 'sbom: true'],
      ['no-cache', 'true', 'no-cache: true'],
      ['pull', 'true', 'pull: true'],
      ['logout', 'false', 'logout: false'],
    ] as const
  ).map(([input, value, key]): (typeof ROWS)[number] => [
    input,
    value,
    `build: { ${key} }`,
    [{ build: '.', image: 'r/web' }, ''],
  ]),
]

describe('each moved input: its config key does what the input did', () => {
  test.each(ROWS)('%s', async (input, value, keys, needs = [{}, '']) => {
    const [inputs, beside] = needs
    const viaInput = await settings({ ...inputs, [input]: value }, indent(beside))
    const viaFile = await settings(inputs, indent(`${beside}\n${keys}`))
    const neither = await settings(inputs, indent(beside))
    expect(viaFile).toEqual(viaInput)
    expect(viaFile).not.toEqual(neither)
  })

  test('every moved input with a config key has its row', () => {
    const covered = new Set(ROWS.map(([input]) => input))
    const withKeys = Object.entries(MOVED_INPUTS)
      .filter(([, to]) => to.key.startsWith('environments.') || to.key.startsWith('previews.'))
      .map(([name]) => name)
      // aliases read as their settings; previews' keys are tested with the previews (withPreviewOverrides)
      .filter(
        (name) => !['codedeploy-appspec', 'codedeploy-deployment-config', 'preview-ttl', 'preview-max'].includes(name),
      )
    expect(withKeys.filter((name) => !covered.has(name))).toEqual([])
  })
})

describe('a moved input given to the action', () => {
  test.each(Object.entries(MOVED_INPUTS))('%s fails, naming its new place and an example', (name, to) => {
    expect(() => checkMovedInputs((n) => (n === name ? 'x' : ''))).toThrow(to.key)
    expect(() => checkMovedInputs((n) => (n === name ? 'x' : ''))).toThrow(to.example)
  })

  test('the whole message, for one moved input and for two', () => {
    expect(() => checkMovedInputs((n) => ({ 'canary-percent': '20' })[n] ?? '')).toThrow(
      'Input `canary-percent` moved to the config file, key `environments.<name>.canary-percent`: e.g. `canary-percent: 10`. The config file is .github/ecs-deploy.yml (or the `config` input); docs/migration.md lists every move.',
    )
    expect(() => checkMovedInputs((n) => ({ 'register-only': 'true', continue: 'true' })[n] ?? '')).toThrow(
      'Input `continue` is now the `mode` input: write `mode: continue (continue: rollback is mode: rollback-paused)`. Input `register-only` is now the `mode` input: write `mode: register-only`.',
    )
  })

  test('the inputs that stay pass', () => {
    const stay: Record<string, string> = { service: 'web', cluster: 'prod', wait: 'true', 'timeout-minutes': '10' }
    expect(() => checkMovedInputs((n) => stay[n] ?? '')).not.toThrow()
  })
})

describe('mode absorbs the switches', () => {
  const read = (values: Record<string, string>) => getInputs((n) => ({ service: 'web', ...values })[n] ?? '', quiet)
  test('register-only, continue, rollback-paused', () => {
    expect(read({ mode: 'register-only', 'task-definition': 't.json' })).toMatchObject({
      mode: 'deploy',
      registerOnly: true,
    })
    expect(read({ mode: 'continue' }).strategy.continueAction).toBe('continue')
    expect(read({ mode: 'rollback-paused' }).strategy.continueAction).toBe('rollback')
    expect(read({}).strategy.continueAction).toBeUndefined()
    expect(read({}).registerOnly).toBeUndefined()
  })
})

describe('the moved keys are checked like their inputs, at their line', () => {
  test.each([
    ['run-task: { count: 20 }', 'line 4, environments.prod.run-task.count: must be a number from 1 to 10, not "20"'],
    [
      'run-task: { launch-type: FARGATE, capacity-provider-strategy: [FARGATE] }',
      'line 4, environments.prod.run-task.launch-type: launch-type and capacity-provider-strategy exclude each other (as in RunTask): give one',
    ],
    ['build: { push: maybe }', 'line 4, environments.prod.build.push: must be true or false, not "maybe"'],
    ['on-busy: later', 'line 4, environments.prod.on-busy: must be one of wait, fail, not "later"'],
    [
      'run-task: { overrides: { cpuu: 1 } }',
      'line 4, environments.prod.run-task.overrides: unknown key "cpuu" (it takes containerOverrides, cpu, memory, taskRoleArn, executionRoleArn, ephemeralStorage, inferenceAcceleratorOverrides)',
    ],
    ['codedeploy: { app: x }', 'line 4, environments.prod.codedeploy.app: unknown key; did you mean appspec?'],
    [
      'service-settings: { deployment-circuit-breaker: on }',
      'line 4, environments.prod.service-settings.deployment-circuit-breaker: must be one of keep, rollback, enable, disable, not "on"',
    ],
    [
      'strategy: rolling\n    wait-until: test-traffic-shifted',
      'line 5, environments.prod.wait-until: needs `strategy: blue-green`, `canary` or `linear`: a rolling update has no stage to pause at',
    ],
  ])('%s', async (keys, problem) => {
    const { loadConfig } = await import('../../src/config/index.js')
    const dir = mkdtempSync(path.join(tmpdir(), 'moved-'))
    writeFileSync(path.join(dir, 'c.yml'), `environments:\n  prod:\n    branches: [main]\n    ${keys}\n`)
    await expect(loadConfig('c.yml', { workspace: dir, required: true })).rejects.toThrow(problem)
  })
})
