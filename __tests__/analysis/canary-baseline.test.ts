// The pre-deployment baseline of a rolling update (one target group for both revisions), against a CloudWatch that
// keeps the load balancer's figures per minute as the real one does: the minute the rollout began in already holds the
// new revision's first requests, so the baseline must end with the whole minute before it.
import { CloudWatchClient, GetMetricDataCommand, type MetricDataQuery } from '@aws-sdk/client-cloudwatch'
import { DescribeTargetGroupsCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2'
import { mockClient } from 'aws-sdk-client-mock'
import { CanaryAnalysis } from '../../src/analysis/canary.js'
import { analysisSettings, parseChecks } from '../../src/analysis/spec.js'

const cwMock = mockClient(CloudWatchClient)
const elbMock = mockClient(ElasticLoadBalancingV2Client)
const TG = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef'
const LB = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/1111111111111111'
const MINUTE = 60_000
const M1 = Date.UTC(2026, 0, 1, 12, 1)

/** Requests and 5xx answers per minute (by the minute's start): all good before the rollout, 10 % failing from it. */
const minutes = new Map([
  [M1 - MINUTE, { requests: 300, errors: 0 }],
  [M1, { requests: 200, errors: 20 }],
  [M1 + MINUTE, { requests: 300, errors: 30 }],
])

/** GetMetricData over whole minutes: a datapoint's minute counts when it starts within [StartTime floored, EndTime). */
function perMinuteCloudWatch(): void {
  cwMock
    .on(GetMetricDataCommand)
    .callsFake((input: { MetricDataQueries: MetricDataQuery[]; StartTime: Date; EndTime: Date }) => {
      const start = Math.floor(input.StartTime.getTime() / MINUTE) * MINUTE
      const inWindow = [...minutes].filter(([m]) => m >= start && m < input.EndTime.getTime()).map(([, f]) => f)
      const sum = (key: 'requests' | 'errors') => inWindow.reduce((a, f) => a + f[key], 0)
      const results = input.MetricDataQueries.map((q) => {
        const metric = q.MetricStat?.Metric?.MetricName
        const value = metric === 'RequestCount' ? sum('requests') : sum('errors')
        return { Id: q.Id, Values: inWindow.length ? [value] : [] }
      })
      return Promise.resolve({ MetricDataResults: results })
    })
}

beforeEach(() => {
  cwMock.reset()
  elbMock.reset()
  elbMock.on(DescribeTargetGroupsCommand).resolves({ TargetGroups: [{ LoadBalancerArns: [LB] }] })
  perMinuteCloudWatch()
})

test("a rolling update's relative check compares with the whole minutes before the rollout, not its first one", async () => {
  const rolloutStart = M1 + 30_000
  const analysis = new CanaryAnalysis(
    analysisSettings({ checks: parseChecks('5xx-rate <= +50%'), intervalSeconds: 1, minRequests: 100 }),
    { cloudwatch: new CloudWatchClient({ region: 'us-east-1' }), elbv2: new ElasticLoadBalancingV2Client({}) },
    { cluster: 'prod', service: 'web', rolloutStart },
  )
  const decision = await analysis.observe('bake', false, () => ({ kind: 'shared', targetGroup: TG }), M1 + 90_000)
  // The old revision's figure is the baseline's 0 % (300 requests, none failing), not diluted with the rollout's minute.
  expect(decision?.judgements[0]).toMatchObject({ outcome: 'fail', old: 0, limit: 0 })
  expect(decision?.reason).toBe(
    'canary analysis failed: 5xx-rate <= +50%: 10 % on the new revision (limit <= 0 %, old revision 0 %) over 500 requests',
  )
  expect(analysis.report.compared).toContain('against the same target group before it')
})
