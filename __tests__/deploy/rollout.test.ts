import { ECSClient, UpdateServiceCommand } from '@aws-sdk/client-ecs'
import { mockClient } from 'aws-sdk-client-mock'
import {
  circuitBreakerConfiguration,
  serviceUpdate,
  startRollout,
  type RolloutRequest,
} from '../../src/deploy/rollout.js'
import { deployment, NEW_ID, NEW_TD, OLD_TD, oldDeployment, service } from '../helpers/ecs.js'

const ecsMock = mockClient(ECSClient)
const ecs = new ECSClient({ region: 'us-east-1' })
const request: RolloutRequest = {
  cluster: 'prod',
  taskDefinitionArn: NEW_TD,
  forceNewDeployment: false,
  deploymentCircuitBreaker: 'keep',
}

beforeEach(() => ecsMock.reset())

describe('serviceUpdate', () => {
  test.each([
    ['a new revision', {}, { taskDefinition: NEW_TD }],
    [
      'a new desired count only',
      { taskDefinitionArn: OLD_TD, desiredCount: 4 },
      { taskDefinition: OLD_TD, desiredCount: 4 },
    ],
    [
      'force with nothing changed',
      { taskDefinitionArn: OLD_TD, forceNewDeployment: true },
      { forceNewDeployment: true },
    ],
    [
      'circuit breaker turned on with rollback, keeping the rest of the configuration',
      { taskDefinitionArn: OLD_TD, deploymentCircuitBreaker: 'rollback' as const },
      {
        deploymentConfiguration: {
          maximumPercent: 200,
          minimumHealthyPercent: 100,
          deploymentCircuitBreaker: { enable: true, rollback: true },
        },
      },
    ],
  ])('%s', (_name, overrides, expected) => {
    const current = service({ deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100 } })
    expect(serviceUpdate(current, { ...request, ...overrides })).toMatchObject({
      cluster: 'prod',
      service: 'web',
      ...expected,
    })
  })

  test('nothing to update when the service already runs the revision as asked', () => {
    expect(
      serviceUpdate(service(), {
        ...request,
        taskDefinitionArn: OLD_TD,
        desiredCount: 2,
        deploymentCircuitBreaker: 'rollback',
      }),
    ).toBeUndefined()
  })

  test.each([
    ['keep', undefined],
    ['rollback', undefined],
    ['enable', { enable: true, rollback: false }],
    ['disable', { enable: false, rollback: false }],
  ] as const)('circuit breaker %s against enabled-with-rollback', (mode, expected) => {
    const result = circuitBreakerConfiguration({ deploymentCircuitBreaker: { enable: true, rollback: true } }, mode)
    expect(result?.deploymentCircuitBreaker).toEqual(expected)
  })
})

describe('startRollout', () => {
  test('updates the service and follows the new primary deployment and its service deployment', async () => {
    ecsMock.on(UpdateServiceCommand).resolves({
      service: service({
        deployments: [deployment({ createdAt: new Date(900) }), oldDeployment()],
        currentServiceDeployment: 'arn:sd/1',
      }),
    })
    const rollout = await startRollout(ecs, service(), request, 1000)
    // ECS's own time of the new deployment: service deployments created before it are earlier rollouts'.
    expect(rollout).toEqual({
      deploymentId: NEW_ID,
      serviceDeploymentArn: 'arn:sd/1',
      previousTaskDefinition: OLD_TD,
      started: true,
      startedAt: 1000,
      since: 900,
    })
  })

  test('a re-run while the same revision rolls out follows that rollout instead of starting another', async () => {
    const rolling = service({
      taskDefinition: NEW_TD,
      deployments: [deployment({ createdAt: new Date(500) }), oldDeployment()],
    })
    const rollout = await startRollout(ecs, rolling, request, 1000)
    expect(rollout).toMatchObject({ deploymentId: NEW_ID, started: false, startedAt: 500, since: 500 })
    expect(ecsMock).not.toHaveReceivedCommand(UpdateServiceCommand)
  })

  test('a re-run after the rollout finished starts nothing', async () => {
    const done = service({
      taskDefinition: NEW_TD,
      deployments: [deployment({ rolloutState: 'COMPLETED', runningCount: 2 })],
    })
    const rollout = await startRollout(ecs, done, request, 1000)
    expect(rollout).toEqual({
      previousTaskDefinition: NEW_TD,
      started: false,
      startedAt: 1000,
      unchangedReason: 'the service already runs this task definition with these settings',
    })
    expect(ecsMock).not.toHaveReceivedCommand(UpdateServiceCommand)
  })
})
