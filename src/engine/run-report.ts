import type { RegisterTaskDefinitionCommandInput, Service } from '@aws-sdk/client-ecs'
import type { Cause, Failure } from '../deploy/diagnose.js'
import type { Drift } from '../deploy/drift.js'
import { driftTable } from '../report/drift-table.js'
import { imageSummarySection, type BuiltImage } from '../image/index.js'
import { escapeCell, keyValueTable } from '../report/markdown.js'
import { describeStoppedTask } from '../deploy/tasks.js'
import { formatElapsed } from '../deploy/clock.js'
import type { TimelineEntry } from '../mechanisms/watch.js'
import { strategyRows, type StrategyProgress } from '../mechanisms/index.js'
import { isFailure, type Status } from '../report/status.js'
import { summaryCode, summaryText } from '../report/text.js'
import { foldTimeline, type TimelineLine } from '../report/timeline.js'
import type { CapacityPreview } from '../capacity/preview.js'
import { capacitySection } from '../capacity/section.js'
import type { AnalysisReport } from '../analysis/canary.js'
import { analysisSection } from '../analysis/chart.js'

export type { Status } from '../report/status.js'

/** What the job summary and the outputs say about one service. */
export interface DeploymentReport {
  cluster: string
  service: string
  region: string
  status: Status
  reason: string
  strategy: string
  previousTaskDefinition?: string
  taskDefinitionArn?: string
  registered?: boolean
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
  /** Why the stopped tasks could not be read, so the causes above may be missing. */
  stoppedTasksError?: string
  recentEvents?: string[]
  rollback?: string
  /** A preview's address. */
  url?: string
  /** Blue/green, canary, linear: stages, traffic steps, hooks, alarms, where it paused. */
  progress?: StrategyProgress
  /** The canary analysis: what it compared, each read and decision (the summary's charts and table). */
  analysis?: AnalysisReport
  /** The task definition as rendered (what `render` prints). */
  rendered?: RegisterTaskDefinitionCommandInput
  /** promote-from: the source service whose images were deployed, per container name. */
  promoted?: { environment: string; service: string; taskDefinition: string; images: Record<string, string> }
  /** The one-off tasks `run-task` started. */
  runTaskArns?: string[]
  /** `mode: drift`: where the live service differs from the repository's files (empty: nowhere). */
  drift?: Drift[]
  /** A dry run's capacity and cost preview (an estimate). */
  capacity?: CapacityPreview
}

/** One run: the services it deployed, the image it built, and how it ended overall. */
export interface RunReport {
  cluster: string
  region: string
  status: Status
  /** Why the run failed before or beside any one service (bad input, build failure…). */
  reason: string
  durationSeconds: number
  services: DeploymentReport[]
  /** The environment deployed (config file or `environment` input), and why it was chosen. */
  environment?: string
  environmentReason?: string
  environmentUrl?: string
  /** Lines saying what a preview destroy or sweep removed. */
  removed?: string[]
  image?: string
  /** The image this run built and pushed. */
  builtImage?: BuiltImage
  runUrl?: string
  /** The environment whose images this run deployed (promote-from). */
  promotedFrom?: string
}

export { isFailure }

/** What the steps of a run did: the services as they were found, each one's report, the image deployed (or planned) and the one built. */
export interface PipelineResult {
  services: Service[]
  reports: DeploymentReport[]
  image?: string
  builtImage?: RunReport['builtImage']
  /** The environment whose images were deployed (promote-from). */
  promotedFrom?: string
}

/** A step's part of one service's report: its notes are added to the ones before, the rest replaces what was. */
export type ServicePart = Partial<DeploymentReport>

/** A step's part of the run's report. */
export interface RunPart extends Partial<Omit<PipelineResult, 'reports'>> {
  /** The services' reports as they start (the step that finds the services). */
  reports?: DeploymentReport[]
  /** What the step adds to each service's report, by the service's position (none where it has nothing). */
  each?: (ServicePart | undefined)[]
}

/** The run's report assembled from its steps' parts, in the order they came. */
export function assembleReport(parts: RunPart[]): PipelineResult {
  return parts.reduce<PipelineResult>(
    (done, { reports, each, ...run }) => ({
      ...done,
      ...run,
      reports: (reports ?? done.reports).map((report, i) => withPart(report, each?.[i])),
    }),
    { services: [], reports: [] },
  )
}

/** A service's report with a step's part added. */
export function withPart(report: DeploymentReport, part: ServicePart | undefined): DeploymentReport {
  return part ? { ...report, ...part, notes: [...report.notes, ...(part.notes ?? [])] } : report
}

const SEVERITY: Status[] = ['failed', 'rolled-back', 'timed-out', 'paused', 'planned', 'succeeded', 'skipped']

/** The run's status: the worst of its services'. */
export function overallStatus(statuses: Status[]): Status {
  return SEVERITY.find((s) => statuses.includes(s)) ?? 'succeeded'
}

const ICON: Record<Status, string> = {
  succeeded: '✅',
  failed: '❌',
  'rolled-back': '↩️',
  'timed-out': '⏱️',
  paused: '⏸️',
  skipped: '⏭️',
  planned: '📝',
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
    `**${summaryText(failure.cause.summary)}**${failure.tasks > 1 ? ` (${failure.tasks} tasks)` : ''}`,
    '',
    `Fix: ${failure.cause.fix}`,
    '',
    `Evidence: ${summaryText(describeStoppedTask(failure.example))}`,
    '',
  ]
  if (failure.logLines?.length) {
    lines.push(
      `Last ${failure.logLines.length} log lines of ${failure.container} (${summaryText(failure.logSource ?? '')}):`,
      '',
      summaryCode(failure.logLines.join('\n')),
      '',
    )
  } else if (failure.logError) {
    lines.push(`Logs: ${summaryText(failure.logError)}`, '')
  }
  return lines
}

function diagnosis(report: DeploymentReport): string[] {
  const lines: string[] = ['#### Why it failed', '', summaryText(report.reason), '']
  if (report.rollback) lines.push(`Rollback: ${summaryText(report.rollback)}`, '')
  for (const failure of report.failures ?? []) lines.push(...failureLines(failure))
  if (report.stoppedTasksError) lines.push(`Stopped tasks: ${report.stoppedTasksError}`, '')
  if (!report.failures?.length && report.eventCause) {
    lines.push(`**${summaryText(report.eventCause.summary)}**`, '', `Fix: ${report.eventCause.fix}`, '')
  }
  if (report.recentEvents?.length) {
    lines.push('Latest service events:', '', ...report.recentEvents.map((e) => `- ${summaryText(e)}`), '')
  }
  return lines
}

function revisionChange(report: DeploymentReport): string {
  const changed = report.previousTaskDefinition && report.previousTaskDefinition !== report.taskDefinitionArn
  const revision = changed
    ? `${revisionName(report.previousTaskDefinition)} → ${revisionName(report.taskDefinitionArn)}`
    : `${revisionName(report.taskDefinitionArn)} (unchanged)`
  return `${revision}${report.registered ? ' (registered by this run)' : ''}`
}

/** One service's part of the summary: why it failed (first), what was deployed, then the details. */
function serviceSection(report: DeploymentReport, run: RunReport, single: boolean): string[] {
  const lines: string[] = []
  if (isFailure(report.status)) lines.push(...diagnosis(report))
  else lines.push(summaryText(report.reason), '')
  const rows: [string, string][] = [
    ['Service', `[${report.service}](${consoleServiceUrl(report.region, report.cluster, report.service)})`],
  ]
  if (single) rows.push(...environmentRows(run), ['Cluster', report.cluster], ['Region', report.region])
  if (report.taskDefinitionArn) rows.push(['Task definition', revisionChange(report)])
  if (report.promoted) rows.push(...promotionRows(report.promoted))
  else if (single && run.image) rows.push(['Image', `\`${run.image}\``])
  if (report.containers?.length) rows.push(['Containers', summaryText(report.containers.join(', '))])
  rows.push(
    ['Strategy', report.strategy],
    ...strategyRows(report.progress, report.startedAt ?? report.timeline?.[0]?.at ?? 0),
    ['Result', report.status],
  )
  if (single) rows.push(['Duration', `${run.durationSeconds} s`])
  if (report.deploymentId) rows.push(['Deployment', report.deploymentId])
  if (single && run.runUrl) rows.push(['Run', run.runUrl])
  lines.push(keyValueTable(rows), '')
  if (single && run.builtImage) lines.push(imageSummarySection(run.builtImage), '')
  if (report.analysis) lines.push(...analysisSection(report.analysis))
  if (report.notes.length) lines.push('#### Notes', '', ...report.notes.map((n) => `- ${summaryText(n)}`), '')
  if (report.changes?.length) {
    const open = report.status === 'planned' ? '<details open>' : '<details>'
    lines.push(
      `${open}<summary>What changes (${report.changes.length})</summary>`,
      '',
      ...report.changes.map((c) => `- ${summaryText(c)}`),
      '',
      '</details>',
      '',
    )
  }
  if (report.capacity) lines.push(...capacitySection(report.capacity))
  if (report.timeline?.length) {
    const start = report.startedAt ?? report.timeline[0]?.at ?? 0
    lines.push(
      '<details><summary>Rollout timeline</summary>',
      '',
      '| elapsed | event |',
      '| --- | --- |',
      ...foldTimeline(report.timeline).map((t) => `| ${formatElapsed(t.at - start)} | ${timelineText(t, start)} |`),
      '',
      '</details>',
      '',
    )
  }
  return lines
}

/** A timeline line; a folded one says how often it came and until when. */
function timelineText(line: TimelineLine, start: number): string {
  const text = summaryText(line.message)
  return line.count > 1 ? `${text} (×${line.count}, the last at ${formatElapsed(line.lastAt - start)})` : text
}

/** Where a promoted service's images came from, and each image by digest. */
function promotionRows(promoted: NonNullable<DeploymentReport['promoted']>): [string, string][] {
  const images = Object.entries(promoted.images).map(([container, image]) => `${summaryText(container)}: \`${image}\``)
  return [
    [
      'Promoted from',
      `${promoted.environment} (${summaryText(promoted.service)}, ${revisionName(promoted.taskDefinition)})`,
    ],
    ['Images', images.join('<br>')],
  ]
}

/** The promoted images as the `promoted-images` output: `container=image` lines, `service: ` first when there are several. */
export function promotedImageLines(run: RunReport): string[] {
  return run.services.flatMap((s) =>
    Object.entries(s.promoted?.images ?? {}).map(
      ([container, image]) => `${run.services.length > 1 ? `${s.service}: ` : ''}${container}=${image}`,
    ),
  )
}

function environmentRows(run: RunReport): [string, string][] {
  const rows: [string, string][] = []
  if (run.environment)
    rows.push(['Environment', `${run.environment}${run.environmentReason ? ` (${run.environmentReason})` : ''}`])
  if (run.environmentUrl) rows.push(['URL', run.environmentUrl])
  return rows
}

/** A drift check's summary: per service, its running revision and the drift table. */
function driftSummary(run: RunReport): string {
  const drifted = run.services.filter((s) => s.drift?.length)
  const title = drifted.length ? `drift on ${drifted.map((s) => s.service).join(', ')}` : 'no drift'
  const lines = [`## ${drifted.length ? '⚠️' : '✅'} ECS drift check: ${title}`, '']
  const rows: [string, string][] = [...environmentRows(run), ['Cluster', run.cluster], ['Region', run.region]]
  if (run.runUrl) rows.push(['Run', run.runUrl])
  lines.push(keyValueTable(rows), '')
  for (const s of run.services) {
    lines.push(`### ${s.service}: ${revisionName(s.taskDefinitionArn)}`, '', summaryText(s.reason), '')
    if (s.drift?.length) lines.push(driftTable(s.drift), '')
  }
  return lines.join('\n')
}

/** The job summary as Markdown: what was deployed, how it went and, on failure, why. */
export function renderSummary(run: RunReport): string {
  const [only] = run.services
  if (only?.drift) return driftSummary(run)
  if (run.services.length === 1 && only) {
    return [
      `## ${ICON[only.status]} ECS deploy: ${only.service} ${only.status}`,
      '',
      ...serviceSection(only, run, true),
    ].join('\n')
  }
  const failedCount = run.services.filter((s) => isFailure(s.status)).length
  const title = run.services.length
    ? `${run.services.length} services, ${failedCount ? `${failedCount} not deployed` : run.status === 'planned' || run.status === 'paused' ? run.status : 'all deployed'}`
    : `${run.environment ? `${run.environment} ` : ''}${run.status}`
  const lines = [`## ${ICON[run.status]} ECS deploy: ${title}`, '']
  if (run.reason) lines.push(summaryText(run.reason), '')
  if (run.services.length) {
    lines.push(
      '| service | task definition | result | |',
      '| --- | --- | --- | --- |',
      ...run.services.map(
        (s) =>
          `| ${s.service} | ${escapeCell(s.taskDefinitionArn ? revisionChange(s) : '—')} | ${ICON[s.status]} ${s.status} | ${summaryText(s.reason)} |`,
      ),
      '',
    )
  }
  const rows: [string, string][] = [...environmentRows(run), ['Cluster', run.cluster], ['Region', run.region]]
  if (run.promotedFrom) rows.push(['Promoted from', run.promotedFrom])
  if (run.image) rows.push(['Image', `\`${run.image}\``])
  rows.push(['Duration', `${run.durationSeconds} s`])
  if (run.runUrl) rows.push(['Run', run.runUrl])
  lines.push(keyValueTable(rows), '')
  if (run.builtImage) lines.push(imageSummarySection(run.builtImage), '')
  if (run.removed?.length) lines.push('### Removed', '', ...run.removed.map((r) => `- ${r}`), '')
  for (const report of run.services) lines.push(`### ${report.service}`, '', ...serviceSection(report, run, false))
  return lines.join('\n')
}
