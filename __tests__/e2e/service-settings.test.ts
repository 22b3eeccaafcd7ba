// Service settings as code, through dist/index.js on the local stack: what UpdateService sets, what the diff says.
import {
  DeregisterTaskDefinitionCommand,
  DescribeTasksCommand,
  ECSClient,
  ListTaskDefinitionsCommand,
  DescribeTaskDefinitionCommand,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
} from '@aws-sdk/client-ecs'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { runAction as runWithInputs, workspaceDir, movedToConfig } from './action.js'
import { givenWebService, ScenarioAdmin, useStack, webService, webTaskDefinition, type StackEnv } from './stack.js'

/** Runs the action with the settings that moved to the config file written there (issue 22). */
const runAction = (inputs: Record<string, string>, env?: Record<string, string>): ReturnType<typeof runWithInputs> =>
  runWithInputs(movedToConfig(inputs), env)

let stack: StackEnv
let admin: ScenarioAdmin
let ecs: ECSClient
const dir = workspaceDir('e2e-service-')
const ROLE = 'arn:aws:iam::123456789012:role/ecsInfrastructureRole'

beforeAll(async () => {
  stack = await useStack()
  admin = new ScenarioAdmin(stack.STACK_SCENARIO_URL)
  ecs = new ECSClient({ region: stack.AWS_REGION })
})

afterAll(() => ecs?.destroy())

/** A template of family web; `extra` adds to it (volumes…). */
function template(extra: Record<string, unknown> = {}): string {
  const file = path.join(dir, `td-${Math.random().toString(36).slice(2)}.json`)
  writeFileSync(
    file,
    JSON.stringify({ ...webTaskDefinition('web', `${stack.STACK_REGISTRY}/web:placeholder`), ...extra }),
  )
  return file
}

const revisions = async (): Promise<string[]> =>
  (await ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: 'web' }))).taskDefinitionArns ?? []

const given = () => givenWebService(stack, admin, ecs, { capacityProviders: ['FARGATE', 'FARGATE_SPOT'] })

const base = () => ({
  cluster: 'prod',
  service: 'web',
  'task-definition': template(),
  image: `${stack.STACK_REGISTRY}/web:v2`,
})

const SETTINGS = {
  'minimum-healthy-percent': '50',
  'maximum-percent': '150',
  'health-check-grace-period': '45',
  'propagate-tags': 'SERVICE',
  'enable-ecs-managed-tags': 'true',
  'enable-execute-command': 'true',
  'capacity-provider-strategy': 'FARGATE:1:1\nFARGATE_SPOT:3',
}

describe('service settings through dist/index.js', () => {
  test('the settings given are set by UpdateService with the new revision, and the diff names each', async () => {
    await given()
    const run = await runAction({ ...base(), ...SETTINGS })
    expect(run.errors).toEqual([])
    expect(run.exitCode).toBe(0)
    const web = await webService(ecs)
    expect(web.taskDefinition).toMatch(/task-definition\/web:2$/)
    expect(web.deploymentConfiguration).toMatchObject({ minimumHealthyPercent: 50, maximumPercent: 150 })
    expect(web).toMatchObject({
      healthCheckGracePeriodSeconds: 45,
      propagateTags: 'SERVICE',
      enableECSManagedTags: true,
      enableExecuteCommand: true,
      capacityProviderStrategy: [
        { capacityProvider: 'FARGATE', weight: 1, base: 1 },
        { capacityProvider: 'FARGATE_SPOT', weight: 3 },
      ],
    })
    expect(run.result.diff?.split('\n')).toEqual(
      expect.arrayContaining([
        'service minimum healthy percent: 100 → 50',
        'service maximum percent: 200 → 150',
        'service health check grace period: 0 s → 45 s',
        'service propagate tags: NONE → SERVICE',
        'service ECS managed tags: off → on',
        'service execute command: off → on',
        'service capacity provider strategy: none (launch type FARGATE) → FARGATE:1:1, FARGATE_SPOT:3:0',
      ]),
    )

    // The same again: nothing differs, so nothing is sent and nothing deploys.
    const again = await runAction({ ...base(), ...SETTINGS })
    expect(again.exitCode).toBe(0)
    expect(again.result.diff ?? '').not.toContain('service ')
    expect(again.outputs['deployment-id'] ?? '').toBe('')
  })

  test('settings not given stay as the service has them', async () => {
    await given()
    expect((await runAction({ ...base(), 'enable-execute-command': 'true' })).exitCode).toBe(0)
    expect((await runAction({ ...base(), 'health-check-grace-period': '30' })).exitCode).toBe(0)
    const web = await webService(ecs)
    expect(web).toMatchObject({ enableExecuteCommand: true, healthCheckGracePeriodSeconds: 30 })
  })

  test('EBS volume configurations reach the deployment', async () => {
    await given()
    const volumes = [{ name: 'data', managedEBSVolume: { roleArn: ROLE, sizeInGiB: 20, volumeType: 'gp3' } }]
    const run = await runAction({
      ...base(),
      'task-definition': template({ volumes: [{ name: 'data', configuredAtLaunch: true }] }),
      'volume-configurations': JSON.stringify(volumes),
    })
    expect(run.errors).toEqual([])
    const web = await webService(ecs)
    expect(web.deployments?.find((d) => d.status === 'PRIMARY')?.volumeConfigurations).toEqual(volumes)
    expect(run.result.diff).toContain('service volume configurations: none → data (EBS 20 GiB)')
  })

  test('dry run: the diff shows the settings, and nothing changes', async () => {
    await given()
    const before = await webService(ecs)
    const run = await runAction({ ...base(), ...SETTINGS, 'dry-run': 'true' })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.status).toBe('planned')
    expect(run.result.diff).toContain('service execute command: off → on')
    const after = await webService(ecs)
    expect(after.enableExecuteCommand).toBe(before.enableExecuteCommand)
    expect(after.deploymentConfiguration).toEqual(before.deploymentConfiguration)
  })

  test('a maximum at the minimum fails before anything is registered or updated', async () => {
    await given()
    const run = await runAction({ ...base(), 'maximum-percent': '100' })
    expect(run.exitCode).toBe(1)
    expect(run.errors.join('\n')).toContain(
      'Input `maximum-percent`: service "web" would have maximum percent 100 and minimum healthy percent 100; ECS needs the maximum above the minimum so that a rolling update can replace tasks. Nothing was changed.',
    )
    expect(await revisions()).toHaveLength(1)
    expect((await webService(ecs)).deploymentConfiguration?.maximumPercent).toBe(200)
  })
})

describe('task-definition-arn: a revision deployed as it is', () => {
  /** Registers web:2 the way Terraform would, outside the action. */
  async function registeredElsewhere(image = `${stack.STACK_REGISTRY}/web:v2`): Promise<string> {
    const { taskDefinition } = await ecs.send(new RegisterTaskDefinitionCommand(webTaskDefinition('web', image)))
    return taskDefinition?.taskDefinitionArn ?? ''
  }

  test('the service runs that revision; nothing is registered; the output is its ARN', async () => {
    await given()
    const arn = await registeredElsewhere()
    const run = await runAction({ cluster: 'prod', service: 'web', 'task-definition-arn': 'web:2' })
    expect(run.errors).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(run.outputs['task-definition-arn']).toBe(arn)
    expect((await webService(ecs)).taskDefinition).toBe(arn)
    expect(await revisions()).toHaveLength(2)
    expect(run.stdout).toContain('nothing to register: deploying web:2 as it is (task-definition-arn)')
    expect(run.result.diff).toContain(`→ ${stack.STACK_REGISTRY}/web:v2`)
  })

  test('a revision that does not exist, or is INACTIVE, fails having changed nothing', async () => {
    await given()
    const missing = await runAction({ cluster: 'prod', service: 'web', 'task-definition-arn': 'web:9' })
    expect(missing.exitCode).toBe(1)
    expect(missing.errors).toEqual([
      `::error::Input \`task-definition-arn\`: there is no task definition web:9 in region ${stack.AWS_REGION}. Give an existing revision (family:revision or its full ARN); nothing was changed.`,
    ])
    await registeredElsewhere()
    await ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: 'web:2' }))
    const inactive = await runAction({ cluster: 'prod', service: 'web', 'task-definition-arn': 'web:2' })
    expect(inactive.errors).toEqual([
      '::error::Input `task-definition-arn`: web:2 is INACTIVE, not ACTIVE, so ECS starts no new task from it. Register it again or give an ACTIVE revision; nothing was changed.',
    ])
    expect((await webService(ecs)).taskDefinition).toMatch(/web:1$/)
  })

  test("its images are checked like `image`'s", async () => {
    await given()
    await registeredElsewhere(`${stack.STACK_REGISTRY}/web:no-such-tag`)
    const run = await runAction({ cluster: 'prod', service: 'web', 'task-definition-arn': 'web:2' })
    expect(run.exitCode).toBe(1)
    expect(run.errors.join('\n')).toContain(`The image ${stack.STACK_REGISTRY}/web:no-such-tag does not exist`)
    expect((await webService(ecs)).taskDefinition).toMatch(/web:1$/)
  })

  test('beside a template: one clear error', async () => {
    await given()
    const run = await runAction({ ...base(), 'task-definition-arn': 'web:1' })
    expect(run.errors).toEqual([
      '::error::Input `task-definition-arn` deploys that revision as it is, so `task-definition` cannot change it: drop `task-definition`, or drop `task-definition-arn` to render and register a new revision.',
    ])
  })
})

/** A template of family job (a scheduled task's), logging to /ecs/web. */
function jobTemplate(networkMode = 'awsvpc'): string {
  const file = path.join(dir, `job-${Math.random().toString(36).slice(2)}.json`)
  const definition = webTaskDefinition('job', `${stack.STACK_REGISTRY}/web:placeholder`, {
    logConfiguration: {
      logDriver: 'awslogs',
      options: { 'awslogs-group': '/ecs/web', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'ecs' },
    },
  })
  writeFileSync(
    file,
    JSON.stringify({
      ...definition,
      networkMode,
      ...(networkMode !== 'awsvpc' && { requiresCompatibilities: ['EC2'] }),
    }),
  )
  return file
}

const jobRevisions = async (): Promise<string[]> =>
  (await ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: 'job' }))).taskDefinitionArns ?? []

describe('register-only: a revision registered, no service deployed', () => {
  test('registers the rendered template with the image and says so; a second run registers nothing new', async () => {
    await givenWebService(stack, admin, ecs, { logGroup: true })
    const inputs = {
      'register-only': 'true',
      'task-definition': jobTemplate(),
      image: `${stack.STACK_REGISTRY}/web:v2`,
    }
    const run = await runAction(inputs)
    expect(run.errors).toEqual([])
    expect(run.exitCode).toBe(0)
    const [arn] = await jobRevisions()
    expect(arn).toMatch(/task-definition\/job:1$/)
    expect(run.outputs['task-definition-arn']).toBe(arn)
    expect(run.outputs.status).toBe('succeeded')
    expect(run.stdout).toContain('Registered job:1, not deployed (register-only).')
    expect(run.summary).toContain('not deployed (register-only)')
    expect((await webService(ecs)).taskDefinition).toMatch(/web:1$/)

    const again = await runAction(inputs)
    expect(again.exitCode).toBe(0)
    expect(again.outputs['task-definition-arn']).toBe(arn)
    expect(again.stdout).toContain('no change to register: job:1 already has this content')
    expect(await jobRevisions()).toHaveLength(1)
  })

  test('without a template: one clear error', async () => {
    const run = await runAction({ 'register-only': 'true', image: `${stack.STACK_REGISTRY}/web:v2` })
    expect(run.errors).toEqual([
      '::error::`mode: register-only` needs `task-definition`: the template to render and register (no service is read to start from).',
    ])
  })
})

describe('a one-off task on its own (run-task without a service)', () => {
  const standalone = () => ({
    cluster: 'prod',
    'task-definition': jobTemplate(),
    image: `${stack.STACK_REGISTRY}/web:v2`,
    'run-task': 'node migrate.js',
    'run-task-count': '2',
    'run-task-launch-type': 'FARGATE',
    'run-task-subnets': 'subnet-1, subnet-2',
    'run-task-security-groups': 'sg-1',
    'run-task-assign-public-ip': 'DISABLED',
    'run-task-tags': 'team=data\nreason=migration',
    'run-task-overrides': JSON.stringify({
      memory: '1024',
      containerOverrides: [{ name: 'web', environment: [{ name: 'STEP', value: '2' }] }],
    }),
  })

  test('registers, runs the tasks as asked, streams their logs and outputs their ARNs', async () => {
    await givenWebService(stack, admin, ecs, { logGroup: true })
    await admin.scenario({ family: 'job', rollout: { exitAfterSeconds: 1, exitCode: 0, logLines: ['migrated'] } })
    const run = await runAction(standalone())
    expect(run.errors).toEqual([])
    expect(run.exitCode).toBe(0)
    const arns = run.result['run-task-arn']?.split(',') ?? []
    expect(arns).toHaveLength(2)
    expect(run.stdout).toContain('migrated')
    expect(run.stdout).toContain('the one-off task (node migrate.js) exited 0')
    const { tasks } = await ecs.send(new DescribeTasksCommand({ cluster: 'prod', tasks: arns, include: ['TAGS'] }))
    for (const task of tasks ?? []) {
      expect(task).toMatchObject({
        lastStatus: 'STOPPED',
        launchType: 'FARGATE',
        taskDefinitionArn: expect.stringMatching(/job:1$/),
        startedBy: 'ecs-deploy-action',
        overrides: {
          memory: '1024',
          containerOverrides: [
            { name: 'web', command: ['node', 'migrate.js'], environment: [{ name: 'STEP', value: '2' }] },
          ],
        },
      })
      expect(task.tags).toEqual(
        expect.arrayContaining([
          { key: 'team', value: 'data' },
          { key: 'reason', value: 'migration' },
        ]),
      )
    }
    expect((await webService(ecs)).taskDefinition).toMatch(/web:1$/)
  })

  test('a non-zero exit fails the run with the exit code and the log tail', async () => {
    await givenWebService(stack, admin, ecs, { logGroup: true })
    await admin.scenario({
      family: 'job',
      rollout: { outcome: 'crash', exitCode: 3, crashAfterSeconds: 1, logLines: ['Error: no such table'] },
    })
    const run = await runAction({ ...standalone(), 'run-task-count': '1' })
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toMatch(/The one-off task \(node migrate\.js\) failed: web: exit code 3/)
    expect(run.summary).toContain('no such table')
  })

  test('an awsvpc task definition without subnets fails before anything is registered', async () => {
    await givenWebService(stack, admin, ecs, { logGroup: true })
    const { 'run-task-subnets': _subnets, ...rest } = standalone()
    const run = await runAction(rest)
    expect(run.errors).toEqual([
      '::error::Config key `run-task.subnets` is needed to run the one-off task without a service: task definition job uses the awsvpc network mode, so the task needs its subnets (and `run-task.security-groups`).',
    ])
    expect(await jobRevisions()).toEqual([])
  })
})

describe('keep-revisions: older revisions deregistered after a successful deploy', () => {
  const statusOf = async (revision: string): Promise<string | undefined> =>
    (await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: revision }))).taskDefinition?.status

  /** web:2 (a one-off task still runs it), web:3, and web-worker:1 (a family that web is a prefix of). */
  async function olderRevisions(): Promise<void> {
    await ecs.send(new RegisterTaskDefinitionCommand(webTaskDefinition('web', `${stack.STACK_REGISTRY}/web:v2`)))
    await ecs.send(new RegisterTaskDefinitionCommand(webTaskDefinition('web', `${stack.STACK_REGISTRY}/web:v3`)))
    await ecs.send(new RegisterTaskDefinitionCommand(webTaskDefinition('web-worker', `${stack.STACK_REGISTRY}/web:v3`)))
    await ecs.send(
      new RunTaskCommand({
        cluster: 'prod',
        taskDefinition: 'web:2',
        launchType: 'FARGATE',
        networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'] } },
      }),
    )
  }

  test('keeps the newest N and every revision in use in the cluster; logs what went', async () => {
    await given()
    await olderRevisions()
    const run = await runAction({ ...base(), 'keep-revisions': '1' })
    expect(run.errors).toEqual([])
    expect(run.exitCode).toBe(0)
    expect((await webService(ecs)).taskDefinition).toMatch(/web:4$/)
    expect(await statusOf('web:4')).toBe('ACTIVE')
    expect(await statusOf('web:3')).toBe('INACTIVE')
    expect(await statusOf('web:2')).toBe('ACTIVE')
    expect(await statusOf('web-worker:1')).toBe('ACTIVE')
    expect(run.stdout).toMatch(/keep-revisions 1: deregistered web:3(, web:1)?;/)
  })

  test('a failed deploy deregisters nothing', async () => {
    await given()
    await olderRevisions()
    await admin.scenario({ service: 'web', rollout: { outcome: 'crash', exitCode: 3 } })
    const run = await runAction({
      ...base(),
      'keep-revisions': '1',
      'deployment-circuit-breaker': 'disable',
    })
    expect(run.exitCode).toBe(1)
    expect(await statusOf('web:3')).toBe('ACTIVE')
    expect(run.stdout).not.toContain('keep-revisions 1:')
  })
})
