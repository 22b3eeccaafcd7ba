import {
  DescribeServiceDeploymentsCommand,
  DescribeServicesCommand,
  type Deployment,
  type ECSClient,
  type ServiceEvent,
} from '@aws-sdk/client-ecs'
import { awsCall } from '../aws-errors.js'
import { errorMessage } from '../errors.js'
import type { Clock } from './clock.js'
import { requestRollback } from './rollback.js'
import type { Rollout } from './rollout.js'
import { describeStoppedTasks, stoppedTasksOf, type StoppedTask } from './tasks.js'
import { judge, type Outcome, type Snapshot, type Verdict } from './verdict.js'

export interface TimelineEntry {
  at: number
  message: string
}

export interface WatchResult extends Verdict {
  timeline: TimelineEntry[]
  stoppedTasks: StoppedTask[]
  /** The service's newest events, newest last. */
  recentEvents: string[]
  rollback?: string
  deployment?: Deployment
}

export interface WatchOptions {
  ecs: ECSClient
  cluster: string
  service: string
  rollout: Rollout
  targetTaskDefinition: string
  timeoutMs: number
  rollbackOnFailure: boolean
  clock: Clock
  /** Aborted when the job is cancelled. */
  signal?: AbortSignal
  log: (line: string) => void
  /** Ids of service events from before the rollout, so only its own are shown. */
  priorEventIds?: string[]
  /** Pauses between polls in ms; the last one repeats. Starts quick, backs off gently. */
  pollIntervals?: number[]
}

const DEFAULT_POLL_INTERVALS = [1000, 2000, 2000, 3000, 4000, 5000, 6000]
/** Failed polls in a row (throttling, network) tolerated before giving up. */
const MAX_POLL_FAILURES = 5
const RECENT_EVENTS = 5

export function formatElapsed(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000))
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}

function countsLine(d: Deployment): string {
  const revision = d.taskDefinition?.split('/').pop() ?? '?'
  return `${revision}: running ${d.runningCount ?? 0}/${d.desiredCount ?? 0}, pending ${d.pendingCount ?? 0}, failed ${d.failedTasks ?? 0}`
}

async function takeSnapshot(options: WatchOptions): Promise<Snapshot> {
  const { ecs, cluster, service, rollout } = options
  const described = await awsCall('ecs:DescribeServices', () =>
    ecs.send(new DescribeServicesCommand({ cluster, services: [service] })),
  )
  const current = described.services?.[0]
  if (!current) throw new Error(`service ${service} disappeared from cluster ${cluster} during the rollout`)
  const deployment = current.deployments?.find((d) => d.id === rollout.deploymentId)
  let serviceDeployment
  if (rollout.serviceDeploymentArn) {
    const arn = rollout.serviceDeploymentArn
    const sds = await awsCall('ecs:DescribeServiceDeployments', () =>
      ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] })),
    )
    serviceDeployment = sds.serviceDeployments?.[0]
  }
  return {
    service: current,
    ...(deployment && { deployment }),
    ...(serviceDeployment && { serviceDeployment }),
  }
}

/**
 * Follows the rollout until ECS says it succeeded or failed, the time runs out, or the job is cancelled,
 * logging each new service event and count change. On timeout or cancellation it asks for a rollback when
 * told to. Never throws for the rollout's outcome: that is the returned verdict.
 */
export async function waitForDeployment(options: WatchOptions): Promise<WatchResult> {
  const { clock, log, rollout, signal } = options
  const intervals = options.pollIntervals ?? DEFAULT_POLL_INTERVALS
  const started = clock.now()
  const deadline = started + options.timeoutMs
  const timeline: TimelineEntry[] = []
  const stoppedTasks: StoppedTask[] = []
  const seenEvents = new Set<string>(options.priorEventIds)
  const seenTasks = new Set<string>()
  let lastCounts = ''
  let lastStatus = ''
  let knownFailed = 0
  let failuresInARow = 0
  let recentEvents: ServiceEvent[] = []
  let deployment: Deployment | undefined

  const note = (message: string, at = clock.now()): void => {
    timeline.push({ at, message })
    log(`[${formatElapsed(at - started)}] ${message}`)
  }

  const finish = async (verdict: Verdict, rollbackWanted: boolean): Promise<WatchResult> => {
    let rollback: string | undefined
    if (rollbackWanted && options.rollbackOnFailure && rollout.started) {
      try {
        rollback = await requestRollback(options.ecs, options.cluster, options.service, rollout)
        note(rollback)
      } catch (error) {
        rollback = `the rollback could not be requested: ${errorMessage(error)}`
        note(rollback)
      }
    }
    if (verdict.outcome !== 'succeeded' && rollout.deploymentId) {
      const more = await stoppedTasksOf(options.ecs, options.cluster, rollout.deploymentId, seenTasks).catch(() => [])
      stoppedTasks.push(...more)
    }
    return {
      ...verdict,
      timeline,
      stoppedTasks,
      recentEvents: recentEvents.map((e) => e.message ?? '').reverse(),
      ...(rollback !== undefined && { rollback }),
      ...(deployment && { deployment }),
    }
  }

  for (let poll = 0; ; poll++) {
    if (signal?.aborted) {
      note('the job was cancelled while waiting')
      return finish({ outcome: 'failed', reason: `the job was cancelled while the rollout was in progress (${lastCounts || 'no tasks yet'})` }, true)
    }
    if (clock.now() >= deadline) {
      const minutes = Math.round(options.timeoutMs / 60000)
      note(`gave up after ${minutes} minute(s)`)
      return finish({ outcome: 'timed-out', reason: `the rollout did not finish within ${minutes} minute(s) (${lastCounts || 'no tasks yet'})` }, true)
    }
    let snapshot: Snapshot
    try {
      snapshot = await takeSnapshot(options)
      failuresInARow = 0
    } catch (error) {
      if (++failuresInARow >= MAX_POLL_FAILURES) throw error
      note(`could not read the rollout's state (${errorMessage(error)}); trying again`)
      await clock.sleep(intervals[Math.min(poll, intervals.length - 1)] ?? 5000, signal)
      continue
    }
    deployment = snapshot.deployment ?? deployment
    recentEvents = (snapshot.service.events ?? []).slice(0, RECENT_EVENTS)

    // Events come newest first; print the unseen ones oldest first.
    const fresh = (snapshot.service.events ?? []).filter((e) => e.id && !seenEvents.has(e.id)).reverse()
    for (const event of fresh) {
      seenEvents.add(event.id ?? '')
      note(event.message ?? '', Math.max(event.createdAt?.getTime() ?? clock.now(), started))
    }

    const status = snapshot.serviceDeployment
      ? [snapshot.serviceDeployment.status, snapshot.serviceDeployment.lifecycleStage].filter(Boolean).join(' / ')
      : ''
    if (status && status !== lastStatus) {
      note(`service deployment ${status}`)
      lastStatus = status
    }
    if (snapshot.deployment) {
      const counts = countsLine(snapshot.deployment)
      if (counts !== lastCounts) {
        note(counts)
        lastCounts = counts
      }
      const failed = snapshot.deployment.failedTasks ?? 0
      if (failed > knownFailed && rollout.deploymentId) {
        knownFailed = failed
        const stopped = await stoppedTasksOf(options.ecs, options.cluster, rollout.deploymentId, seenTasks).catch(() => [])
        for (const task of stopped) seenTasks.add(task.taskArn)
        stoppedTasks.push(...stopped)
        for (const line of describeStoppedTasks(stopped)) note(line)
      }
    }

    const verdict = judge(snapshot, options.targetTaskDefinition)
    if (verdict) {
      note(`${verdictWord(verdict.outcome)}: ${verdict.reason}`)
      return finish(verdict, verdict.gaveUp === true)
    }
    await clock.sleep(intervals[Math.min(poll, intervals.length - 1)] ?? 5000, signal)
  }
}

function verdictWord(outcome: Outcome): string {
  return { succeeded: 'succeeded', failed: 'failed', 'rolled-back': 'rolled back', 'timed-out': 'timed out' }[outcome]
}
