import type { EnvironmentPlan } from '../config/index.js'
import { summaryText } from '../report/text.js'

/** The plan step's job summary: each environment, whether this ref deploys it (and where), and why. */
export function renderPlanSummary(plan: EnvironmentPlan): string {
  const where = (environment: string): string =>
    plan.matrix.include
      .filter((e) => e.environment === environment)
      .map((e) => e.region ?? 'the job’s region')
      .join(', ')
  // Names and regions are checked by the config's validator; the reason holds the ref, outside text.
  const rows = plan.verdicts.map(
    (v) => `| ${v.environment} | ${v.deploys ? `✅ ${where(v.environment)}` : '⏭️ no'} | ${summaryText(v.reason)} |`,
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
