// The local stack's scenario logic (test/stack/), without sockets: the World's ECS operations called
// directly, on a fake clock stepped by hand. The HTTP side is covered by __tests__/e2e/stack.test.ts.
import type {
  CreateServiceCommandOutput,
  DescribeServiceDeploymentsCommandOutput,
  DescribeServicesCommandOutput,
  DescribeTasksCommandOutput,
  Deployment,
  ListServiceDeploymentsCommandOutput,
  ListTasksCommandOutput,
  Service,
  ServiceDeployment,
  Task,
} from '@aws-sdk/client-ecs'
import { World } from '../../test/stack/world.mjs'
import { callOperation, ECS } from './operations.js'
import { ScenarioBook, ScenarioError, parseScenario } from '../../test/stack/scenario.mjs'
import { AwsError, paginate, toAwsJson } from '../../test/stack/protocol.mjs'

let now = Date.UTC(2026, 0, 1)
let world: World

/** Moves the fake clock forward and runs what became due. */
function advance(seconds: number): void {
  now += seconds * 1000
  world.tick()
}

const ecs = <T>(operation: string, input: object = {}): T => callOperation<T>(world, ECS, operation, input)

function service(): Service {
  const { services } = ecs<DescribeServicesCommandOutput>('DescribeServices', { services: ['web'] })
  if (!services?.[0]) throw new Error('service web is missing')
  return services[0]
}

const primary = (s: Service): Deployment => s.deployments?.find((d) => d.status === 'PRIMARY') ?? {}
const summary = (s: Service) =>
  s.deployments?.map(
    (d) =>
      `${d.status} ${d.taskDefinition?.split('/')[1]} ${d.rolloutState} r${d.runningCount} p${d.pendingCount} f${d.failedTasks}`,
  )

function tasks(desiredStatus = 'RUNNING'): Task[] {
  const { taskArns } = ecs<ListTasksCommandOutput>('ListTasks', { serviceName: 'web', desiredStatus })
  return taskArns?.length ? (ecs<DescribeTasksCommandOutput>('DescribeTasks', { tasks: taskArns }).tasks ?? []) : []
}

function latestServiceDeployment(): ServiceDeployment {
  const { serviceDeployments } = ecs<ListServiceDeploymentsCommandOutput>('ListServiceDeployments', { service: 'web' })
  const arn = serviceDeployments?.[0]?.serviceDeploymentArn
  const described = ecs<DescribeServiceDeploymentsCommandOutput>('DescribeServiceDeployments', {
    serviceDeploymentArns: [arn],
  })
  return described.serviceDeployments?.[0] ?? {}
}

/** Cluster default, web:1 and web:2, service web (desired 2) steady on web:1. */
function givenService(deploymentConfiguration: object = {}, desiredCount = 2): void {
  world = new World({ now: () => now })
  ecs('CreateCluster', {})
  for (const image of ['web:v1', 'web:v2'])
    ecs('RegisterTaskDefinition', { family: 'web', containerDefinitions: [{ name: 'web', image }] })
  ecs<CreateServiceCommandOutput>('CreateService', {
    serviceName: 'web',
    taskDefinition: 'web:1',
    desiredCount,
    deploymentConfiguration,
  })
  advance(10)
  expect(summary(service())).toEqual([`PRIMARY web:1 COMPLETED r${desiredCount} p0 f0`])
}

describe('scenario language', () => {
  test('fills in defaults; a rollback plan inherits the timings', () => {
    const scenario = parseScenario({ service: 'web', rollout: { outcome: 'crash', taskStartSeconds: 4, rollback: {} } })
    expect(scenario).toMatchObject({
      service: 'web',
      times: 1,
      rollout: { outcome: 'crash', taskStartSeconds: 4, drainSeconds: 1 },
    })
    expect(scenario.rollout.rollback).toMatchObject({ outcome: 'success', taskStartSeconds: 4 })
  })

  test.each([
    [{ rollout: { outcom: 'crash' } }, 'rollout: unknown field(s) outcom; allowed: outcome, provisioningSeconds'],
    [
      { rollout: { outcome: 'explode' } },
      'rollout.outcome: "explode" is not one of success, crash, stuck-pending, unhealthy, pull-error',
    ],
    [{ rollout: { taskStartSeconds: -1 } }, 'rollout.taskStartSeconds must be a number >= 0'],
    [{ service: 'web', family: 'web' }, 'scenario: give service or family, not both'],
    [{ times: 1.5 }, 'scenario.times must be an integer >= 0 (0: every rollout)'],
    [
      { rollout: { stages: [{ stage: 'DEPLOY' }] } },
      'rollout.stages[0].stage: "DEPLOY" is not one of RECONCILE_SERVICE',
    ],
    [{ rollout: { logLines: 'boom' } }, 'rollout.logLines must be an array of strings'],
    [
      { rollout: { eventSeconds: { Bake: 5 } } },
      'rollout.eventSeconds: unknown field(s) Bake; allowed: BeforeInstall, Install',
    ],
    [{ rollout: { eventSeconds: { Install: -1 } } }, 'rollout.eventSeconds.Install must be a number >= 0'],
  ])('rejects %j', (raw, message) => {
    expect(() => parseScenario(raw)).toThrow(ScenarioError)
    expect(() => parseScenario(raw)).toThrow(message)
  })

  test('each rollout takes the first matching scenario; times 0 stays', () => {
    const book = new ScenarioBook()
    book.add([
      { service: 'api', rollout: { outcome: 'crash' } },
      { rollout: { outcome: 'unhealthy' }, times: 2 },
      { family: 'migrate', rollout: { exitAfterSeconds: 1 }, times: 0 },
    ])
    expect(book.take({ cluster: 'default', service: 'web' }).outcome).toBe('unhealthy')
    expect(book.take({ cluster: 'default', service: 'api' }).outcome).toBe('crash')
    expect(book.take({ cluster: 'default', service: 'web' }).outcome).toBe('unhealthy')
    expect(book.take({ cluster: 'default', service: 'web' }).outcome).toBe('success') // used up: the default
    expect(book.take({ cluster: 'default', family: 'migrate' }).exitAfterSeconds).toBe(1)
    expect(book.take({ cluster: 'default', family: 'migrate' }).exitAfterSeconds).toBe(1)
  })
})

describe('AWS JSON 1.1 plumbing', () => {
  test('timestamps are epoch seconds; undefined members are left out', () => {
    expect(toAwsJson({ createdAt: new Date(1_700_000_000_123), gone: undefined, nested: [{ at: new Date(0) }] })).toBe(
      '{"createdAt":1700000000.123,"nested":[{"at":0}]}',
    )
  })

  test('pagination tokens walk the list', () => {
    const first = paginate([1, 2, 3], { maxResults: 2 })
    expect(first.page).toEqual([1, 2])
    expect(paginate([1, 2, 3], { maxResults: 2, ...(first.nextToken ? { nextToken: first.nextToken } : {}) })).toEqual({
      page: [3],
      nextToken: undefined,
    })
  })
})

describe('rolling deployments', () => {
  test('new tasks start, old ones drain one by one, then COMPLETED and a steady state', () => {
    givenService()
    world.scenarios.add({ rollout: { provisioningSeconds: 1, taskStartSeconds: 3, drainSeconds: 2 } })
    ecs('UpdateService', { service: 'web', taskDefinition: 'web:2' })
    expect(summary(service())).toEqual(['PRIMARY web:2 IN_PROGRESS r0 p0 f0', 'ACTIVE web:1 COMPLETED r2 p0 f0'])
    advance(0.5)
    expect(summary(service())).toEqual(['PRIMARY web:2 IN_PROGRESS r0 p2 f0', 'ACTIVE web:1 COMPLETED r2 p0 f0'])
    expect(
      tasks()
        .map((t) => t.lastStatus)
        .sort(),
    ).toEqual(['PROVISIONING', 'PROVISIONING', 'RUNNING', 'RUNNING'])
    advance(3)
    expect(summary(service())).toEqual(['PRIMARY web:2 IN_PROGRESS r2 p0 f0', 'ACTIVE web:1 COMPLETED r0 p0 f0'])
    expect(tasks('STOPPED').map((t) => t.lastStatus)).toEqual(['STOPPING', 'STOPPING'])
    advance(2)
    const s = service()
    expect(summary(s)).toEqual(['PRIMARY web:2 COMPLETED r2 p0 f0'])
    expect(s.events?.[0]?.message).toBe('(service web) has reached a steady state.')
    expect(latestServiceDeployment()).toMatchObject({
      status: 'SUCCESSFUL',
      deploymentCircuitBreaker: { status: 'DISABLED' },
    })
  })

  test('minimumHealthyPercent 50 / maximumPercent 100 stops an old task before starting a new one', () => {
    givenService({ minimumHealthyPercent: 50, maximumPercent: 100 })
    ecs('UpdateService', { service: 'web', taskDefinition: 'web:2' })
    advance(0.3)
    expect(summary(service())).toEqual(['PRIMARY web:2 IN_PROGRESS r0 p1 f0', 'ACTIVE web:1 COMPLETED r1 p0 f0'])
    advance(30)
    expect(summary(service())).toEqual(['PRIMARY web:2 COMPLETED r2 p0 f0'])
  })

  test('a desiredCount change alone scales the PRIMARY deployment without a new one', () => {
    givenService()
    ecs('UpdateService', { service: 'web', desiredCount: 3 })
    advance(10)
    const s = service()
    expect(summary(s)).toEqual(['PRIMARY web:1 COMPLETED r3 p0 f0'])
    expect(s.events?.[0]?.message).toBe('(service web) has reached a steady state.')
  })

  test('the circuit breaker fails a crashing deployment at its threshold and rolls back to the last completed one', () => {
    givenService({ deploymentCircuitBreaker: { enable: true, rollback: true } }, 1)
    const completed = primary(service())
    world.scenarios.add({ rollout: { outcome: 'crash', exitCode: 3, circuitBreakerAfterFailures: 2, drainSeconds: 5 } })
    ecs('UpdateService', { service: 'web', taskDefinition: 'web:2' })
    advance(4) // first crash
    expect(primary(service())).toMatchObject({ rolloutState: 'IN_PROGRESS', failedTasks: 1 })
    advance(4) // second crash: threshold
    const s = service()
    expect(summary(s)?.[0]).toMatch(/^PRIMARY web:1 IN_PROGRESS/)
    expect(s.deployments?.find((d) => d.rolloutState === 'FAILED')).toMatchObject({
      failedTasks: 2,
      rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.',
    })
    expect(s.events?.map((e) => e.message)).toContain(`(service web) rolling back to deployment ${completed.id}.`)
    expect(latestServiceDeployment()).toMatchObject({
      status: 'ROLLBACK_IN_PROGRESS',
      deploymentCircuitBreaker: { status: 'TRIGGERED', failureCount: 2, threshold: 2 },
    })
    advance(10)
    expect(summary(service())).toEqual(['PRIMARY web:1 COMPLETED r1 p0 f0'])
    expect(latestServiceDeployment().status).toBe('ROLLBACK_SUCCESSFUL')
  })

  test("the service's thresholdConfiguration decides when the breaker trips (COUNT 2 of 10 desired)", () => {
    const breaker = { enable: true, rollback: true, thresholdConfiguration: { type: 'COUNT', value: 2 } }
    givenService({ deploymentCircuitBreaker: breaker }, 10)
    world.scenarios.add({ rollout: { outcome: 'crash', drainSeconds: 5 } })
    ecs('UpdateService', { service: 'web', taskDefinition: 'web:2' })
    advance(1)
    expect(latestServiceDeployment().deploymentCircuitBreaker).toEqual({
      status: 'MONITORING',
      failureCount: 0,
      threshold: 2,
    })
    advance(4) // ten tasks crash together: the breaker trips at the second
    expect(latestServiceDeployment()).toMatchObject({
      status: 'ROLLBACK_IN_PROGRESS',
      deploymentCircuitBreaker: { status: 'TRIGGERED', threshold: 2 },
    })
  })

  test('a healthy task sets the failure count back to 0, unless resetOnHealthyTask is false', () => {
    for (const resetOnHealthyTask of [undefined, false]) {
      const breaker = { enable: true, rollback: true, thresholdConfiguration: { type: 'COUNT', value: 2 } }
      givenService({ deploymentCircuitBreaker: { ...breaker, resetOnHealthyTask } }, 2)
      world.scenarios.add({ rollout: { outcome: 'crash', failures: 1 } }) // the first task crashes, the rest succeed
      ecs('UpdateService', { service: 'web', taskDefinition: 'web:2' })
      advance(30)
      expect(latestServiceDeployment()).toMatchObject({
        status: 'SUCCESSFUL',
        deploymentCircuitBreaker: { failureCount: resetOnHealthyTask === false ? 1 : 0 },
      })
    }
  })

  test('early success: the deployment completes at healthyPercent, ECS goes on starting the rest', () => {
    const early = { enable: true, healthyPercent: 50, sourceServiceRevisionCleanup: 'DEFERRED' }
    givenService({ minimumHealthyPercent: 50, earlySuccessCriteria: early }, 4)
    world.scenarios.add({ rollout: { taskStartSeconds: 2, taskStartStaggerSeconds: 10 } })
    ecs('UpdateService', { service: 'web', taskDefinition: 'web:2' })
    advance(8)
    expect(primary(service()).rolloutState).toBe('IN_PROGRESS')
    advance(10) // the second of four new tasks is healthy: 50 %
    const s = service()
    expect(primary(s)).toMatchObject({ taskDefinition: expect.stringMatching(/web:2$/), rolloutState: 'COMPLETED' })
    expect(primary(s).runningCount).toBe(2)
    expect(latestServiceDeployment()).toMatchObject({ status: 'SUCCESSFUL', finishedAt: expect.any(Date) })
    advance(30)
    expect(summary(service())).toEqual(['PRIMARY web:2 COMPLETED r4 p0 f0'])
  })

  describe('deployment alarms on a rolling update: the bake before completion (AWS: early success criteria, alarms)', () => {
    const early = { enable: true, healthyPercent: 50, sourceServiceRevisionCleanup: 'DEFERRED' }
    const alarms = { alarmNames: ['web-5xx'], enable: true, rollback: true }
    // Four tasks, one every 10 s from 2.2 s on: 50 % healthy at 12.2 s; a 15 s bake ends at 27.2 s.
    const givenRollout = (rollout: object): void => {
      givenService({ minimumHealthyPercent: 50, earlySuccessCriteria: early }, 4)
      world.scenarios.add({
        rollout: { taskStartSeconds: 2, taskStartStaggerSeconds: 10, alarmBakeSeconds: 15, ...rollout },
      })
      ecs('UpdateService', { service: 'web', taskDefinition: 'web:2', deploymentConfiguration: { alarms } })
    }

    test('the early success criteria met, the deployment stays IN_PROGRESS until the bake is over', () => {
      givenRollout({})
      advance(18)
      expect(primary(service())).toMatchObject({ rolloutState: 'IN_PROGRESS', runningCount: 2 })
      expect(latestServiceDeployment()).toMatchObject({ status: 'IN_PROGRESS', alarms: { status: 'MONITORING' } })
      advance(8) // 26 s
      expect(primary(service()).rolloutState).toBe('IN_PROGRESS')
      advance(2) // 28 s: baked; 3 of 4 tasks healthy, the fourth still starting
      expect(primary(service())).toMatchObject({ rolloutState: 'COMPLETED', runningCount: 3 })
      expect(latestServiceDeployment()).toMatchObject({
        status: 'SUCCESSFUL',
        alarms: { status: 'MONITORING_COMPLETE' },
      })
    })

    test('an alarm in the bake fails the deployment that met its early success criteria, and rolls it back', () => {
      givenRollout({ alarm: 'web-5xx', alarmAfterSeconds: 20 })
      advance(21)
      const failed = service().deployments?.find((d) => d.taskDefinition?.endsWith('web:2'))
      expect(failed).toMatchObject({
        status: 'ACTIVE',
        rolloutState: 'FAILED',
        rolloutStateReason: expect.stringMatching(/failed: the CloudWatch alarm web-5xx is in ALARM state\.$/),
      })
      expect(latestServiceDeployment()).toMatchObject({
        status: 'ROLLBACK_IN_PROGRESS',
        statusReason: 'Service deployment failed because the CloudWatch alarm web-5xx is in ALARM state.',
        alarms: { status: 'TRIGGERED', triggeredAlarmNames: ['web-5xx'] },
      })
      advance(30)
      expect(latestServiceDeployment().status).toBe('ROLLBACK_SUCCESSFUL')
      expect(summary(service())).toEqual(['PRIMARY web:1 COMPLETED r4 p0 f0'])
    })

    test('an alarm the service does not watch, or one after the deployment completed, changes nothing', () => {
      givenRollout({ alarm: 'cpu-high', alarmAfterSeconds: 20 })
      advance(30)
      expect(latestServiceDeployment()).toMatchObject({ status: 'SUCCESSFUL', alarms: { triggeredAlarmNames: [] } })
      givenRollout({ alarm: 'web-5xx', alarmAfterSeconds: 30 })
      advance(31)
      expect(latestServiceDeployment()).toMatchObject({
        status: 'SUCCESSFUL',
        alarms: { status: 'MONITORING_COMPLETE' },
      })
    })
  })

  test('early success is refused where ECS refuses it', () => {
    givenService({ minimumHealthyPercent: 100 })
    const early = { enable: true, healthyPercent: 50, sourceServiceRevisionCleanup: 'BLOCKING' }
    expect(() =>
      ecs('UpdateService', { service: 'web', deploymentConfiguration: { earlySuccessCriteria: early } }),
    ).toThrow('The early success criteria healthyPercent must be greater than or equal to minimumHealthyPercent.')
    expect(() =>
      ecs('UpdateService', {
        service: 'web',
        deploymentConfiguration: { minimumHealthyPercent: 50, earlySuccessCriteria: { enable: true } },
      }),
    ).toThrow(
      'Early success criteria need healthyPercent (0-100) and sourceServiceRevisionCleanup (BLOCKING or DEFERRED).',
    )
  })

  test('a rollback that fails too is ROLLBACK_FAILED; a first deployment has nothing to roll back to', () => {
    givenService({ deploymentCircuitBreaker: { enable: true, rollback: true } }, 1)
    world.scenarios.add({ rollout: { outcome: 'pull-error', rollback: { outcome: 'pull-error' } } })
    ecs('UpdateService', { service: 'web', taskDefinition: 'web:2' })
    advance(60)
    expect(latestServiceDeployment()).toMatchObject({
      status: 'ROLLBACK_FAILED',
      statusReason: 'The rollback failed: tasks failed to start.',
    })
  })

  test('StopServiceDeployment ABORT stops the deployment where it is', () => {
    givenService()
    world.scenarios.add({ rollout: { outcome: 'stuck-pending' } })
    ecs('UpdateService', { service: 'web', taskDefinition: 'web:2' })
    advance(1)
    const arn = latestServiceDeployment().serviceDeploymentArn
    ecs('StopServiceDeployment', { serviceDeploymentArn: arn, stopType: 'ABORT' })
    expect(latestServiceDeployment().status).toBe('STOP_REQUESTED')
    advance(2)
    expect(latestServiceDeployment()).toMatchObject({ status: 'STOPPED', stoppedAt: expect.any(Date) })
    expect(primary(service()).rolloutState).toBe('FAILED')
  })

  test('errors carry the ECS exception names', () => {
    givenService()
    const code = (fn: () => unknown) => {
      try {
        fn()
      } catch (error) {
        return error instanceof AwsError ? error.code : String(error)
      }
      return 'no error'
    }
    expect(code(() => ecs('UpdateService', { cluster: 'nope', service: 'web' }))).toBe('ClusterNotFoundException')
    expect(code(() => ecs('UpdateService', { service: 'nope' }))).toBe('ServiceNotFoundException')
    expect(code(() => ecs('UpdateService', { service: 'web', taskDefinition: 'web:9' }))).toBe('ClientException')
    expect(code(() => ecs('CreateService', { serviceName: 'web', taskDefinition: 'web:1' }))).toBe(
      'InvalidParameterException',
    )
    // BLUE_GREEN without a bake time (native.test.ts has the rest of ECS's own strategies).
    expect(
      code(() =>
        ecs('UpdateService', {
          service: 'web',
          forceNewDeployment: true,
          deploymentConfiguration: { strategy: 'BLUE_GREEN' },
        }),
      ),
    ).toBe('InvalidParameterException')
  })
})

describe('what ECS refuses, the scenario server refuses', () => {
  const refusal = (operation: string, input: object): string => {
    try {
      ecs(operation, input)
    } catch (error) {
      return error instanceof AwsError ? `${error.code}: ${error.message}` : String(error)
    }
    return 'accepted'
  }
  const role = 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole'
  const awslogs = { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/web' } }
  const fargate = {
    family: 'web',
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: '256',
    memory: '512',
    executionRoleArn: role,
  }
  const container = { name: 'web', image: 'nginx:1' }

  test('ListTasks: startedBy must be the only filter; maxResults is 1 to 100', () => {
    givenService()
    expect(refusal('ListTasks', { startedBy: 'ecs-svc/1', desiredStatus: 'STOPPED' })).toBe(
      'InvalidParameterException: startedBy cannot be combined with other filters (desiredStatus).',
    )
    expect(refusal('ListTasks', { startedBy: 'ecs-svc/1', serviceName: 'web', family: 'web' })).toBe(
      'InvalidParameterException: startedBy cannot be combined with other filters (family, serviceName).',
    )
    expect(refusal('ListTasks', { startedBy: 'ecs-svc/1' })).toBe('accepted')
    expect(refusal('ListTasks', { serviceName: 'web', desiredStatus: 'STOPPED', maxResults: 100 })).toBe('accepted')
    expect(refusal('ListTasks', { serviceName: 'web', maxResults: 101 })).toBe(
      'InvalidParameterException: maxResults must be between 1 and 100.',
    )
    expect(refusal('ListTasks', { serviceName: 'web', maxResults: 0 })).toBe(
      'InvalidParameterException: maxResults must be between 1 and 100.',
    )
  })

  test.each([
    [
      'Fargate without awsvpc',
      { ...fargate, networkMode: 'bridge', containerDefinitions: [container] },
      "Fargate only supports network mode 'awsvpc'.",
    ],
    [
      'a cpu Fargate does not have',
      { ...fargate, cpu: '300', containerDefinitions: [container] },
      "Invalid 'cpu' setting for task.",
    ],
    [
      'memory that does not go with the cpu',
      { ...fargate, cpu: '1 vCPU', memory: '1GB', containerDefinitions: [container] },
      'No Fargate configuration exists for given values.',
    ],
    [
      'awslogs on Fargate without an execution role',
      { ...fargate, executionRoleArn: undefined, containerDefinitions: [{ ...container, logConfiguration: awslogs }] },
      'Fargate requires task definition to have execution role ARN to support log driver awslogs.',
    ],
    [
      'an ECR image on Fargate without an execution role',
      {
        ...fargate,
        executionRoleArn: undefined,
        containerDefinitions: [{ ...container, image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1' }],
      },
      'Fargate requires task definition to have execution role ARN to support ECR images.',
    ],
    [
      'secrets without an execution role, on EC2 too',
      {
        family: 'web',
        containerDefinitions: [
          {
            ...container,
            memory: 128,
            secrets: [{ name: 'DB', valueFrom: 'arn:aws:ssm:us-east-1:123456789012:parameter/db' }],
          },
        ],
      },
      "When you are specifying container secrets, you must also specify a value for 'executionRoleArn'.",
    ],
  ])('RegisterTaskDefinition refuses %s', (_case, input, message) => {
    world = new World({ now: () => now })
    expect(refusal('RegisterTaskDefinition', input)).toBe(`ClientException: ${message}`)
  })

  test('RegisterTaskDefinition takes Fargate sizes in vCPU and GB, and EC2 definitions without an execution role', () => {
    world = new World({ now: () => now })
    expect(
      refusal('RegisterTaskDefinition', {
        ...fargate,
        cpu: '8 vCPU',
        memory: '60 GB',
        containerDefinitions: [{ ...container, logConfiguration: awslogs }],
      }),
    ).toBe('accepted')
    const ec2 = {
      family: 'web',
      networkMode: 'bridge',
      containerDefinitions: [
        {
          ...container,
          image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1',
          memory: 128,
          logConfiguration: awslogs,
        },
      ],
    }
    expect(refusal('RegisterTaskDefinition', ec2)).toBe('accepted')
  })
})
