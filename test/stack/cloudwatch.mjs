// CloudWatch GetMetricData for the load balancer's metrics (namespace AWS/ApplicationELB, recorded by metrics.mjs
// from the listeners' real traffic), over the AWS JSON 1.0 protocol the SDK v3 client speaks (X-Amz-Target
// GraniteServiceVersion20100801.GetMetricData, query-compatible errors). Other namespaces and operations go to moto.
//
// As the API reference says: StartTime inclusive and rounded down to the minute (to the period below 60 s),
// EndTime exclusive, periods of 1, 5, 10, 20, 30 s or a multiple of 60 (ALB metrics have 60-second resolution, so
// a shorter period holds each minute's figure at the minute), only periods with data, ScanBy (default
// TimestampDescending), MaxDatapoints (default 100,800) with NextToken, ReturnData, metric math on the results.
import { createHash } from 'node:crypto'
import { AwsError } from './protocol.mjs'
import { ALB_METRICS, NAMESPACE, statistic } from './metrics.mjs'
import { evaluateExpression, ExpressionError } from './metric-math.mjs'

export const TARGET_PREFIX = 'GraniteServiceVersion20100801'
const MAX_QUERIES = 500
const DEFAULT_MAX_DATAPOINTS = 100_800
const SHORT_PERIODS = [1, 5, 10, 20, 30]
const ID = /^[a-z][a-zA-Z0-9_]*$/

/** The query-compatible error codes of CloudWatch and their shapes (the SDK finds the class by the code). */
const SHAPES = {
  InvalidParameterValue: 'InvalidParameterValueException',
  MissingParameter: 'MissingRequiredParameterException',
  InvalidParameterCombination: 'InvalidParameterCombinationException',
  InvalidNextToken: 'InvalidNextToken',
  ValidationError: 'ValidationException',
}

const refuse = (code, message) => new AwsError(code, message)
const invalid = (message) => refuse('ValidationError', message)

/**
 * The CloudWatch service of the scenario server: GetMetricData for AWS/ApplicationELB, from `recorder`.
 * @param {{ recorder: () => import('./metrics.mjs').MetricsRecorder }} options
 * @returns {import('./protocol.mjs').AwsService}
 */
export function cloudwatchService({ recorder }) {
  return {
    targetPrefix: TARGET_PREFIX,
    contentType: 'application/x-amz-json-1.0',
    queryErrors: { namespace: 'com.amazonaws.cloudwatch', shapes: SHAPES },
    claims: (operation, input) => operation === 'GetMetricData' && namesLoadBalancerMetrics(input),
    operations: { GetMetricData: (input) => getMetricData(recorder(), input) },
  }
}

/** Whether a GetMetricData request reads the load balancer's metrics (else moto answers it). */
function namesLoadBalancerMetrics(input) {
  const queries = Array.isArray(input?.MetricDataQueries) ? input.MetricDataQueries : []
  return queries.some((q) => q?.MetricStat?.Metric?.Namespace === NAMESPACE)
}

/**
 * @param {import('./metrics.mjs').MetricsRecorder} recorder
 * @param {any} input
 */
export function getMetricData(recorder, input) {
  const { MetricDataQueries: queries, StartTime, EndTime, ScanBy, MaxDatapoints, NextToken } = input ?? {}
  for (const [name, value] of Object.entries({ MetricDataQueries: queries, StartTime, EndTime }))
    if (value === undefined || value === null) throw refuse('MissingParameter', `The parameter ${name} is required.`)
  if (!Array.isArray(queries) || !queries.length)
    throw invalid('The parameter MetricDataQueries must contain at least one MetricDataQuery.')
  if (queries.length > MAX_QUERIES)
    throw invalid(`The collection MetricDataQueries must not have a size greater than ${MAX_QUERIES}.`)
  const [startMs, endMs] = [timestamp(StartTime, 'StartTime'), timestamp(EndTime, 'EndTime')]
  if (startMs === endMs) throw invalid('The parameter StartTime must not equal parameter EndTime.')
  if (startMs > endMs) throw invalid('The parameter StartTime must be less than the parameter EndTime.')
  if (ScanBy !== undefined && !['TimestampDescending', 'TimestampAscending'].includes(ScanBy))
    throw invalid(
      `1 validation error detected: Value '${ScanBy}' at 'scanBy' failed to satisfy constraint: Member must satisfy enum value set: [TimestampDescending, TimestampAscending]`,
    )
  const maxDatapoints = MaxDatapoints ?? DEFAULT_MAX_DATAPOINTS
  if (!Number.isInteger(maxDatapoints) || maxDatapoints < 1)
    throw invalid(`The value ${MaxDatapoints} for parameter MaxDatapoints must be a positive integer.`)
  checkQueries(queries)

  const period = (q) => q.MetricStat?.Period ?? q.Period
  const smallest = Math.min(...queries.map(period).filter((p) => p !== undefined), 60)
  const align = smallest < 60 ? smallest * 1000 : 60_000
  const start = Math.floor(startMs / align) * align

  /** @type {Map<string, Map<number, number>>} */
  const metricSeries = new Map()
  for (const q of queries.filter((x) => x.MetricStat))
    metricSeries.set(q.Id, readSeries(recorder, q.MetricStat, start, endMs))
  const results = queries
    .filter((q) => q.ReturnData !== false)
    .map((q) => {
      const series = q.MetricStat
        ? /** @type {Map<number, number>} */ (metricSeries.get(q.Id))
        : expressionSeries(q, queries, metricSeries, start, endMs)
      const points = [...series].sort(([a], [b]) => (ScanBy === 'TimestampAscending' ? a - b : b - a))
      return { Id: q.Id, Label: q.Label ?? (q.MetricStat ? q.MetricStat.Metric.MetricName : q.Id), points }
    })
  return page(results, { ...input, NextToken: undefined }, NextToken, maxDatapoints)
}

function timestamp(value, name) {
  const ms = typeof value === 'number' ? value * 1000 : Date.parse(String(value))
  if (!Number.isFinite(ms)) throw invalid(`The parameter ${name} must be a timestamp.`)
  return ms
}

/** Refuses malformed queries with CloudWatch's errors (the member numbers count from 1, as the query API names them). */
function checkQueries(queries) {
  const ids = new Set()
  queries.forEach((q, i) => {
    const at = `MetricDataQueries.member.${i + 1}`
    if (typeof q?.Id !== 'string') throw refuse('MissingParameter', `The parameter ${at}.Id is required.`)
    if (!ID.test(q.Id))
      throw invalid(
        `The value ${q.Id} for parameter ${at}.Id is not valid: it must start with a lowercase letter and contain only letters, numbers and underscores.`,
      )
    if (ids.has(q.Id)) throw invalid(`The value ${q.Id} for parameter ${at}.Id is not unique.`)
    ids.add(q.Id)
    if (Boolean(q.MetricStat) === Boolean(q.Expression))
      throw refuse(
        'InvalidParameterCombination',
        `Exactly one of the parameters ${at}.MetricStat and ${at}.Expression must be set.`,
      )
    const p = q.MetricStat ? q.MetricStat.Period : q.Period
    if (q.MetricStat || p !== undefined) checkPeriod(p, q.MetricStat ? `${at}.MetricStat.Period` : `${at}.Period`)
    if (!q.MetricStat) return
    const { Metric, Stat } = q.MetricStat
    if (!Metric?.MetricName || !Metric?.Namespace)
      throw refuse('MissingParameter', `The parameters ${at}.MetricStat.Metric.Namespace and MetricName are required.`)
    if (typeof Stat !== 'string') throw refuse('MissingParameter', `The parameter ${at}.MetricStat.Stat is required.`)
    if (statistic(Stat, [1]) === undefined)
      throw invalid(`The value ${Stat} for parameter ${at}.MetricStat.Stat is not a valid statistic.`)
  })
}

function checkPeriod(period, at) {
  if (period === undefined || period === null) throw refuse('MissingParameter', `The parameter ${at} is required.`)
  if (!Number.isInteger(period) || period < 1)
    throw invalid(`The value ${period} for parameter ${at} is not valid: it must be a positive integer.`)
  if (!SHORT_PERIODS.includes(period) && period % 60 !== 0)
    throw invalid(
      `The value ${period} for parameter ${at} is not a valid period: use 1, 5, 10, 20, 30 or a multiple of 60 seconds.`,
    )
}

/** The statistic of a recorded metric per period that has data (timestamp: the period's start, ms). */
function readSeries(recorder, { Metric, Period, Stat, Unit }, start, endMs) {
  /** @type {Map<number, number>} */
  const series = new Map()
  const known = Metric.Namespace === NAMESPACE && ALB_METRICS[Metric.MetricName]
  if (!known || (Unit !== undefined && Unit !== known.unit)) return series
  const periodMs = Period * 1000
  /** @type {Map<number, number[]>} */
  const buckets = new Map()
  for (const [minute, samples] of recorder.minutes(Metric.MetricName, Metric.Dimensions ?? [], start, endMs)) {
    const bucket = start + Math.floor((minute - start) / periodMs) * periodMs
    buckets.set(bucket, [...(buckets.get(bucket) ?? []), ...samples])
  }
  for (const [bucket, samples] of buckets) {
    const value = statistic(Stat, samples)
    if (value !== undefined) series.set(bucket, value)
  }
  return series
}

function expressionSeries(query, queries, metricSeries, start, endMs) {
  const period = (query.Period ?? 60) * 1000
  const periods = []
  for (let t = start; t < endMs; t += period) periods.push(t)
  try {
    return evaluateExpression(query.Id, queries, metricSeries, periods)
  } catch (error) {
    if (error instanceof ExpressionError) throw invalid(`Error in expression ${query.Id}: ${error.message}`)
    throw error
  }
}

/**
 * One page of the results: at most `max` data points, in query order, each result PartialData while points of it
 * are left for a later page (NextToken, bound to this request).
 */
function page(results, request, token, max) {
  const fingerprint = createHash('sha1').update(JSON.stringify(request)).digest('base64url').slice(0, 12)
  let offset = 0
  if (token !== undefined) {
    const [at, print] = Buffer.from(String(token), 'base64url').toString().split(':')
    offset = Number(at)
    if (print !== fingerprint || !Number.isInteger(offset) || offset < 0)
      throw refuse('InvalidNextToken', 'The next token specified is invalid.')
  }
  let skipped = 0
  let given = 0
  let more = false
  const MetricDataResults = results.map(({ Id, Label, points }) => {
    const from = Math.min(points.length, Math.max(0, offset - skipped))
    const upTo = Math.min(points.length, from + Math.max(0, max - given))
    skipped += points.length
    given += upTo - from
    const left = upTo < points.length
    more ||= left
    const mine = points.slice(from, upTo)
    return {
      Id,
      Label,
      Timestamps: mine.map(([t]) => new Date(t)),
      Values: mine.map(([, v]) => v),
      StatusCode: left ? 'PartialData' : 'Complete',
      Messages: [],
    }
  })
  return {
    MetricDataResults,
    ...(more && { NextToken: Buffer.from(`${offset + given}:${fingerprint}`).toString('base64url') }),
    Messages: [],
  }
}
