// Where the service settings and the serviceless runs meet the plan: the config's settings under the inputs', and
// no service needed for register-only or a one-off task on its own.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { readGitContext } from '../../src/common/git-context.js'
import { getInputs, runsAlone } from '../../src/settings/inputs.js'
import { planRun } from '../../src/engine/environment-plan.js'

async function plan(values: Record<string, string>, config?: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'plan-service-'))
  if (config !== undefined) {
    mkdirSync(path.join(dir, '.github'))
    writeFileSync(path.join(dir, '.github/ecs-deploy.yml'), config)
  }
  const inputs = getInputs((name) => values[name] ?? '', {
    info: () => undefined,
    warning: () => undefined,
    secret: () => undefined,
  })
  return planRun(inputs, { ...readGitContext({}), workspace: dir }, { name: 'push', ref: 'refs/heads/main' })
}

const CONFIG = `
environments:
  prod:
    branches: [main]
    cluster: prod
    services: [web]
    service-settings: { maximum-percent: 150, enable-execute-command: true }
`

test("the environment's service settings, with the inputs' over them", async () => {
  const planned = await plan({ 'enable-execute-command': 'false', 'health-check-grace-period': '30' }, CONFIG)
  expect(planned.kind === 'deploy' && planned.inputs.serviceSettings).toEqual({
    maximumPercent: 150,
    enableExecuteCommand: false,
    healthCheckGracePeriodSeconds: 30,
  })
})

test('register-only and a one-off task need no service; a deploy does', async () => {
  await expect(plan({ 'register-only': 'true', 'task-definition': 'td.json' })).resolves.toMatchObject({
    kind: 'deploy',
  })
  await expect(plan({ 'run-task': 'npm run x', 'task-definition-arn': 'job:1' })).resolves.toMatchObject({
    kind: 'deploy',
  })
  await expect(plan({ 'task-definition': 'td.json' })).rejects.toThrow('Input `service` is required')
})

test('runsAlone: register-only always; run-task only without a service', () => {
  expect(runsAlone({ registerOnly: true, services: ['web'] })).toBe(true)
  expect(runsAlone({ services: [], runTask: 'x' })).toBe(true)
  expect(runsAlone({ services: ['web'], runTask: 'x' })).toBe(false)
  expect(runsAlone({ services: [] })).toBe(false)
})

test.each([
  [
    { 'task-definition-arn': 'web:3', image: 'r/web:v2' },
    'Input `task-definition-arn` deploys that revision as it is, so `image` cannot change it: drop `image`, or drop `task-definition-arn` to render and register a new revision.',
  ],
  [
    { 'register-only': 'true', 'keep-revisions': '5' },
    '`mode: register-only` registers a revision without deploying it, so `keep-revisions` has nothing to act on: drop one of them.',
  ],
])('%j is refused', (values, message) => {
  const read = (name: string) => (values as Record<string, string>)[name] ?? ''
  expect(() => getInputs(read, { info: () => undefined, warning: () => undefined, secret: () => undefined })).toThrow(
    message,
  )
})
