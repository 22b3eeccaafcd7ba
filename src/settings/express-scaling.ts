// An Express service's scaling target (ExpressGatewayScalingTarget): the task count ECS scales it between, and the metric
// and value it tracks. Set from the config file's `service-settings` (express-scaling-*), checked as written and again
// with the service's live target beside it, and sent in UpdateExpressGatewayService only when it changes something.
import type { ExpressGatewayScalingTarget, ExpressGatewayServiceScalingMetric } from '@aws-sdk/client-ecs'

/** The metrics ECS scales an Express service by (the API's ExpressGatewayServiceScalingMetric; a test compares). */
export const SCALING_METRICS = [
  'AVERAGE_CPU',
  'AVERAGE_MEMORY',
  'REQUEST_COUNT_PER_TARGET',
] as const satisfies readonly ExpressGatewayServiceScalingMetric[]

/** The metrics whose target value is a percentage of the tasks' CPU or memory. */
const PERCENT_METRICS: readonly string[] = ['AVERAGE_CPU', 'AVERAGE_MEMORY']

/** Each member's config key under `service-settings`, in the order they are shown. */
export const SCALING_KEYS = {
  minTaskCount: 'express-scaling-min-tasks',
  maxTaskCount: 'express-scaling-max-tasks',
  autoScalingMetric: 'express-scaling-metric',
  autoScalingTargetValue: 'express-scaling-target',
} as const satisfies Record<keyof ExpressGatewayScalingTarget, string>

/**
 * The bounds of the whole numbers. The API types them Integer and documents no range: tasks are bounded by ECS's
 * quota of 5,000 tasks per service, the target by its metric (a percentage, or requests per task).
 */
export const SCALING_RANGES = {
  minTaskCount: { min: 1, max: 5000 },
  maxTaskCount: { min: 1, max: 5000 },
  autoScalingTargetValue: { min: 1, max: 2147483647 },
} as const

/** ECS's values for what an Express service's target leaves out (the API reference: CPU at 60 %). */
const DEFAULTS = { autoScalingMetric: 'AVERAGE_CPU', autoScalingTargetValue: 60 } as const

/** What is wrong with a scaling target (as written, or as the service would have it), by config key; empty: nothing. */
export function scalingProblems(target: ExpressGatewayScalingTarget): { key: string; message: string }[] {
  const problems: { key: string; message: string }[] = []
  const { minTaskCount: min, maxTaskCount: max, autoScalingMetric: metric, autoScalingTargetValue: value } = target
  if (min !== undefined && max !== undefined && min > max)
    problems.push({
      key: SCALING_KEYS.minTaskCount,
      message: `${min} is above ${SCALING_KEYS.maxTaskCount} (${max}); the minimum task count must not exceed the maximum`,
    })
  if (value !== undefined && value > 100 && PERCENT_METRICS.includes(metric ?? DEFAULTS.autoScalingMetric))
    problems.push({
      key: SCALING_KEYS.autoScalingTargetValue,
      message: `${value} is not a percentage; with metric ${metric ?? `${DEFAULTS.autoScalingMetric} (the default)`} the target is a share of the tasks' ${metric === 'AVERAGE_MEMORY' ? 'memory' : 'CPU'} from 1 to 100`,
    })
  return problems
}

/**
 * The whole target to send when `wanted` changes a member of the `live` one; undefined when it changes nothing. Sent
 * whole (the live members with the wanted ones over them), so what the service ends with does not depend on how ECS
 * merges a partial target, which it does not document.
 */
export function scalingUpdate(
  live: ExpressGatewayScalingTarget | undefined,
  wanted: ExpressGatewayScalingTarget | undefined,
): ExpressGatewayScalingTarget | undefined {
  if (!wanted) return undefined
  const members = Object.keys(SCALING_KEYS) as (keyof ExpressGatewayScalingTarget)[]
  const current = withDefaults(live)
  if (members.every((m) => wanted[m] === undefined || wanted[m] === current[m])) return undefined
  return { ...live, ...wanted }
}

/** A target in words, for the plan, the diff and the log: `2–4 tasks, AVERAGE_CPU at 60`. */
export function scalingText(target: ExpressGatewayScalingTarget | undefined): string {
  const { minTaskCount: min, maxTaskCount: max, autoScalingMetric, autoScalingTargetValue } = withDefaults(target)
  const fewest = min ?? 1
  const tasks = max === undefined ? `at least ${fewest} task${fewest === 1 ? '' : 's'}` : `${fewest}–${max} tasks`
  const unit = PERCENT_METRICS.includes(autoScalingMetric ?? '') ? ' %' : ''
  return `${tasks}, ${autoScalingMetric} at ${autoScalingTargetValue}${unit}`
}

const withDefaults = (target: ExpressGatewayScalingTarget | undefined): ExpressGatewayScalingTarget => ({
  ...DEFAULTS,
  ...Object.fromEntries(Object.entries(target ?? {}).filter(([, v]) => v !== undefined)),
})
