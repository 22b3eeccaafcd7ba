// The drift table, in the job summary and the pull request's comment: every value is outside text, neutralised.
import type { GitContext } from '../common/git-context.js'
import type { Drift } from '../deploy/drift.js'
import { summaryText } from './text.js'

/** `| path | live | repository |`, one row per difference. */
export function driftTable(drift: Drift[]): string {
  const cell = (text: string): string => summaryText(text)
  return [
    '| path | live | repository |',
    '| --- | --- | --- |',
    ...drift.map((d) => `| ${cell(d.path)} | ${cell(d.live)} | ${cell(d.repo)} |`),
  ].join('\n')
}

/** A service's drift as a pull request comment: the table, or that there is none, for the commit checked. */
export function driftComment(
  report: { service: string; reason: string; drift?: Drift[] },
  git: Pick<GitContext, 'serverUrl' | 'repository' | 'sha'>,
  runUrl?: string,
): string {
  const commit = `[\`${git.sha.slice(0, 7)}\`](${git.serverUrl}/${git.repository}/commit/${git.sha})`
  const drift = report.drift ?? []
  return [
    `### ${drift.length ? '⚠️ Drift on' : '✅ No drift on'} ${summaryText(report.service)}`,
    '',
    summaryText(report.reason),
    '',
    ...(drift.length ? [driftTable(drift), ''] : []),
    `Checked at ${commit}${runUrl ? ` ([logs](${runUrl}))` : ''}.`,
  ].join('\n')
}
