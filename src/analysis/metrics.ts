// The figures of one revision over a window, read from CloudWatch in one GetMetricData call: the target group's
// requests and 5xx answers, and each check's value, with the deployment's dimensions filled in.
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch'
import { getMetricData, type MetricDataQuery, type MetricDataResult } from '../aws/cloudwatch.js'
import type { AnalysisCheck, Comparison } from './spec.js'

/** Where one revision's traffic shows: its target group (and the load balancer in front of it), its service. */
export interface RevisionScope {
  targetGroupArn?: string | undefined
  loadBalancerArn?: string | undefined
  cluster: string
  service: string
}

export interface Window {
  start: number
  end: number
}

/** What one revision did over a window: the requests it served, and each check's value (undefined: no data). */
export interface Figures {
  requests: number
  values: Map<string, number | undefined>
}

const ELB = 'AWS/ApplicationELB'
const ECS_NAMESPACES = ['AWS/ECS', 'ECS/ContainerInsights']
/** CloudWatch keeps load balancer figures per minute: the window is one period of whole minutes. */
const MINUTE_S = 60

/** The CloudWatch dimension values: `targetgroup/web/0123…` and `app/lb/4567…`, the ends of their ARNs. */
export function dimensionsOf(scope: RevisionScope): Record<string, string> {
  const after = (arn: string | undefined, marker: string): string | undefined =>
    arn?.includes(marker)
      ? arn.slice(arn.indexOf(marker) + (marker === ':targetgroup/' ? 1 : marker.length))
      : undefined
  return {
    ...(scope.targetGroupArn && { TargetGroup: after(scope.targetGroupArn, ':targetgroup/') ?? scope.targetGroupArn }),
    ...(scope.loadBalancerArn && {
      LoadBalancer: after(scope.loadBalancerArn, ':loadbalancer/') ?? scope.loadBalancerArn,
    }),
  }
}

/** `${CLUSTER}`, `${SERVICE}`, `${TARGET_GROUP}`, `${LOAD_BALANCER}` in a dimension's value, filled in. */
function filled(value: string, scope: RevisionScope): string {
  const d = dimensionsOf(scope)
  const known: Record<string, string | undefined> = {
    CLUSTER: scope.cluster,
    SERVICE: scope.service,
    TARGET_GROUP: d.TargetGroup,
    LOAD_BALANCER: d.LoadBalancer,
  }
  return value.replace(/\$\{([A-Z_]+)\}/g, (whole, name: string) => known[name] ?? whole)
}

function elbDimensions(scope: RevisionScope): { Name: string; Value: string }[] {
  return Object.entries(dimensionsOf(scope)).map(([Name, Value]) => ({ Name, Value }))
}

function metricQuery(
  id: string,
  namespace: string,
  metric: string,
  stat: string,
  dimensions: { Name: string; Value: string }[],
  period: number,
  returned = true,
): MetricDataQuery {
  return {
    Id: id,
    MetricStat: {
      Metric: { Namespace: namespace, MetricName: metric, Dimensions: dimensions },
      Period: period,
      Stat: stat,
    },
    ReturnData: returned,
  }
}

/** The dimensions a named metric gets: its own, else the deployment's for the namespaces that have them. */
function dimensionsFor(
  namespace: string,
  own: Record<string, string>,
  scope: RevisionScope,
): { Name: string; Value: string }[] {
  if (Object.keys(own).length)
    return Object.entries(own).map(([Name, Value]) => ({ Name, Value: filled(Value, scope) }))
  if (namespace === ELB) return elbDimensions(scope)
  if (ECS_NAMESPACES.includes(namespace))
    return [
      { Name: 'ClusterName', Value: scope.cluster },
      { Name: 'ServiceName', Value: scope.service },
    ]
  return []
}

/** The queries for one revision: requests and 5xx answers always (ids `requests`, `errors`), then one per check (`c0`, …). */
export function queriesFor(checks: AnalysisCheck[], scope: RevisionScope, period: number): MetricDataQuery[] {
  const elb = elbDimensions(scope)
  const queries: MetricDataQuery[] = [
    metricQuery('requests', ELB, 'RequestCount', 'Sum', elb, period),
    metricQuery('errors', ELB, 'HTTPCode_Target_5XX_Count', 'Sum', elb, period),
  ]
  if (checks.some((c) => c.measure.kind === 'expression'))
    queries.push(metricQuery('latency', ELB, 'TargetResponseTime', 'Average', elb, period, false))
  checks.forEach((check, i) => {
    const id = `c${i}`
    const m = check.measure
    if (m.kind === 'percentile')
      queries.push(metricQuery(id, ELB, 'TargetResponseTime', `p${m.percentile}`, elb, period))
    else if (m.kind === 'healthy-hosts') queries.push(metricQuery(id, ELB, 'HealthyHostCount', 'Minimum', elb, period))
    else if (m.kind === 'metric')
      queries.push(
        metricQuery(id, m.namespace, m.metric, m.stat, dimensionsFor(m.namespace, m.dimensions, scope), period),
      )
    else if (m.kind === 'expression') queries.push({ Id: id, Expression: m.expression, ReturnData: true })
  })
  return queries
}

/** Whether a statistic adds up over periods (a count), or is a level (an average, a percentile, a minimum). */
const addsUp = (check: AnalysisCheck | undefined): boolean =>
  check?.measure.kind === 'metric' && ['Sum', 'SampleCount'].includes(check.measure.stat)

/**
 * One value from a query's datapoints: counts add up; a level that CloudWatch split over several periods counts by its
 * worst datapoint for the limit (the highest for `<`), so a split window never makes a release look better.
 */
export function combine(values: number[], sum: boolean, comparison: Comparison = '<'): number | undefined {
  if (!values.length) return undefined
  if (sum) return values.reduce((a, b) => a + b, 0)
  return comparison.startsWith('<') ? Math.max(...values) : Math.min(...values)
}

/** The figures from GetMetricData's answer. */
export function figuresOf(checks: AnalysisCheck[], results: Map<string, MetricDataResult>): Figures {
  const values = (id: string): number[] => results.get(id)?.Values ?? []
  const requests = combine(values('requests'), true) ?? 0
  const errors = combine(values('errors'), true) ?? 0
  const figures = new Map<string, number | undefined>()
  checks.forEach((check, i) => {
    if (check.measure.kind === '5xx-rate') figures.set(check.name, requests ? (100 * errors) / requests : undefined)
    else figures.set(check.name, combine(values(`c${i}`), addsUp(check), check.comparison))
  })
  return { requests, values: figures }
}

/** Reads one revision's figures over the window: one period of whole minutes covering it. */
export async function readFigures(
  cloudwatch: CloudWatchClient,
  checks: AnalysisCheck[],
  scope: RevisionScope,
  window: Window,
): Promise<Figures> {
  const seconds = Math.max(MINUTE_S, Math.ceil((window.end - window.start) / 1000 / MINUTE_S) * MINUTE_S)
  const results = await getMetricData(cloudwatch, {
    queries: queriesFor(checks, scope, seconds),
    start: new Date(window.start),
    end: new Date(window.start + seconds * 1000),
  })
  return figuresOf(checks, results)
}
