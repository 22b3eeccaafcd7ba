// The local stack's load balancer (test/stack/listeners.mjs): which revision each listener routes to as a rollout
// unfolds, on a fake clock, without sockets or containers.
import type { DescribeServicesCommandOutput } from '@aws-sdk/client-ecs'
import { routedTaskDefinition } from '../../test/stack/listeners.mjs'
import { World } from '../../test/stack/world.mjs'
import { callOperation, ECS } from './operations.js'

let now = Date.UTC(2026, 0, 1)
let world: World

const ecs = <T>(operation: string, input: object = {}): T => callOperation<T>(world, ECS, operation, input)

function advance(seconds: number): void {
  now += seconds * 1000
  world.tick()
}

const LB = {
  targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef',
  containerName: 'web',
  containerPort: 8080,
  advancedConfiguration: {
    alternateTargetGroupArn: 'arn:tg/green',
    productionListenerRule: 'arn:rule',
    roleArn: 'arn:role',
  },
}

/** web:1 running behind the listeners; web:2 registered. */
function givenService(): void {
  world = new World({ now: () => now })
  ecs('CreateCluster', {})
  for (const image of ['web:v1', 'web:v2'])
    ecs('RegisterTaskDefinition', { family: 'web', containerDefinitions: [{ name: 'web', image }] })
  ecs('CreateService', { serviceName: 'web', taskDefinition: 'web:1', desiredCount: 2, loadBalancers: [LB] })
  world.listenerTarget = { cluster: 'default', service: 'web' }
  advance(10)
}

/** `production test` revisions, e.g. `web:1 web:2`; `at` is the random draw that weighs traffic (0 to 1). */
const routes = (at = 0.5): string =>
  (['production', 'test'] as const).map((l) => routedTaskDefinition(world, l, () => at)?.split('/')[1]).join(' ')

const stage = (): string | undefined => {
  const arn = ecs<DescribeServicesCommandOutput>('DescribeServices', { services: ['web'] }).services?.[0]
    ?.currentServiceDeployment
  return (
    ecs('DescribeServiceDeployments', { serviceDeploymentArns: [arn] }) as {
      serviceDeployments: { lifecycleStage?: string }[]
    }
  ).serviceDeployments[0]?.lifecycleStage
}

describe('the load balancer listeners of the local stack', () => {
  test('no service behind them: nothing routed', () => {
    givenService()
    world.listenerTarget = undefined
    expect(routes()).toBe(' ')
  })

  test('rolling: the old revision until the new deployment completes, then the new one', () => {
    givenService()
    expect(routes()).toBe('web:1 web:1')
    ecs('UpdateService', { service: 'web', taskDefinition: 'web:2' })
    advance(0.5)
    expect(routes()).toBe('web:1 web:1')
    advance(30)
    expect(routes()).toBe('web:2 web:2')
  })

  test('blue/green: the test listener reaches green at the test traffic shift, production only at its shift', () => {
    givenService()
    world.scenarios.add({
      rollout: {
        stages: [
          { stage: 'SCALE_UP', seconds: 1 },
          { stage: 'TEST_TRAFFIC_SHIFT', seconds: 1, testTrafficWeight: 100 },
          { stage: 'POST_TEST_TRAFFIC_SHIFT', seconds: 10 },
          { stage: 'PRODUCTION_TRAFFIC_SHIFT', seconds: 10, productionTrafficWeights: [10, 100] },
          { stage: 'BAKE_TIME', seconds: 10 },
          { stage: 'CLEAN_UP' },
        ],
      },
    })
    ecs('UpdateService', {
      service: 'web',
      taskDefinition: 'web:2',
      deploymentConfiguration: { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 1 },
    })
    for (let i = 0; i < 40 && stage() !== 'POST_TEST_TRAFFIC_SHIFT'; i++) advance(0.25)
    expect(routes()).toBe('web:1 web:2')
    for (let i = 0; i < 80 && stage() !== 'PRODUCTION_TRAFFIC_SHIFT'; i++) advance(0.25)
    // 10 % of production: a draw below 0.1 goes to green, the rest to blue.
    expect(routes(0.05)).toBe('web:2 web:2')
    expect(routes(0.5)).toBe('web:1 web:2')
    advance(30)
    expect(routes(0.99)).toBe('web:2 web:2')
  })

  test('blue/green rolled back during test traffic: both listeners back on blue', () => {
    givenService()
    world.scenarios.add({
      rollout: {
        stages: [
          { stage: 'SCALE_UP', seconds: 1 },
          { stage: 'TEST_TRAFFIC_SHIFT', seconds: 1, testTrafficWeight: 100 },
          { stage: 'POST_TEST_TRAFFIC_SHIFT', seconds: 60 },
        ],
      },
    })
    ecs('UpdateService', {
      service: 'web',
      taskDefinition: 'web:2',
      deploymentConfiguration: { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 1 },
    })
    for (let i = 0; i < 40 && stage() !== 'POST_TEST_TRAFFIC_SHIFT'; i++) advance(0.25)
    expect(routes()).toBe('web:1 web:2')
    const arn = ecs<DescribeServicesCommandOutput>('DescribeServices', { services: ['web'] }).services?.[0]
      ?.currentServiceDeployment
    ecs('StopServiceDeployment', { serviceDeploymentArn: arn, stopType: 'ROLLBACK' })
    advance(5)
    expect(routes()).toBe('web:1 web:1')
  })
})
