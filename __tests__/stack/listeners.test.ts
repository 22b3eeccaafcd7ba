// The local stack's load balancer (test/stack/listeners.mjs): which revision each listener routes to as a rollout
// unfolds, on a fake clock, without sockets or containers.
import type { GetDeploymentTargetOutput } from '@aws-sdk/client-codedeploy'
import type { DescribeServicesCommandOutput } from '@aws-sdk/client-ecs'
import { hostCounts, routedTaskDefinition, routeOf } from '../../test/stack/listeners.mjs'
import { World } from '../../test/stack/world.mjs'
import { callOperation, CODEDEPLOY, ECS } from './operations.js'

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

/** The simulated tasks, as the stack keeps them. */
interface StackTasks {
  ecs: {
    clusters: Map<
      string,
      { tasks: Map<string, { taskDefinitionArn: string; ready: boolean; lastStatus: string; desiredStatus: string }> }
    >
  }
}

/** The service's live tasks (not yet STOPPED), each with its revision, whether healthy, whether being stopped. */
const tasks = (): { revision: string; ready: boolean; stopping: boolean }[] =>
  [...((world as unknown as StackTasks).ecs.clusters.get('default')?.tasks.values() ?? [])]
    .filter((t) => t.lastStatus !== 'STOPPED')
    .map((t) => ({
      revision: String(t.taskDefinitionArn).split('/')[1] ?? '',
      ready: Boolean(t.ready) && t.lastStatus === 'RUNNING' && t.desiredStatus === 'RUNNING',
      stopping: t.desiredStatus === 'STOPPED',
    }))

const rollout = (): string | undefined =>
  ecs<DescribeServicesCommandOutput>('DescribeServices', { services: ['web'] }).services?.[0]?.deployments?.find(
    (d) => d.status === 'PRIMARY',
  )?.rolloutState

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

  test('rolling: old and new tasks share the traffic by how many of each are ready; a stopping task takes none', () => {
    givenService()
    expect(routes()).toBe('web:1 web:1')
    // One task at a time (at most 3 of 2, all 2 healthy): a new one starts, then an old one goes.
    const deploymentConfiguration = { maximumPercent: 150, minimumHealthyPercent: 100 }
    ecs('UpdateService', { service: 'web', taskDefinition: 'web:2', deploymentConfiguration })
    advance(0.5)
    // No new task healthy yet: all on the old revision.
    expect(routes(0.99)).toBe('web:1 web:1')
    const seen = new Set<string>()
    for (let i = 0; i < 200 && rollout() === 'IN_PROGRESS'; i++) {
      const ready = tasks().filter((t) => t.ready)
      const stopping = tasks().filter((t) => t.stopping)
      // The draws pick the ready tasks in order: each routes to its own revision, never to a stopping one.
      const picked = ready.map((_, n) => routes((n + 0.5) / ready.length).split(' ')[0])
      expect(picked).toEqual(ready.map((t) => t.revision))
      seen.add([...new Set(picked)].sort().join('+'))
      // The last old task draining while the update is still in progress: it takes none of the traffic.
      if (stopping.some((t) => t.revision === 'web:1') && !ready.some((t) => t.revision === 'web:1'))
        seen.add(`draining web:1, routed ${routes(0.01)} ${routes(0.99)}`)
      advance(0.05)
    }
    expect(rollout()).toBe('COMPLETED')
    // Both revisions took traffic together while the update ran, not one after the other only.
    expect(seen).toContain('web:1+web:2')
    expect(seen).toContain('draining web:1, routed web:2 web:2 web:2 web:2')
    expect(routes(0.01)).toBe('web:2 web:2')
    expect(routes(0.99)).toBe('web:2 web:2')
  })

  test('rolling rolled back (StopServiceDeployment ROLLBACK): the traffic goes back to the old revision', () => {
    givenService()
    world.scenarios.add({ service: 'web', rollout: { alarm: 'web-5xx', alarmAfterSeconds: 300 } })
    ecs('UpdateService', {
      service: 'web',
      taskDefinition: 'web:2',
      deploymentConfiguration: { alarms: { alarmNames: ['web-5xx'], enable: true, rollback: true } },
    })
    // In the bake (deployment alarms): only new tasks left, the deployment still in progress.
    for (let i = 0; i < 200 && tasks().some((t) => t.revision === 'web:1'); i++) advance(0.1)
    expect(rollout()).toBe('IN_PROGRESS')
    expect([routes(0.01), routes(0.99)]).toEqual(['web:2 web:2', 'web:2 web:2'])
    const arn = ecs<DescribeServicesCommandOutput>('DescribeServices', { services: ['web'] }).services?.[0]
      ?.currentServiceDeployment
    ecs('StopServiceDeployment', { serviceDeploymentArn: arn, stopType: 'ROLLBACK' })
    for (let i = 0; i < 400 && tasks().some((t) => t.revision === 'web:2'); i++) advance(0.1)
    expect([routes(0.01), routes(0.99)]).toEqual(['web:1 web:1', 'web:1 web:1'])
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

describe('the listeners in front of a CODE_DEPLOY service', () => {
  const appSpec =
    'version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: web:2\n'
  const codedeploy = <T>(operation: string, input: object = {}): T =>
    callOperation<T>(world, CODEDEPLOY, operation, input)
  const event = (deploymentId: string, name: string): string | undefined =>
    codedeploy<GetDeploymentTargetOutput>('GetDeploymentTarget', {
      deploymentId,
      targetId: 'default:web',
    }).deploymentTarget?.ecsTarget?.lifecycleEvents?.find((e) => e.lifecycleEventName === name)?.status

  /** web:1 behind the listeners, a canary (10 %, then 100 % five minutes later) to web:2 started. */
  function givenCanary(group: object = {}): string {
    world = new World({ now: () => now })
    ecs('CreateCluster', {})
    for (const image of ['web:v1', 'web:v2'])
      ecs('RegisterTaskDefinition', { family: 'web', containerDefinitions: [{ name: 'web', image }] })
    ecs('CreateService', {
      serviceName: 'web',
      taskDefinition: 'web:1',
      desiredCount: 2,
      deploymentController: { type: 'CODE_DEPLOY' },
      loadBalancers: [{ targetGroupArn: LB.targetGroupArn, containerName: 'web', containerPort: 8080 }],
    })
    world.listenerTarget = { cluster: 'default', service: 'web' }
    advance(10)
    codedeploy('CreateApplication', { applicationName: 'app', computePlatform: 'ECS' })
    codedeploy('CreateDeploymentGroup', {
      applicationName: 'app',
      deploymentGroupName: 'group',
      ecsServices: [{ clusterName: 'default', serviceName: 'web' }],
      ...group,
    })
    return codedeploy<{ deploymentId: string }>('CreateDeployment', {
      applicationName: 'app',
      deploymentGroupName: 'group',
      deploymentConfigName: 'CodeDeployDefault.ECSCanary10Percent5Minutes',
      revision: { revisionType: 'AppSpecContent', appSpecContent: { content: appSpec } },
    }).deploymentId
  }

  test('canary: the test listener reaches the replacement after AllowTestTraffic, production by its weight, then all', () => {
    const id = givenCanary()
    expect(routes()).toBe('web:1 web:1')
    for (let i = 0; i < 100 && event(id, 'AllowTestTraffic') !== 'Succeeded'; i++) advance(0.05)
    expect(routes(0.05)).toBe('web:1 web:2')
    for (let i = 0; i < 100 && event(id, 'AllowTraffic') !== 'InProgress'; i++) advance(0.05)
    advance(0.05)
    // 10 % of production: a draw below 0.1 goes to the replacement task set, the rest to the original.
    expect(routes(0.05)).toBe('web:2 web:2')
    expect(routes(0.5)).toBe('web:1 web:2')
    advance(5 * 60 + 10)
    expect(routes(0.99)).toBe('web:2 web:2')
  })

  test('stopped with a rollback during the canary: both listeners back on the original task set', () => {
    const id = givenCanary()
    for (let i = 0; i < 100 && event(id, 'AllowTraffic') !== 'InProgress'; i++) advance(0.05)
    advance(0.05)
    expect(routes(0.05)).toBe('web:2 web:2')
    codedeploy('StopDeployment', { deploymentId: id, autoRollbackEnabled: true })
    expect(routes(0.05)).toBe('web:1 web:1')
  })

  const PAIR = {
    loadBalancerInfo: { targetGroupPairInfoList: [{ targetGroups: [{ name: 'web-green' }, { name: 'web' }] }] },
  }
  const GREEN = 'targetgroup/web-green/'
  /** The target group names GetDeploymentTarget gives the task sets, e.g. `Blue web, Green web-green`. */
  const taskSetGroups = (deploymentId: string): string =>
    (
      codedeploy<GetDeploymentTargetOutput>('GetDeploymentTarget', { deploymentId, targetId: 'default:web' })
        .deploymentTarget?.ecsTarget?.taskSetsInfo ?? []
    )
      .map((t) => `${t.taskSetLabel} ${t.targetGroup?.name}`)
      .join(', ')
  /** The target group (dimension) a production request goes to at draw `at`. */
  const productionGroup = (at: number): string | undefined => routeOf(world, 'production', () => at)?.targetGroup
  const deployAgain = (image: string): string => {
    ecs('RegisterTaskDefinition', { family: 'web', containerDefinitions: [{ name: 'web', image }] })
    return codedeploy<{ deploymentId: string }>('CreateDeployment', {
      applicationName: 'app',
      deploymentGroupName: 'group',
      deploymentConfigName: 'CodeDeployDefault.ECSAllAtOnce',
      revision: { revisionType: 'AppSpecContent', appSpecContent: { content: appSpec.replace('web:2', 'web:3') } },
    }).deploymentId
  }

  test("the task sets sit in the group's target group pair: the original in production's, the replacement in the other; a success swaps them", () => {
    const id = givenCanary(PAIR)
    const web = productionGroup(0.05)
    expect(web).toBe('targetgroup/web/0123456789abcdef')
    for (let i = 0; i < 100 && event(id, 'Install') !== 'Succeeded'; i++) advance(0.05)
    expect(taskSetGroups(id)).toBe('Blue web, Green web-green')
    // Both task sets' tasks are registered, each in its own target group.
    expect(hostCounts(world).map((c) => `${c.targetGroup?.split('/')[1]} ${c.healthy}/${c.unhealthy}`)).toEqual([
      'web-green 2/0',
      'web 2/0',
    ])
    for (let i = 0; i < 100 && event(id, 'AllowTraffic') !== 'InProgress'; i++) advance(0.05)
    advance(0.05)
    expect(productionGroup(0.05)).toMatch(GREEN)
    expect(productionGroup(0.5)).toBe(web)
    advance(5 * 60 + 10)
    expect(productionGroup(0.5)).toMatch(GREEN)
    // The next deployment's replacement goes to the target group the original task set has left.
    const next = deployAgain('web:v3')
    for (let i = 0; i < 100 && event(next, 'Install') !== 'Succeeded'; i++) advance(0.05)
    expect(taskSetGroups(next)).toBe('Blue web-green, Green web')
    expect(routeOf(world, 'test', () => 0.5)?.targetGroup).toMatch(GREEN)
  })

  test('a stopped deployment leaves production on the original target group, which the next one keeps', () => {
    const id = givenCanary(PAIR)
    for (let i = 0; i < 100 && event(id, 'AllowTraffic') !== 'InProgress'; i++) advance(0.05)
    advance(0.05)
    codedeploy('StopDeployment', { deploymentId: id, autoRollbackEnabled: true })
    expect(productionGroup(0.05)).toBe('targetgroup/web/0123456789abcdef')
    expect(hostCounts(world).map((c) => `${c.targetGroup?.split('/')[1]} ${c.healthy}`)).toEqual([
      'web-green 0',
      'web 2',
    ])
    const next = deployAgain('web:v3')
    for (let i = 0; i < 100 && event(next, 'Install') !== 'Succeeded'; i++) advance(0.05)
    expect(taskSetGroups(next)).toBe('Blue web, Green web-green')
  })

  test('a target group pair of one name is refused, as CodeDeploy refuses it', () => {
    expect(() =>
      givenCanary({
        loadBalancerInfo: { targetGroupPairInfoList: [{ targetGroups: [{ name: 'web' }, { name: 'web' }] }] },
      }),
    ).toThrow('Target group pair must have distinct target groups.')
  })
})
