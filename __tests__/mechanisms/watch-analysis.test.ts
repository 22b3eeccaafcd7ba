// The canary analysis in the watch: scripted ECS, ELB and CloudWatch answers, a fake clock. A failing metric rolls the
// canary back before it completes, naming the metric; a good release runs to success; a deployment paused at a hook
// goes on once the analysis passed; an inconclusive one keeps it paused, and `inconclusive: rollback` rolls it back.
import { CloudWatchClient, GetMetricDataCommand, type MetricDataQuery } from '@aws-sdk/client-cloudwatch'
import {
  ContinueServiceDeploymentCommand,
  DescribeServiceDeploymentsCommand,
  DescribeServicesCommand,
  ECSClient,
  ListTasksCommand,
  StopServiceDeploymentCommand,
  type Service,
  type ServiceDeployment,
} from '@aws-sdk/client-ecs'
import {
  DescribeRulesCommand,
  DescribeTargetGroupsCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2'
import { mockClient } from 'aws-sdk-client-mock'
import 'aws-sdk-client-mock-jest'
import { CanaryAnalysis } from '../../src/analysis/canary.js'
import { analysisSettings, parseChecks, type Inconclusive } from '../../src/analysis/spec.js'
import { analysisSection } from '../../src/analysis/chart.js'
import { waitForDeployment, type FollowTarget, type WatchOptions } from '../../src/mechanisms/watch.js'
import { fakeClock } from '../helpers/clock.js'
import { deployment, NEW_ID, NEW_TD, OLD_TD, oldDeployment, service } from '../helpers/ecs.js'

const ecsMock = mockClient(ECSClient)
const cwMock = mockClient(CloudWatchClient)
const elbMock = mockClient(ElasticLoadBalancingV2Client)
const SD_ARN = 'arn:aws:ecs:us-east-1:123456789012:service-deployment/prod/web/abc'
const HOOK = 'ecs-pause-hook'
const TG = (name: string, id: string) => `arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/${name}/${id}`
const BLUE = TG('web', '0123456789abcdef')
const GREEN = TG('web-green', 'fedcba9876543210')
const LB = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/1111111111111111'
const RULE = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/web/1111111111111111/22/33'

const withTargetGroups = (s: Service): Service => ({
  ...s,
  loadBalancers: [
    {
      targetGroupArn: BLUE,
      containerName: 'web',
      containerPort: 8080,
      advancedConfiguration: {
        alternateTargetGroupArn: GREEN,
        productionListenerRule: RULE,
        roleArn: 'arn:aws:iam::123456789012:role/ecs-elb',
      },
    },
  ],
})
const rolling = withTargetGroups(
  service({
    deployments: [deployment({ runningCount: 2 }), oldDeployment()],
    deploymentConfiguration: { strategy: 'CANARY' },
  }),
)
const done = withTargetGroups(
  service({
    deployments: [deployment({ runningCount: 2, rolloutState: 'COMPLETED' })],
    deploymentConfiguration: { strategy: 'CANARY' },
  }),
)

function sd(stage: ServiceDeployment['lifecycleStage'], production = 0, extra: Partial<ServiceDeployment> = {}) {
  return {
    serviceDeploymentArn: SD_ARN,
    status: 'IN_PROGRESS' as const,
    lifecycleStage: stage,
    targetServiceRevision: { arn: 'rev/new', requestedProductionTrafficWeight: production },
    sourceServiceRevisions: [{ arn: 'rev/old', requestedProductionTrafficWeight: 100 - production }],
    ...extra,
  }
}
const paused = {
  lifecycleHookDetails: [{ hookId: HOOK, targetType: 'PAUSE' as const, status: 'AWAITING_ACTION' as const }],
}

function script(polls: [Service, ServiceDeployment][]): void {
  let services = ecsMock.on(DescribeServicesCommand)
  let deployments = ecsMock.on(DescribeServiceDeploymentsCommand)
  for (const [s, d] of polls) {
    services = services.resolvesOnce({ services: [s] })
    deployments = deployments.resolvesOnce({ serviceDeployments: [d] })
  }
  const [s, d] = polls[polls.length - 1] as [Service, ServiceDeployment]
  services.resolves({ services: [s] })
  deployments.resolves({ serviceDeployments: [d] })
}

type Traffic = { requests: number; errors: number; p99: number }
/** CloudWatch's answer for each target group, by the TargetGroup dimension of the queries. */
function metrics(byGroup: Record<string, Traffic>): void {
  cwMock.on(GetMetricDataCommand).callsFake((input: { MetricDataQueries: MetricDataQuery[] }) => {
    const results = input.MetricDataQueries.filter((q) => q.ReturnData !== false).map((q) => {
      const group = q.MetricStat?.Metric?.Dimensions?.find((d) => d.Name === 'TargetGroup')?.Value ?? ''
      const t = byGroup[group] ?? { requests: 0, errors: 0, p99: 0 }
      const metric = q.MetricStat?.Metric?.MetricName
      const value = metric === 'RequestCount' ? t.requests : metric === 'HTTPCode_Target_5XX_Count' ? t.errors : t.p99
      return { Id: q.Id, Values: t.requests ? [value] : [], Timestamps: t.requests ? [new Date()] : [] }
    })
    return Promise.resolve({ MetricDataResults: results })
  })
}

const green = (t: Traffic) => ({ 'targetgroup/web-green/fedcba9876543210': t })
const blue = (t: Traffic) => ({ 'targetgroup/web/0123456789abcdef': t })
const GOOD = { requests: 400, errors: 0, p99: 0.1 }

function options(text: string, inconclusive: Inconclusive = 'wait'): WatchOptions & FollowTarget & { lines: string[] } {
  const lines: string[] = []
  const clock = fakeClock()
  const clients = {
    cloudwatch: new CloudWatchClient({ region: 'us-east-1' }),
    elbv2: new ElasticLoadBalancingV2Client({ region: 'us-east-1' }),
  }
  return {
    ecs: new ECSClient({ region: 'us-east-1' }),
    cluster: 'prod',
    service: 'web',
    rollout: {
      deploymentId: NEW_ID,
      serviceDeploymentArn: SD_ARN,
      mechanism: 'ecs-native',
      previousTaskDefinition: OLD_TD,
      started: true,
      startedAt: clock.now(),
    },
    targetTaskDefinition: NEW_TD,
    timeoutMs: 30 * 60_000,
    rollbackOnFailure: true,
    clock,
    log: (line) => lines.push(line.replace(/^\[\d+:\d\d\] /, '')),
    lines,
    analysis: new CanaryAnalysis(
      analysisSettings({ checks: parseChecks(text), intervalSeconds: 1, minRequests: 100, inconclusive }),
      clients,
      { cluster: 'prod', service: 'web', rolloutStart: clock.now() },
    ),
  }
}

beforeEach(() => {
  ecsMock.reset()
  cwMock.reset()
  elbMock.reset()
  ecsMock.on(ListTasksCommand).resolves({ taskArns: [] })
  ecsMock.on(StopServiceDeploymentCommand).resolves({ serviceDeploymentArn: SD_ARN })
  ecsMock.on(ContinueServiceDeploymentCommand).resolves({ serviceDeploymentArn: SD_ARN })
  elbMock.on(DescribeRulesCommand).resolves({
    Rules: [
      {
        RuleArn: RULE,
        Actions: [
          {
            Type: 'forward',
            ForwardConfig: {
              TargetGroups: [
                { TargetGroupArn: BLUE, Weight: 100 },
                { TargetGroupArn: GREEN, Weight: 0 },
              ],
            },
          },
        ],
      },
    ],
  })
  elbMock.on(DescribeTargetGroupsCommand).resolves({ TargetGroups: [{ LoadBalancerArns: [LB] }] })
})

const CANARY: [Service, ServiceDeployment][] = [
  // A service deployment not begun yet is no end of the bake (nothing to judge, nothing to roll back for).
  [rolling, sd(undefined, 0, { status: 'PENDING' })],
  [rolling, sd('PRE_SCALE_UP')],
  [rolling, sd('PRODUCTION_TRAFFIC_SHIFT', 10)],
  [rolling, sd('PRODUCTION_TRAFFIC_SHIFT', 10)],
  [rolling, sd('PRODUCTION_TRAFFIC_SHIFT', 10)],
  [rolling, sd('PRODUCTION_TRAFFIC_SHIFT', 100)],
  [done, sd('BAKE_TIME', 100)],
  [done, sd('CLEAN_UP', 100, { status: 'SUCCESSFUL' })],
]

describe('canary analysis in the watch', () => {
  test('a 10 % 5xx rate on the new target group rolls the canary back before it completes, naming the metric', async () => {
    script(CANARY)
    metrics({ ...green({ requests: 400, errors: 40, p99: 0.1 }), ...blue(GOOD) })
    const o = options('5xx-rate < 1%, p99 < +20%')
    const result = await waitForDeployment(o)
    expect(result.outcome).toBe('failed')
    expect(result.reason).toBe(
      'canary analysis failed: 5xx-rate < 1%: 10 % on the new revision (limit < 1 %) over 400 requests',
    )
    expect(ecsMock).toHaveReceivedCommandWith(StopServiceDeploymentCommand, {
      serviceDeploymentArn: SD_ARN,
      stopType: 'ROLLBACK',
    })
    expect(result.analysis?.compared).toBe('target group web-green (new revision) against web (old revision)')
    expect(result.analysis?.decisions.at(-1)?.action).toBe('rollback')
    // Read during the 10 % step: the deployment never got to 100 %.
    expect(o.lines).not.toContain('traffic on the new revision: production 100 %')
  })

  test('a release 300 ms slower than the old one fails its relative p99', async () => {
    script(CANARY)
    metrics({ ...green({ requests: 400, errors: 0, p99: 0.4 }), ...blue(GOOD) })
    const result = await waitForDeployment(options('5xx-rate < 1%, p99 < +20%'))
    expect(result.outcome).toBe('failed')
    expect(result.reason).toBe(
      'canary analysis failed: p99 < +20%: 400 ms on the new revision (limit < 120 ms, old revision 100 ms) over 400 requests',
    )
  })

  test('a good release runs to success; every read is in the report and the summary charts it', async () => {
    script(CANARY)
    metrics({ ...green(GOOD), ...blue(GOOD) })
    const result = await waitForDeployment(options('5xx-rate < 1%, p99 < +20%'))
    expect(result.outcome).toBe('succeeded')
    expect(ecsMock).not.toHaveReceivedCommand(StopServiceDeploymentCommand)
    const decisions = result.analysis?.decisions ?? []
    expect(decisions.length).toBeGreaterThan(1)
    expect(decisions.every((d) => d.verdict === 'pass')).toBe(true)
    const summary = analysisSection(result.analysis!).join('\n')
    expect(summary).toContain('xychart-beta')
    expect(summary).toContain('title "p99 < +20%"')
    expect(summary).toContain('line [100, 100')
    expect(summary).toContain('line [120, 120')
  })

  test('paused at a hook: continued with ContinueServiceDeployment once the analysis passed', async () => {
    script([
      [rolling, sd('PRODUCTION_TRAFFIC_SHIFT', 10)],
      [rolling, sd('POST_PRODUCTION_TRAFFIC_SHIFT', 10, paused)],
      [rolling, sd('POST_PRODUCTION_TRAFFIC_SHIFT', 10, paused)],
      [done, sd('CLEAN_UP', 100, { status: 'SUCCESSFUL' })],
    ])
    metrics({ ...green(GOOD), ...blue(GOOD) })
    const o = options('5xx-rate < 1%')
    const result = await waitForDeployment(o)
    expect(ecsMock).toHaveReceivedCommandWith(ContinueServiceDeploymentCommand, {
      serviceDeploymentArn: SD_ARN,
      hookId: HOOK,
      action: 'CONTINUE',
    })
    expect(result.outcome).toBe('succeeded')
  })

  test('paused, too few requests: `wait` keeps it paused (no continue); `rollback` rolls it back', async () => {
    const polls: [Service, ServiceDeployment][] = [
      [rolling, sd('PRODUCTION_TRAFFIC_SHIFT', 10)],
      [rolling, sd('POST_PRODUCTION_TRAFFIC_SHIFT', 10, paused)],
    ]
    script(polls)
    metrics({ ...green({ requests: 20, errors: 0, p99: 0.1 }), ...blue(GOOD) })
    const waiting = options('5xx-rate < 1%')
    const held = await waitForDeployment({ ...waiting, timeoutMs: 10_000 })
    expect(held.outcome).toBe('timed-out')
    expect(ecsMock).not.toHaveReceivedCommand(ContinueServiceDeploymentCommand)
    expect(waiting.lines).toContain(
      'canary analysis inconclusive (5xx-rate < 1%: inconclusive, the new revision served 20 of the 100 requests needed); waiting as `inconclusive: wait` says',
    )

    ecsMock.resetHistory()
    script(polls)
    const result = await waitForDeployment(options('5xx-rate < 1%', 'rollback'))
    expect(result.outcome).toBe('failed')
    expect(result.reason).toMatch(/^canary analysis inconclusive .*; rolling back as `inconclusive: rollback` says$/)
    expect(ecsMock).not.toHaveReceivedCommand(ContinueServiceDeploymentCommand)
  })
})
