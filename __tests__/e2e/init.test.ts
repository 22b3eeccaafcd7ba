// `init` on the local stack: the files it writes from a running service deploy back to the same service unchanged,
// and a change made in the service definition file is exactly what the next deploy changes.
import { ECSClient, ListTagsForResourceCommand, ListTaskDefinitionsCommand } from '@aws-sdk/client-ecs'
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { runAction, workspaceDir } from './action.js'
import { givenWebService, ScenarioAdmin, useStack, webService, type StackEnv } from './stack.js'

/** The `result` output: every value beside the main outputs (`diff` among them). */
const resultOf = (run: { outputs: Record<string, string | undefined> }): Record<string, string | undefined> =>
  JSON.parse(run.outputs.result ?? '{}') as Record<string, string | undefined>

const ROOT = path.resolve(import.meta.dirname, '../..')
let stack: StackEnv
let admin: ScenarioAdmin
let ecs: ECSClient

beforeAll(async () => {
  stack = await useStack()
  admin = new ScenarioAdmin(stack.STACK_SCENARIO_URL)
  ecs = new ECSClient({ region: stack.AWS_REGION })
})
afterAll(() => ecs?.destroy())

/** The CLI as a CI shell step runs it: the stack's AWS variables, no GITHUB_* anywhere. */
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('GITHUB_') && !k.startsWith('INPUT_')),
  )
  const child = spawn(process.execPath, ['--no-warnings', path.join(ROOT, 'dist/cli/index.js'), ...args], {
    env: { ...env, ...stack },
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)))
  return { code, stdout, stderr }
}

const revisions = async (): Promise<string[]> =>
  (await ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: 'web' }))).taskDefinitionArns ?? []

test('init writes the three files; a deploy with them changes nothing; desiredCount changed in the file changes only it', async () => {
  await givenWebService(stack, admin, ecs, { circuitBreaker: { enable: true, rollback: true } })
  const dir = workspaceDir('e2e-init-')
  const init = await cli('init', '--cluster', 'prod', '--service', 'web', '--environment', 'prod', '--dir', dir)
  expect(init.stderr).not.toContain('rror')
  expect(init.code).toBe(0)
  const written = ['.aws/task-definition.json', '.aws/service-definition.json', '.github/ecs-deploy.yml']
  for (const file of written) {
    expect(existsSync(path.join(dir, file))).toBe(true)
    expect(init.stderr).toContain(`wrote ${file}`)
  }
  const serviceFile = path.join(dir, '.aws/service-definition.json')
  const definition = JSON.parse(readFileSync(serviceFile, 'utf8')) as Record<string, unknown>
  expect(definition).toMatchObject({ desiredCount: 2, launchType: 'FARGATE' })
  expect(definition).not.toHaveProperty('taskDefinition')
  expect(definition).not.toHaveProperty('serviceArn')

  // Nothing is overwritten unless asked.
  const again = await cli('init', '--cluster', 'prod', '--service', 'web', '--dir', dir)
  expect(again.code).toBe(2)
  expect(again.stderr).toContain(
    'init writes no file when one exists: .aws/task-definition.json, .aws/service-definition.json, .github/ecs-deploy.yml',
  )
  expect(
    (await cli('init', '--cluster', 'prod', '--service', 'web', '--environment', 'prod', '--dir', dir, '--force')).code,
  ).toBe(0)

  // Deployed back as written: nothing registered, nothing sent, nothing deployed.
  const before = await revisions()
  const unchanged = await runAction({ environment: 'prod' }, { GITHUB_WORKSPACE: dir })
  expect(unchanged.errors).toEqual([])
  expect(unchanged.exitCode).toBe(0)
  expect(unchanged.outputs['deployment-id'] ?? '').toBe('')
  expect(resultOf(unchanged).diff ?? '').toBe('')
  expect(await revisions()).toEqual(before)

  // One change in the file: exactly that one reaches the service, with the same revision.
  writeFileSync(serviceFile, JSON.stringify({ ...definition, desiredCount: 3 }, null, 2))
  const scaled = await runAction({ environment: 'prod' }, { GITHUB_WORKSPACE: dir })
  expect(scaled.errors).toEqual([])
  expect(scaled.exitCode).toBe(0)
  expect(resultOf(scaled).diff?.split('\n')).toEqual(['service desired count: 2 → 3'])
  const web = await webService(ecs)
  expect(web.desiredCount).toBe(3)
  expect(web.taskDefinition).toMatch(/task-definition\/web:1$/)
  expect(await revisions()).toEqual(before)

  // The environment's config key wins over the file, and the run says so.
  const configFile = path.join(dir, '.github', 'ecs-deploy.yml')
  writeFileSync(configFile, readFileSync(configFile, 'utf8').replace(/^( {2}prod:\n)/m, '$1    desired-count: 2\n'))
  const input = await runAction({ environment: 'prod', 'dry-run': 'true' }, { GITHUB_WORKSPACE: dir })
  expect(input.exitCode).toBe(0)
  expect(resultOf(input).diff?.split('\n')).toEqual(['service desired count: 3 → 2'])
  expect(input.stdout).toContain(
    'desiredCount: `desired-count` (2) wins over service definition .aws/service-definition.json (3)',
  )
})

test("the file's tags: a dry run shows the change and makes none; the deploy sets and removes them", async () => {
  await givenWebService(stack, admin, ecs)
  const dir = workspaceDir('e2e-init-tags-')
  expect((await cli('init', '--cluster', 'prod', '--service', 'web', '--environment', 'prod', '--dir', dir)).code).toBe(
    0,
  )
  const arn = (await webService(ecs)).serviceArn ?? ''
  const tagsNow = async (): Promise<string[]> =>
    ((await ecs.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags ?? [])
      .map((t) => `${t.key}=${t.value}`)
      .sort()
  const before = await tagsNow()
  const serviceFile = path.join(dir, '.aws/service-definition.json')
  const definition = JSON.parse(readFileSync(serviceFile, 'utf8')) as Record<string, unknown>
  writeFileSync(serviceFile, JSON.stringify({ ...definition, tags: [{ key: 'team', value: 'search' }] }, null, 2))
  const removed = before.map((t) => t.split('=')[0]).filter((k) => k !== 'team')

  const dry = await runAction({ environment: 'prod', 'dry-run': 'true' }, { GITHUB_WORKSPACE: dir })
  expect(dry.errors).toEqual([])
  expect(resultOf(dry).diff?.split('\n')).toEqual([
    `service tags: set team=search${removed.length ? `; remove ${removed.join(', ')}` : ''}`,
  ])
  expect(await tagsNow()).toEqual(before)

  const tagged = await runAction({ environment: 'prod' }, { GITHUB_WORKSPACE: dir })
  expect(tagged.errors).toEqual([])
  expect(tagged.exitCode).toBe(0)
  expect(tagged.stdout).toContain('web: tags: set team=search')
  expect(await tagsNow()).toEqual(['team=search'])
  const again = await runAction({ environment: 'prod', 'dry-run': 'true' }, { GITHUB_WORKSPACE: dir })
  expect(resultOf(again).diff ?? '').toBe('')
})

test('a service definition with a misspelt key stops the deploy before anything changes, naming the file and line', async () => {
  await givenWebService(stack, admin, ecs)
  const dir = workspaceDir('e2e-init-')
  writeFileSync(path.join(dir, 'svc.yaml'), 'desiredCount: 4\nhealthCheckGracePeriod: 30\n')
  const run = await runAction(
    { cluster: 'prod', service: 'web', 'service-definition': 'svc.yaml' },
    { GITHUB_WORKSPACE: dir },
  )
  expect(run.exitCode).not.toBe(0)
  expect(run.stdout).toContain(
    'service definition svc.yaml, line 2, healthCheckGracePeriod: unknown key; did you mean healthCheckGracePeriodSeconds?',
  )
  expect((await webService(ecs)).desiredCount).toBe(2)
})
