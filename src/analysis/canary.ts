// The canary analysis of one rollout: from the poll loop it is told where the rollout stands; at each interval (and
// when the bake ends) it reads both revisions' figures and decides. It keeps every read for the summary's charts.
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch'
import type { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2'
import { describeRule, describeTargetGroup } from '../aws/elbv2.js'
import { decide, type Decision } from './decide.js'
import { readFigures, type Figures, type RevisionScope, type Window } from './metrics.js'
import type { AnalysisSettings } from './spec.js'
import { judgeCheck } from './statistics.js'

/** Where each revision's traffic shows, as the mechanism knows it. */
export type TrafficTargets =
  /** Two target groups (ECS blue/green, canary, linear): which one the new revision has is read from the listener rule. */
  | { kind: 'pair'; primary: string; alternate: string; productionListenerRule?: string | undefined }
  /** Two target groups by name (CodeDeploy's task sets): the replacement's and the original's. */
  | { kind: 'names'; fresh: string; old: string }
  /** One target group both revisions share (a rolling update): the old revision is the pre-deployment baseline. */
  | { kind: 'shared'; targetGroup: string }

/** `bake`: both revisions take production traffic (or the new one has it all, with the old one's baseline to compare). */
export type AnalysisPhase = 'before' | 'bake' | 'after'

export interface AnalysisClients {
  cloudwatch: CloudWatchClient
  elbv2: ElasticLoadBalancingV2Client
}

/** What the summary shows: the comparison made, and each read with its decision. */
export interface AnalysisReport {
  /** How the revisions were told apart, in words. */
  compared: string
  checks: string[]
  decisions: Decision[]
}

interface Scopes {
  fresh: RevisionScope
  old: RevisionScope
  /** The old revision's figures come from before the rollout (one target group for both). */
  baselineOnly: boolean
  compared: string
}

const CLOCK_ALLOWANCE_MS = 3_600_000
const MINUTE_MS = 60_000
/** The old revision's figures from before the rollout cover at least this long. */
const BASELINE_MIN_MS = 5 * 60_000

/** The load balancer a listener rule belongs to, from the rule's ARN (`…:listener-rule/app/NAME/ID/…`). */
export function loadBalancerOfRule(rule: string | undefined): string | undefined {
  const match =
    rule && /^(arn:[^:]+:elasticloadbalancing:[^:]*:\d*:)listener-rule\/((?:app|net)\/[^/]+\/[^/]+)\//.exec(rule)
  return match ? `${match[1]}loadbalancer/${match[2]}` : undefined
}

const name = (arn: string): string => arn.split(':').pop()?.split('/')[1] ?? arn

export class CanaryAnalysis {
  private scopes: Scopes | undefined
  private bakeStart: number | undefined
  private lastRead: number | undefined
  private readonly decisions: Decision[] = []

  constructor(
    private readonly settings: AnalysisSettings,
    private readonly clients: AnalysisClients,
    private readonly where: { cluster: string; service: string; rolloutStart: number },
  ) {}

  /**
   * Called on each poll. Reads and decides when the interval has passed in the bake, or at once when `final` (the bake
   * is over, or the rollout is paused waiting for the analysis); undefined when it did not read.
   */
  async observe(
    phase: AnalysisPhase,
    final: boolean,
    targets: () => TrafficTargets | undefined,
    now: number,
  ): Promise<Decision | undefined> {
    if (!this.scopes) {
      // Known before the shift (the listener rule still routes to the old revision), or once the mechanism shows them.
      const known = targets()
      if (known || phase !== 'before' || final) this.scopes = await this.resolve(known)
    }
    if (phase === 'before' && !final) return undefined
    this.bakeStart ??= now
    const due = this.lastRead === undefined || now - this.lastRead >= this.settings.intervalSeconds * 1000
    if (!final && !due) return undefined
    this.lastRead = now
    const decision = await this.judge(now, final)
    this.decisions.push(decision)
    return decision
  }

  get report(): AnalysisReport {
    return {
      compared: this.scopes?.compared ?? 'not compared: the rollout never took traffic',
      checks: this.settings.checks.map((c) => c.name),
      decisions: this.decisions,
    }
  }

  private async judge(now: number, final: boolean): Promise<Decision> {
    const { checks, minRequests, inconclusive } = this.settings
    const scopes = this.scopes as Scopes
    // From the rollout's start as ECS stamped it (AWS's clock, not the runner's), to past the runner's now: CloudWatch
    // has nothing newer than its own now, and a runner's clock behind AWS's must not cut the latest minutes off.
    const { rolloutStart } = this.where
    const window: Window = { start: rolloutStart, end: Math.max(now, rolloutStart) + CLOCK_ALLOWANCE_MS }
    const lookBack = Math.max(now - (this.bakeStart ?? now), BASELINE_MIN_MS)
    // CloudWatch keeps these figures per minute: a shared target group's minute of the rollout start holds the new
    // revision's first requests too, so its baseline ends with the last whole minute before the rollout.
    const baselineEnd = scopes.baselineOnly ? Math.floor(rolloutStart / MINUTE_MS) * MINUTE_MS : rolloutStart
    const baseline: Window = { start: baselineEnd - lookBack, end: baselineEnd }
    const fresh = await readFigures(this.clients.cloudwatch, checks, scopes.fresh, window)
    let old: Figures | undefined
    if (!scopes.baselineOnly) old = await readFigures(this.clients.cloudwatch, checks, scopes.old, window)
    // The old revision took too little of the traffic over the window (blue/green moved it all): its figures from before.
    if (!old || old.requests < minRequests)
      old = await readFigures(this.clients.cloudwatch, checks, scopes.old, baseline)
    const judgements = checks.map((check) => judgeCheck(check, fresh, old, minRequests))
    return decide(judgements, inconclusive, now, final)
  }

  /** The new and old revisions' target groups (and load balancers), from what the mechanism knows. */
  private async resolve(targets: TrafficTargets | undefined): Promise<Scopes> {
    const { cluster, service } = this.where
    const rule = targets?.kind === 'pair' ? targets.productionListenerRule : undefined
    const scope = async (targetGroupArn: string | undefined): Promise<RevisionScope> => {
      const group = targetGroupArn ? await describeTargetGroup(this.clients.elbv2, { arn: targetGroupArn }) : undefined
      const loadBalancerArn = group?.LoadBalancerArns?.[0] ?? loadBalancerOfRule(rule)
      return { targetGroupArn, loadBalancerArn, cluster, service }
    }
    if (!targets)
      return {
        fresh: { cluster, service },
        old: { cluster, service },
        baselineOnly: true,
        compared: 'the service has no target group: only the metrics named with their own dimensions can be read',
      }
    if (targets.kind === 'shared')
      return {
        fresh: await scope(targets.targetGroup),
        old: await scope(targets.targetGroup),
        baselineOnly: true,
        compared: `target group ${name(targets.targetGroup)} since the rollout began, against the same target group before it (a rolling update's revisions share it)`,
      }
    if (targets.kind === 'names') {
      const arn = async (n: string): Promise<string | undefined> =>
        (await describeTargetGroup(this.clients.elbv2, { name: n }))?.TargetGroupArn
      const [fresh, old] = await Promise.all([arn(targets.fresh), arn(targets.old)])
      return {
        fresh: await scope(fresh),
        old: await scope(old),
        baselineOnly: false,
        compared: `target group ${targets.fresh} (replacement task set) against ${targets.old} (original task set)`,
      }
    }
    const { primary, alternate } = targets
    // Before the shift, the production rule sends (nearly) everything to the old revision's target group.
    const production = rule ? await describeRule(this.clients.elbv2, rule) : undefined
    const weights = production?.Actions?.flatMap((a) => a.ForwardConfig?.TargetGroups ?? []) ?? []
    const weight = (arn: string): number => weights.find((w) => w.TargetGroupArn === arn)?.Weight ?? -1
    const [old, fresh] = weight(alternate) > weight(primary) ? [alternate, primary] : [primary, alternate]
    return {
      fresh: await scope(fresh),
      old: await scope(old),
      baselineOnly: false,
      compared: `target group ${name(fresh)} (new revision) against ${name(old)} (old revision)`,
    }
  }
}
