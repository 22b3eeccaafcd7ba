// The canary analysis in the job summary: one Mermaid xychart per check (the new revision, the old one and the limit
// over the bake) and a table of the decisions with their figures. Every word in it goes through summaryText.
import { escapeCell } from '../report/markdown.js'
import { summaryText } from '../report/text.js'
import { formatElapsed } from '../deploy/clock.js'
import type { AnalysisReport } from './canary.js'
import type { Judgement } from './statistics.js'

/** A chart's title: the check as written, with nothing that could end the quoted string or the code block. */
const title = (text: string): string => text.replace(/["`\\\r\n]/g, "'").slice(0, 80)

/** In the unit the limit was written in: response times in ms. */
function scaled(value: number | undefined, ms: boolean): string {
  if (value === undefined || !Number.isFinite(value)) return '0'
  return String(Math.round((ms ? value * 1000 : value) * 100) / 100)
}

const LINES: { name: string; pick: (j: Judgement) => number | undefined }[] = [
  { name: 'new revision', pick: (j) => j.fresh },
  { name: 'old revision', pick: (j) => j.old },
  { name: 'limit', pick: (j) => j.limit },
]

function chart(report: AnalysisReport, check: string): string[] {
  const rows = report.decisions.flatMap((d) => d.judgements.filter((j) => j.check === check).map((j) => ({ d, j })))
  const points = rows.filter(({ j }) => j.fresh !== undefined)
  if (!points.length) return []
  const start = report.decisions[0]?.at ?? 0
  const ms = /\b[pP]\d/.test(check) && !/^[A-Za-z]+\(/.test(check)
  const series = (pick: (j: Judgement) => number | undefined): string =>
    `[${points.map(({ j }) => scaled(pick(j), ms)).join(', ')}]`
  // A Mermaid line cannot have gaps: the old revision and the limit are drawn only where every read has them.
  const lines = LINES.filter(({ pick }) => points.every(({ j }) => pick(j) !== undefined))
  const missing = LINES.filter((line) => !lines.includes(line)).map(({ name }) => name)
  return [
    '```mermaid',
    'xychart-beta',
    `  title "${title(check)}"`,
    `  x-axis "time into the bake" [${points.map(({ d }) => `"${formatElapsed(d.at - start)}"`).join(', ')}]`,
    `  y-axis "${ms ? 'ms' : check.startsWith('5xx') ? '%' : 'value'}"`,
    ...lines.map(({ pick }) => `  line ${series(pick)}`),
    '```',
    '',
    `Lines, in order: ${lines.map(({ name }) => name).join(', ')}.` +
      (missing.length ? ` Not drawn (no figure at every read): ${missing.join(', ')}.` : ''),
    '',
  ]
}

/** The analysis's part of a service's summary. */
export function analysisSection(report: AnalysisReport): string[] {
  const last = report.decisions.at(-1)
  const lines = ['#### Canary analysis', '', summaryText(`Compared: ${report.compared}.`), '']
  if (!last) return [...lines, 'No read was made: the rollout ended before both revisions took traffic.', '']
  lines.push('Each chart: the figures at each read, over the rollout so far.', '')
  for (const check of report.checks) lines.push(...chart(report, check))
  const start = report.decisions[0]?.at ?? 0
  lines.push(
    '| at | decision | requests (new) | figures |',
    '| --- | --- | --- | --- |',
    ...report.decisions.map(
      (d) =>
        `| ${formatElapsed(d.at - start)} | ${d.action === 'rollback' ? 'roll back' : d.action === 'hold' ? 'wait' : 'go on'} (${d.verdict}) | ${d.judgements[0]?.requests ?? 0} | ${escapeCell(d.judgements.map((j) => summaryText(j.why)).join('<br>'))} |`,
    ),
    '',
  )
  return lines
}
