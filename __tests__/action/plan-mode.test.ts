// `mode: plan` through the action's door: outputs matrix, any and result (environments), a summary, and no AWS at all.
import { jest } from '@jest/globals'
import { ECSClient } from '@aws-sdk/client-ecs'
import { mockClient } from 'aws-sdk-client-mock'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

const outputs: Record<string, string> = {}
const failures: string[] = []
let summary = ''
let inputs: Record<string, string> = {}

jest.unstable_mockModule('@actions/core', () => ({
  getInput: (name: string) => inputs[name] ?? '',
  setOutput: (name: string, value: string) => (outputs[name] = value),
  setFailed: (message: string) => failures.push(message),
  saveState: () => undefined,
  getState: () => '',
  setSecret: () => undefined,
  info: () => undefined,
  warning: () => undefined,
  error: () => undefined,
  debug: () => undefined,
  group: async <T>(_name: string, fn: () => Promise<T>) => fn(),
  summary: { addRaw: (text: string) => ({ write: async () => void (summary += text) }) },
}))

const { run } = await import('../../src/action/main.js')
const ecsMock = mockClient(ECSClient)

const CONFIG = [
  'environments:',
  '  dev: { branches: [develop], cluster: dev, services: [web] }',
  '  staging: { branches: [main], cluster: staging, services: [web] }',
  '  prod:',
  '    branches: [main]',
  '    cluster: prod',
  '    services: [web, worker]',
  '    regions: [us-east-1, eu-west-1]',
  '    role-to-assume: arn:aws:iam::123456789012:role/deploy',
  '    needs: staging',
].join('\n')

beforeEach(() => {
  ecsMock.reset()
  for (const k of Object.keys(outputs)) delete outputs[k]
  failures.length = 0
  summary = ''
  const workspace = mkdtempSync(path.join(tmpdir(), 'plan-mode-'))
  mkdirSync(path.join(workspace, '.github'))
  writeFileSync(path.join(workspace, '.github/ecs-deploy.yml'), CONFIG)
  inputs = { mode: 'plan' }
  process.env.GITHUB_WORKSPACE = workspace
  process.env.GITHUB_EVENT_NAME = 'push'
  process.env.GITHUB_EVENT_PATH = ''
  // No credentials and no region: the plan needs neither.
  delete process.env.AWS_REGION
  delete process.env.AWS_DEFAULT_REGION
  delete process.env.AWS_ACCESS_KEY_ID
})

test('a push to main: the matrix has staging, then prod in each region; outputs and summary say so; no AWS call', async () => {
  process.env.GITHUB_REF = 'refs/heads/main'
  const result = await run()
  expect(failures).toEqual([])
  expect(result.failure).toBeUndefined()
  const prod = (region: string) => ({
    environment: 'prod',
    cluster: 'prod',
    services: 'web,worker',
    region,
    role: 'arn:aws:iam::123456789012:role/deploy',
    needs: ['staging'],
  })
  expect(JSON.parse(outputs.matrix ?? '')).toEqual({
    include: [
      { environment: 'staging', cluster: 'staging', services: 'web', needs: [] },
      prod('us-east-1'),
      prod('eu-west-1'),
    ],
  })
  expect(JSON.parse(outputs.result ?? '')).toEqual({ environments: ['staging', 'prod'] })
  expect(outputs.any).toBe('true')
  expect(outputs.status).toBeUndefined()
  expect(summary).toContain('This run deploys staging, prod.')
  expect(summary).toContain('| prod | ✅ us-east-1, eu-west-1 | ref refs/heads/main matches its branch pattern main |')
  expect(summary).toContain('| dev | ⏭️ no | ref refs/heads/main matches none of its branches (develop) |')
  expect(ecsMock.calls()).toEqual([])
})

test('a branch nothing takes: an empty matrix and any false, and the step succeeds', async () => {
  process.env.GITHUB_REF = 'refs/heads/feature/x'
  await run()
  expect(failures).toEqual([])
  expect(outputs).toMatchObject({ matrix: '{"include":[]}', any: 'false', result: '{"environments":[]}' })
})

test('without a config file the plan step fails, saying where it looked', async () => {
  process.env.GITHUB_REF = 'refs/heads/main'
  inputs = { mode: 'plan', config: '.github/deploy.yml' }
  await run()
  expect(failures).toEqual([
    `Config file .github/deploy.yml was not found (looked for ${path.join(process.env.GITHUB_WORKSPACE ?? '', '.github/deploy.yml')}): check the \`config\` input, and that actions/checkout runs before this step.`,
  ])
  expect(outputs.matrix).toBeUndefined()
})

test('a mode that is not one of the modes is refused by name', async () => {
  inputs = { mode: 'plna' }
  await run()
  expect(failures).toEqual([
    'Input `mode` must be one of deploy, plan, register-only, continue, rollback-paused, drift, not "plna".',
  ])
})
