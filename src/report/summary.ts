import type { StoppedTask } from '../deploy/tasks.js'
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
  stoppedTasks?: StoppedTask[]
  recentEvents?: string[]
  rollback?: string
  /** Markdown of the image that was built, when one was. */
  imageSection?: string
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

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
}

function table(rows: [string, string][]): string {
  return ['| | |', '| --- | --- |', ...rows.map(([k, v]) => `| ${k} | ${escapeCell(v)} |`)].join('\n')
}

function diagnosis(report: DeploymentReport): string[] {
  const lines: string[] = ['### Why it failed', '', report.reason, '']
  if (report.rollback) lines.push(`Rollback: ${report.rollback}`, '')
  const tasks = report.stoppedTasks ?? []
  if (tasks.length) {
    lines.push(`Stopped tasks of the new revision (${tasks.length}):`, '')
    // Identical failures are listed once with a count; a crash loop repeats the same reason many times.
    const counted = new Map<string, number>()
    for (const task of tasks) {
      const key = describeStoppedTask(task).replace(/^task \S+ /, '')
      counted.set(key, (counted.get(key) ?? 0) + 1)
    }
    for (const [line, count] of counted) lines.push(`- ${count > 1 ? `${count} tasks ` : 'task '}${line}`)
    lines.push('')
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
    ['Task definition', `${revision}${report.registered ? ' (registered by this run)' : ''}`],
  ]
  if (report.image) rows.push(['Image', `\`${report.image}\``])
  if (report.containers?.length) rows.push(['Containers', report.containers.join(', ')])
  rows.push(['Strategy', report.strategy], ['Result', status], ['Duration', `${report.durationSeconds} s`])
  if (report.deploymentId) rows.push(['Deployment', report.deploymentId])
  if (report.runUrl) rows.push(['Run', report.runUrl])
  lines.push(table(rows), '')
  if (report.imageSection) lines.push(report.imageSection, '')
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
