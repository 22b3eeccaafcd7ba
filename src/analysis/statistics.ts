// One check judged on the figures of the new and the old revision: pass, fail, or inconclusive — never a pass for want
// of data: too few requests, no datapoint, or no old value to be relative to.
import type { Figures } from './metrics.js'
import type { AnalysisCheck, Comparison } from './spec.js'

export type CheckOutcome = 'pass' | 'fail' | 'inconclusive'

export interface Judgement {
  check: string
  outcome: CheckOutcome
  /** The new revision's value, the old one's, and the limit they were held to (in the check's own unit). */
  fresh?: number | undefined
  old?: number | undefined
  limit?: number | undefined
  /** Requests the new revision served in the window. */
  requests: number
  /** In words, with the figures: `5xx-rate 9.8 % on the new revision (limit < 1 %) over 412 requests`. */
  why: string
}

const holds = (value: number, comparison: Comparison, limit: number): boolean =>
  comparison === '<'
    ? value < limit
    : comparison === '<='
      ? value <= limit
      : comparison === '>'
        ? value > limit
        : value >= limit

/** A value in the check's unit: response times in ms, rates with %. */
export function shown(check: AnalysisCheck, value: number | undefined): string {
  if (value === undefined) return '—'
  if (check.unit === 'ms') return `${round(value * 1000)} ms`
  if (check.unit === '%') return `${round(value)} %`
  return `${round(value)}`
}

const round = (n: number): string => String(Math.round(n * 100) / 100)

/** Whether the check depends on the requests served (a health count does not). */
const needsRequests = (check: AnalysisCheck): boolean => check.measure.kind !== 'healthy-hosts'

/** The limit a value is held to: the absolute one, or the old revision's value changed by the relative limit. */
export function limitOf(check: AnalysisCheck, old: number | undefined): number | undefined {
  if (!check.limit.relative) return check.limit.value
  return old === undefined ? undefined : old * (1 + check.limit.change)
}

export function judgeCheck(
  check: AnalysisCheck,
  fresh: Figures,
  old: Figures | undefined,
  minRequests: number,
): Judgement {
  const value = fresh.values.get(check.name)
  const before = old?.values.get(check.name)
  const base = { check: check.name, requests: fresh.requests, fresh: value, old: before }
  const over = `over ${fresh.requests} request${fresh.requests === 1 ? '' : 's'}`
  if (needsRequests(check) && fresh.requests < minRequests)
    return {
      ...base,
      outcome: 'inconclusive',
      why: `${check.name}: inconclusive, the new revision served ${fresh.requests} of the ${minRequests} requests needed`,
    }
  if (value === undefined)
    return { ...base, outcome: 'inconclusive', why: `${check.name}: inconclusive, CloudWatch has no data for it yet` }
  if (check.limit.relative && (before === undefined || (old?.requests ?? 0) < minRequests))
    return {
      ...base,
      outcome: 'inconclusive',
      why: `${check.name}: inconclusive, the old revision served ${old?.requests ?? 0} of the ${minRequests} requests needed to compare with`,
    }
  const limit = limitOf(check, before) as number
  const against = check.limit.relative ? `, old revision ${shown(check, before)}` : ''
  const figures = `${shown(check, value)} on the new revision (limit ${check.comparison} ${shown(check, limit)}${against}) ${over}`
  return holds(value, check.comparison, limit)
    ? { ...base, limit, outcome: 'pass', why: `${check.name}: ${figures}` }
    : { ...base, limit, outcome: 'fail', why: `${check.name}: ${figures}` }
}
