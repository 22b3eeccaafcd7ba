import {
  DescribeServiceDeploymentsCommand,
  DescribeServicesCommand,
  DescribeTasksCommand,
  ECSClient,
  ListTasksCommand,
  StopServiceDeploymentCommand,
  UpdateServiceCommand,
  type DescribeServicesCommandOutput,
} from '@aws-sdk/client-ecs'
import { mockClient } from 'aws-sdk-client-mock'
import {
  waitForDeployment,
  waitForDeployments,
  type FollowTarget,
  type WatchOptions,
} from '../../src/mechanisms/watch.js'
import type { Rollout } from '../../src/deploy/rollout.js'
import { fakeClock } from '../helpers/clock.js'
import {
  crashedTask,
  deployment,
  NEW_ID,
  NEW_TD,
  OLD_ID,
  OLD_TD,
  oldDeployment,
  ROLLBACK_ID,
  service,
} from '../helpers/ecs.js'

const START = Date.UTC(2026, 0, 1)
const OTHER_ID = 'ecs-svc/4444444444444444444'
const OLD_SD_ARN = 'arn:aws:ecs:us-east-1:123456789012:service-deployment/prod/web/old'
const accessDenied = (operation: string) =>
  Object.assign(
    new Error(`User: arn:aws:sts::123456789012:assumed-role/deploy/gh is not authorized to perform: ecs:${operation}`),
    { name: 'AccessDeniedException', $metadata: {} },
  )

const ecsMock = mockClient(ECSClient)
const SD_ARN = 'arn:aws:ecs:us-east-1:123456789012:service-deployment/prod/web/abc'

function rollout(overrides: Partial<Rollout> = {}): Rollout {
  return {
    deploymentId: NEW_ID,
    previousTaskDefinition: OLD_TD,
    started: true,
    startedAt: Date.UTC(2026, 0, 1),
    ...overrides,
  }
}

function described(...deployments: Parameters<typeof service>[0][]): DescribeServicesCommandOutput[] {
  return deployments.map((d) => ({ $metadata: {}, services: [service(d)] }))
}

function options(
  overrides: Partial<WatchOptions & FollowTarget> = {},
): WatchOptions & FollowTarget & { lines: string[] } {
  const lines: string[] = []
  return {
    ecs: new ECSClient({ region: 'us-east-1' }),
    cluster: 'prod',
    service: 'web',
    rollout: rollout(),
    targetTaskDefinition: NEW_TD,
    timeoutMs: 30 * 60_000,
    rollbackOnFailure: true,
    clock: fakeClock(),
    log: (line) => lines.push(line),
    lines,
    ...overrides,
  }
}

/** Answers DescribeServices with each response in turn, then the last one forever. */
function script(responses: DescribeServicesCommandOutput[]): void {
  let call = ecsMock.on(DescribeServicesCommand)
  for (const response of responses) call = call.resolvesOnce(response)
  call.resolves(responses[responses.length - 1] ?? { services: [] })
}

beforeEach(() => {
  ecsMock.reset()
  ecsMock.on(ListTasksCommand).resolves({ taskArns: [] })
})

describe('waitForDeployment', () => {
  test('succeeds when the new revision becomes primary and complete, logging count changes and events once', async () => {
    const start = Date.UTC(2026, 0, 1)
    script(
      described(
        { deployments: [deployment(), oldDeployment()] },
        {
          deployments: [deployment({ runningCount: 1, pendingCount: 1 }), oldDeployment()],
          events: [
            {
              id: 'e1',
              createdAt: new Date(start + 1000),
              message: '(service web) has started 2 tasks: (task a) (task b).',
            },
          ],
        },
        {
          deployments: [deployment({ runningCount: 1, pendingCount: 1 }), oldDeployment()],
          events: [
            {
              id: 'e1',
              createdAt: new Date(start + 1000),
              message: '(service web) has started 2 tasks: (task a) (task b).',
            },
          ],
        },
        {
          deployments: [
            deployment({
              runningCount: 2,
              rolloutState: 'COMPLETED',
              rolloutStateReason: `ECS deployment ${NEW_ID} completed.`,
            }),
          ],
          events: [
            { id: 'e2', createdAt: new Date(start + 9000), message: '(service web) has reached a steady state.' },
            {
              id: 'e1',
              createdAt: new Date(start + 1000),
              message: '(service web) has started 2 tasks: (task a) (task b).',
            },
          ],
        },
      ),
    )
    const o = options()
    const result = await waitForDeployment(o)
    expect(result.outcome).toBe('succeeded')
    expect(result.reason).toBe(`ECS deployment ${NEW_ID} completed.`)
    expect(o.lines.filter((l) => l.includes('has started 2 tasks'))).toHaveLength(1)
    expect(o.lines.filter((l) => l.includes('running 1/2, pending 1'))).toHaveLength(1)
    expect(o.lines).toContain('[0:09] (service web) has reached a steady state.')
    expect(ecsMock).not.toHaveReceivedCommand(StopServiceDeploymentCommand)
  })

  test('events from before the rollout are not shown; tasks that stopped alike are one line', async () => {
    const old = { id: 'old', createdAt: new Date(0), message: '(service web) has reached a steady state.' }
    script(
      described(
        { deployments: [deployment(), oldDeployment()], events: [old] },
        { deployments: [deployment({ failedTasks: 2 }), oldDeployment()], events: [old] },
        { deployments: [deployment({ runningCount: 2, failedTasks: 2, rolloutState: 'COMPLETED' })], events: [old] },
      ),
    )
    ecsMock.on(ListTasksCommand).resolves({
      taskArns: ['arn:aws:ecs:us-east-1:123456789012:task/prod/t1', 'arn:aws:ecs:us-east-1:123456789012:task/prod/t2'],
    })
    ecsMock.on(DescribeTasksCommand).resolves({ tasks: [crashedTask('t1'), crashedTask('t2')] })
    const o = options({ priorEventIds: ['old'] })
    await waitForDeployment(o)
    expect(o.lines.some((l) => l.includes('(service web) has reached a steady state.'))).toBe(false)
    expect(o.lines).toContain(
      '[0:01] 2 tasks stopped: Essential container in task exited [EssentialContainerExited] — web: exit code 1 (t1, t2)',
    )
  })

  test("a failure's latest service events are this rollout's only, not an earlier deployment's steady state", async () => {
    const old = { id: 'old', createdAt: new Date(0), message: '(service web) has reached a steady state.' }
    const own = {
      id: 'own',
      createdAt: new Date(START + 1000),
      message: '(service web) has started 1 tasks: (task t1).',
    }
    const failed = { deployments: [deployment({ failedTasks: 3, rolloutState: 'FAILED' as const }), oldDeployment()] }
    script(
      described({ deployments: [deployment(), oldDeployment()], events: [old] }, { ...failed, events: [own, old] }),
    )
    ecsMock.on(ListTasksCommand).resolves({ taskArns: [] })
    const result = await waitForDeployment(options({ priorEventIds: ['old'] }))
    expect(result.outcome).toBe('failed')
    expect(result.recentEvents).toEqual([own.message])
  })

  test('a circuit-breaker rollback is reported as rolled-back with the reason, without a rollback request of its own', async () => {
    script(
      described(
        { deployments: [deployment(), oldDeployment()] },
        {
          deployments: [
            deployment({ id: ROLLBACK_ID, taskDefinition: OLD_TD, runningCount: 2 }),
            deployment({
              status: 'ACTIVE',
              failedTasks: 3,
              rolloutState: 'FAILED',
              rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.',
            }),
          ],
        },
      ),
    )
    ecsMock.on(ListTasksCommand).resolves({ taskArns: ['arn:aws:ecs:us-east-1:123456789012:task/prod/t1'] })
    ecsMock.on(DescribeTasksCommand).resolves({ tasks: [crashedTask('t1', 1)] })
    const o = options()
    const result = await waitForDeployment(o)
    expect(result.outcome).toBe('rolled-back')
    expect(result.reason).toBe('ECS deployment circuit breaker: tasks failed to start. ECS rolled back to web:6.')
    expect(result.stoppedTasks[0]?.containers[0]?.exitCode).toBe(1)
    expect(
      o.lines.some((l) =>
        l.includes('task t1 stopped: Essential container in task exited [EssentialContainerExited] — web: exit code 1'),
      ),
    ).toBe(true)
    expect(ecsMock).not.toHaveReceivedCommand(UpdateServiceCommand)
    expect(ecsMock).not.toHaveReceivedCommand(StopServiceDeploymentCommand)
  })

  test('stopped tasks that cannot be read are in the result as an error, not an empty list', async () => {
    script(
      described(
        { deployments: [deployment(), oldDeployment()] },
        {
          deployments: [
            deployment({ id: ROLLBACK_ID, taskDefinition: OLD_TD, runningCount: 2 }),
            deployment({
              status: 'ACTIVE',
              failedTasks: 3,
              rolloutState: 'FAILED',
              rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.',
            }),
          ],
        },
      ),
    )
    ecsMock
      .on(ListTasksCommand)
      .rejects(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $metadata: {} }))
    const result = await waitForDeployment(options())
    expect(result.outcome).toBe('rolled-back')
    expect(result.stoppedTasks).toEqual([])
    expect(result.stoppedTasksError).toMatch(/^could not read the stopped tasks: .*Rate exceeded/)
  })

  test('a crash loop without a circuit breaker fails fast and rolls back to the previous revision', async () => {
    const noBreaker = { deploymentConfiguration: { deploymentCircuitBreaker: { enable: false, rollback: false } } }
    script(
      described(
        { ...noBreaker, deployments: [deployment(), oldDeployment()] },
        { ...noBreaker, deployments: [deployment({ failedTasks: 1 }), oldDeployment()] },
        { ...noBreaker, deployments: [deployment({ failedTasks: 3 }), oldDeployment()] },
      ),
    )
    ecsMock.on(ListTasksCommand).resolves({ taskArns: ['arn:aws:ecs:us-east-1:123456789012:task/prod/t1'] })
    ecsMock.on(DescribeTasksCommand).resolves({ tasks: [crashedTask('t1', 137)] })
    ecsMock.on(UpdateServiceCommand).resolves({})
    const clock = fakeClock()
    const result = await waitForDeployment(options({ clock }))
    expect(result.outcome).toBe('failed')
    expect(result.reason).toMatch(/^tasks of web:7 keep stopping \(3 failed to start or crashed\)/)
    expect(result.rollback).toBe('asked ECS to roll the service back to web:6 by redeploying it')
    expect(ecsMock).toHaveReceivedCommandWith(UpdateServiceCommand, {
      cluster: 'prod',
      service: 'web',
      taskDefinition: OLD_TD,
    })
    expect(clock.now() - Date.UTC(2026, 0, 1)).toBeLessThan(10_000)
  })

  test('times out, says where the rollout stood and asks ECS to roll back the service deployment', async () => {
    script(described({ deployments: [deployment({ pendingCount: 2 }), oldDeployment()] }))
    ecsMock
      .on(DescribeServiceDeploymentsCommand)
      .resolves({ serviceDeployments: [{ serviceDeploymentArn: SD_ARN, status: 'IN_PROGRESS' }] })
    ecsMock.on(StopServiceDeploymentCommand).resolves({ serviceDeploymentArn: SD_ARN })
    const result = await waitForDeployment(
      options({ rollout: rollout({ serviceDeploymentArn: SD_ARN }), timeoutMs: 60_000 }),
    )
    expect(result.outcome).toBe('timed-out')
    expect(result.reason).toBe('the rollout did not finish within 1 min (web:7: running 0/2, pending 2, failed 0)')
    expect(ecsMock).toHaveReceivedCommandWith(StopServiceDeploymentCommand, {
      serviceDeploymentArn: SD_ARN,
      stopType: 'ROLLBACK',
    })
  })

  test('timeout with rollback-on-failure false leaves the service alone', async () => {
    script(described({ deployments: [deployment({ pendingCount: 2 }), oldDeployment()] }))
    const result = await waitForDeployment(options({ rollbackOnFailure: false, timeoutMs: 30_000 }))
    expect(result.outcome).toBe('timed-out')
    expect(result.rollback).toBeUndefined()
    expect(ecsMock).not.toHaveReceivedCommand(UpdateServiceCommand)
  })

  test("past the run's deadline the stopped tasks (diagnosis) are not listed; the rollback is still requested", async () => {
    script(described({ deployments: [deployment({ pendingCount: 2 }), oldDeployment()] }))
    ecsMock.on(UpdateServiceCommand).resolves({})
    const result = await waitForDeployment(options({ timeoutMs: 30_000, deadline: { passed: () => true } }))
    expect(result.outcome).toBe('timed-out')
    expect(result.stoppedTasksError).toBe("the stopped tasks were not listed: the run's deadline had passed")
    expect(ecsMock).not.toHaveReceivedCommand(ListTasksCommand)
    expect(ecsMock).toHaveReceivedCommand(UpdateServiceCommand)
  })

  test('cancellation stops waiting and requests the rollback', async () => {
    script(described({ deployments: [deployment(), oldDeployment()] }))
    ecsMock.on(UpdateServiceCommand).resolves({})
    const controller = new AbortController()
    const clock = fakeClock()
    const sleep = clock.sleep
    clock.sleep = async (ms, signal) => {
      controller.abort()
      return sleep(ms, signal)
    }
    const result = await waitForDeployment(options({ clock, signal: controller.signal }))
    expect(result.outcome).toBe('failed')
    expect(result.reason).toMatch(/^the job was cancelled while the rollout was in progress/)
    expect(ecsMock).toHaveReceivedCommandWith(UpdateServiceCommand, { taskDefinition: OLD_TD })
  })

  test.each([
    ['SUCCESSFUL', 'succeeded', 'Deployment completed'],
    ['ROLLBACK_SUCCESSFUL', 'rolled-back', 'alarm web-5xx in ALARM. ECS rolled back to the previous revision.'],
    ['ROLLBACK_IN_PROGRESS', 'rolled-back', 'alarm web-5xx in ALARM. ECS is rolling back to the previous revision.'],
    ['ROLLBACK_FAILED', 'failed', 'the rollback failed too: Deployment completed'],
    ['STOPPED', 'failed', 'the deployment was stopped: Deployment completed'],
  ] as const)('service deployment status %s ends the wait as %s', async (status, outcome, reason) => {
    script(described({ deployments: [deployment(), oldDeployment()] }))
    ecsMock.on(DescribeServiceDeploymentsCommand).resolves({
      serviceDeployments: [
        {
          serviceDeploymentArn: SD_ARN,
          status,
          statusReason: 'Deployment completed',
          ...(status.startsWith('ROLLBACK_') &&
            status !== 'ROLLBACK_FAILED' && { rollback: { reason: 'alarm web-5xx in ALARM' } }),
        },
      ],
    })
    const result = await waitForDeployment(options({ rollout: rollout({ serviceDeploymentArn: SD_ARN }) }))
    expect(result.outcome).toBe(outcome)
    expect(result.reason).toBe(reason)
  })

  test('throttled polls are retried, then the rollout is followed to the end', async () => {
    const throttled = Object.assign(new Error('Rate exceeded'), {
      name: 'ThrottlingException',
      $metadata: { attempts: 6 },
    })
    ecsMock
      .on(DescribeServicesCommand)
      .rejectsOnce(throttled)
      .rejectsOnce(throttled)
      .resolves({ services: [service({ deployments: [deployment({ runningCount: 2, rolloutState: 'COMPLETED' })] })] })
    const o = options()
    const result = await waitForDeployment(o)
    expect(result.outcome).toBe('succeeded')
    expect(o.lines.filter((l) => l.includes('could not read the rollout'))).toHaveLength(2)
  })

  test('gives up with the explained error after five failed polls in a row', async () => {
    ecsMock
      .on(DescribeServicesCommand)
      .rejects(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $metadata: { attempts: 6 } }))
    await expect(waitForDeployment(options())).rejects.toThrow(
      'AWS kept throttling ecs:DescribeServices (6 attempts): Rate exceeded.',
    )
  })

  test('polls quickly at first, then backs off to five seconds, reading service deployments only now and then', async () => {
    script(described({ deployments: [deployment({ pendingCount: 2 }), oldDeployment()] }))
    ecsMock
      .on(DescribeServiceDeploymentsCommand)
      .resolves({ serviceDeployments: [{ serviceDeploymentArn: SD_ARN, status: 'IN_PROGRESS' }] })
    const clock = fakeClock()
    await waitForDeployment(
      options({
        clock,
        timeoutMs: 120_000,
        rollbackOnFailure: false,
        rollout: rollout({ serviceDeploymentArn: SD_ARN }),
      }),
    )
    expect(clock.sleeps.slice(0, 3)).toEqual([1000, 2000, 2000])
    expect(Math.max(...clock.sleeps)).toBe(5000)
    // Two minutes of waiting stay well under ECS's rate limits and our 20 calls a minute.
    const describes = ecsMock.commandCalls(DescribeServicesCommand).length
    const serviceDeployments = ecsMock.commandCalls(DescribeServiceDeploymentsCommand).length
    expect(describes).toBeLessThanOrEqual(27)
    expect(serviceDeployments).toBeLessThanOrEqual(Math.ceil(describes / 3))
    expect((describes + serviceDeployments) / 2).toBeLessThanOrEqual(20)
  })

  test('a poll that sees the rollout move is followed up after one second, quiet ones back off', async () => {
    const quiet = { deployments: [deployment({ pendingCount: 2 }), oldDeployment()] }
    script(
      described(
        quiet,
        quiet,
        quiet,
        quiet,
        quiet,
        quiet,
        quiet,
        { deployments: [deployment({ runningCount: 1, pendingCount: 1 }), oldDeployment()] },
        { deployments: [deployment({ runningCount: 2, rolloutState: 'COMPLETED' })] },
      ),
    )
    const clock = fakeClock()
    await waitForDeployment(options({ clock }))
    expect(clock.sleeps).toEqual([1000, 2000, 2000, 3000, 4000, 5000, 5000, 1000])
  })

  test('several services are followed in one loop with one DescribeServices call per poll, each judged on its own', async () => {
    const names = Array.from({ length: 12 }, (_, i) => `svc${i}`)
    let poll = 0
    ecsMock.on(DescribeServicesCommand).callsFake((input: { services: string[] }) => {
      poll++
      return {
        services: input.services.map((name) =>
          service({
            serviceName: name,
            // svc3 fails by circuit breaker on the second read; the others complete then.
            deployments:
              poll <= 2
                ? [deployment(), oldDeployment()]
                : name === 'svc3'
                  ? [
                      deployment({ id: ROLLBACK_ID, taskDefinition: OLD_TD }),
                      deployment({ status: 'ACTIVE', rolloutState: 'FAILED', rolloutStateReason: 'circuit breaker' }),
                    ]
                  : [deployment({ runningCount: 2, rolloutState: 'COMPLETED' })],
          }),
        ),
      }
    })
    const o = options()
    const results = await waitForDeployments(
      o,
      names.map((name) => ({ service: name, rollout: rollout(), targetTaskDefinition: NEW_TD })),
    )
    expect(results.map((r) => r.service)).toEqual(names)
    expect(results.map((r) => r.outcome)).toEqual(names.map((n) => (n === 'svc3' ? 'rolled-back' : 'succeeded')))
    // 12 services: two calls (10 + 2) a poll, two polls.
    expect(ecsMock.commandCalls(DescribeServicesCommand).map((c) => c.args[0].input.services?.length)).toEqual([
      10, 2, 10, 2,
    ])
    expect(o.lines.some((l) => l.startsWith('[0:01] svc3: rolled back: circuit breaker'))).toBe(true)
  })
})

describe('waitForDeployment against real ECS behaviour', () => {
  test('eventual consistency: while DescribeServices still shows the previous PRIMARY, it waits instead of judging', async () => {
    const before = { deployments: [oldDeployment({ status: 'PRIMARY' })] }
    script(
      described(
        before,
        before,
        before,
        { deployments: [deployment(), oldDeployment()] },
        { deployments: [deployment({ runningCount: 2, rolloutState: 'COMPLETED' })] },
      ),
    )
    const o = options()
    const result = await waitForDeployment(o)
    expect(result.outcome).toBe('succeeded')
    expect(o.lines.filter((l) => l.includes('does not list deployment'))).toEqual([
      `[0:00] ECS does not list deployment ${NEW_ID} yet (it is eventually consistent); waiting for it`,
    ])
  })

  test('a deployment ECS never shows fails after the bound, naming it, and nothing is rolled back', async () => {
    script(described({ deployments: [oldDeployment({ status: 'PRIMARY' })] }))
    const clock = fakeClock()
    const result = await waitForDeployment(options({ clock, visibilityTimeoutMs: 60_000 }))
    expect(result.outcome).toBe('failed')
    expect(result.reason).toBe(`ECS has not shown deployment ${NEW_ID} of web 60 s after UpdateService returned it`)
    expect(clock.now() - START).toBeGreaterThanOrEqual(60_000)
    expect(clock.now() - START).toBeLessThan(70_000)
    expect(ecsMock).not.toHaveReceivedCommand(UpdateServiceCommand)
    expect(ecsMock).not.toHaveReceivedCommand(StopServiceDeploymentCommand)
  })

  test('a stale currentServiceDeployment (the previous, SUCCESSFUL one) is not a success: the rollout is followed to its real end', async () => {
    const since = START + 500
    const previous = {
      serviceDeploymentArn: OLD_SD_ARN,
      status: 'SUCCESSFUL' as const,
      createdAt: new Date(START - 600_000),
      statusReason: 'done',
    }
    const ours = (status: 'IN_PROGRESS' | 'ROLLBACK_SUCCESSFUL') => ({
      serviceDeploymentArn: SD_ARN,
      status,
      createdAt: new Date(since),
      ...(status !== 'IN_PROGRESS' && {
        rollback: { reason: 'ECS deployment circuit breaker: tasks failed to start.' },
      }),
    })
    let failed = false
    ecsMock.on(DescribeServiceDeploymentsCommand).callsFake((input: { serviceDeploymentArns: string[] }) => ({
      serviceDeployments: input.serviceDeploymentArns.map((arn) =>
        arn === OLD_SD_ARN ? previous : ours(failed ? 'ROLLBACK_SUCCESSFUL' : 'IN_PROGRESS'),
      ),
    }))
    let poll = 0
    ecsMock.on(DescribeServicesCommand).callsFake(() => {
      poll++
      failed = poll >= 4
      const deployments = failed
        ? [
            deployment({ id: ROLLBACK_ID, taskDefinition: OLD_TD }),
            deployment({
              status: 'ACTIVE',
              failedTasks: 3,
              rolloutState: 'FAILED',
              rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.',
            }),
          ]
        : [deployment({ createdAt: new Date(since) }), oldDeployment()]
      // ECS names the previous service deployment for the first polls.
      return { services: [service({ deployments, currentServiceDeployment: poll <= 2 ? OLD_SD_ARN : SD_ARN })] }
    })
    const result = await waitForDeployment(options({ rollout: rollout({ serviceDeploymentArn: OLD_SD_ARN, since }) }))
    expect(result.outcome).toBe('rolled-back')
    expect(result.reason).toBe(
      'ECS deployment circuit breaker: tasks failed to start. ECS rolled back to the previous revision.',
    )
    expect(
      ecsMock
        .commandCalls(DescribeServiceDeploymentsCommand)
        .filter((c) => c.args[0].input.serviceDeploymentArns?.includes(OLD_SD_ARN)),
    ).toHaveLength(1)
  })

  test('a re-run following the rollout in flight is not fooled by a stale currentServiceDeployment either', async () => {
    const since = START - 5000
    ecsMock.on(DescribeServiceDeploymentsCommand).callsFake((input: { serviceDeploymentArns: string[] }) => ({
      serviceDeployments: input.serviceDeploymentArns.map((arn) =>
        arn === OLD_SD_ARN
          ? { serviceDeploymentArn: arn, status: 'SUCCESSFUL', createdAt: new Date(START - 600_000) }
          : { serviceDeploymentArn: arn, status: 'IN_PROGRESS', createdAt: new Date(since) },
      ),
    }))
    script(
      described({
        deployments: [deployment({ pendingCount: 2 }), oldDeployment()],
        currentServiceDeployment: OLD_SD_ARN,
      }),
    )
    const clock = fakeClock()
    const result = await waitForDeployment(
      options({
        clock,
        timeoutMs: 60_000,
        rollout: rollout({ started: false, startedAt: since, since, serviceDeploymentArn: OLD_SD_ARN }),
      }),
    )
    expect(result.outcome).toBe('timed-out')
    expect(clock.now() - START).toBeGreaterThanOrEqual(60_000)
  })

  test('another actor deploying the same revision over this one (no service deployments): a prompt failure, nothing rolled back', async () => {
    script(
      described(
        { deployments: [deployment(), oldDeployment()] },
        {
          deployments: [
            deployment({ id: OTHER_ID }),
            deployment({ status: 'ACTIVE', runningCount: 1 }),
            oldDeployment(),
          ],
        },
        { deployments: [deployment({ id: OTHER_ID, runningCount: 2 })] },
      ),
    )
    const clock = fakeClock()
    const result = await waitForDeployment(options({ clock }))
    expect(result.outcome).toBe('failed')
    expect(result.reason).toBe(
      `another deployment replaced this one: ${OTHER_ID} of web:7 is now the service's primary deployment, started by someone else; nothing was rolled back`,
    )
    expect(clock.now() - START).toBeLessThan(5000)
    expect(result.rollback).toBeUndefined()
    expect(ecsMock).not.toHaveReceivedCommand(UpdateServiceCommand)
    expect(ecsMock).not.toHaveReceivedCommand(StopServiceDeploymentCommand)
  })

  test('a rollback ECS runs is a rollback, even while the old revision is PRIMARY before this deployment reads FAILED', async () => {
    script(
      described(
        { deployments: [deployment(), oldDeployment()] },
        {
          deployments: [
            oldDeployment({ status: 'PRIMARY', id: ROLLBACK_ID, rolloutState: 'IN_PROGRESS' }),
            deployment({ status: 'ACTIVE' }),
          ],
        },
      ),
    )
    let poll = 0
    ecsMock.on(DescribeServiceDeploymentsCommand).callsFake(() => ({
      serviceDeployments: [
        {
          serviceDeploymentArn: SD_ARN,
          status: ++poll > 1 ? 'ROLLBACK_IN_PROGRESS' : 'IN_PROGRESS',
          rollback: { reason: 'alarm web-5xx in ALARM' },
        },
      ],
    }))
    const result = await waitForDeployment(options({ rollout: rollout({ serviceDeploymentArn: SD_ARN }) }))
    expect(result.outcome).toBe('rolled-back')
    expect(result.reason).toBe('alarm web-5xx in ALARM. ECS is rolling back to the previous revision.')
  })

  test('a deployment gone from the list after it was seen, another one primary: replaced', async () => {
    script(
      described(
        { deployments: [deployment(), oldDeployment()] },
        {
          deployments: [
            deployment({ id: OLD_ID, taskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:8' }),
          ],
        },
      ),
    )
    const result = await waitForDeployment(options())
    expect(result.outcome).toBe('failed')
    expect(result.reason).toBe(
      `another deployment replaced this one: ${OLD_ID} of web:8 is now the service's primary deployment, started by someone else; nothing was rolled back`,
    )
    expect(ecsMock).not.toHaveReceivedCommand(UpdateServiceCommand)
  })

  test('a rollout this run did not start (a re-run following it) is never rolled back, even on timeout', async () => {
    script(described({ deployments: [deployment({ pendingCount: 2 }), oldDeployment()] }))
    ecsMock
      .on(DescribeServiceDeploymentsCommand)
      .resolves({ serviceDeployments: [{ serviceDeploymentArn: SD_ARN, status: 'IN_PROGRESS' }] })
    const result = await waitForDeployment(
      options({ timeoutMs: 30_000, rollout: rollout({ started: false, serviceDeploymentArn: SD_ARN }) }),
    )
    expect(result.outcome).toBe('timed-out')
    expect(result.rollback).toBeUndefined()
    expect(ecsMock).not.toHaveReceivedCommand(StopServiceDeploymentCommand)
    expect(ecsMock).not.toHaveReceivedCommand(UpdateServiceCommand)
  })

  test("on timeout, a service deployment never shown to be this rollout's is not the one stopped: the previous revision is redeployed", async () => {
    const stale = {
      serviceDeploymentArn: OLD_SD_ARN,
      status: 'SUCCESSFUL' as const,
      createdAt: new Date(START - 600_000),
    }
    script(
      described({
        deployments: [deployment({ pendingCount: 2 }), oldDeployment()],
        currentServiceDeployment: OLD_SD_ARN,
      }),
    )
    ecsMock.on(DescribeServiceDeploymentsCommand).resolves({ serviceDeployments: [stale] })
    ecsMock.on(UpdateServiceCommand).resolves({})
    const result = await waitForDeployment(
      options({ timeoutMs: 30_000, rollout: rollout({ serviceDeploymentArn: OLD_SD_ARN, since: START }) }),
    )
    expect(result.outcome).toBe('timed-out')
    expect(result.rollback).toBe('asked ECS to roll the service back to web:6 by redeploying it')
    expect(ecsMock).not.toHaveReceivedCommand(StopServiceDeploymentCommand)
    expect(ecsMock).toHaveReceivedCommandTimes(DescribeServiceDeploymentsCommand, 1)
  })

  test('StopServiceDeployment denied: the rollback falls back to redeploying the previous revision', async () => {
    script(described({ deployments: [deployment({ pendingCount: 2 }), oldDeployment()] }))
    ecsMock
      .on(DescribeServiceDeploymentsCommand)
      .resolves({ serviceDeployments: [{ serviceDeploymentArn: SD_ARN, status: 'IN_PROGRESS' }] })
    ecsMock.on(StopServiceDeploymentCommand).rejects(accessDenied('StopServiceDeployment'))
    ecsMock.on(UpdateServiceCommand).resolves({})
    const result = await waitForDeployment(
      options({ timeoutMs: 30_000, rollout: rollout({ serviceDeploymentArn: SD_ARN }) }),
    )
    expect(result.outcome).toBe('timed-out')
    expect(result.rollback).toBe(
      'AWS denied ecs:StopServiceDeployment, so asked ECS to roll the service back to web:6 by redeploying it',
    )
    expect(ecsMock).toHaveReceivedCommandWith(UpdateServiceCommand, {
      cluster: 'prod',
      service: 'web',
      taskDefinition: OLD_TD,
    })
  })

  test('without ecs:DescribeServiceDeployments: one warning, then DescribeServices alone, polled as fast as with it', async () => {
    const steps = described(
      { deployments: [deployment(), oldDeployment()] },
      { deployments: [deployment({ pendingCount: 2 }), oldDeployment()] },
      { deployments: [deployment({ pendingCount: 2 }), oldDeployment()] },
      { deployments: [deployment({ pendingCount: 2 }), oldDeployment()] },
      { deployments: [deployment({ runningCount: 2, rolloutState: 'COMPLETED' })] },
    )
    script(steps)
    ecsMock.on(DescribeServiceDeploymentsCommand).rejects(accessDenied('DescribeServiceDeployments'))
    const warnings: string[] = []
    const clock = fakeClock()
    const o = options({
      clock,
      warn: (line) => warnings.push(line),
      rollout: rollout({ serviceDeploymentArn: SD_ARN }),
    })
    const result = await waitForDeployment(o)
    expect(result.outcome).toBe('succeeded')
    expect(warnings).toEqual([
      'AWS denied ecs:DescribeServiceDeployments: following the rollout through DescribeServices alone (no lifecycle stages, traffic or rollback states). Grant ecs:DescribeServiceDeployments to see them (README, "IAM permissions").',
    ])
    expect(ecsMock).toHaveReceivedCommandTimes(DescribeServiceDeploymentsCommand, 1)
    expect(o.lines.some((l) => l.includes('could not read'))).toBe(false)
    expect(clock.sleeps).toEqual([1000, 1000, 2000, 3000])
  })

  test('a crash loop with the circuit breaker on is left to ECS: no giving up, no rollback request of its own', async () => {
    script(
      described(
        { deployments: [deployment(), oldDeployment()] },
        { deployments: [deployment({ failedTasks: 3 }), oldDeployment()] },
        { deployments: [deployment({ failedTasks: 5 }), oldDeployment()] },
        {
          deployments: [
            deployment({ id: ROLLBACK_ID, taskDefinition: OLD_TD }),
            deployment({
              status: 'ACTIVE',
              failedTasks: 6,
              rolloutState: 'FAILED',
              rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.',
            }),
          ],
        },
      ),
    )
    const result = await waitForDeployment(options())
    expect(result.outcome).toBe('rolled-back')
    expect(result.rollback).toBeUndefined()
    expect(ecsMock).not.toHaveReceivedCommand(UpdateServiceCommand)
  })

  test('all tasks running but one still pending is not success yet', async () => {
    const noBreaker = { deploymentConfiguration: { deploymentCircuitBreaker: { enable: false, rollback: false } } }
    script(
      described(
        { ...noBreaker, deployments: [deployment({ runningCount: 2, pendingCount: 1, rolloutState: undefined })] },
        { ...noBreaker, deployments: [deployment({ runningCount: 2, pendingCount: 1, rolloutState: undefined })] },
        { ...noBreaker, deployments: [deployment({ runningCount: 2, pendingCount: 0, rolloutState: undefined })] },
      ),
    )
    const o = options()
    const result = await waitForDeployment(o)
    expect(result.outcome).toBe('succeeded')
    expect(ecsMock).toHaveReceivedCommandTimes(DescribeServicesCommand, 3)
  })
})
