// Following CodeDeploy deployments of a CODE_DEPLOY service: scripted API answers, a fake clock.
import {
  CodeDeployClient,
  CreateDeploymentCommand,
  GetDeploymentCommand,
  GetDeploymentTargetCommand,
  ListDeploymentTargetsCommand,
  StopDeploymentCommand,
  type DeploymentInfo,
  type ECSTarget,
  type LifecycleEvent,
} from '@aws-sdk/client-codedeploy'
import {
  DescribeServicesCommand,
  DescribeTasksCommand,
  ECSClient,
  ListTasksCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs'
import { mockClient } from 'aws-sdk-client-mock'
import type { Rollout } from '../../src/deploy/rollout.js'
import { waitForDeployment, type FollowTarget, type WatchOptions } from '../../src/mechanisms/watch.js'
import { fakeClock } from '../helpers/clock.js'
import { crashedTask, NEW_TD, OLD_TD, service } from '../helpers/ecs.js'

const ecsMock = mockClient(ECSClient)
const cdMock = mockClient(CodeDeployClient)
const ID = 'd-ABCDEFGHI'
const TARGET = 'prod:web'
const EVENTS = [
  'BeforeInstall',
  'Install',
  'AfterInstall',
  'AllowTestTraffic',
  'AfterAllowTestTraffic',
  'BeforeAllowTraffic',
  'AllowTraffic',
  'AfterAllowTraffic',
]

/** The ECS target with the first `done` events Succeeded, the next one as `next`, and the task sets' traffic. */
function target(
  done: number,
  next: LifecycleEvent['status'] = 'InProgress',
  green?: number,
  extra: Partial<LifecycleEvent> = {},
): ECSTarget {
  return {
    targetId: TARGET,
    lifecycleEvents: EVENTS.map((lifecycleEventName, i) => ({
      lifecycleEventName,
      status: i < done ? 'Succeeded' : i === done ? next : 'Pending',
      ...(i === done && extra),
    })),
    ...(green !== undefined && {
      taskSetsInfo: [
        {
          identifer: 'ecs-svc/9999',
          taskSetLabel: 'Green' as const,
          trafficWeight: green,
          desiredCount: 2,
          runningCount: 2,
        },
        {
          identifer: 'ecs-svc/1111',
          taskSetLabel: 'Blue' as const,
          trafficWeight: 100 - green,
          desiredCount: 2,
          runningCount: 2,
        },
      ],
    }),
  }
}

const info = (status: DeploymentInfo['status'], extra: Partial<DeploymentInfo> = {}): DeploymentInfo => ({
  deploymentId: ID,
  status,
  ...extra,
})

/** GetDeployment and GetDeploymentTarget, poll after poll; the last pair repeats. */
function script(polls: [DeploymentInfo, ECSTarget][]): void {
  let deployments = cdMock.on(GetDeploymentCommand)
  let targets = cdMock.on(GetDeploymentTargetCommand)
  for (const [d, t] of polls) {
    deployments = deployments.resolvesOnce({ deploymentInfo: d })
    targets = targets.resolvesOnce({ deploymentTarget: { deploymentTargetType: 'ECSTarget', ecsTarget: t } })
  }
  const [d, t] = polls[polls.length - 1] ?? [info('InProgress'), target(0)]
  deployments.resolves({ deploymentInfo: d })
  targets.resolves({ deploymentTarget: { deploymentTargetType: 'ECSTarget', ecsTarget: t } })
}

function rollout(overrides: Partial<Rollout> = {}): Rollout {
  return {
    deploymentId: ID,
    mechanism: 'codedeploy',
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
    codedeploy: new CodeDeployClient({ region: 'us-east-1' }),
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

beforeEach(() => {
  ecsMock.reset()
  cdMock.reset()
  ecsMock
    .on(DescribeServicesCommand)
    .resolves({ services: [service({ deploymentController: { type: 'CODE_DEPLOY' } })] })
  ecsMock.on(ListTasksCommand).resolves({ taskArns: [] })
  cdMock.on(ListDeploymentTargetsCommand).resolves({ targetIds: [TARGET] })
})

describe('CodeDeploy deployments', () => {
  test('success: lifecycle events and traffic shown once each; the timeline has 10 % then 100 %', async () => {
    script([
      [info('InProgress'), target(1)],
      [info('InProgress'), target(6, 'InProgress', 10)],
      [info('InProgress'), target(6, 'InProgress', 10)],
      [info('InProgress'), target(7, 'InProgress', 100)],
      [info('Succeeded'), target(8, 'Succeeded', 100)],
    ])
    const o = options()
    const result = await waitForDeployment(o)
    expect(result).toMatchObject({ outcome: 'succeeded', reason: `CodeDeploy deployment ${ID} succeeded` })
    expect(o.lines).toEqual(
      expect.arrayContaining([
        `CodeDeploy deployment ${ID}: InProgress`,
        'BeforeInstall: Succeeded',
        'AllowTraffic: InProgress',
        'task sets: green 10 % (2/2 running), blue 90 % (2/2 running)',
        'task sets: green 100 % (2/2 running), blue 0 % (2/2 running)',
        `CodeDeploy deployment ${ID}: Succeeded`,
      ]),
    )
    expect(o.lines.filter((l) => l.startsWith('task sets: green 10 %'))).toHaveLength(1)
    expect(result.progress?.traffic.map((t) => t.production)).toEqual([10, 100])
    expect(result.progress?.stages.map((s) => s.stage)).toEqual(['Install', 'AllowTraffic', 'AfterAllowTraffic'])
    expect(cdMock).toHaveReceivedCommandTimes(ListDeploymentTargetsCommand, 1)
  })

  test('traffic all shifted and every hook succeeded: succeeded while CodeDeploy waits to terminate the original task set', async () => {
    const waits = {
      terminateBlueInstancesOnDeploymentSuccess: { action: 'TERMINATE' as const, terminationWaitTimeInMinutes: 60 },
    }
    script([
      [info('InProgress', { blueGreenDeploymentConfiguration: waits }), target(6, 'InProgress', 10)],
      [info('InProgress', { blueGreenDeploymentConfiguration: waits }), target(7, 'InProgress', 100)],
      // CodeDeploy stays InProgress for the group's termination wait (an hour here), longer than the action waits.
      [info('InProgress', { blueGreenDeploymentConfiguration: waits }), target(8, 'Succeeded', 100)],
    ])
    cdMock.on(StopDeploymentCommand).resolves({})
    const clock = fakeClock()
    const result = await waitForDeployment(options({ clock, timeoutMs: 5 * 60_000 }))
    expect(result).toMatchObject({
      outcome: 'succeeded',
      reason: `CodeDeploy deployment ${ID} shifted all production traffic to the new task set and every lifecycle hook succeeded; CodeDeploy terminates the original task set after 60 min (the deployment group's termination wait), then marks the deployment Succeeded.`,
    })
    expect(result.rollback).toBeUndefined()
    expect(cdMock).not.toHaveReceivedCommand(StopDeploymentCommand)
    expect(clock.now() - Date.UTC(2026, 0, 1)).toBeLessThan(60_000)
  })

  test.each([
    ['traffic at 100 % but AfterAllowTraffic still running', target(7, 'InProgress', 100)],
    ['every hook done but traffic at 10 %', target(8, 'Succeeded', 10)],
    ['AfterAllowTraffic failed', target(7, 'Failed', 100)],
  ])('not shifted yet (%s): a timeout still stops it with a rollback', async (_name, state) => {
    script([[info('InProgress'), state]])
    cdMock.on(StopDeploymentCommand).resolves({})
    const result = await waitForDeployment(options({ timeoutMs: 60_000 }))
    expect(result.outcome).toBe('timed-out')
    expect(cdMock).toHaveReceivedCommandWith(StopDeploymentCommand, { deploymentId: ID, autoRollbackEnabled: true })
  })

  test('the shift completing between the last poll and the timeout: no rollback of a release that serves', async () => {
    const before = target(6, 'InProgress', 10)
    const after = target(8, 'Succeeded', 100)
    // Every poll sees the canary at 10 %; the fresh read before the rollback (its own ListDeploymentTargets) sees the shift done.
    const rollbackRead = (): boolean => cdMock.commandCalls(ListDeploymentTargetsCommand).length > 1
    cdMock.on(GetDeploymentCommand).resolves({ deploymentInfo: info('InProgress') })
    cdMock.on(GetDeploymentTargetCommand).callsFake(() => ({
      deploymentTarget: { deploymentTargetType: 'ECSTarget', ecsTarget: rollbackRead() ? after : before },
    }))
    cdMock.on(StopDeploymentCommand).resolves({})
    const clock = fakeClock()
    const result = await waitForDeployment(options({ clock, timeoutMs: 4_000, pollIntervals: [2_000] }))
    expect(result.outcome).toBe('timed-out')
    expect(result.rollback).toBe(
      `did not stop CodeDeploy deployment ${ID}: all production traffic is on the new task set and every lifecycle hook succeeded, so a rollback would revert a release that already serves (CodeDeploy terminates the original task set shortly)`,
    )
    expect(cdMock).not.toHaveReceivedCommand(StopDeploymentCommand)
  })

  test('a hook that fails: rolled back, with the failing event’s diagnostics and the green tasks’ stop reasons', async () => {
    const diagnostics = { errorCode: 'ScriptFailed' as const, message: 'The Lambda function SmokeTest returned Failed' }
    script([
      [info('InProgress'), target(4, 'InProgress', 0)],
      [
        info('Failed', {
          errorInformation: {
            code: 'HOOK_EXECUTION_FAILURE',
            message: 'Lifecycle event AfterAllowTestTraffic failed.',
          },
          rollbackInfo: { rollbackDeploymentId: 'd-ROLLBACK1' },
        }),
        target(4, 'Failed', 0, { diagnostics }),
      ],
    ])
    ecsMock.on(ListTasksCommand, { serviceName: 'web', desiredStatus: 'STOPPED' }).resolves({
      taskArns: ['arn:aws:ecs:us-east-1:123456789012:task/prod/t1', 'arn:aws:ecs:us-east-1:123456789012:task/prod/t0'],
    })
    // t0 is a task of the original task set: not the replacement's stop reason.
    ecsMock
      .on(DescribeTasksCommand)
      .resolves({ tasks: [crashedTask('t1', 1, 'ecs-svc/9999'), crashedTask('t0', 1, 'ecs-svc/1234')] })
    const o = options()
    const result = await waitForDeployment(o)
    expect(result.outcome).toBe('rolled-back')
    expect(result.reason).toBe(
      `CodeDeploy deployment ${ID} failed: AfterAllowTestTraffic failed: The Lambda function SmokeTest returned Failed. [HOOK_EXECUTION_FAILURE] CodeDeploy rolled back (deployment d-ROLLBACK1).`,
    )
    expect(o.lines).toContain('AfterAllowTestTraffic: Failed — The Lambda function SmokeTest returned Failed')
    expect(result.stoppedTasks.map((t) => t.taskId)).toEqual(['t1'])
    expect(cdMock).not.toHaveReceivedCommand(StopDeploymentCommand)
  })

  test('failed without a rollback: CodeDeploy’s own error when no event says more', async () => {
    script([
      [
        info('Failed', {
          errorInformation: { code: 'ECS_UPDATE_ERROR', message: 'The ECS service cannot reach a steady state' },
        }),
        target(1, 'Pending'),
      ],
    ])
    const result = await waitForDeployment(options())
    expect(result).toMatchObject({
      outcome: 'failed',
      reason: `CodeDeploy deployment ${ID} failed: The ECS service cannot reach a steady state. [ECS_UPDATE_ERROR]`,
    })
  })

  test('Ready: paused, with how to go on; nothing stopped', async () => {
    const ready = { deploymentReadyOption: { actionOnTimeout: 'STOP_DEPLOYMENT' as const, waitTimeInMinutes: 60 } }
    script([[info('Ready', { blueGreenDeploymentConfiguration: ready }), target(5, 'Pending', 0)]])
    const result = await waitForDeployment(options())
    expect(result.outcome).toBe('paused')
    expect(result.reason).toBe(
      `CodeDeploy deployment ${ID} is Ready: the new task set takes test traffic, production traffic stays on the old one. Run this action with \`mode: continue\` to reroute production traffic, or \`mode: rollback-paused\` to stop it and roll back. If nobody does, CodeDeploy stops it 60 min after it became Ready.`,
    )
    expect(result.progress?.paused).toEqual({ stage: 'Ready', deploymentId: ID, timeoutAction: 'STOP after 60 min' })
    expect(cdMock).not.toHaveReceivedCommand(StopDeploymentCommand)
  })

  test('continued from Ready: a Ready read right after is no pause; it goes on to success', async () => {
    script([
      [info('Ready'), target(5, 'Pending', 0)],
      [info('InProgress'), target(6, 'InProgress', 100)],
      [info('Succeeded'), target(8, 'Succeeded', 100)],
    ])
    const result = await waitForDeployment(options({ rollout: rollout({ resumed: 'ready' }) }))
    expect(result.outcome).toBe('succeeded')
  })

  test('stopped by someone with a rollback: rolled back', async () => {
    script([
      [
        info('Stopped', {
          errorInformation: { code: 'MANUAL_STOP', message: 'The deployment was stopped by the user.' },
          rollbackInfo: { rollbackMessage: 'Deployment was stopped; rolling back.' },
        }),
        target(2, 'Skipped'),
      ],
    ])
    const result = await waitForDeployment(options())
    expect(result).toMatchObject({
      outcome: 'rolled-back',
      reason: `CodeDeploy deployment ${ID} was stopped: The deployment was stopped by the user. CodeDeploy rolled back.`,
    })
  })

  test('a timeout stops the deployment with CodeDeploy’s auto-rollback', async () => {
    script([[info('InProgress'), target(1, 'InProgress')]])
    cdMock.on(StopDeploymentCommand).resolves({ status: 'Succeeded' })
    const result = await waitForDeployment(options({ timeoutMs: 60_000 }))
    expect(result.outcome).toBe('timed-out')
    expect(result.reason).toBe('the rollout did not finish within 1 min (CodeDeploy InProgress at Install)')
    expect(cdMock).toHaveReceivedCommandWith(StopDeploymentCommand, { deploymentId: ID, autoRollbackEnabled: true })
    expect(result.rollback).toBe(
      `stopped CodeDeploy deployment ${ID} with a rollback to web:6 (StopDeployment, autoRollbackEnabled)`,
    )
  })

  test('a cancelled job stops it too', async () => {
    script([[info('InProgress'), target(1, 'InProgress')]])
    cdMock.on(StopDeploymentCommand).resolves({})
    const controller = new AbortController()
    controller.abort()
    const result = await waitForDeployment(options({ signal: controller.signal }))
    expect(result.outcome).toBe('failed')
    expect(cdMock).toHaveReceivedCommandWith(StopDeploymentCommand, { deploymentId: ID, autoRollbackEnabled: true })
  })
})

describe('verifying a CodeDeploy release', () => {
  const check = (failing: boolean) => {
    const asked: string[] = []
    return {
      asked,
      verify: {
        stages: ['test' as const, 'production' as const],
        run: async (stage: 'test' | 'production') => {
          asked.push(stage)
          return failing && stage === 'test'
            ? { ok: false, lines: [], reason: 'verification failed (test listener): http://lb:8443/ answered HTTP 500' }
            : { ok: true, lines: [] }
        },
      },
    }
  }

  test('through the test listener once AfterAllowTestTraffic succeeded, before production traffic is rerouted', async () => {
    script([
      [info('InProgress'), target(3, 'InProgress', 0)],
      [info('InProgress'), target(5, 'InProgress', 0)],
      [info('InProgress'), target(6, 'InProgress', 0)],
      [info('Succeeded'), target(8, 'Pending', 100)],
    ])
    const { asked, verify } = check(false)
    const result = await waitForDeployment(options({ verify }))
    expect(result.outcome).toBe('succeeded')
    expect(asked).toEqual(['test', 'production'])
    expect(cdMock.commandCalls(GetDeploymentCommand).length).toBeGreaterThan(2)
  })

  test('at Ready: a failing test listener check stops the deployment with a rollback instead of pausing', async () => {
    const ready = { deploymentReadyOption: { actionOnTimeout: 'STOP_DEPLOYMENT' as const, waitTimeInMinutes: 60 } }
    script([[info('Ready', { blueGreenDeploymentConfiguration: ready }), target(5, 'Pending', 0)]])
    cdMock.on(StopDeploymentCommand).resolves({ status: 'Pending' })
    const { asked, verify } = check(true)
    const result = await waitForDeployment(options({ verify }))
    expect(asked).toEqual(['test'])
    expect(result.outcome).toBe('failed')
    expect(result.reason).toBe('verification failed (test listener): http://lb:8443/ answered HTTP 500')
    expect(cdMock).toHaveReceivedCommandWith(StopDeploymentCommand, { deploymentId: ID, autoRollbackEnabled: true })
  })

  test('a production check failing after CodeDeploy succeeded: CodeDeploy redeploys the previous revision, never UpdateService', async () => {
    const appSpecContent = {
      content: `version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: ${NEW_TD}\n        LoadBalancerInfo:\n          ContainerName: web\n          ContainerPort: 8080\n`,
    }
    const done = info('Succeeded', {
      applicationName: 'AppECS-prod-web',
      deploymentGroupName: 'DgpECS-prod-web',
      revision: { revisionType: 'AppSpecContent', appSpecContent },
    })
    script([[done, target(8, 'Pending', 100)]])
    cdMock.on(CreateDeploymentCommand).resolves({ deploymentId: 'd-ROLLBACK' })
    const verify = {
      stages: ['production' as const],
      run: async () => ({ ok: false, lines: [], reason: 'verification failed (production): answered HTTP 500' }),
    }
    const result = await waitForDeployment(options({ verify }))
    expect(result.outcome).toBe('failed')
    expect(result.rollback).toContain('rolled back to web:6 with CodeDeploy deployment d-ROLLBACK')
    expect(cdMock).toHaveReceivedCommandWith(CreateDeploymentCommand, { deploymentGroupName: 'DgpECS-prod-web' })
    expect(ecsMock).not.toHaveReceivedCommand(UpdateServiceCommand)
    expect(cdMock).not.toHaveReceivedCommand(StopDeploymentCommand)
  })

  test('a deployment that failed at BeforeAllowTraffic is not verified', async () => {
    script([[info('Failed', { errorInformation: { message: 'hook failed' } }), target(5, 'Failed', 0)]])
    const { asked, verify } = check(false)
    const result = await waitForDeployment(options({ verify }))
    expect(result.outcome).not.toBe('succeeded')
    expect(asked).toEqual([])
  })
})
