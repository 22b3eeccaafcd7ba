// The statistics: a check is judged only on enough requests, a relative limit only against an old value with enough
// requests of its own; split windows never flatter a release; expressions and named metrics get the revision's dimensions.
import { combine, figuresOf, queriesFor, type Figures } from '../../src/analysis/metrics.js'
import { parseCheck, parseChecks } from '../../src/analysis/spec.js'
import { judgeCheck } from '../../src/analysis/statistics.js'

const figures = (requests: number, values: Record<string, number | undefined>): Figures => ({
  requests,
  values: new Map(Object.entries(values)),
})

describe('judgeCheck', () => {
  const rate = parseCheck('5xx-rate < 1%')
  const relative = parseCheck('p99 < +20%')
  const hosts = parseCheck('healthy-hosts >= 2')

  test('too few requests on the new revision: inconclusive, never a pass', () => {
    const j = judgeCheck(rate, figures(99, { [rate.name]: 0 }), undefined, 100)
    expect(j.outcome).toBe('inconclusive')
    expect(j.why).toBe('5xx-rate < 1%: inconclusive, the new revision served 99 of the 100 requests needed')
  })

  test('enough requests: the absolute limit decides, with the figures in the reason', () => {
    expect(judgeCheck(rate, figures(100, { [rate.name]: 0.5 }), undefined, 100).outcome).toBe('pass')
    const failed = judgeCheck(rate, figures(400, { [rate.name]: 10 }), undefined, 100)
    expect(failed).toMatchObject({ outcome: 'fail', fresh: 10, limit: 1 })
    expect(failed.why).toBe('5xx-rate < 1%: 10 % on the new revision (limit < 1 %) over 400 requests')
  })

  test('the limit itself fails `<` and passes `<=`', () => {
    expect(judgeCheck(rate, figures(100, { [rate.name]: 1 }), undefined, 100).outcome).toBe('fail')
    const le = parseCheck('5xx-rate <= 1%')
    expect(judgeCheck(le, figures(100, { [le.name]: 1 }), undefined, 100).outcome).toBe('pass')
  })

  test('a relative limit is the old value changed by it', () => {
    const old = figures(500, { [relative.name]: 0.2 })
    expect(judgeCheck(relative, figures(300, { [relative.name]: 0.239 }), old, 100)).toMatchObject({
      outcome: 'pass',
      limit: 0.24,
    })
    const slow = judgeCheck(relative, figures(300, { [relative.name]: 0.5 }), old, 100)
    expect(slow.outcome).toBe('fail')
    expect(slow.why).toBe(
      'p99 < +20%: 500 ms on the new revision (limit < 240 ms, old revision 200 ms) over 300 requests',
    )
  })

  test('a relative limit without an old value, or on too few old requests, is inconclusive', () => {
    const fresh = figures(300, { [relative.name]: 0.1 })
    expect(judgeCheck(relative, fresh, undefined, 100).outcome).toBe('inconclusive')
    const thin = judgeCheck(relative, fresh, figures(20, { [relative.name]: 0.2 }), 100)
    expect(thin.outcome).toBe('inconclusive')
    expect(thin.why).toBe(
      'p99 < +20%: inconclusive, the old revision served 20 of the 100 requests needed to compare with',
    )
  })

  test('no datapoint: inconclusive; a health count needs no requests', () => {
    expect(judgeCheck(relative, figures(300, {}), undefined, 100).outcome).toBe('inconclusive')
    expect(judgeCheck(hosts, figures(0, { [hosts.name]: 2 }), undefined, 100).outcome).toBe('pass')
    expect(judgeCheck(hosts, figures(0, { [hosts.name]: 1 }), undefined, 100).outcome).toBe('fail')
  })
})

describe('figures from GetMetricData', () => {
  const checks = parseChecks('5xx-rate < 1%, p99 < 300ms, Sum(MyApp/Errors) < 5, expr(100 * errors / requests) < 2')
  const scope = {
    targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-green/fedcba9876543210',
    loadBalancerArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/0123456789abcdef',
    cluster: 'prod',
    service: 'web',
  }

  test('the 5xx rate is errors over requests, counts add up, a split level counts by its worst datapoint', () => {
    const results = new Map(
      Object.entries({
        requests: { Values: [300, 100] },
        errors: { Values: [6, 2] },
        c1: { Values: [0.2, 0.45] },
        c2: { Values: [1, 2] },
        c3: { Values: [2, 2] },
      }),
    )
    const f = figuresOf(checks, results)
    expect(f.requests).toBe(400)
    expect(f.values.get('5xx-rate < 1%')).toBe(2)
    expect(f.values.get('p99 < 300ms')).toBe(0.45)
    expect(f.values.get('Sum(MyApp/Errors) < 5')).toBe(3)
    expect(f.values.get('expr(100 * errors / requests) < 2')).toBe(2)
  })

  test('no requests: no 5xx rate (not 0 %)', () => {
    expect(figuresOf(checks, new Map()).values.get('5xx-rate < 1%')).toBeUndefined()
  })

  test('worst datapoint: the highest for <, the lowest for >', () => {
    expect(combine([1, 3], false, '<')).toBe(3)
    expect(combine([1, 3], false, '>=')).toBe(1)
    expect(combine([1, 3], true)).toBe(4)
    expect(combine([], true)).toBeUndefined()
  })

  test("the queries carry the revision's target group and load balancer; the expression reads the same ids", () => {
    const queries = queriesFor(checks, scope, 120)
    const dims = [
      { Name: 'TargetGroup', Value: 'targetgroup/web-green/fedcba9876543210' },
      { Name: 'LoadBalancer', Value: 'app/web/0123456789abcdef' },
    ]
    expect(queries).toEqual([
      {
        Id: 'requests',
        MetricStat: {
          Metric: { Namespace: 'AWS/ApplicationELB', MetricName: 'RequestCount', Dimensions: dims },
          Period: 120,
          Stat: 'Sum',
        },
        ReturnData: true,
      },
      {
        Id: 'errors',
        MetricStat: {
          Metric: { Namespace: 'AWS/ApplicationELB', MetricName: 'HTTPCode_Target_5XX_Count', Dimensions: dims },
          Period: 120,
          Stat: 'Sum',
        },
        ReturnData: true,
      },
      {
        Id: 'latency',
        MetricStat: {
          Metric: { Namespace: 'AWS/ApplicationELB', MetricName: 'TargetResponseTime', Dimensions: dims },
          Period: 120,
          Stat: 'Average',
        },
        ReturnData: false,
      },
      {
        Id: 'c1',
        MetricStat: {
          Metric: { Namespace: 'AWS/ApplicationELB', MetricName: 'TargetResponseTime', Dimensions: dims },
          Period: 120,
          Stat: 'p99',
        },
        ReturnData: true,
      },
      {
        Id: 'c2',
        MetricStat: {
          Metric: { Namespace: 'MyApp', MetricName: 'Errors', Dimensions: [] },
          Period: 120,
          Stat: 'Sum',
        },
        ReturnData: true,
      },
      { Id: 'c3', Expression: '100 * errors / requests', ReturnData: true },
    ])
  })

  test('ECS namespaces get the cluster and service; written dimensions get their placeholders filled', () => {
    const [ecs, own] = parseChecks(
      'Average(ECS/ContainerInsights/CpuUtilized) < 80, Sum(MyApp/Errors{Service=${SERVICE}, Group=${TARGET_GROUP}}) < 1',
    )
    const queries = queriesFor([ecs!, own!], scope, 60)
    expect(queries[2]?.MetricStat?.Metric?.Dimensions).toEqual([
      { Name: 'ClusterName', Value: 'prod' },
      { Name: 'ServiceName', Value: 'web' },
    ])
    expect(queries[3]?.MetricStat?.Metric?.Dimensions).toEqual([
      { Name: 'Service', Value: 'web' },
      { Name: 'Group', Value: 'targetgroup/web-green/fedcba9876543210' },
    ])
  })
})
