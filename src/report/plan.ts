import type { EnvironmentPlan } from '../config/index.js'
import { escapeCell } from './markdown.js'
import { summaryText } from './text.js'

/** The plan step's job summary: each environment, whether this ref deploys it (and where), and why. */
export function renderPlanSummary(plan: EnvironmentPlan): string {
  const where = (environment: string): string =>
    plan.matrix.include
      .filter((e) => e.environment === environment)
      .map((e) => e.region ?? 'the job’s region')
      .join(', ')
  const rows = plan.verdicts.map(
    (v) =>
      `| ${escapeCell(v.environment)} | ${v.deploys ? `✅ ${escapeCell(where(v.environment))}` : '⏭️ no'} | ${escapeCell(summaryText(v.reason))} |`,
  )
  return [
    '### Deploy plan',
    '',
    plan.environments.length
      ? `This run deploys ${plan.environments.map(summaryText).join(', ')}.`
      : 'This run deploys nothing: no environment takes this ref.',
    '',
    '| Environment | Deploys | Why |',
    '| --- | --- | --- |',
    ...rows,
    '',
  ].join('\n')
}
