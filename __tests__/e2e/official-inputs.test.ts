// A step moved from aws-actions/amazon-ecs-deploy-task-definition and -render-task-definition, through dist/index.js on
// the local stack: their names deploy as ours do; `run-task: true` and contradicting names stop before any change.
import { DescribeTaskDefinitionCommand, ECSClient, ListTaskDefinitionsCommand } from '@aws-sdk/client-ecs'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { runAction, workspaceDir } from './action.js'
import { givenWebService, ScenarioAdmin, useStack, webService, webTaskDefinition, type StackEnv } from './stack.js'

let stack: StackEnv
let admin: ScenarioAdmin
let ecs: ECSClient
const dir = workspaceDir('e2e-official-')

beforeAll(async () => {
  stack = await useStack()
  admin = new ScenarioAdmin(stack.STACK_SCENARIO_URL)
  ecs = new ECSClient({ region: stack.AWS_REGION })
})
afterAll(() => ecs?.destroy())

/** The template: two containers, neither from the image's repository, so only `container-name` says which gets it. */
function template(): string {
  const file = path.join(dir, 'task-definition.json')
  const base = webTaskDefinition('web', 'placeholder')
  const sidecar = { name: 'sidecar', image: `${stack.STACK_REGISTRY}/api:v1`, essential: false }
  writeFileSync(
    file,
    JSON.stringify({ ...base, containerDefinitions: [...(base.containerDefinitions ?? []), sidecar] }),
  )
  return file
}

const official = () => ({
  cluster: 'prod',
  service: 'web',
  'task-definition': template(),
  'container-name': 'web',
  image: `${stack.STACK_REGISTRY}/web:v2`,
  'wait-for-service-stability': 'true',
  'wait-for-minutes': '5',
})

async function revisions(): Promise<number> {
  return ((await ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: 'web' }))).taskDefinitionArns ?? []).length
}

test('the official input names deploy: container-name picks the container, the wait is followed', async () => {
  await givenWebService(stack, admin, ecs)
  const run = await runAction(official())
  expect(run.errors).toEqual([])
  expect(run.exitCode).toBe(0)
  expect(run.outputs.status).toBe('succeeded')
  expect(run.stdout).toContain('Input `container-name` is read as `container`, its name in this action.')
  expect(run.stdout).toContain('Input `wait-for-minutes` is read as `timeout-minutes`, its name in this action.')
  const service = await webService(ecs)
  expect(service.taskDefinition).toBe(run.outputs['task-definition-arn'])
  expect(service.deployments?.map((d) => [d.status, d.runningCount])).toEqual([['PRIMARY', 2]])
  const { taskDefinition } = await ecs.send(
    new DescribeTaskDefinitionCommand({ taskDefinition: service.taskDefinition }),
  )
  expect(taskDefinition?.containerDefinitions?.map((c) => [c.name, c.image])).toEqual([
    ['web', `${stack.STACK_REGISTRY}/web:v2`],
    ['sidecar', `${stack.STACK_REGISTRY}/api:v1`],
  ])
})

test('run-task: true is an error saying what run-task is here; nothing is registered or deployed', async () => {
  await givenWebService(stack, admin, ecs)
  const run = await runAction({ ...official(), 'run-task': 'true' })
  expect(run.exitCode).toBe(1)
  expect(run.errors).toEqual([
    expect.stringContaining(
      'Input `run-task` is the command of a one-off task run before the rollout (e.g. `run-task: npm run migrate`), not a switch: "true" would run the command `true`.',
    ),
  ])
  expect(await revisions()).toBe(1)
  expect((await webService(ecs)).taskDefinition).toMatch(/:task-definition\/web:1$/)
})

test('an official name and ours with different values is an error; nothing is registered or deployed', async () => {
  await givenWebService(stack, admin, ecs)
  const run = await runAction({ ...official(), wait: 'false' })
  expect(run.exitCode).toBe(1)
  expect(run.errors).toEqual([
    expect.stringContaining(
      "Inputs `wait` and `wait-for-service-stability` (its official actions' name) are both given, with different values: give only `wait`.",
    ),
  ])
  expect(await revisions()).toBe(1)
})
