// An environment's `analysis:` block: the checks (the `analysis` input's syntax, one a line or a list), how often
// they are read, the sample they need and what an inconclusive analysis does. Problems are located like every key's.
import { errorMessage } from '../common/errors.js'
import { describedValue } from '../common/problems.js'
import { INCONCLUSIVE_CHOICES, parseChecks, type AnalysisCheck, type AnalysisConfig } from '../analysis/spec.js'
import type { KeyPath, Problems } from './problems.js'

export const ANALYSIS_KEYS = ['checks', 'interval', 'min-requests', 'inconclusive'] as const
/** Seconds between reads: CloudWatch has load balancer figures per minute; the stack's are finer. */
export const INTERVAL_RANGE = { min: 1, max: 3600 }
export const MIN_REQUESTS_RANGE = { min: 1, max: 1_000_000 }

export type { AnalysisConfig }

export function readAnalysis(p: Problems, path: KeyPath, value: unknown): AnalysisConfig | undefined {
  const m = p.mapping(path, value, ANALYSIS_KEYS)
  if (!m) return undefined
  const at = (key: string): KeyPath => [...path, key]
  let checks: AnalysisCheck[] | undefined
  // Without checks here, the `analysis` input must give them (checked when the run is planned).
  if (m.checks !== undefined) {
    const written = p.list(at('checks'), m.checks, (kp, v) => p.text(kp, v))
    try {
      if (written) checks = parseChecks(written.join('\n'))
    } catch (error) {
      p.add(at('checks'), errorMessage(error))
    }
  }
  const number = (key: string, range: { min: number; max: number }): number | undefined => {
    const v = m[key]
    if (v === undefined) return undefined
    if (typeof v === 'number' && v >= range.min && v <= range.max) return v
    return p.add(at(key), `must be a number from ${range.min} to ${range.max}, not ${describedValue(v)}`)
  }
  const intervalSeconds = number('interval', INTERVAL_RANGE)
  const minRequests = number('min-requests', MIN_REQUESTS_RANGE)
  const inconclusive =
    m.inconclusive === undefined ? undefined : p.choice(at('inconclusive'), m.inconclusive, INCONCLUSIVE_CHOICES)
  if (m.checks !== undefined && !checks) return undefined
  return {
    ...(checks && { checks }),
    ...(intervalSeconds !== undefined && { intervalSeconds }),
    ...(minRequests !== undefined && { minRequests: Math.round(minRequests) }),
    ...(inconclusive !== undefined && { inconclusive }),
  }
}
