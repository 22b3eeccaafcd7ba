import type { Cause, Failure } from '../deploy/diagnose.js'
import { imageSummarySection, type BuiltImage } from '../image/index.js'
import { escapeCell, keyValueTable } from './markdown.js'
import { describeStoppedTask } from '../deploy/tasks.js'
import { formatElapsed, type TimelineEntry } from '../deploy/watch.js'

export type Status = 'succeeded' | 'failed' | 'rolled-back' | 'timed-out' | 'skipped'

/** Everything the job summary and the outputs say about one run. */
export interface DeploymentReport {
  cluster: string
  service: string
  region: string
  status: Status
  reason: string
  strategy: string
  durationSeconds: number
  previousTaskDefinition?: string
  taskDefinitionArn?: string
  registered?: boolean
  image?: string
  containers?: string[]
  deploymentId?: string
  notes: string[]
  changes?: string[]
  timeline?: TimelineEntry[]
  startedAt?: number
  /** Distinct causes of the stopped tasks, with evidence and log lines. */
  failures?: Failure[]
  /** A cause read from service events when no task stopped (placement, health checks). */
  eventCause?: Cause
  recentEvents?: string[]
  rollback?: string
  /** The image this run built and pushed. */
  builtImage?: BuiltImage
  runUrl?: string
}

const ICON: Record<Status, string> = {
  succeeded: '✅',
  failed: '❌',
  'rolled-back': '↩️',
  'timed-out': '⏱️',
  skipped: '⏭️',
}

export function revisionName(taskDefinitionArn: string | undefined): string {
  return taskDefinitionArn?.split('/').pop() ?? '—'
}

export function consoleServiceUrl(region: string, cluster: string, service: string): string {
  const c = encodeURIComponent(cluster.split('/').pop() ?? cluster)
  const s = encodeURIComponent(service.split('/').pop() ?? service)
  return `https://${region}.console.aws.amazon.com/ecs/v2/clusters/${c}/services/${s}/deployments?region=${region}`
}

function failureLines(failure: Failure): string[] {
  const lines = [
    `**${failure.cause.summary}**${failure.tasks > 1 ? ` (${failure.tasks} tasks)` : ''}`,
    '',
    `Fix: ${failure.cause.fix}`,
    '',
    `Evidence: ${describeStoppedTask(failure.example)}`,
    '',
  ]
  if (failure.logLines?.length) {
    lines.push(`Last ${failure.logLines.length} log lines of ${failure.container} (${failure.logSource}):`, '', '```', ...failure.logLines, '```', '')
  } else if (failure.logError) {
    lines.push(`Logs: ${failure.logError}`, '')
  }
  return lines
}

function diagnosis(report: DeploymentReport): string[] {
  const lines: string[] = ['### Why it failed', '', report.reason, '']
  if (report.rollback) lines.push(`Rollback: ${report.rollback}`, '')
  for (const failure of report.failures ?? []) lines.push(...failureLines(failure))
  if (!report.failures?.length && report.eventCause) {
    lines.push(`**${report.eventCause.summary}**`, '', `Fix: ${report.eventCause.fix}`, '')
  }
  if (report.recentEvents?.length) {
    lines.push('Latest service events:', '', ...report.recentEvents.map((e) => `- ${e}`), '')
  }
  return lines
}

/** The job summary as Markdown: what was deployed, how it went and, on failure, why. */
export function renderSummary(report: DeploymentReport): string {
  const { status } = report
  const lines = [`## ${ICON[status]} ECS deploy: ${report.service} ${status}`, '']
  const failed = status === 'failed' || status === 'rolled-back' || status === 'timed-out'
  if (failed) lines.push(...diagnosis(report))
  else lines.push(report.reason, '')
  const revision = report.previousTaskDefinition && report.previousTaskDefinition !== report.taskDefinitionArn
    ? `${revisionName(report.previousTaskDefinition)} → ${revisionName(report.taskDefinitionArn)}`
    : `${revisionName(report.taskDefinitionArn)} (unchanged)`
  const rows: [string, string][] = [
    ['Service', `[${report.service}](${consoleServiceUrl(report.region, report.cluster, report.service)})`],
    ['Cluster', report.cluster],
    ['Region', report.region],
  ]
  if (report.taskDefinitionArn) rows.push(['Task definition', `${revision}${report.registered ? ' (registered by this run)' : ''}`])
  if (report.image) rows.push(['Image', `\`${report.image}\``])
  if (report.containers?.length) rows.push(['Containers', report.containers.join(', ')])
  rows.push(['Strategy', report.strategy], ['Result', status], ['Duration', `${report.durationSeconds} s`])
  if (report.deploymentId) rows.push(['Deployment', report.deploymentId])
  if (report.runUrl) rows.push(['Run', report.runUrl])
  lines.push(keyValueTable(rows), '')
  if (report.builtImage) lines.push(imageSummarySection(report.builtImage), '')
  if (report.notes.length) lines.push('### Notes', '', ...report.notes.map((n) => `- ${n}`), '')
  if (report.changes?.length) {
    lines.push('<details><summary>Task definition changes</summary>', '', ...report.changes.map((c) => `- ${c}`), '', '</details>', '')
  }
  if (report.timeline?.length) {
    const start = report.startedAt ?? report.timeline[0]?.at ?? 0
    lines.push(
      '<details><summary>Rollout timeline</summary>',
      '',
      '| elapsed | event |',
      '| --- | --- |',
      ...report.timeline.map((t) => `| ${formatElapsed(t.at - start)} | ${escapeCell(t.message)} |`),
      '',
      '</details>',
      '',
    )
  }
  return lines.join('\n')
}
