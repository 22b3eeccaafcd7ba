// ECS's own blue/green, canary and linear deployments: followed through their service deployment (stages, traffic,
// hooks, alarms) on every poll; only the service deployment says they succeeded; paused at a PAUSE hook for `continue`.
import type { Service, ServiceDeployment } from '@aws-sdk/client-ecs'
import type { AnalysisPhase, TrafficTargets } from '../analysis/canary.js'
import { continueServiceDeployment } from '../aws/ecs.js'
import { awaitingHook, trafficOf, type PausedAt, type StrategyProgress } from '../deploy/progress.js'
import type { Snapshot, Verdict } from '../deploy/verdict.js'
import { judge } from '../deploy/verdict.js'
import { ecsControlled } from './ecs-controlled.js'
import type { DeploymentMechanism, WatchContext } from './mechanism.js'
import { NativeTracker } from './ecs-native-tracker.js'
import { RollingWatch } from './rolling.js'

/** The stages after test traffic shifted to the new revision, until the old one goes. */
const ON_TEST_TRAFFIC = new Set([
  'POST_TEST_TRAFFIC_SHIFT',
  'PRODUCTION_TRAFFIC_SHIFT',
  'POST_PRODUCTION_TRAFFIC_SHIFT',
  'BAKE_TIME',
])

export class NativeWatch extends RollingWatch {
  override readonly readsServiceDeploymentEveryPoll = true
  private readonly tracker: NativeTracker

  constructor(ctx: WatchContext, testTraffic = true) {
    super(ctx)
    this.tracker = new NativeTracker(testTraffic)
  }

  override get progress(): StrategyProgress {
    return this.tracker.progress
  }

  override track(serviceDeployment: ServiceDeployment, at: number): string[] {
    return this.tracker.update(serviceDeployment, at)
  }

  /** Test traffic is all on the new revision from the end of TEST_TRAFFIC_SHIFT until clean-up. */
  override onTestTraffic({ serviceDeployment: sd }: Snapshot): boolean {
    if (sd?.status !== 'IN_PROGRESS' || !sd.lifecycleStage) return false
    if (sd.lifecycleStage === 'TEST_TRAFFIC_SHIFT') return trafficOf(sd).test === 100
    return ON_TEST_TRAFFIC.has(sd.lifecycleStage)
  }

  override judge(snapshot: Snapshot): Verdict | undefined {
    const { resumed } = this.ctx.rollout
    const verdict = judge(snapshot, this.ctx.targetTaskDefinition, {
      untilServiceDeploymentEnds: true,
      ...(resumed && { resumed }),
    })
    if (verdict?.outcome === 'paused' && snapshot.serviceDeployment)
      this.tracker.progress.paused = pausedAt(snapshot.serviceDeployment, resumed)
    return verdict
  }

  /** The service's two target groups; which is the new revision's is read from the production listener rule. */
  override trafficTargets(service: Service): TrafficTargets | undefined {
    const lb = service.loadBalancers?.find((l) => l.targetGroupArn && l.advancedConfiguration?.alternateTargetGroupArn)
    const alternate = lb?.advancedConfiguration?.alternateTargetGroupArn
    if (!lb?.targetGroupArn || !alternate) return super.trafficTargets(service)
    return {
      kind: 'pair',
      primary: lb.targetGroupArn,
      alternate,
      productionListenerRule: lb.advancedConfiguration?.productionListenerRule,
    }
  }

  /** From the first production traffic on the new revision until clean-up (blue/green: its bake on all of it). */
  override analysisPhase({ serviceDeployment: sd }: Snapshot): AnalysisPhase {
    if (!sd || sd.status === 'PENDING') return 'before'
    if (sd.status !== 'IN_PROGRESS' || sd.lifecycleStage === 'CLEAN_UP') return 'after'
    return (trafficOf(sd).production ?? 0) > 0 ? 'bake' : 'before'
  }

  /** ContinueServiceDeployment for the hook the deployment waits at. */
  override async proceed({ serviceDeployment: sd }: Snapshot): Promise<string | undefined> {
    const hook = awaitingHook(sd, this.ctx.rollout.resumed)
    if (!sd?.serviceDeploymentArn || !hook?.hookId) return undefined
    await continueServiceDeployment(this.ctx.ecs, {
      serviceDeploymentArn: sd.serviceDeploymentArn,
      hookId: hook.hookId,
      action: 'CONTINUE',
    })
    this.ctx.rollout.resumed = hook.hookId
    return `continued the deployment paused at ${sd.lifecycleStage ?? 'a lifecycle hook'} (ContinueServiceDeployment)`
  }

  override standing(status: string, counts: string): string {
    return [status, counts].filter(Boolean).join('; ')
  }
}

function pausedAt(sd: ServiceDeployment, resumed: string | undefined): PausedAt {
  const hook = awaitingHook(sd, resumed)
  return {
    stage: sd.lifecycleStage ?? 'a lifecycle hook',
    ...(hook?.hookId && { hookId: hook.hookId }),
    ...(hook?.expiresAt && { expiresAt: hook.expiresAt.getTime() }),
    ...(hook?.timeoutAction && { timeoutAction: hook.timeoutAction }),
    ...(sd.serviceDeploymentArn && { serviceDeploymentArn: sd.serviceDeploymentArn }),
  }
}

export const ecsNative: DeploymentMechanism = {
  ...ecsControlled('ecs-native'),
  strategies: { rolling: false, 'blue-green': true, canary: true, linear: true },
  testTraffic: true,
  // ECS's rule: early success criteria work with the rolling deployment strategy only.
  refusesEarlySuccess: true,
  registersRevisions: true,
  peakFleet: 'both-fleets',
  watch: (ctx) => new NativeWatch(ctx),
}
