import type { CodeDeployClient } from '@aws-sdk/client-codedeploy'
import type { Deployment, ECSClient, Service, ServiceDeployment, ServiceEvent } from '@aws-sdk/client-ecs'
import { taskDefinitionRevision } from '../aws/arn.js'
import * as ecsGateway from '../aws/ecs.js'
import { isAccessDenied } from '../aws/errors.js'
import { errorMessage } from '../common/errors.js'
import type { StrategyProgress } from '../deploy/progress.js'
import { describeLimit, formatElapsed, type Clock } from '../deploy/clock.js'
import { followRollback } from '../deploy/ecs-rollback.js'
import type { Rollout } from '../deploy/rollout.js'
import { describeStoppedTasks, stoppedTasksOf, type StoppedTask } from '../deploy/tasks.js'
import type { Outcome, Snapshot, Verdict } from '../deploy/verdict.js'
import type { RolloutWatch } from './mechanism.js'
import { mechanismOf } from './registry.js'
import { logSafe } from '../report/text.js'
import type { VerifyOutcome, VerifyStage } from '../verify/check.js'
import type { AnalysisReport, CanaryAnalysis } from '../analysis/canary.js'

export interface TimelineEntry {
  at: number
  message: string
}

export interface WatchResult extends Verdict {
  service: string
  timeline: TimelineEntry[]
  stoppedTasks: StoppedTask[]
  /** Why the stopped tasks could not be read: the diagnosis lacks them and must say so. */
  stoppedTasksError?: string
  /** The service's newest events, newest last. */
  recentEvents: string[]
  rollback?: string
  deployment?: Deployment
  /** Blue/green, canary, linear (ECS or CodeDeploy): stages, traffic steps, hooks, alarms, where it paused. */
  progress?: StrategyProgress
  /** The canary analysis: what it compared, each read and decision. */
  analysis?: AnalysisReport
}

/** One service's rollout to follow. */
export interface FollowTarget {
  service: string
  rollout: Rollout
  targetTaskDefinition: string
  /** Ids of service events from before the rollout, so only its own are shown. */
  priorEventIds?: string[]
  /** The release's check (verify-url, verify-test-url, verify-command), made at the mechanism's stages. */
  verify?: ReleaseCheck
  /** The canary analysis (`analysis`), judging the release by its metrics during each bake. */
  analysis?: Pick<CanaryAnalysis, 'observe' | 'report'>
}

/** Verifying the release of one service: at which stages, and the check itself. */
export interface ReleaseCheck {
  stages: VerifyStage[]
  run(stage: VerifyStage): Promise<VerifyOutcome>
}

export interface WatchOptions {
  ecs: ECSClient
  /** Needed to follow CodeDeploy deployments (rollouts with mechanism `codedeploy`). */
  codedeploy?: CodeDeployClient
  cluster: string
  timeoutMs: number
  rollbackOnFailure: boolean
  clock: Clock
  /** Aborted when the job is cancelled. */
  signal?: AbortSignal
  /** The run's deadline: once it has passed, the diagnosis (stopped tasks) is skipped, the rollback request is not. */
  deadline?: { passed(): boolean }
  log: (line: string) => void
  /** For what the user should fix but the rollout survives (a missing permission); default: `log`. */
  warn?: (line: string) => void
  /** Pauses between polls in ms; the last one repeats. Starts quick, backs off gently. */
  pollIntervals?: number[]
  /** How long DescribeServices may take to list a deployment UpdateService returned (ECS is eventually consistent). */
  visibilityTimeoutMs?: number
}

const DEFAULT_POLL_INTERVALS = [1000, 2000, 2000, 3000, 4000, 5000]
/** After a poll that saw the rollout move, the next one comes sooner: ends follow moves (a last task starts, a breaker trips). */
const FOLLOW_UP_MS = 1000
/** Failed polls in a row (throttling, network) tolerated before giving up. */
const MAX_POLL_FAILURES = 5
const RECENT_EVENTS = 5
/** Service deployments are read when the deployments list changes, and at least every this many polls. */
const SERVICE_DEPLOYMENT_EVERY = 3
const VISIBILITY_TIMEOUT_MS = 60_000
/** A service deployment created this long before the followed deployment still counts as its own (ECS stamps both). */
const CREATED_TOLERANCE_MS = 1000

function countsLine(d: Deployment): string {
  const revision = taskDefinitionRevision(d.taskDefinition)
  return `${revision}: running ${d.runningCount ?? 0}/${d.desiredCount ?? 0}, pending ${d.pendingCount ?? 0}, failed ${d.failedTasks ?? 0}`
}

async function describeServices(ecs: ECSClient, cluster: string, names: string[]): Promise<Map<string, Service>> {
  const services = new Map<string, Service>()
  for (const service of await ecsGateway.describeServicesByName(ecs, cluster, names)) {
    // A name or an ARN may have been asked for; both lead to the same service.
    const asked = names.find((n) => n === service.serviceName || n === service.serviceArn)
    if (asked) services.set(asked, service)
  }
  return services
}

/** The service deployments asked for; undefined when AWS denies ecs:DescribeServiceDeployments. */
async function describeServiceDeployments(
  ecs: ECSClient,
  arns: string[],
): Promise<Map<string, ServiceDeployment> | undefined> {
  try {
    return await ecsGateway.describeServiceDeployments(ecs, arns)
  } catch (error) {
    if (isAccessDenied(error)) return undefined
    throw error
  }
}

/** What changes in a service's deployments list when a rollout moves on (completes, fails, rolls back). */
function deploymentsSignature(service: Service | undefined): string {
  return (service?.deployments ?? []).map((d) => `${d.id}:${d.status}:${d.rolloutState}`).join(',')
}

/** What the watch loop keeps for one service: what it has shown, and the evidence it gathered. */
class Follower {
  readonly timeline: TimelineEntry[] = []
  readonly stoppedTasks: StoppedTask[] = []
  private readonly seenEvents: Set<string>
  /** Events from before the rollout: an earlier deployment's "steady state" says nothing about this one. */
  private readonly priorEvents: Set<string>
  private readonly seenTasks = new Set<string>()
  /** Whether the last poll saw the rollout move (deployments, counts, status): the end may be near. */
  moved = false
  private lastCounts = ''
  private lastStatus = ''
  private knownFailed = 0
  private recentEvents: ServiceEvent[] = []
  private deployment: Deployment | undefined
  /** Whether DescribeServices has listed the followed deployment: until then nothing it shows is a verdict on it. */
  private visible: boolean
  private notedInvisible = false
  /** The service deployment shown to be this rollout's, and those shown to be earlier rollouts'. */
  private serviceDeploymentArn: string | undefined
  private readonly earlier = new Set<string>()
  /** The stages whose verification ran; and whether it failed after the deployment had succeeded (nothing to stop). */
  private readonly verifiedStages = new Set<VerifyStage>()
  private failedAfterSuccess = false
  /** The analysis has decided for good (rolled back, or let the rollout go on past its bake). */
  private analysisSettled = false
  private lastAnalysis: string | undefined
  /** The rollout followed the way its mechanism needs (rolling, ECS-native, CodeDeploy). */
  readonly watch: RolloutWatch

  constructor(
    readonly target: FollowTarget,
    private readonly options: WatchOptions,
    private readonly started: number,
    private readonly prefix: string,
  ) {
    this.seenEvents = new Set(target.priorEventIds)
    this.priorEvents = new Set(target.priorEventIds)
    const { since, serviceDeploymentArn } = target.rollout
    // A rollout already under way was found in DescribeServices; one this run started is known from UpdateService only.
    this.visible = !target.rollout.started
    if (since === undefined) this.serviceDeploymentArn = serviceDeploymentArn
    const { ecs, codedeploy, cluster } = options
    this.watch = mechanismOf(target.rollout.mechanism).watch({
      ecs,
      codedeploy,
      cluster,
      service: target.service,
      rollout: target.rollout,
      targetTaskDefinition: target.targetTaskDefinition,
    })
  }

  note(message: string, at = this.options.clock.now()): void {
    this.timeline.push({ at, message })
    this.options.log(logSafe(`[${formatElapsed(at - this.started)}] ${this.prefix}${message}`))
  }

  /** Where the rollout stands, for a timeout or cancellation message. */
  get standing(): string {
    return this.watch.standing(this.lastStatus, this.lastCounts) || 'no tasks yet'
  }

  /** Whether this rollout's service deployment is known (not just a candidate). */
  get knowsServiceDeployment(): boolean {
    return this.serviceDeploymentArn !== undefined
  }

  /** The service deployment to read: this rollout's, else a candidate (UpdateService's answer, then what the service names now). */
  serviceDeploymentToRead(service: Service | undefined): string | undefined {
    if (this.serviceDeploymentArn) return this.serviceDeploymentArn
    // A resumed or CodeDeploy rollout: its service deployment, if any, was given for certain.
    if (this.target.rollout.since === undefined) return undefined
    return [this.target.rollout.serviceDeploymentArn, service?.currentServiceDeployment].find(
      (arn) => arn && !this.earlier.has(arn),
    )
  }

  /**
   * The service deployment if it is this rollout's: created at or after the followed deployment, and either the one
   * UpdateService returned or named while the followed deployment is the service's PRIMARY. ECS may name the previous
   * one for a few seconds after an update: that one is never a verdict on this rollout.
   */
  private claim(sd: ServiceDeployment | undefined, deployment: Deployment | undefined): ServiceDeployment | undefined {
    const arn = sd?.serviceDeploymentArn
    if (!sd || !arn) return undefined
    if (arn === this.serviceDeploymentArn) return sd
    const { since, serviceDeploymentArn: returned } = this.target.rollout
    const created = (sd.createdAt ?? sd.startedAt)?.getTime()
    if (since !== undefined && created !== undefined && created < since - CREATED_TOLERANCE_MS) {
      this.earlier.add(arn)
      return undefined
    }
    if (arn !== returned && deployment?.status !== 'PRIMARY') return undefined
    this.serviceDeploymentArn = arn
    return sd
  }

  /** Until DescribeServices lists the deployment UpdateService returned, waits (bounded) instead of judging. */
  private notVisibleYet(): Verdict | undefined {
    const limit = this.options.visibilityTimeoutMs ?? VISIBILITY_TIMEOUT_MS
    const id = this.target.rollout.deploymentId
    if (this.options.clock.now() - this.started >= limit) {
      return this.concluded({
        outcome: 'failed',
        reason: `ECS has not shown deployment ${id} of ${this.target.service} ${Math.round(limit / 1000)} s after UpdateService returned it`,
      })
    }
    if (!this.notedInvisible)
      this.note(`ECS does not list deployment ${id} yet (it is eventually consistent); waiting for it`)
    this.notedInvisible = true
    return undefined
  }

  /** Shows what is new in this poll and judges it; undefined while the rollout goes on. */
  async observe(observed: Snapshot): Promise<Verdict | undefined> {
    const { ecs, cluster, clock } = this.options
    const { rollout } = this.target
    const { serviceDeployment: candidate, ...seen } = observed
    const serviceDeployment = this.claim(candidate, observed.deployment)
    const snapshot: Snapshot = { ...seen, ...(serviceDeployment && { serviceDeployment }) }
    this.deployment = snapshot.deployment ?? this.deployment
    this.recentEvents = (snapshot.service.events ?? [])
      .filter((e) => !e.id || !this.priorEvents.has(e.id))
      .slice(0, RECENT_EVENTS)
    // Events come newest first; show the unseen ones oldest first.
    for (const event of (snapshot.service.events ?? []).filter((e) => e.id && !this.seenEvents.has(e.id)).reverse()) {
      this.seenEvents.add(event.id ?? '')
      this.note(event.message ?? '', Math.max(event.createdAt?.getTime() ?? clock.now(), this.started))
    }
    const own = this.watch.observeOwn(clock.now())
    if (own) {
      this.lastStatus = own.status
      this.track(own.lines)
      return this.concluded(await this.verified(await this.analysed(own.verdict, snapshot), snapshot))
    }
    if (snapshot.deployment) this.visible = true
    else if (!this.visible) return this.notVisibleYet()
    const sd = snapshot.serviceDeployment
    const status = sd ? [sd.status, sd.lifecycleStage].filter(Boolean).join(' / ') : ''
    if (status && status !== this.lastStatus) {
      this.note(`service deployment ${status}`)
      this.lastStatus = status
      this.moved = true
    }
    if (sd) this.track(this.watch.track(sd, clock.now()))
    if (snapshot.deployment) {
      const counts = countsLine(snapshot.deployment)
      if (counts !== this.lastCounts) {
        this.note(counts)
        this.lastCounts = counts
        this.moved = true
      }
      const failed = snapshot.deployment.failedTasks ?? 0
      if (failed > this.knownFailed && rollout.deploymentId) {
        this.knownFailed = failed
        const stopped = await stoppedTasksOf(
          ecs,
          cluster,
          this.target.service,
          rollout.deploymentId,
          this.seenTasks,
        ).catch((error: unknown) => {
          this.note(errorMessage(error))
          return []
        })
        for (const task of stopped) this.seenTasks.add(task.taskArn)
        this.stoppedTasks.push(...stopped)
        for (const line of describeStoppedTasks(stopped)) this.note(line)
      }
    }
    return this.concluded(await this.verified(await this.analysed(this.watch.judge(snapshot), snapshot), snapshot))
  }

  /**
   * The verdict once the canary analysis had its say: a failing metric rolls the release back (the action gave up on
   * it); a rollout paused at a hook goes on once the analysis passed, and stays paused while it is inconclusive.
   */
  private async analysed(verdict: Verdict | undefined, snapshot: Snapshot): Promise<Verdict | undefined> {
    const analysis = this.target.analysis
    if (!analysis || this.analysisSettled) return verdict
    const paused = verdict?.outcome === 'paused'
    const phase = this.watch.analysisPhase(snapshot)
    const final = paused || phase === 'after' || verdict !== undefined
    const decision = await analysis.observe(
      phase,
      final,
      () => this.watch.trafficTargets(snapshot.service),
      this.options.clock.now(),
    )
    if (!decision) return verdict
    // Each read is in the analysis's report; the log says what changed.
    if (decision.reason !== this.lastAnalysis) this.note(decision.reason)
    this.lastAnalysis = decision.reason
    if (decision.action === 'rollback') {
      this.analysisSettled = true
      // A rollout ECS already completed has nothing left to stop: the previous revision is deployed again.
      if (verdict?.outcome === 'succeeded') this.failedAfterSuccess = true
      return { outcome: 'failed', reason: decision.reason, gaveUp: true }
    }
    if (!final) return verdict
    if (decision.action === 'hold') {
      if (paused) return undefined
      this.analysisSettled = true
      ;(this.options.warn ?? this.options.log)(logSafe(decision.reason))
      return verdict
    }
    this.analysisSettled = true
    if (!paused) return verdict
    const line = await this.watch.proceed(snapshot)
    if (line === undefined) return verdict
    this.note(line)
    return undefined
  }

  /**
   * The verdict once the release is verified where the rollout stands: through the test listener as soon as it routes to
   * the new revision, in production once the rollout succeeded. A failed check is a failure the action gave up on, so
   * it is rolled back (with rollback-on-failure) like any other.
   */
  private async verified(verdict: Verdict | undefined, snapshot: Snapshot): Promise<Verdict | undefined> {
    const check = this.target.verify
    if (!check) return verdict
    if (check.stages.includes('test') && !this.verifiedStages.has('test') && this.watch.onTestTraffic(snapshot)) {
      const failed = await this.verify(check, 'test')
      if (failed) return failed
    }
    if (verdict?.outcome !== 'succeeded' || !check.stages.includes('production')) return verdict
    const failed = await this.verify(check, 'production')
    if (failed) this.failedAfterSuccess = true
    return failed ?? verdict
  }

  private async verify(check: ReleaseCheck, stage: VerifyStage): Promise<Verdict | undefined> {
    this.verifiedStages.add(stage)
    this.note(stage === 'test' ? 'verifying the release through the test listener' : 'verifying the release')
    const outcome = await check.run(stage)
    for (const line of outcome.lines) this.note(line)
    if (outcome.ok) return undefined
    return { outcome: 'failed', reason: outcome.reason ?? 'the verification failed', gaveUp: true }
  }

  /** Notes the tracker's lines; any of them means the rollout moved. */
  private track(lines: string[]): void {
    for (const line of lines) this.note(line)
    if (lines.length) this.moved = true
  }

  private concluded(verdict: Verdict | undefined): Verdict | undefined {
    if (verdict) this.note(`${verdictWord(verdict.outcome)}: ${verdict.reason}`)
    return verdict
  }

  /** The result, after asking for a rollback when the action gave up and was told to. */
  async finish(verdict: Verdict, rollbackWanted: boolean): Promise<WatchResult> {
    const { ecs, cluster, rollbackOnFailure } = this.options
    const { rollout, service } = this.target
    let rollback: string | undefined
    if (rollbackWanted && rollbackOnFailure && rollout.started) {
      // Only a service deployment shown to be this rollout's is stopped; else the previous revision is redeployed.
      const { serviceDeploymentArn: _candidate, ...known } = rollout
      const ours = { ...known, ...(this.serviceDeploymentArn && { serviceDeploymentArn: this.serviceDeploymentArn }) }
      // A deployment that succeeded has nothing left to stop: its verification failing redeploys the previous release.
      let redeployed: string | undefined
      const asked = this.failedAfterSuccess
        ? this.watch.redeployPrevious(known).then(({ line, revision }) => ((redeployed = revision), line))
        : this.watch.rollBack(ours)
      rollback = await asked.catch((error: unknown) => `the rollback could not be requested: ${errorMessage(error)}`)
      this.note(rollback)
      // Only what ECS reached is reported as done: the redeployment is followed within the run's time.
      if (redeployed) {
        const reached = await followRollback(
          ecs,
          { cluster, service, previousTaskDefinition: redeployed },
          { clock: this.options.clock, until: this.started + this.options.timeoutMs, signal: this.options.signal },
        )
        this.note(reached)
        rollback = `${rollback}; ${reached}`
      }
    }
    const starter = this.watch.taskStarter()
    let stoppedTasksError: string | undefined
    // The stopped tasks are diagnosis, best effort: after the deadline they are not listed.
    if (verdict.outcome !== 'succeeded' && verdict.outcome !== 'paused' && starter && this.options.deadline?.passed())
      stoppedTasksError = "the stopped tasks were not listed: the run's deadline had passed"
    else if (verdict.outcome !== 'succeeded' && verdict.outcome !== 'paused' && starter) {
      try {
        this.stoppedTasks.push(...(await stoppedTasksOf(ecs, cluster, service, starter, this.seenTasks)))
      } catch (error) {
        stoppedTasksError = errorMessage(error)
      }
    }
    return {
      ...verdict,
      service,
      timeline: this.timeline,
      stoppedTasks: this.stoppedTasks,
      recentEvents: this.recentEvents.map((e) => e.message ?? '').reverse(),
      ...(rollback !== undefined && { rollback }),
      ...(stoppedTasksError !== undefined && { stoppedTasksError }),
      ...(this.deployment && { deployment: this.deployment }),
      ...(this.watch.progress && { progress: this.watch.progress }),
      ...(this.target.analysis && { analysis: this.target.analysis.report }),
    }
  }
}

/**
 * Follows each service's rollout until ECS says it succeeded or failed, the time runs out, or the job is
 * cancelled: one poll loop for all of them, with batched reads. Logs each new service event and count
 * change; on timeout or cancellation asks for rollbacks when told to. Never throws for a rollout's
 * outcome: that is its result, returned in the order of `targets`.
 */
export async function waitForDeployments(options: WatchOptions, targets: FollowTarget[]): Promise<WatchResult[]> {
  const { clock, signal } = options
  const intervals = options.pollIntervals ?? DEFAULT_POLL_INTERVALS
  const started = clock.now()
  const deadline = started + options.timeoutMs
  const results = new Map<Follower, WatchResult>()
  const followers = targets.map((t) => new Follower(t, options, started, targets.length > 1 ? `${t.service}: ` : ''))
  const active = (): Follower[] => followers.filter((f) => !results.has(f))
  let failuresInARow = 0
  const signatures = new Map<string, string>()
  // Without ecs:DescribeServiceDeployments the rollout is followed through DescribeServices alone, after one warning.
  let serviceDeploymentsDenied = false

  const giveUp = async (outcome: Outcome, why: string): Promise<void> => {
    for (const follower of active()) {
      follower.note(why)
      results.set(follower, await follower.finish({ outcome, reason: `${why} (${follower.standing})` }, true))
    }
  }

  for (let poll = 0; active().length; poll++) {
    if (signal?.aborted) {
      await giveUp('failed', 'the job was cancelled while the rollout was in progress')
      break
    }
    if (clock.now() >= deadline) {
      await giveUp('timed-out', `the rollout did not finish within ${describeLimit(options.timeoutMs)}`)
      break
    }
    try {
      const services = await describeServices(
        options.ecs,
        options.cluster,
        active().map((f) => f.target.service),
      )
      // Service deployments add detail (rollback states, stages) but cost a call: for a rolling update, read them
      // when something moved; a blue/green, canary or linear deployment moves through its stages unseen otherwise.
      // A candidate (not yet shown to be this rollout's) is read on every poll until it is settled.
      const toRead = new Map<Follower, string>()
      for (const f of active()) {
        const service = services.get(f.target.service)
        const signature = deploymentsSignature(service)
        f.moved = signatures.get(f.target.service) !== signature
        signatures.set(f.target.service, signature)
        const arn = serviceDeploymentsDenied ? undefined : f.serviceDeploymentToRead(service)
        const due =
          f.moved ||
          f.watch.readsServiceDeploymentEveryPoll ||
          poll % SERVICE_DEPLOYMENT_EVERY === 0 ||
          !f.knowsServiceDeployment
        if (arn && due) toRead.set(f, arn)
      }
      const arns = [...new Set(toRead.values())]
      let serviceDeployments = new Map<string, ServiceDeployment>()
      if (arns.length) {
        const described = await describeServiceDeployments(options.ecs, arns)
        if (described) serviceDeployments = described
        else {
          serviceDeploymentsDenied = true
          ;(options.warn ?? options.log)(
            'AWS denied ecs:DescribeServiceDeployments: following the rollout through DescribeServices alone (no lifecycle stages, traffic or rollback states). Grant ecs:DescribeServiceDeployments to see them (README, "IAM permissions").',
          )
        }
      }
      // A mechanism followed through its own API (CodeDeploy) reads it too.
      await Promise.all(active().map((f) => f.watch.read()))
      failuresInARow = 0
      await Promise.all(
        active().map(async (follower) => {
          const { service: name, rollout } = follower.target
          const service = services.get(name)
          if (!service)
            throw new Error(`service ${name} disappeared from cluster ${options.cluster} during the rollout`)
          const deployment = service.deployments?.find((d) => d.id === rollout.deploymentId)
          const read = toRead.get(follower)
          const serviceDeployment = read ? serviceDeployments.get(read) : undefined
          const verdict = await follower.observe({
            service,
            ...(deployment && { deployment }),
            ...(serviceDeployment && { serviceDeployment }),
          })
          if (verdict) results.set(follower, await follower.finish(verdict, verdict.gaveUp === true))
        }),
      )
    } catch (error) {
      if (++failuresInARow >= MAX_POLL_FAILURES) throw error
      options.log(
        logSafe(
          `[${formatElapsed(clock.now() - started)}] could not read the rollout's state (${errorMessage(error)}); trying again`,
        ),
      )
    }
    if (!active().length) break
    const scheduled = intervals[Math.min(poll, intervals.length - 1)] ?? 5000
    await clock.sleep(active().some((f) => f.moved) ? Math.min(FOLLOW_UP_MS, scheduled) : scheduled, signal)
  }
  return followers.map((f) => results.get(f) as WatchResult)
}

/** Follows one service's rollout (see waitForDeployments). */
export async function waitForDeployment(options: WatchOptions & FollowTarget): Promise<WatchResult> {
  const [result] = await waitForDeployments(options, [options])
  return result as WatchResult
}

function verdictWord(outcome: Outcome): string {
  return {
    succeeded: 'succeeded',
    failed: 'failed',
    'rolled-back': 'rolled back',
    'timed-out': 'timed out',
    paused: 'paused',
  }[outcome]
}
