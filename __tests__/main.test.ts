import { jest } from '@jest/globals'
import {
  DescribeServiceDeploymentsCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ECSClient,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
  type TaskDefinition,
} from '@aws-sdk/client-ecs'
import { DescribeImagesCommand, ECRClient } from '@aws-sdk/client-ecr'
import { mockClient } from 'aws-sdk-client-mock'
import path from 'node:path'
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { configWith } from './helpers/config-file.js'
import { fakeClock } from './helpers/clock.js'
import { deployment, NEW_ID, NEW_TD, OLD_TD, oldDeployment, service } from './helpers/ecs.js'

const outputs: Record<string, string> = {}
/** The `result` output: every value by its former output's name. */
const result = (): Record<string, string> => JSON.parse(outputs.result ?? '{}') as Record<string, string>
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
  // A located error is how the step fails on a file's line (action/annotations.ts): the step's failure too.
  error: (message: string, properties?: object) => properties && failures.push(message),
  debug: () => undefined,
  group: async <T>(_name: string, fn: () => Promise<T>) => fn(),
  summary: { addRaw: (text: string) => ({ write: async () => void (summary += text) }) },
}))

const { run } = await import('../src/action/main.js')
const ecsMock = mockClient(ECSClient)
const ecrMock = mockClient(ECRClient)
const IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/web@sha256:' + 'b'.repeat(64)

const current: TaskDefinition = {
  taskDefinitionArn: OLD_TD,
  family: 'web',
  revision: 6,
  status: 'ACTIVE',
  networkMode: 'awsvpc',
  requiresCompatibilities: ['FARGATE'],
  cpu: '256',
  memory: '512',
  executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
  containerDefinitions: [
    {
      name: 'web',
      image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:old',
      portMappings: [{ containerPort: 3000, hostPort: 3000, protocol: 'tcp' }],
      essential: true,
      cpu: 0,
      environment: [{ name: 'COMMIT', value: 'a1b2c3d' }],
    },
  ],
}

beforeEach(() => {
  delete process.env.GITHUB_REF
  ecsMock.reset()
  for (const k of Object.keys(outputs)) delete outputs[k]
  failures.length = 0
  summary = ''
  inputs = { service: 'web', cluster: 'prod', image: IMAGE, 'task-definition': '__tests__/fixtures/web-td.json' }
  process.env.AWS_REGION = 'us-east-1'
  process.env.GITHUB_SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678'
  process.env.GITHUB_WORKSPACE = path.resolve(import.meta.dirname, '..')
  ecsMock.on(DescribeServicesCommand).resolves({ services: [service()] })
  ecsMock.on(DescribeTaskDefinitionCommand).resolves({ taskDefinition: current, tags: [] })
  ecsMock.on(ListTasksCommand).resolves({ taskArns: [] })
  // The image to deploy is in ECR (checked before anything changes).
  ecrMock.reset()
  ecrMock.on(DescribeImagesCommand).resolves({ imageDetails: [{ imageDigest: `sha256:${'b'.repeat(64)}` }] })
})

/** The new revision registers and rolls out, then ECS's circuit breaker fails it and rolls back to the old one. */
function givenCircuitBreakerRollback(): void {
  ecsMock
    .on(RegisterTaskDefinitionCommand)
    .resolves({ taskDefinition: { ...current, taskDefinitionArn: NEW_TD, revision: 7 } })
  ecsMock.on(UpdateServiceCommand).resolves({ service: service({ deployments: [deployment(), oldDeployment()] }) })
  ecsMock
    .on(DescribeServicesCommand)
    .resolvesOnce({ services: [service()] })
    .resolves({
      services: [
        service({
          deployments: [
            deployment({ id: 'ecs-svc/9', taskDefinition: OLD_TD }),
            deployment({
              status: 'ACTIVE',
              failedTasks: 3,
              rolloutState: 'FAILED',
              rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.',
            }),
          ],
        }),
      ],
    })
}

describe('run', () => {
  test('renders, registers, rolls out and waits; outputs and summary say what was deployed', async () => {
    ecsMock
      .on(RegisterTaskDefinitionCommand)
      .resolves({ taskDefinition: { ...current, taskDefinitionArn: NEW_TD, revision: 7 } })
    const rolling = service({ deployments: [deployment(), oldDeployment()], currentServiceDeployment: 'arn:sd' })
    ecsMock.on(UpdateServiceCommand).resolves({ service: rolling })
    ecsMock
      .on(DescribeServicesCommand)
      .resolvesOnce({ services: [service()] })
      .resolves({ services: [rolling] })
    ecsMock.on(DescribeServiceDeploymentsCommand).resolves({
      serviceDeployments: [{ serviceDeploymentArn: 'arn:sd', status: 'SUCCESSFUL', statusReason: 'done' }],
    })
    await run(fakeClock())
    expect(failures).toEqual([])
    expect(ecsMock).toHaveReceivedCommandWith(RegisterTaskDefinitionCommand, {
      family: 'web',
      containerDefinitions: [
        expect.objectContaining({ image: IMAGE, environment: [{ name: 'COMMIT', value: 'a1b2c3d' }] }),
      ],
    })
    expect(ecsMock).toHaveReceivedCommandWith(UpdateServiceCommand, {
      cluster: 'prod',
      service: 'web',
      taskDefinition: NEW_TD,
    })
    expect(outputs).toMatchObject({
      status: 'succeeded',
      'task-definition-arn': NEW_TD,
      'deployment-id': NEW_ID,
      image: IMAGE,
    })
    expect(result()).toMatchObject({ status: 'succeeded', 'task-definition-revision': '7', image: IMAGE })
    expect(summary).toContain('| Task definition | web:6 → web:7 (registered by this run) |')
  })

  test('wait: false starts the rollout and reports it without reading its progress', async () => {
    inputs = { ...inputs, wait: 'false' }
    ecsMock
      .on(RegisterTaskDefinitionCommand)
      .resolves({ taskDefinition: { ...current, taskDefinitionArn: NEW_TD, revision: 7 } })
    ecsMock.on(UpdateServiceCommand).resolves({ service: service({ deployments: [deployment(), oldDeployment()] }) })
    await run(fakeClock())
    expect(failures).toEqual([])
    expect(ecsMock).toHaveReceivedCommandTimes(UpdateServiceCommand, 1)
    // The one DescribeServices is the lookup before the update: nothing follows the rollout.
    expect(ecsMock).toHaveReceivedCommandTimes(DescribeServicesCommand, 1)
    expect(outputs).toMatchObject({ status: 'succeeded', 'deployment-id': NEW_ID })
    expect(summary).toContain('Deployment started; not waiting for it (wait: false).')
  })

  test('several services: all checked and registered before any update, then one combined wait', async () => {
    inputs = { ...inputs, service: 'web, worker', 'task-definition': '' }
    ecsMock.on(DescribeServicesCommand).callsFake((input: { services: string[] }) => ({
      services: input.services.map((name) =>
        service({
          serviceName: name,
          taskDefinition: OLD_TD,
          deployments: [deployment({ runningCount: 2, rolloutState: 'COMPLETED' })],
        }),
      ),
    }))
    ecsMock
      .on(RegisterTaskDefinitionCommand)
      .resolves({ taskDefinition: { ...current, taskDefinitionArn: NEW_TD, revision: 7 } })
    ecsMock.on(UpdateServiceCommand).callsFake((input: { service: string }) => ({
      service: service({ serviceName: input.service, deployments: [deployment(), oldDeployment()] }),
    }))
    await run(fakeClock())
    expect(failures).toEqual([])
    expect(ecsMock).toHaveReceivedCommandTimes(UpdateServiceCommand, 2)
    const calls = ecsMock.commandCalls(DescribeServicesCommand).map((c) => c.args[0].input.services)
    // Two lookups before the rollout, then the wait reads both services in one call.
    expect(calls.slice(2)).toEqual([['web', 'worker']])
    expect(outputs).toMatchObject({ status: 'succeeded', 'deployment-id': `${NEW_ID},${NEW_ID}` })
    expect(result()['task-definition-revision']).toBe('7,7')
    expect(summary).toContain('## ✅ ECS deploy: 2 services, all deployed')
  })

  test('several services: a bad one stops the run before any is updated', async () => {
    inputs = { ...inputs, service: 'web, wbe' }
    ecsMock
      .on(DescribeServicesCommand)
      .callsFake((input: { services: string[] }) =>
        input.services[0] === 'wbe' ? { services: [], failures: [{ reason: 'MISSING' }] } : { services: [service()] },
      )
    await run(fakeClock())
    expect(failures[0]).toMatch(/^Service "wbe" was not found/)
    expect(ecsMock).not.toHaveReceivedCommand(RegisterTaskDefinitionCommand)
    expect(ecsMock).not.toHaveReceivedCommand(UpdateServiceCommand)
  })

  test('dry-run shows what would change and registers and deploys nothing', async () => {
    // Inside the workspace (build/ is ignored by git): artifacts are never written anywhere else.
    const build = path.join(process.env.GITHUB_WORKSPACE ?? '', 'build')
    mkdirSync(build, { recursive: true })
    const artifacts = mkdtempSync(path.join(build, 'artifacts-'))
    inputs = {
      ...inputs,
      'dry-run': 'true',
      ...configWith(
        `desired-count: 4\nservice-settings: { deployment-circuit-breaker: disable }\nartifacts-dir: ${path.relative(process.env.GITHUB_WORKSPACE ?? '', artifacts)}`,
      ),
    }
    await run(fakeClock())
    expect(failures).toEqual([])
    expect(ecsMock).not.toHaveReceivedCommand(RegisterTaskDefinitionCommand)
    expect(ecsMock).not.toHaveReceivedCommand(UpdateServiceCommand)
    expect(outputs.status).toBe('planned')
    expect(result().diff?.split('\n')).toEqual([
      `containerDefinitions[web].image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/web:old → ${IMAGE}`,
      'service desired count: 2 → 4',
      'service deployment circuit breaker: on, with rollback → off',
    ])
    expect(summary).toContain('## 📝 ECS deploy: web planned')
    expect(JSON.parse(readFileSync(path.join(artifacts, 'imagedefinitions.json'), 'utf8'))).toEqual([
      { name: 'web', imageUri: IMAGE },
    ])
    rmSync(artifacts, { recursive: true })
    expect(summary).toContain('<details open><summary>What changes (3)</summary>')
  })

  test('artifacts-dir outside the workspace is an input error, and nothing is written there', async () => {
    const outside = path.join(mkdtempSync(path.join(tmpdir(), 'artifacts-')), 'out')
    inputs = { ...inputs, 'dry-run': 'true', ...configWith(`artifacts-dir: ${outside}`) }
    await run(fakeClock())
    expect(failures).toEqual([
      `Config key \`artifacts-dir\` must name a path inside the workspace (${process.env.GITHUB_WORKSPACE}); ${outside} leads outside it.`,
    ])
    expect(() => readFileSync(path.join(outside, 'imagedefinitions.json'))).toThrow()
  })

  test('a re-run of the same commit registers nothing and deploys nothing', async () => {
    const running = { ...current, containerDefinitions: [{ ...current.containerDefinitions![0]!, image: IMAGE }] }
    ecsMock.on(DescribeTaskDefinitionCommand).resolves({ taskDefinition: running, tags: [] })
    ecsMock
      .on(DescribeServicesCommand)
      .resolves({ services: [service({ deployments: [oldDeployment({ status: 'PRIMARY' })] })] })
    await run(fakeClock())
    expect(failures).toEqual([])
    expect(ecsMock).not.toHaveReceivedCommand(RegisterTaskDefinitionCommand)
    expect(ecsMock).not.toHaveReceivedCommand(UpdateServiceCommand)
    expect(outputs).toMatchObject({ status: 'succeeded', 'task-definition-arn': OLD_TD, 'deployment-id': '' })
    expect(summary).toContain('Nothing to deploy: the service already runs this task definition with these settings.')
  })

  test('a rolled-back rollout fails the step with the cause and fix', async () => {
    givenCircuitBreakerRollback()
    ecsMock.on(ListTasksCommand).resolves({ taskArns: ['arn:aws:ecs:us-east-1:123456789012:task/prod/t1'] })
    ecsMock.on(DescribeTasksCommand).resolves({
      tasks: [
        {
          taskArn: 'arn:aws:ecs:us-east-1:123456789012:task/prod/t1',
          startedBy: NEW_ID,
          stoppedReason: 'Essential container in task exited',
          containers: [
            { name: 'web', exitCode: 137, reason: 'OutOfMemoryError: Container killed due to memory usage' },
          ],
        },
      ],
    })
    await run(fakeClock())
    expect(outputs.status).toBe('rolled-back')
    expect(failures).toEqual([
      "Deployment of web rolled-back: ECS deployment circuit breaker: tasks failed to start. ECS rolled back to web:6. A container ran out of memory and was killed. Raise `memory` (task or container) in the task definition, or lower the application's memory use.",
    ])
    expect(summary).toContain('### Why it failed')
  })

  test('stopped tasks that cannot be read: the failure says the diagnosis is incomplete and why', async () => {
    givenCircuitBreakerRollback()
    ecsMock.on(ListTasksCommand).rejects(
      Object.assign(new Error('User is not authorized to perform: ecs:ListTasks'), {
        name: 'AccessDeniedException',
        $metadata: {},
      }),
    )
    await run(fakeClock())
    expect(outputs.status).toBe('rolled-back')
    expect(failures).toEqual([
      'Deployment of web rolled-back: ECS deployment circuit breaker: tasks failed to start. ECS rolled back to web:6. Diagnosis incomplete: could not read the stopped tasks: AWS denied ecs:ListTasks: User is not authorized to perform: ecs:ListTasks. Grant ecs:ListTasks to the role this workflow uses (README, "IAM permissions").',
    ])
    expect(summary).toContain(
      'Stopped tasks: could not read the stopped tasks: AWS denied ecs:ListTasks: User is not authorized to perform: ecs:ListTasks. Grant ecs:ListTasks',
    )
  })

  test.each([
    [
      { 'task-definition': '__tests__/fixtures/missing.json' },
      /^task definition __tests__\/fixtures\/missing.json not found at /,
    ],
    [{ container: 'api' }, /api/],
    [
      configWith('desired-count: many'),
      /line 4, environments.test.desired-count: must be a whole number from 0 to 5000, not the string "many"/,
    ],
    [
      { 'desired-count': '3' },
      /^Input `desired-count` moved to the config file, key `environments.<name>.desired-count`/,
    ],
  ])('bad input %j fails with one message and leaves the service untouched', async (bad, message) => {
    ecsMock
      .on(RegisterTaskDefinitionCommand)
      .resolves({ taskDefinition: { ...current, taskDefinitionArn: NEW_TD, revision: 7 } })
    inputs = { ...inputs, ...bad }
    await run(fakeClock())
    expect(failures).toHaveLength(1)
    expect(failures[0]).toMatch(message)
    expect(outputs.status).toBe('failed')
    expect(ecsMock).not.toHaveReceivedCommand(RegisterTaskDefinitionCommand)
    expect(ecsMock).not.toHaveReceivedCommand(UpdateServiceCommand)
  })

  test('a failure part-way still reports what was done: the registered revision, the image, the changes', async () => {
    ecsMock
      .on(RegisterTaskDefinitionCommand)
      .resolves({ taskDefinition: { ...current, taskDefinitionArn: NEW_TD, revision: 7 } })
    ecsMock
      .on(UpdateServiceCommand)
      .rejects(Object.assign(new Error('Throttled'), { name: 'ServerException', $metadata: {} }))
    await run(fakeClock())
    expect(failures).toHaveLength(1)
    expect(outputs.status).toBe('failed')
    expect(outputs['task-definition-arn']).toBe(NEW_TD)
    expect(outputs.image).toBe(IMAGE)
    expect(result().diff).not.toBe('')
    expect(summary).toContain(NEW_TD.split('/').pop())
    // The service the run had not finished with shares the run's error.
    expect(summary).toContain('#### Why it failed\n\necs:UpdateService failed (ServerException): Throttled')
  })

  test('expired credentials say so', async () => {
    ecsMock.on(DescribeServicesCommand).rejects(
      Object.assign(new Error('The security token included in the request is expired'), {
        name: 'ExpiredTokenException',
        $metadata: {},
      }),
    )
    await run(fakeClock())
    expect(failures[0]).toMatch(
      /^The AWS credentials have expired \(ecs:DescribeServices answered ExpiredTokenException\)/,
    )
    expect(ecsMock).not.toHaveReceivedCommand(UpdateServiceCommand)
  })
})
