// Following ECS-native blue/green, canary and linear deployments: scripted API answers, a fake clock.
import {
  DescribeServiceDeploymentsCommand,
  DescribeServicesCommand,
  ECSClient,
  ListTasksCommand,
  StopServiceDeploymentCommand,
  type ServiceDeployment,
} from '@aws-sdk/client-ecs'
import { mockClient } from 'aws-sdk-client-mock'
import type { Rollout } from '../../src/deploy/rollout.js'
import { waitForDeployment, type FollowTarget, type WatchOptions } from '../../src/mechanisms/watch.js'
import { fakeClock } from '../helpers/clock.js'
import { deployment, NEW_ID, NEW_TD, OLD_TD, oldDeployment, service } from '../helpers/ecs.js'

const ecsMock = mockClient(ECSClient)
const SD_ARN = 'arn:aws:ecs:us-east-1:123456789012:service-deployment/prod/web/abc'
const HOOK = 'ecs-pause-Xk7rT2mP9sLwQn4vB8fYd3hJ6gA1cE5iO0uR_ZpWq'
const SMOKE = 'arn:aws:lambda:us-east-1:123456789012:function:smoke-test'

type Weights = [production: number, test: number]

/** A service deployment at `stage`, with the new revision's traffic. */
function sd(
  stage: ServiceDeployment['lifecycleStage'],
  [production, test]: Weights = [0, 0],
  extra: Partial<ServiceDeployment> = {},
): ServiceDeployment {
  return {
    serviceDeploymentArn: SD_ARN,
    status: 'IN_PROGRESS',
    lifecycleStage: stage,
    targetServiceRevision: {
      arn: 'rev/new',
      requestedProductionTrafficWeight: production,
      requestedTestTrafficWeight: test,
    },
    sourceServiceRevisions: [
      { arn: 'rev/old', requestedProductionTrafficWeight: 100 - production, requestedTestTrafficWeight: 100 - test },
    ],
    deploymentCircuitBreaker: { status: 'MONITORING', failureCount: 0, threshold: 3 },
    alarms: { status: 'MONITORING', alarmNames: ['web-5xx'], triggeredAlarmNames: [] },
    ...extra,
  }
}

const rolling = service({
  deployments: [deployment({ runningCount: 2 }), oldDeployment()],
  deploymentConfiguration: { strategy: 'CANARY' },
})
const done = service({
  deployments: [deployment({ runningCount: 2, rolloutState: 'COMPLETED' })],
  deploymentConfiguration: { strategy: 'CANARY' },
})

function rollout(overrides: Partial<Rollout> = {}): Rollout {
  return {
    deploymentId: NEW_ID,
    serviceDeploymentArn: SD_ARN,
    mechanism: 'ecs-native',
    previousTaskDefinition: OLD_TD,
    started: true,
    startedAt: Date.UTC(2026, 0, 1),
    ...overrides,
  }
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
    log: (line) => lines.push(line.replace(/^\[\d+:\d\d\] /, '')),
    lines,
    ...overrides,
  }
}

/** The service and its service deployment, poll after poll; the last pair repeats. */
function script(polls: [typeof rolling, ServiceDeployment][]): void {
  let services = ecsMock.on(DescribeServicesCommand)
  let deployments = ecsMock.on(DescribeServiceDeploymentsCommand)
  for (const [s, d] of polls) {
    services = services.resolvesOnce({ services: [s] })
    deployments = deployments.resolvesOnce({ serviceDeployments: [d] })
  }
  const [s, d] = polls[polls.length - 1] ?? [rolling, sd('PRE_SCALE_UP')]
  services.resolves({ services: [s] })
  deployments.resolves({ serviceDeployments: [d] })
}

beforeEach(() => {
  ecsMock.reset()
  ecsMock.on(ListTasksCommand).resolves({ taskArns: [] })
})

describe('ECS-native deployments', () => {
  test('canary: every stage and traffic step once, 10 % then 100 %; success only when the service deployment says so', async () => {
    script([
      [rolling, sd('PRE_SCALE_UP')],
      [rolling, sd('SCALE_UP')],
      [rolling, sd('TEST_TRAFFIC_SHIFT', [0, 100])],
      [rolling, sd('PRODUCTION_TRAFFIC_SHIFT', [10, 100])],
      [rolling, sd('PRODUCTION_TRAFFIC_SHIFT', [10, 100])],
      [rolling, sd('PRODUCTION_TRAFFIC_SHIFT', [100, 100])],
      // ECS's deployment looks complete, but bake time and clean-up are still to come.
      [done, sd('BAKE_TIME', [100, 100])],
      [done, sd('CLEAN_UP', [100, 100])],
      [done, sd('CLEAN_UP', [100, 100], { status: 'SUCCESSFUL', statusReason: 'Service deployment completed.' })],
    ])
    const o = options()
    const result = await waitForDeployment(o)
    expect(result.outcome).toBe('succeeded')
    expect(result.reason).toBe('Service deployment completed.')
    expect(o.lines.filter((l) => l.startsWith('traffic'))).toEqual([
      'traffic on the new revision: production 0 %, test 0 %',
      'traffic on the new revision: production 0 %, test 100 %',
      'traffic on the new revision: production 10 %, test 100 %',
      'traffic on the new revision: production 100 %, test 100 %',
    ])
    expect(o.lines).toContain('service deployment IN_PROGRESS / BAKE_TIME')
    expect(o.lines.filter((l) => l === 'alarms web-5xx: MONITORING')).toHaveLength(1)
    expect(o.lines.filter((l) => l.startsWith('circuit breaker'))).toEqual(['circuit breaker: MONITORING'])
    expect(result.progress?.stages.map((s) => s.stage)).toEqual([
      'PRE_SCALE_UP',
      'SCALE_UP',
      'TEST_TRAFFIC_SHIFT',
      'PRODUCTION_TRAFFIC_SHIFT',
      'BAKE_TIME',
      'CLEAN_UP',
    ])
    expect(result.progress?.traffic.map((t) => t.production)).toEqual([0, 0, 10, 100])
    expect(result.progress?.alarms).toEqual({ names: ['web-5xx'], triggered: [] })
    // The service deployment is read on every poll, not only when the deployments list changes.
    expect(ecsMock.commandCalls(DescribeServiceDeploymentsCommand)).toHaveLength(
      ecsMock.commandCalls(DescribeServicesCommand).length,
    )
  })

  test('an alarm firing mid-deployment is named in the rollback', async () => {
    const fired = {
      status: 'TRIGGERED' as const,
      alarmNames: ['web-5xx', 'web-latency'],
      triggeredAlarmNames: ['web-5xx'],
    }
    script([
      [rolling, sd('PRODUCTION_TRAFFIC_SHIFT', [10, 100])],
      [
        rolling,
        sd('PRODUCTION_TRAFFIC_SHIFT', [0, 0], {
          status: 'ROLLBACK_IN_PROGRESS',
          alarms: fired,
          rollback: { reason: 'Alarm triggered.' },
        }),
      ],
    ])
    const o = options()
    const result = await waitForDeployment(o)
    expect(result.outcome).toBe('rolled-back')
    expect(result.reason).toBe(
      'CloudWatch alarm web-5xx went to ALARM during PRODUCTION_TRAFFIC_SHIFT. ECS is rolling back to the previous revision.',
    )
    expect(o.lines).toContain('CloudWatch alarm web-5xx went to ALARM')
    expect(result.progress?.alarms).toEqual({ names: ['web-5xx', 'web-latency'], triggered: ['web-5xx'] })
    expect(ecsMock).not.toHaveReceivedCommand(StopServiceDeploymentCommand)
  })

  test('a lifecycle hook that fails is named, with its function', async () => {
    const hook = (status: 'IN_PROGRESS' | 'FAILED') => ({
      lifecycleHookDetails: [{ hookId: 'h1', targetType: 'AWS_LAMBDA' as const, targetArn: SMOKE, status }],
    })
    script([
      [rolling, sd('POST_TEST_TRAFFIC_SHIFT', [0, 100], hook('IN_PROGRESS'))],
      [rolling, sd('POST_TEST_TRAFFIC_SHIFT', [0, 0], { ...hook('FAILED'), status: 'ROLLBACK_SUCCESSFUL' })],
    ])
    const o = options()
    const result = await waitForDeployment(o)
    expect(result.outcome).toBe('rolled-back')
    expect(result.reason).toBe(
      `lifecycle hook smoke-test failed during POST_TEST_TRAFFIC_SHIFT (${SMOKE}). ECS rolled back to the previous revision.`,
    )
    expect(o.lines).toEqual(
      expect.arrayContaining(['lifecycle hook smoke-test: IN_PROGRESS', 'lifecycle hook smoke-test: FAILED']),
    )
    expect(result.progress?.hooks).toEqual([{ name: 'smoke-test', status: 'FAILED' }])
  })

  test('wait-until: stops at the PAUSE hook and reports paused, asking nothing of ECS', async () => {
    const expiresAt = new Date(Date.UTC(2026, 0, 2))
    const paused = {
      lifecycleHookDetails: [
        {
          hookId: HOOK,
          targetType: 'PAUSE' as const,
          status: 'AWAITING_ACTION' as const,
          expiresAt,
          timeoutAction: 'ROLLBACK' as const,
        },
      ],
    }
    script([
      [rolling, sd('TEST_TRAFFIC_SHIFT', [0, 50])],
      [rolling, sd('POST_TEST_TRAFFIC_SHIFT', [0, 100], paused)],
    ])
    const o = options()
    const result = await waitForDeployment(o)
    expect(result.outcome).toBe('paused')
    expect(result.reason).toBe(
      `the deployment is paused at POST_TEST_TRAFFIC_SHIFT (new revision: production 0 %, test 100 %), hook ${HOOK}. Run this action with \`mode: continue\` to go on, or \`mode: rollback-paused\` to roll back. If nobody does, ECS will roll back by itself at 2026-01-02T00:00:00.000Z.`,
    )
    expect(result.progress?.paused).toEqual({
      stage: 'POST_TEST_TRAFFIC_SHIFT',
      hookId: HOOK,
      expiresAt: expiresAt.getTime(),
      timeoutAction: 'ROLLBACK',
      serviceDeploymentArn: SD_ARN,
    })
    expect(ecsMock).not.toHaveReceivedCommand(StopServiceDeploymentCommand)
    expect(ecsMock).not.toHaveReceivedCommand(ListTasksCommand)
  })

  test('continue: the hook this run resumed is no pause to stop at again; the deployment goes on to success', async () => {
    const stillAwaiting = {
      lifecycleHookDetails: [{ hookId: HOOK, targetType: 'PAUSE' as const, status: 'AWAITING_ACTION' as const }],
    }
    script([
      [rolling, sd('POST_TEST_TRAFFIC_SHIFT', [0, 100], stillAwaiting)],
      [rolling, sd('PRODUCTION_TRAFFIC_SHIFT', [100, 100])],
      [done, sd('CLEAN_UP', [100, 100], { status: 'SUCCESSFUL' })],
    ])
    const result = await waitForDeployment(options({ rollout: rollout({ resumed: HOOK, started: true }) }))
    expect(result.outcome).toBe('succeeded')
  })

  test('continue: rollback ends rolled back, with ECS’s reason', async () => {
    script([
      [
        rolling,
        sd('POST_TEST_TRAFFIC_SHIFT', [0, 0], {
          status: 'ROLLBACK_SUCCESSFUL',
          rollback: { reason: 'Rolled back by ContinueServiceDeployment.' },
        }),
      ],
    ])
    const result = await waitForDeployment(options({ rollout: rollout({ resumed: HOOK }) }))
    expect(result).toMatchObject({
      outcome: 'rolled-back',
      reason: 'Rolled back by ContinueServiceDeployment. ECS rolled back to the previous revision.',
    })
  })

  test('a timeout during bake time says where it stood and stops the service deployment with a rollback', async () => {
    script([[done, sd('BAKE_TIME', [100, 100])]])
    const result = await waitForDeployment(options({ timeoutMs: 60_000 }))
    expect(result.outcome).toBe('timed-out')
    expect(result.reason).toBe(
      'the rollout did not finish within 1 min (IN_PROGRESS / BAKE_TIME; web:7: running 2/2, pending 0, failed 0)',
    )
    expect(ecsMock).toHaveReceivedCommandWith(StopServiceDeploymentCommand, {
      serviceDeploymentArn: SD_ARN,
      stopType: 'ROLLBACK',
    })
    expect(result.rollback).toBe('requested a rollback to web:6 (StopServiceDeployment ROLLBACK)')
  })

  test('linear: each step is a traffic point; a circuit breaker that trips is shown with its count', async () => {
    const breaker = (failureCount: number, status: 'MONITORING' | 'TRIGGERED' = 'MONITORING') => ({
      deploymentCircuitBreaker: { status, failureCount, threshold: 3 },
    })
    script([
      [rolling, sd('PRODUCTION_TRAFFIC_SHIFT', [25, 100])],
      [rolling, sd('PRODUCTION_TRAFFIC_SHIFT', [50, 100], breaker(1))],
      [
        rolling,
        sd('PRODUCTION_TRAFFIC_SHIFT', [0, 0], {
          ...breaker(3, 'TRIGGERED'),
          status: 'ROLLBACK_SUCCESSFUL',
          statusReason: 'ECS deployment circuit breaker: tasks failed to start.',
        }),
      ],
    ])
    const o = options()
    const result = await waitForDeployment(o)
    expect(result.outcome).toBe('rolled-back')
    expect(result.reason).toBe(
      'ECS deployment circuit breaker: tasks failed to start. ECS rolled back to the previous revision.',
    )
    expect(o.lines).toEqual(
      expect.arrayContaining([
        'circuit breaker: MONITORING (1/3 failed tasks)',
        'circuit breaker: TRIGGERED (3/3 failed tasks)',
      ]),
    )
    expect(result.progress?.traffic.map((t) => t.production)).toEqual([25, 50, 0])
  })
})
