// `mode: drift` through dist/index.js (and `drift` through dist/cli/) on the local stack: a service the action deployed
// shows no drift; changed behind the action's back with the SDK (desired count, an environment variable in a new
// revision set on the service), it shows exactly those two, and the check itself registers and updates nothing.
import {
  DescribeTaskDefinitionCommand,
  ECSClient,
  ListTaskDefinitionsCommand,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs'
import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { runAction, withConfig, workspaceDir } from './action.js'
import { givenWebService, ScenarioAdmin, useStack, webService, webTaskDefinition, type StackEnv } from './stack.js'

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

const revisions = async (): Promise<string[]> =>
  (await ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: 'web' }))).taskDefinitionArns ?? []

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

test('deployed by the action: no drift; changed behind its back: exactly the desired count and the variable', async () => {
  await givenWebService(stack, admin, ecs)
  const dir = workspaceDir('e2e-drift-')
  const template = path.join(dir, 'task-definition.json')
  writeFileSync(
    template,
    JSON.stringify(
      webTaskDefinition('web', `${stack.STACK_REGISTRY}/web:placeholder`, {
        environment: [{ name: 'MODE', value: 'live' }],
      }),
    ),
  )
  const files = withConfig({ cluster: 'prod', service: 'web', 'task-definition': template }, 'desired-count: 2')

  const deployed = await runAction({ ...files, image: `${stack.STACK_REGISTRY}/web:v2` })
  expect(deployed.errors).toEqual([])
  expect(deployed.exitCode).toBe(0)
  const running = (await webService(ecs)).taskDefinition ?? ''
  expect(running).toMatch(/task-definition\/web:2$/)

  // Untouched: the repository's files, with the image the service runs, are what runs.
  const untouched = await runAction({ ...files, mode: 'drift' })
  expect(untouched.errors).toEqual([])
  expect(untouched.exitCode).toBe(0)
  expect(untouched.result.drift).toBe('false')
  expect(untouched.summary).toContain('## ✅ ECS drift check: no drift')
  expect(untouched.summary).toContain('No drift: the live service (web:2)')

  // Behind the action's back: a revision with one more variable, set on the service with another desired count.
  const { taskDefinition: live } = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: running }))
  const image = live?.containerDefinitions?.[0]?.image ?? ''
  const { taskDefinition: changed } = await ecs.send(
    new RegisterTaskDefinitionCommand(
      webTaskDefinition('web', image, {
        environment: [
          { name: 'MODE', value: 'live' },
          { name: 'FEATURE_FLAG', value: 'on' },
        ],
      }),
    ),
  )
  await ecs.send(
    new UpdateServiceCommand({
      cluster: 'prod',
      service: 'web',
      taskDefinition: changed?.taskDefinitionArn,
      desiredCount: 3,
    }),
  )
  const before = { revisions: await revisions(), service: await webService(ecs) }

  const drifted = await runAction({ ...files, mode: 'drift' })
  expect(drifted.exitCode).toBe(1)
  expect(drifted.result.drift).toBe('true')
  expect(drifted.errors).toEqual([
    "::error::web: Drift: 2 difference(s) between the live service (web:3) and what the repository's files would deploy.",
  ])
  const lines = drifted.summary.split('\n')
  const table = lines.slice(lines.indexOf('| path | live | repository |') + 2)
  expect(table.slice(0, table.indexOf(''))).toEqual([
    '| containerDefinitions\\[web\\].environment\\[FEATURE\\_FLAG\\] | {"name":"FEATURE\\_FLAG","value":"on"} | (none) |',
    '| service desired count | 3 | 2 |',
  ])
  expect(drifted.stdout).toContain('  service desired count: live 3, repository 2')

  // The CLI says the same on stdout, and fails the same way.
  const command = await cli(
    'drift',
    '--cluster',
    'prod',
    '--service',
    'web',
    '--task-definition',
    template,
    '--config',
    files.config,
  )
  expect(command.code).toBe(1)
  expect(command.stdout).toBe(
    [
      'web:',
      '  containerDefinitions[web].environment[FEATURE_FLAG]: live {"name":"FEATURE_FLAG","value":"on"}, repository (none)',
      '  service desired count: live 3, repository 2',
      '',
    ].join('\n'),
  )

  // Neither check changed anything.
  const after = await webService(ecs)
  expect(await revisions()).toEqual(before.revisions)
  expect(after.taskDefinition).toBe(before.service.taskDefinition)
  expect(after.desiredCount).toBe(3)
  // No deployment started (the SDK's own may have finished meanwhile, its old one gone).
  const earlier = before.service.deployments?.map((d) => d.id) ?? []
  expect(after.deployments?.filter((d) => !earlier.includes(d.id))).toEqual([])
}, 120_000)
