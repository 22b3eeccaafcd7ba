// The canary analysis on the two bakes analysis.test.ts does not cover, end to end through dist/index.js with real
// traffic: a rolling update with a bake (deployment alarms keep ECS's deployment in progress after the rollout), whose
// revisions share one target group and mix by their ready tasks (test/stack/listeners.mjs), and ECS-native blue/green,
// which moves all production traffic at once and is judged during its bake against the old target group's figures
// from before the rollout.
import { EC2Client, CreateSubnetCommand, CreateVpcCommand } from '@aws-sdk/client-ec2'
import {
  CreateClusterCommand,
  CreateServiceCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
  type LoadBalancer,
} from '@aws-sdk/client-ecs'
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2'
import { runAction, withConfig } from './action.js'
import {
  givenWebService,
  ScenarioAdmin,
  startLoad,
  useStack,
  waitFor,
  webService,
  webTaskDefinition,
  type RolloutPlan,
  type StackEnv,
} from './stack.js'
import type { Load } from '../../test/stack/load.mjs'

let stack: StackEnv
let admin: ScenarioAdmin
let ecs: ECSClient
let load: Load | undefined

beforeAll(async () => {
  stack = await useStack()
  admin = new ScenarioAdmin(stack.STACK_SCENARIO_URL)
  ecs = new ECSClient({})
})

afterEach(async () => {
  await load?.stop()
  load = undefined
})

afterAll(() => ecs?.destroy())

/** Bounded load on the production listener: 25 requests a second for at most 150 s. */
const startTraffic = (): Load => startLoad({ url: `${stack.STACK_LB_URL}/`, rate: 25, seconds: 150 })

/** The new revision's environment and the analysis, read every 2 s once 50 requests were served. */
const run = (environment: Record<string, string>, checks: string, strategy: string[]) =>
  runAction(
    withConfig(
      { cluster: 'prod', service: 'web', image: `${stack.STACK_REGISTRY}/web:v2`, 'timeout-minutes': '4' },
      [
        ...strategy,
        `environment-variables: ${JSON.stringify(environment)}`,
        `analysis: { checks: ${checks}, interval: 2, min-requests: 50, inconclusive: rollback }`,
      ].join('\n'),
    ),
  )

const backOnWeb1 = () =>
  waitFor('web to be back on web:1', async () => /\/web:1$/.test((await webService(ecs)).taskDefinition ?? ''), {
    timeoutMs: 30_000,
  })

describe('canary analysis of a rolling update with a bake', () => {
  /**
   * Service web (2 tasks) in target group `web` of ALB `prod` in moto (the analysis reads the load balancer's
   * dimension from DescribeTargetGroups), both listeners fronting it, real traffic on it, at time scale 10; the
   * rollout's bake (deployment alarms) lasts `bakeSeconds` scenario seconds (a tenth of that in real time); with
   * `baseline`, the traffic has filled a whole minute before the rollout (what a relative check compares with).
   */
  async function givenRolling(bakeSeconds: number, baseline = false): Promise<void> {
    await admin.reset({ moto: true, timeScale: 10 })
    const { targetGroupArn, loadBalancer } = await givenLoadBalancer()
    const rollout: RolloutPlan = { alarmBakeSeconds: bakeSeconds }
    await ecs.send(new CreateClusterCommand({ clusterName: 'prod' }))
    await ecs.send(new RegisterTaskDefinitionCommand(webTaskDefinition('web', `${stack.STACK_REGISTRY}/web:v1`)))
    await ecs.send(
      new CreateServiceCommand({
        cluster: 'prod',
        serviceName: 'web',
        taskDefinition: 'web:1',
        desiredCount: 2,
        launchType: 'FARGATE',
        loadBalancers: [{ targetGroupArn, containerName: 'web', containerPort: 8080 }],
      }),
    )
    await waitFor('web to run 2 tasks', async () => (await webService(ecs)).runningCount === 2, { timeoutMs: 20_000 })
    // For the action's UpdateService (CreateService took the default rollout).
    await admin.scenario({ service: 'web', rollout })
    await admin.listeners({ cluster: 'prod', service: 'web', loadBalancer })
    load = startTraffic()
    await waitFor('traffic before the rollout', async () => load && load.seen().sent >= 100, { timeoutMs: 20_000 })
    // CloudWatch keeps the figures per minute: the baseline is the whole minutes before the rollout's, so a relative
    // check needs 100 requests (4 s) in a minute that ended before the action starts.
    const since = load.seen().startedAt
    if (baseline)
      await waitFor(
        'a whole minute of traffic before the rollout',
        async () => minuteStart(Date.now()) - since >= 4000,
        {
          timeoutMs: 70_000,
          intervalMs: 250,
        },
      )
  }

  const minuteStart = (ms: number): number => Math.floor(ms / 60_000) * 60_000

  /**
   * An ALB with a listener forwarding to target group `web` (so DescribeTargetGroups names its load balancer): the
   * target group's ARN and the load balancer's CloudWatch dimension (`app/prod/…`).
   */
  async function givenLoadBalancer(): Promise<{ targetGroupArn: string; loadBalancer: string }> {
    const ec2 = new EC2Client({})
    const elbv2 = new ElasticLoadBalancingV2Client({})
    try {
      const vpc = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }))).Vpc?.VpcId ?? ''
      const subnets = await Promise.all(
        ['a', 'b'].map(
          async (az, i) =>
            (
              await ec2.send(
                new CreateSubnetCommand({
                  VpcId: vpc,
                  CidrBlock: `10.0.${i}.0/24`,
                  AvailabilityZone: `us-east-1${az}`,
                }),
              )
            ).Subnet?.SubnetId ?? '',
        ),
      )
      const lb = (await elbv2.send(new CreateLoadBalancerCommand({ Name: 'prod', Subnets: subnets })))
        .LoadBalancers?.[0]
      const tg = (
        await elbv2.send(
          new CreateTargetGroupCommand({ Name: 'web', Protocol: 'HTTP', Port: 8080, VpcId: vpc, TargetType: 'ip' }),
        )
      ).TargetGroups?.[0]
      await elbv2.send(
        new CreateListenerCommand({
          LoadBalancerArn: lb?.LoadBalancerArn,
          Protocol: 'HTTP',
          Port: 80,
          DefaultActions: [{ Type: 'forward', TargetGroupArn: tg?.TargetGroupArn }],
        }),
      )
      return {
        targetGroupArn: tg?.TargetGroupArn ?? '',
        loadBalancer: lb?.LoadBalancerArn?.split(':loadbalancer/')[1] ?? '',
      }
    } finally {
      ec2.destroy()
      elbv2.destroy()
    }
  }

  const ROLLING = ['strategy: rolling', 'deployment-alarms: [web-5xx]']
  const COMPARED = 'target group web since the rollout began, against the same target group before it'

  test('a release that answers 500 on 10 % of its requests is rolled back during the bake, the check named', async () => {
    // A 100 s (real) bake the analysis must cut short.
    await givenRolling(1000)
    const result = await run({ FAIL_PERCENT: '10' }, '["5xx-rate < 1%"]', ROLLING)
    expect(result.exitCode).not.toBe(0)
    expect(result.outputs.status).toBe('failed')
    expect(result.summary).toContain(COMPARED)
    expect(result.summary).toMatch(/canary analysis failed: 5xx-rate &lt; 1%: [\d.]+ % on the new revision/)
    expect(result.summary).toContain('| roll back (fail) |')
    expect(result.stdout).toContain('requested a rollback to web:1 (StopServiceDeployment ROLLBACK)')
    await backOnWeb1()
  }, 150_000)

  test('a good release passes; a relative check is judged against the pre-deployment baseline', async () => {
    await givenRolling(200, true)
    const result = await run({}, '["5xx-rate < 1%", "healthy-hosts >= -50%"]', ROLLING)
    expect(result.errors).toEqual([])
    expect(result.outputs.status).toBe('succeeded')
    expect(result.stdout).toContain('canary analysis passed: every check held')
    // The relative limit is held to the baseline's figure, shown, never passed for want of an old revision.
    expect(result.summary).toContain(`${COMPARED} (a rolling update's revisions share it)`)
    expect(result.summary).toMatch(
      /healthy-hosts &gt;= -50%: \d+ on the new revision \(limit &gt;= 1, old revision 2\)/,
    )
    expect((await webService(ecs)).taskDefinition).toMatch(/\/web:2$/)
  }, 180_000)
})

describe('canary analysis of an ECS-native blue/green bake', () => {
  const BLUE_GREEN: LoadBalancer = {
    targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef',
    containerName: 'web',
    containerPort: 8080,
    advancedConfiguration: {
      alternateTargetGroupArn:
        'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-green/fedcba9876543210',
      productionListenerRule:
        'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/prod/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee',
      roleArn: 'arn:aws:iam::123456789012:role/ecsInfrastructureRoleForLoadBalancers',
    },
  }

  test('a release that answers 500 on 10 % of its requests is rolled back during the bake, the check named', async () => {
    await givenWebService(stack, admin, ecs, { timeScale: 10, service: { loadBalancers: [BLUE_GREEN] } })
    // All production traffic at once, then a 120 s (real) bake the analysis must cut short.
    const stages = [
      { stage: 'SCALE_UP', seconds: 1 },
      { stage: 'PRODUCTION_TRAFFIC_SHIFT', seconds: 1, productionTrafficWeights: [100] },
      { stage: 'BAKE_TIME', seconds: 1200 },
      { stage: 'CLEAN_UP' },
    ]
    await admin.scenario({ service: 'web', rollout: { stages } })
    await admin.listeners({ cluster: 'prod', service: 'web' })
    load = startTraffic()
    // Blue's figures before the rollout are what green is compared with.
    await waitFor('traffic before the rollout', async () => load && load.seen().sent >= 100, { timeoutMs: 20_000 })
    const result = await run({ FAIL_PERCENT: '10' }, '["5xx-rate < 1%", "5xx-rate <= +50%"]', [
      'strategy: blue-green',
      'bake-minutes: 20',
    ])
    expect(result.exitCode).not.toBe(0)
    expect(result.outputs.status).toBe('failed')
    expect(result.summary).toContain('target group web-green (new revision) against web (old revision)')
    expect(result.summary).toMatch(/canary analysis failed: 5xx-rate &lt; 1%: [\d.]+ % on the new revision/)
    // The relative check: blue, which took no traffic in the bake, by its 0 % before the rollout.
    expect(result.summary).toMatch(
      /5xx-rate &lt;= \+50%: [\d.]+ % on the new revision \(limit &lt;= 0 %, old revision 0 %\)/,
    )
    expect(result.stdout).toContain('traffic on the new revision: production 100 %')
    expect(result.stdout).toContain('requested a rollback to web:1 (StopServiceDeployment ROLLBACK)')
    await backOnWeb1()
  }, 150_000)
})
