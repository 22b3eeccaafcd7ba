import { formatElapsed } from '../deploy/clock.js'
import type { StrategyProgress, TrafficPoint } from '../deploy/progress.js'
import { summaryText } from '../report/text.js'

/**
 * `0 % → 10 % (0:42) → 100 % (5:43)`: each step of one kind of traffic, with its time since `start`. The new revision
 * starts without traffic, so `0 %` comes first, untimed: when a poll first saw it is no step (and varies run to run).
 */
function steps(points: TrafficPoint[], kind: 'production' | 'test', start: number): string | undefined {
  const shown = ['0 %']
  let last = 0
  for (const point of points) {
    const weight = point[kind]
    if (weight === undefined || weight === last) continue
    shown.push(`${weight} % (${formatElapsed(point.at - start)})`)
    last = weight
  }
  return shown.length > 1 ? shown.join(' → ') : undefined
}

/**
 * The summary table rows of a blue/green, canary or linear deployment: traffic steps with their times, stages,
 * hooks, alarms, and where it waits. `start` is when the rollout began (the timeline's zero).
 */
export function strategyRows(progress: StrategyProgress | undefined, start: number): [string, string][] {
  if (!progress) return []
  const rows: [string, string][] = []
  const production = steps(progress.traffic, 'production', start)
  if (production) rows.push(['Production traffic', production])
  const test = steps(progress.traffic, 'test', start)
  if (test) rows.push(['Test traffic', test])
  if (progress.stages.length)
    rows.push(['Stages', progress.stages.map((s) => `${s.stage} ${formatElapsed(s.at - start)}`).join(' → ')])
  if (progress.hooks.length)
    rows.push(['Lifecycle hooks', progress.hooks.map((h) => `${summaryText(h.name)} ${h.status}`).join(', ')])
  const alarms = progress.alarms
  if (alarms?.names.length)
    rows.push([
      'Alarms',
      alarms.names.map((n) => (alarms.triggered.includes(n) ? `${summaryText(n)} → ALARM` : summaryText(n))).join(', '),
    ])
  const paused = progress.paused
  if (paused) {
    const expires = paused.expiresAt
      ? `; ${paused.timeoutAction ?? 'ROLLBACK'} at ${new Date(paused.expiresAt).toISOString()} unless continued`
      : paused.timeoutAction
        ? `; ${paused.timeoutAction} unless continued`
        : ''
    rows.push(['Paused at', `${paused.stage}${paused.hookId ? ` (hook ${paused.hookId})` : ''}${expires}`])
  }
  return rows
}
