// The release's check, made by the watch loop at each mechanism's stage: through the test listener while an ECS-native
// deployment has test traffic on the new revision, in production once a rollout succeeded; a failure is rolled back.
import {
  DescribeServiceDeploymentsCommand,
  DescribeServicesCommand,
  ECSClient,
  ListTasksCommand,
  StopServiceDeploymentCommand,
  UpdateExpressGatewayServiceCommand,
  UpdateServiceCommand,
  type ServiceDeployment,
} from '@aws-sdk/client-ecs'
import { mockClient } from 'aws-sdk-client-mock'
import type { Rollout } from '../../src/deploy/rollout.js'
import { waitForDeployment, type ReleaseCheck, type WatchOptions } from '../../src/mechanisms/watch.js'
import type { VerifyStage } from '../../src/verify/check.js'
import { fakeClock } from '../helpers/clock.js'
import { deployment, NEW_ID, NEW_TD, OLD_TD, ROLLBACK_ID, service } from '../helpers/ecs.js'

const ecsMock = mockClient(ECSClient)
const SD_ARN = 'arn:aws:ecs:us-east-1:123456789012:service-deployment/prod/web/abc'

const inProgress = service({ deployments: [deployment({ runningCount: 2 })] })
const completed = service({ deployments: [deployment({ runningCount: 2, rolloutState: 'COMPLETED' })] })

function sd(stage: ServiceDeployment['lifecycleStage'], test = 0, status: ServiceDeployment['status'] = 'IN_PROGRESS') {
  return {
    serviceDeploymentArn: SD_ARN,
    status,
    lifecycleStage: stage,
    targetServiceRevision: { arn: 'rev/new', requestedProductionTrafficWeight: 0, requestedTestTrafficWeight: test },
  }
}

/** The service and its service deployment, poll after poll; the last pair repeats. */
function script(polls: [typeof inProgress, ServiceDeployment][]): void {
  let services = ecsMock.on(DescribeServicesCommand)
  let deployments = ecsMock.on(DescribeServiceDeploymentsCommand)
  for (const [s, d] of polls) {
    services = services.resolvesOnce({ services: [s] })
    deployments = deployments.resolvesOnce({ serviceDeployments: [d] })
  }
  const [s, d] = polls[polls.length - 1] as [typeof inProgress, ServiceDeployment]
  services.resolves({ services: [s] })
  deployments.resolves({ serviceDeployments: [d] })
}

/** A check whose stages fail as told, recording when it was asked (and the stage the deployment was at). */
function check(stages: VerifyStage[], failing: VerifyStage[] = []): ReleaseCheck & { asked: VerifyStage[] } {
  const asked: VerifyStage[] = []
  return {
    stages,
    asked,
    run: async (stage) => {
      asked.push(stage)
      return failing.includes(stage)
        ? { ok: false, lines: [], reason: `verification failed (${stage}): http://lb/version answered HTTP 500` }
        : { ok: true, lines: [`verified http://lb/version (${stage})`] }
    },
  }
}

function options(mechanism: NonNullable<Rollout['mechanism']>, verify: ReleaseCheck, lines: string[]) {
  const rollout: Rollout = {
    deploymentId: NEW_ID,
    serviceDeploymentArn: SD_ARN,
    mechanism,
    previousTaskDefinition: OLD_TD,
    started: true,
    startedAt: Date.UTC(2026, 0, 1),
  }
  const o: WatchOptions & Parameters<typeof waitForDeployment>[0] = {
    ecs: new ECSClient({ region: 'us-east-1' }),
    cluster: 'prod',
    service: 'web',
    rollout,
    targetTaskDefinition: NEW_TD,
    timeoutMs: 30 * 60_000,
    rollbackOnFailure: true,
    clock: fakeClock(),
    log: (line) => lines.push(line.replace(/^\[\d+:\d\d\] /, '')),
    verify,
  }
  return o
}

beforeEach(() => {
  ecsMock.reset()
  ecsMock.on(ListTasksCommand).resolves({ taskArns: [] })
  ecsMock.on(StopServiceDeploymentCommand).resolves({ serviceDeploymentArn: SD_ARN })
  ecsMock.on(UpdateServiceCommand).resolves({})
})

describe('verifying the release while the watch follows it', () => {
  test('blue/green: the test listener is checked once test traffic is on the new revision, production after success', async () => {
    script([
      [inProgress, sd('SCALE_UP')],
      [inProgress, sd('TEST_TRAFFIC_SHIFT', 0)],
      [inProgress, sd('TEST_TRAFFIC_SHIFT', 100)],
      [inProgress, sd('PRODUCTION_TRAFFIC_SHIFT', 100)],
      [completed, sd('CLEAN_UP', 100, 'SUCCESSFUL')],
    ])
    const lines: string[] = []
    const verify = check(['test', 'production'])
    const result = await waitForDeployment(options('ecs-native', verify, lines))
    expect(result.outcome).toBe('succeeded')
    expect(verify.asked).toEqual(['test', 'production'])
    const at = (text: string): number => lines.findIndex((l) => l.includes(text))
    expect(at('verified http://lb/version (test)')).toBeGreaterThan(
      at('traffic on the new revision: production 0 %, test 100 %'),
    )
    expect(at('verified http://lb/version (test)')).toBeLessThan(at('IN_PROGRESS / PRODUCTION_TRAFFIC_SHIFT'))
    expect(result.timeline.map((e) => e.message)).toContain('verified http://lb/version (production)')
  })

  test('blue/green: a failing test listener check stops the deployment with a rollback, before production shifts', async () => {
    script([
      [inProgress, sd('TEST_TRAFFIC_SHIFT', 100)],
      [inProgress, sd('PRODUCTION_TRAFFIC_SHIFT', 100)],
    ])
    const verify = check(['test', 'production'], ['test'])
    const result = await waitForDeployment(options('ecs-native', verify, []))
    expect(result).toMatchObject({
      outcome: 'failed',
      reason: 'verification failed (test): http://lb/version answered HTTP 500',
      rollback: 'requested a rollback to web:6 (StopServiceDeployment ROLLBACK)',
    })
    expect(verify.asked).toEqual(['test'])
    expect(ecsMock).toHaveReceivedCommandWith(StopServiceDeploymentCommand, { stopType: 'ROLLBACK' })
    expect(ecsMock).not.toHaveReceivedCommand(UpdateServiceCommand)
  })

  const rollingBack = (state: 'IN_PROGRESS' | 'COMPLETED', running: number, withNew = true) =>
    service({
      deployments: [
        deployment({ id: ROLLBACK_ID, taskDefinition: OLD_TD, rolloutState: state, runningCount: running }),
        ...(withNew ? [deployment({ status: 'ACTIVE', runningCount: 2 - running, rolloutState: 'COMPLETED' })] : []),
      ],
    })

  test('rolling: no test listener; a failing production check after success redeploys the previous revision, followed to its end', async () => {
    script([
      [inProgress, sd(undefined)],
      [completed, sd(undefined, 0, 'SUCCESSFUL')],
      [rollingBack('IN_PROGRESS', 0), sd(undefined, 0, 'SUCCESSFUL')],
      [rollingBack('IN_PROGRESS', 1), sd(undefined, 0, 'SUCCESSFUL')],
      [rollingBack('COMPLETED', 2, false), sd(undefined, 0, 'SUCCESSFUL')],
    ])
    const verify = check(['test', 'production'], ['production'])
    const lines: string[] = []
    const result = await waitForDeployment(options('rolling', verify, lines))
    expect(verify.asked).toEqual(['production'])
    expect(result).toMatchObject({
      outcome: 'failed',
      reason: 'verification failed (production): http://lb/version answered HTTP 500',
      rollback:
        'asked ECS to roll the service back to web:6 by redeploying it; ECS rolled the service back to web:6 (2 of 2 tasks running)',
    })
    expect(lines.indexOf('ECS rolled the service back to web:6 (2 of 2 tasks running)')).toBeGreaterThan(
      lines.indexOf('asked ECS to roll the service back to web:6 by redeploying it'),
    )
    // A finished service deployment cannot be stopped: the previous revision is deployed again.
    expect(ecsMock).not.toHaveReceivedCommand(StopServiceDeploymentCommand)
    expect(ecsMock).toHaveReceivedCommandWith(UpdateServiceCommand, { taskDefinition: OLD_TD })
  })

  test('express: a failing production check after success brings the configuration before back, and follows the revision ECS makes of it', async () => {
    const RESTORED = 'arn:aws:ecs:us-east-1:123456789012:task-definition/web-express:3'
    ecsMock
      .on(UpdateExpressGatewayServiceCommand)
      .resolves({ service: { targetConfiguration: { taskDefinitionArn: RESTORED } } })
    const restoring = (state: 'IN_PROGRESS' | 'COMPLETED', withNew = true) =>
      service({
        deployments: [
          deployment({ id: ROLLBACK_ID, taskDefinition: RESTORED, rolloutState: state, runningCount: 2 }),
          ...(withNew ? [deployment({ status: 'ACTIVE', runningCount: 2, rolloutState: 'COMPLETED' })] : []),
        ],
      })
    script([
      [completed, sd(undefined, 0, 'SUCCESSFUL')],
      [restoring('IN_PROGRESS'), sd(undefined, 0, 'SUCCESSFUL')],
      [restoring('COMPLETED', false), sd(undefined, 0, 'SUCCESSFUL')],
    ])
    const o = options('express', check(['production'], ['production']), [])
    const restore = {
      serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/prod/web',
      primaryContainer: { image: 'web:v1' },
    }
    const result = await waitForDeployment({ ...o, rollout: { ...o.rollout, restore } })
    expect(result.rollback).toBe(
      'asked ECS to bring back the Express configuration of web:6 (image, environment, secrets); ECS registered web-express:3 from it; ECS rolled the service back to web-express:3 (2 of 2 tasks running)',
    )
    expect(ecsMock).toHaveReceivedCommandWith(UpdateExpressGatewayServiceCommand, restore)
    expect(ecsMock).not.toHaveReceivedCommand(UpdateServiceCommand)
  })

  test.each([
    [
      'fails',
      [
        service({
          deployments: [
            deployment({
              id: ROLLBACK_ID,
              taskDefinition: OLD_TD,
              rolloutState: 'FAILED',
              rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.',
            }),
          ],
        }),
      ],
      'the rollback to web:6 failed: ECS deployment circuit breaker: tasks failed to start. (0 of 2 tasks running)',
    ],
    [
      'outlasts the run',
      [
        service({
          deployments: [
            deployment({ id: ROLLBACK_ID, taskDefinition: OLD_TD, rolloutState: 'IN_PROGRESS', runningCount: 1 }),
          ],
        }),
      ],
      "the rollback to web:6 had not finished when the run's time ran out (IN_PROGRESS, 1 of 2 tasks running)",
    ],
  ])('a rollback that %s is reported as ECS left it, never as done', async (_, rollbackPolls, reached) => {
    script([
      [completed, sd(undefined, 0, 'SUCCESSFUL')],
      ...rollbackPolls.map((s) => [s, sd(undefined, 0, 'SUCCESSFUL')] as [typeof inProgress, ServiceDeployment]),
    ])
    const o = { ...options('rolling', check(['production'], ['production']), []), timeoutMs: 60_000 }
    const result = await waitForDeployment(o)
    expect(result.rollback).toBe(`asked ECS to roll the service back to web:6 by redeploying it; ${reached}`)
    expect(result.rollback).not.toMatch(/ rolled the service back/)
  })

  test('an answer is outside text: it cannot start a workflow command in the log', async () => {
    script([[completed, sd(undefined, 0, 'SUCCESSFUL')]])
    const lines: string[] = []
    const verify: ReleaseCheck = {
      stages: ['production'],
      run: async () => ({ ok: false, lines: [], reason: 'answered HTTP 200 "x\n::add-mask::y\n##[error]z"' }),
    }
    const result = await waitForDeployment(options('rolling', verify, lines))
    expect(result.outcome).toBe('failed')
    const logged = lines.join('\n').split('\n')
    expect(logged.filter((l) => /^\s*::/.test(l) || l.includes('##['))).toEqual([])
    expect(logged).toContain('\\::add-mask::y')
  })

  test('rolling: a rollout that fails is not verified', async () => {
    const failed = service({
      deployments: [deployment({ rolloutState: 'FAILED', rolloutStateReason: 'circuit breaker' })],
    })
    script([[failed, sd(undefined, 0, 'ROLLBACK_SUCCESSFUL')]])
    const verify = check(['production'])
    const result = await waitForDeployment(options('rolling', verify, []))
    expect(result.outcome).not.toBe('succeeded')
    expect(verify.asked).toEqual([])
  })
})
