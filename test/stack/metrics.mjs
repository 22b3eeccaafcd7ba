// The load balancer's CloudWatch metrics, from the requests the listeners really routed (namespace AWS/ApplicationELB,
// 60-second resolution, as ALB publishes them): per load balancer, and per target group and load balancer.
// Each minute of the stack's clock keeps its raw samples, so any statistic or percentile can be computed later.
//
// As ALB documents them: RequestCount counts requests for which a target was chosen (not those the load balancer
// refused first); HTTPCode_Target_nXX_Count the target's answers by class; HTTPCode_ELB_* the load balancer's own
// answers (per load balancer only); TargetResponseTime (seconds) from the request leaving the load balancer to the
// target's answer; HealthyHostCount / UnHealthyHostCount sampled from the tasks registered in each target group.

export const NAMESPACE = 'AWS/ApplicationELB'
const MINUTE_MS = 60_000

/** Each metric this load balancer publishes, with its unit and whether it exists per target group. */
export const ALB_METRICS = {
  RequestCount: { unit: 'Count', perTargetGroup: true },
  HTTPCode_Target_2XX_Count: { unit: 'Count', perTargetGroup: true },
  HTTPCode_Target_3XX_Count: { unit: 'Count', perTargetGroup: true },
  HTTPCode_Target_4XX_Count: { unit: 'Count', perTargetGroup: true },
  HTTPCode_Target_5XX_Count: { unit: 'Count', perTargetGroup: true },
  TargetResponseTime: { unit: 'Seconds', perTargetGroup: true },
  HealthyHostCount: { unit: 'Count', perTargetGroup: true },
  UnHealthyHostCount: { unit: 'Count', perTargetGroup: true },
  HTTPCode_ELB_4XX_Count: { unit: 'Count', perTargetGroup: false },
  HTTPCode_ELB_5XX_Count: { unit: 'Count', perTargetGroup: false },
  HTTPCode_ELB_502_Count: { unit: 'Count', perTargetGroup: false },
  HTTPCode_ELB_503_Count: { unit: 'Count', perTargetGroup: false },
  HTTPCode_ELB_504_Count: { unit: 'Count', perTargetGroup: false },
}

/** The dimension value of a target group ARN (`targetgroup/name/id`) or a load balancer ARN (`app/name/id`). */
export function dimensionOf(arn) {
  const m = /:(?:targetgroup|loadbalancer|listener-rule|listener)\/((?:app\/|net\/)?[^/]+\/[0-9a-f]+)/.exec(arn ?? '')
  if (m) return arn.includes(':targetgroup/') ? `targetgroup/${m[1]}` : m[1]
  return undefined
}

/** The series key of a metric with its dimensions (order-insensitive, as CloudWatch matches them). */
export function seriesKey(metricName, dimensions) {
  const dims = [...dimensions].sort((a, b) => a.Name.localeCompare(b.Name))
  return JSON.stringify([metricName, dims.map((d) => [d.Name, d.Value])])
}

export class MetricsRecorder {
  /** @param {{ nowMs: () => number }} clock the stack's clock (so `advanceSeconds` jumps move the data too) */
  constructor(clock) {
    this.clock = clock
    /** @type {Map<string, Map<number, number[]>>} series key → minute start (ms) → samples */
    this.series = new Map()
    /** The last clock second host counts were sampled at. */
    this.sampledSecond = -1
  }

  /** Adds one sample (a count metric's sample is 1: Sum is the count, as CloudWatch reports it). */
  add(metricName, dimensions, value = 1, atMs = this.clock.nowMs()) {
    const key = seriesKey(metricName, dimensions)
    let minutes = this.series.get(key)
    if (!minutes) this.series.set(key, (minutes = new Map()))
    const minute = Math.floor(atMs / MINUTE_MS) * MINUTE_MS
    let samples = minutes.get(minute)
    if (!samples) minutes.set(minute, (samples = []))
    samples.push(value)
  }

  /**
   * Records one request the listener handled.
   * @param {{ loadBalancer: string, targetGroup?: string, targetStatus?: number, elbStatus?: number,
   *   responseSeconds?: number }} request targetStatus: the target's answer; elbStatus: the load balancer's own
   *   answer (no target chosen: targetGroup undefined, or the target could not be reached)
   */
  recordRequest({ loadBalancer, targetGroup, targetStatus, elbStatus, responseSeconds }) {
    const at = this.clock.nowMs()
    const lb = [{ Name: 'LoadBalancer', Value: loadBalancer }]
    const both = targetGroup ? [...lb, { Name: 'TargetGroup', Value: targetGroup }] : undefined
    const each = (name, value) => {
      this.add(name, lb, value, at)
      if (both) this.add(name, both, value, at)
    }
    if (targetGroup) each('RequestCount')
    if (targetStatus !== undefined) {
      each(`HTTPCode_Target_${Math.floor(targetStatus / 100)}XX_Count`)
      if (responseSeconds !== undefined) each('TargetResponseTime', responseSeconds)
    }
    if (elbStatus !== undefined) {
      this.add(`HTTPCode_ELB_${Math.floor(elbStatus / 100)}XX_Count`, lb, 1, at)
      if ([502, 503, 504].includes(elbStatus)) this.add(`HTTPCode_ELB_${elbStatus}_Count`, lb, 1, at)
    }
  }

  /**
   * Samples the healthy and unhealthy host counts of target groups, at most once per second of the clock.
   * @param {() => { loadBalancer: string, targetGroup: string, healthy: number, unhealthy: number }[]} counts
   */
  sampleHosts(counts) {
    const second = Math.floor(this.clock.nowMs() / 1000)
    if (second === this.sampledSecond) return
    this.sampledSecond = second
    for (const { loadBalancer, targetGroup, healthy, unhealthy } of counts()) {
      const dims = [
        { Name: 'LoadBalancer', Value: loadBalancer },
        { Name: 'TargetGroup', Value: targetGroup },
      ]
      this.add('HealthyHostCount', dims, healthy)
      this.add('UnHealthyHostCount', dims, unhealthy)
    }
  }

  /**
   * The samples of a series per minute between two clock times (start inclusive, end exclusive).
   * @returns {[number, number[]][]} minute start (ms) and its samples, oldest first
   */
  minutes(metricName, dimensions, startMs, endMs) {
    const minutes = this.series.get(seriesKey(metricName, dimensions))
    if (!minutes) return []
    return [...minutes].filter(([minute]) => minute >= startMs && minute < endMs).sort(([a], [b]) => a - b)
  }

  /** What was recorded, for GET /_metrics: each series with its dimensions and totals. */
  snapshot() {
    return [...this.series].map(([key, minutes]) => {
      const [metricName, dims] = JSON.parse(key)
      const samples = [...minutes.values()].flat()
      return {
        namespace: NAMESPACE,
        metricName,
        dimensions: Object.fromEntries(dims),
        minutes: minutes.size,
        sampleCount: samples.length,
        sum: samples.reduce((a, b) => a + b, 0),
      }
    })
  }
}

const STAT =
  /^(SampleCount|Average|Sum|Minimum|Maximum|IQM|(p|tm|wm|tc|ts)(\d{1,2}(\.\d+)?|100)|(TM|WM|TC|TS|PR)\(([^:)]*):([^:)]*)\))$/

/**
 * The statistic `stat` of the samples, or undefined for a name CloudWatch does not know. Percentiles by nearest
 * rank; tmN / wmN / tcN / tsN over the lowest N % of the samples, TM(a%:b%)… between two percentiles, PR(n:m)
 * the % of samples in (n, m], IQM = TM(25%:75%).
 * @param {string} stat
 * @param {number[]} samples at least one
 * @returns {number | undefined}
 */
export function statistic(stat, samples) {
  const m = STAT.exec(stat)
  if (!m) return undefined
  const sorted = [...samples].sort((a, b) => a - b)
  const n = sorted.length
  const sum = (values) => values.reduce((a, b) => a + b, 0)
  switch (m[1]) {
    case 'SampleCount':
      return n
    case 'Sum':
      return sum(sorted)
    case 'Average':
      return sum(sorted) / n
    case 'Minimum':
      return sorted[0]
    case 'Maximum':
      return sorted[n - 1]
    case 'IQM':
      return trimmed('TM', sorted, 25, 75)
  }
  if (m[2]) {
    const p = Number(m[3])
    if (p > 100) return undefined
    return m[2] === 'p' ? percentile(sorted, p) : trimmed(m[2].toUpperCase(), sorted, 0, p)
  }
  const [low, high] = [m[6], m[7]]
  if (m[5] === 'PR') {
    const [a, b] = [low === '' ? -Infinity : Number(low), high === '' ? Infinity : Number(high)]
    if (Number.isNaN(a) || Number.isNaN(b)) return undefined
    return (100 * sorted.filter((v) => v > a && v <= b).length) / n
  }
  const bound = (text, fallback) => {
    if (text === '') return fallback
    const percent = /^(\d{1,2}(\.\d+)?|100)%$/.exec(text)
    return percent ? Number(percent[1]) : undefined
  }
  const [a, b] = [bound(low, 0), bound(high, 100)]
  if (a === undefined || b === undefined || a > b) return undefined
  return trimmed(m[5], sorted, a, b)
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}

/** TM / WM / TC / TS between the a-th and b-th percentile (values outside are dropped, or clamped for WM). */
function trimmed(kind, sorted, a, b) {
  const lo = a <= 0 ? -Infinity : percentile(sorted, a)
  const hi = b >= 100 ? Infinity : percentile(sorted, b)
  const inside = sorted.filter((v) => (a <= 0 ? v >= lo : v > lo) && v <= hi)
  if (kind === 'TC') return inside.length
  if (kind === 'TS') return inside.reduce((x, y) => x + y, 0)
  if (kind === 'WM') {
    const clamped = sorted.map((v) => Math.min(Math.max(v, lo === -Infinity ? v : lo), hi))
    return clamped.reduce((x, y) => x + y, 0) / clamped.length
  }
  return inside.length ? inside.reduce((x, y) => x + y, 0) / inside.length : undefined
}
