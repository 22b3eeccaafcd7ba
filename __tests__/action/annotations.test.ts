// A config or task definition error with a file and line fails the step as an annotation on that file and line.
import { jest } from '@jest/globals'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

interface Said {
  message: string
  properties?: Record<string, unknown>
}
const errors: Said[] = []
const failures: string[] = []
let inputs: Record<string, string> = {}

jest.unstable_mockModule('@actions/core', () => ({
  getInput: (name: string) => inputs[name] ?? '',
  setOutput: () => undefined,
  setFailed: (message: string) => failures.push(message),
  saveState: () => undefined,
  getState: () => '',
  setSecret: () => undefined,
  info: () => undefined,
  warning: () => undefined,
  error: (message: string, properties?: Record<string, unknown>) =>
    errors.push({ message, ...(properties && { properties }) }),
  debug: () => undefined,
  group: async <T>(_name: string, fn: () => Promise<T>) => fn(),
  summary: { addRaw: () => ({ write: async () => undefined }) },
}))

const { run } = await import('../../src/action/main.js')
const { annotationProperties } = await import('../../src/action/annotations.js')

let workspace = ''
beforeEach(() => {
  errors.length = 0
  failures.length = 0
  workspace = mkdtempSync(path.join(tmpdir(), 'annotations-'))
  mkdirSync(path.join(workspace, '.github'))
  process.env.GITHUB_WORKSPACE = workspace
  process.env.GITHUB_EVENT_NAME = 'push'
  process.env.GITHUB_EVENT_PATH = ''
  process.env.GITHUB_REF = 'refs/heads/develop'
})

const config = (...lines: string[]): void =>
  writeFileSync(path.join(workspace, '.github/ecs-deploy.yml'), lines.join('\n'))

test.each(['plan', 'deploy'])(
  'mode %s: a misspelt config key is an error annotation on its file and line',
  async (mode) => {
    config(
      'environments:',
      '  dev:',
      '    branches: [develop]',
      '    cluster: dev',
      '    services: [web]',
      '    stratgy: canary',
    )
    inputs = { mode }
    const result = await run()
    expect(result.failure).toBe('bad-input')
    expect(failures).toEqual([])
    expect(process.exitCode).toBe(1)
    expect(errors).toEqual([
      {
        message: '.github/ecs-deploy.yml, line 6, environments.dev.stratgy: unknown key; did you mean strategy?',
        properties: { file: '.github/ecs-deploy.yml', startLine: 6 },
      },
    ])
  },
)

test('several problems: the whole message on the first line, each further problem on its own line', async () => {
  config('environments:', '  dev:', '    branches: [develop]', '    clustr: dev', '    services: [web]')
  inputs = { mode: 'plan' }
  await run()
  expect(errors).toEqual([
    {
      message:
        '.github/ecs-deploy.yml has 2 problems:\n' +
        '  - line 4, environments.dev.clustr: unknown key; did you mean cluster?\n' +
        '  - line 2, environments.dev: has services but no cluster; add cluster: <the ECS cluster they run in>',
      properties: { file: '.github/ecs-deploy.yml', startLine: 4 },
    },
    {
      message:
        '.github/ecs-deploy.yml, environments.dev: has services but no cluster; add cluster: <the ECS cluster they run in>',
      properties: { file: '.github/ecs-deploy.yml', startLine: 2 },
    },
  ])
})

test('an error without a file location fails the step as before, with no file', async () => {
  inputs = { mode: 'deploy', config: 'missing.yml' }
  await run()
  expect(errors).toEqual([])
  expect(failures).toHaveLength(1)
  expect(failures[0]).toMatch(/^Config file missing\.yml was not found/)
})

test.each([
  [
    { file: '.aws/td.json', line: 3, message: 'm' },
    { file: '.aws/td.json', startLine: 3 },
  ],
  [
    { file: './.aws/td.json', line: 3, column: 7, message: 'm' },
    { file: '.aws/td.json', startLine: 3, startColumn: 7 },
  ],
  [
    { file: '/ws/deploy/td.yaml', line: 1, message: 'm' },
    { file: 'deploy/td.yaml', startLine: 1 },
  ],
])('annotation path relative to the workspace: %j → %j', (location, properties) => {
  expect(annotationProperties(location, '/ws')).toEqual(properties)
})
