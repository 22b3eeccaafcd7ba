// What the canary analysis checks, as the user writes it: `5xx-rate < 1%, p99 < +20%, Sum(MyApp/Errors) < 5`. A leaf
// (imports nothing of src/ but the error class), so the settings and the config validator read it alike.
import { UserError } from '../common/errors.js'

/** What a check measures: a load balancer figure of the target groups, a CloudWatch metric, or metric math. */
export type Measure =
  | { kind: '5xx-rate' }
  | { kind: 'percentile'; percentile: number }
  | { kind: 'healthy-hosts' }
  | { kind: 'metric'; namespace: string; metric: string; stat: string; dimensions: Record<string, string> }
  | { kind: 'expression'; expression: string }

export type Comparison = '<' | '<=' | '>' | '>='

/** A limit: the value itself, or (relative) how far the new revision may be from the old one, as a fraction (+0.2). */
export type Limit = { relative: false; value: number } | { relative: true; change: number }

export interface AnalysisCheck {
  /** As written, for messages, the summary and the charts. */
  name: string
  measure: Measure
  comparison: Comparison
  limit: Limit
  /** How values are shown: `%` (5xx rate), `ms` (response times), or none. */
  unit: '' | '%' | 'ms'
}

export type Inconclusive = 'wait' | 'continue' | 'rollback'
export const INCONCLUSIVE_CHOICES: readonly Inconclusive[] = ['wait', 'continue', 'rollback']

/** The analysis of one environment's releases. */
export interface AnalysisSettings {
  checks: AnalysisCheck[]
  /** Seconds between two reads of the metrics. */
  intervalSeconds: number
  /** Requests the new revision must have served in the window before a request-based check is judged. */
  minRequests: number
  inconclusive: Inconclusive
}

/** The analysis as given (the input's checks, the config file's block): what is unset takes the defaults. */
export type AnalysisConfig = Partial<AnalysisSettings>

export const ANALYSIS_DEFAULTS = { intervalSeconds: 60, minRequests: 100, inconclusive: 'wait' } as const

/** The analysis as configured, its defaults filled in. */
export function analysisSettings(given: AnalysisConfig & { checks: AnalysisCheck[] }): AnalysisSettings {
  return { ...ANALYSIS_DEFAULTS, ...given }
}

/** The ids metric math may use: the target group's figures, read for the same revision. */
export const EXPRESSION_IDS = ['requests', 'errors', 'latency'] as const

const SYNTAX =
  'write a check as METRIC OP LIMIT: `5xx-rate < 1%`, `p99 < 300ms`, `p99 < +20%` (relative to the old revision), `healthy-hosts >= 2`, `Sum(MyApp/Errors) < 5`, `expr(100 * errors / requests) < 2`'

/** The checks of a list written compactly: separated by commas or new lines (not inside parentheses). */
export function parseChecks(text: string): AnalysisCheck[] {
  const checks = splitChecks(text).map(parseCheck)
  if (!checks.length) throw new UserError(`names no check; ${SYNTAX}`)
  const names = new Set<string>()
  for (const { name } of checks) {
    if (names.has(name)) throw new UserError(`\`${name}\` is given twice`)
    names.add(name)
  }
  return checks
}

function splitChecks(text: string): string[] {
  const parts: string[] = []
  let depth = 0
  let current = ''
  for (const char of text) {
    if (char === '(') depth++
    if (char === ')') depth = Math.max(0, depth - 1)
    if (depth === 0 && (char === ',' || char === '\n')) {
      parts.push(current)
      current = ''
    } else current += char
  }
  parts.push(current)
  return parts.map((p) => p.trim()).filter(Boolean)
}

const CHECK = /^(.+?)\s*(<=|>=|<|>)\s*([+-]?\d+(?:\.\d+)?)\s*(%|ms|s)?$/
const PERCENTILE = /^p(\d{1,2}(?:\.\d+)?)$/i
/** `Stat(Namespace/MetricName)` or `Stat(Namespace/MetricName{Name=value, …})`: the last `/` ends the namespace. */
const METRIC = /^([A-Za-z][A-Za-z0-9]*|p\d{1,2}(?:\.\d+)?)\(([^(){}]+?\/[^/(){}]+?)(\{.*\})?\)$/
const EXPRESSION = /^expr\((.+)\)$/
const STATISTICS = ['Sum', 'Average', 'Minimum', 'Maximum', 'SampleCount']

/** One check; a UserError naming it when it cannot be read. */
export function parseCheck(written: string): AnalysisCheck {
  const match = CHECK.exec(written.trim())
  if (!match) throw new UserError(`\`${written}\` is not a check; ${SYNTAX}`)
  const [, what = '', comparison = '<', number = '', suffix = ''] = match
  const measure = measureOf(what.trim(), written)
  const relative = /^[+-]/.test(number)
  if (relative && suffix !== '%')
    throw new UserError(`\`${written}\`: a relative limit is a percentage of the old revision's value, like +20%`)
  const unit = measure.kind === '5xx-rate' ? '%' : measure.kind === 'percentile' ? 'ms' : ''
  if (!relative && suffix === '%' && measure.kind !== '5xx-rate')
    throw new UserError(
      `\`${written}\`: only 5xx-rate is a percentage; write +N% for a limit relative to the old revision`,
    )
  if ((suffix === 'ms' || suffix === 's') && measure.kind !== 'percentile')
    throw new UserError(`\`${written}\`: ms and s are for response times (p95, p99)`)
  const value = Number(number)
  const limit: Limit = relative
    ? { relative: true, change: value / 100 }
    : // Response times are kept in seconds, as CloudWatch gives TargetResponseTime; a bare number is seconds too.
      { relative: false, value: suffix === 'ms' ? value / 1000 : value }
  return { name: written.trim().replace(/\s+/g, ' '), measure, comparison: comparison as Comparison, limit, unit }
}

function measureOf(what: string, written: string): Measure {
  if (/^5xx-rate$/i.test(what)) return { kind: '5xx-rate' }
  if (/^healthy-hosts$/i.test(what)) return { kind: 'healthy-hosts' }
  const percentile = PERCENTILE.exec(what)
  if (percentile) return { kind: 'percentile', percentile: Number(percentile[1]) }
  const expression = EXPRESSION.exec(what)
  if (expression) {
    const body = (expression[1] ?? '').trim()
    const ids = [...body.matchAll(/\b[a-z][A-Za-z0-9_]*\b/g)].map((m) => m[0])
    const known = (id: string): boolean => (EXPRESSION_IDS as readonly string[]).includes(id)
    if (!ids.length || !ids.every(known))
      throw new UserError(
        `\`${written}\`: an expression uses the target group's ${EXPRESSION_IDS.join(', ')} (e.g. \`expr(100 * errors / requests)\`)`,
      )
    return { kind: 'expression', expression: body }
  }
  const metric = METRIC.exec(what)
  if (metric) {
    const [, stat = '', path = '', dims] = metric
    const slash = path.lastIndexOf('/')
    const [namespace, name] = [path.slice(0, slash), path.slice(slash + 1)]
    const known = STATISTICS.find((s) => s.toLowerCase() === stat.toLowerCase())
    if (!known && !PERCENTILE.test(stat))
      throw new UserError(`\`${written}\`: ${stat} is not a statistic; use ${STATISTICS.join(', ')} or pNN`)
    return {
      kind: 'metric',
      namespace: namespace.trim(),
      metric: name.trim(),
      stat: known ?? stat.toLowerCase(),
      dimensions: dimensionsOf(dims?.slice(1, -1), written),
    }
  }
  throw new UserError(`\`${written}\`: ${JSON.stringify(what)} is not a metric; ${SYNTAX}`)
}

/** `{Name=value, …}`: a metric's own dimensions; ${CLUSTER}, ${SERVICE}, ${TARGET_GROUP}, ${LOAD_BALANCER} are filled in. */
function dimensionsOf(text: string | undefined, written: string): Record<string, string> {
  const dimensions: Record<string, string> = {}
  for (const pair of (text ?? '')
    .split(/[,;]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const equals = pair.indexOf('=')
    if (equals < 1) throw new UserError(`\`${written}\`: write a dimension as Name=value`)
    dimensions[pair.slice(0, equals).trim()] = pair.slice(equals + 1).trim()
  }
  return dimensions
}
