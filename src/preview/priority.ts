import type { Rule } from '@aws-sdk/client-elastic-load-balancing-v2'

export const PRIORITY_MAX = 50_000

/** The lowest rule priority (1 to 50000) no rule of the listener uses; undefined when all are taken. */
export function freePriority(rules: readonly Pick<Rule, 'Priority'>[]): number | undefined {
  const used = new Set(rules.flatMap((r) => (r.Priority && /^\d+$/.test(r.Priority) ? [Number(r.Priority)] : [])))
  for (let priority = 1; priority <= PRIORITY_MAX; priority++) if (!used.has(priority)) return priority
  return undefined
}
