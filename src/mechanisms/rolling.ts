// ECS's rolling update: followed through DescribeServices (the service deployment, when readable, adds rollback
// states); judged by the deployment's counts and rollout state; rolled back through ECS.
import type { Service, ServiceDeployment } from '@aws-sdk/client-ecs'
import type { AnalysisPhase, TrafficTargets } from '../analysis/canary.js'
import type { StrategyProgress } from '../deploy/progress.js'
import { rollBackEcs } from '../deploy/ecs-rollback.js'
import type { Rollout } from '../deploy/rollout.js'
import { judge, type Snapshot, type Verdict } from '../deploy/verdict.js'
import { ecsControlled } from './ecs-controlled.js'
import type { DeploymentMechanism, OwnObservation, Redeployment, RolloutWatch, WatchContext } from './mechanism.js'

export class RollingWatch implements RolloutWatch {
  readonly readsServiceDeploymentEveryPoll: boolean = false

  constructor(protected readonly ctx: WatchContext) {}

  get progress(): StrategyProgress | undefined {
    return undefined
  }

  async read(): Promise<void> {}

  observeOwn(): OwnObservation | undefined {
    return undefined
  }

  track(_serviceDeployment: ServiceDeployment, _at: number): string[] {
    return []
  }

  onTestTraffic(_snapshot: Snapshot): boolean {
    return false
  }

  judge(snapshot: Snapshot): Verdict | undefined {
    const { resumed } = this.ctx.rollout
    return judge(snapshot, this.ctx.targetTaskDefinition, { ...(resumed && { resumed }) })
  }

  /** Both revisions register with the service's one target group: the old one is compared by its baseline. */
  trafficTargets(service: Service): TrafficTargets | undefined {
    const targetGroup = service.loadBalancers?.find((lb) => lb.targetGroupArn)?.targetGroupArn
    return targetGroup ? { kind: 'shared', targetGroup } : undefined
  }

  /** The new revision serves once its first task runs, until the rollout ends. */
  analysisPhase({ deployment }: Snapshot): AnalysisPhase {
    if (!deployment || deployment.rolloutState !== 'IN_PROGRESS') return deployment ? 'after' : 'before'
    return (deployment.runningCount ?? 0) > 0 ? 'bake' : 'before'
  }

  async proceed(_snapshot: Snapshot): Promise<string | undefined> {
    return undefined
  }

  standing(_status: string, counts: string): string {
    return counts
  }

  taskStarter(): string | undefined {
    return this.ctx.rollout.deploymentId
  }

  rollBack(rollout: Rollout): Promise<string> {
    return rollBackEcs(this.ctx.ecs, this.ctx.cluster, this.ctx.service, rollout)
  }

  async redeployPrevious(rollout: Rollout): Promise<Redeployment> {
    const { serviceDeploymentArn: _done, ...previous } = rollout
    const line = await rollBackEcs(this.ctx.ecs, this.ctx.cluster, this.ctx.service, previous)
    return { line, revision: rollout.previousTaskDefinition }
  }
}

export const rolling: DeploymentMechanism = {
  ...ecsControlled('rolling'),
  strategies: { rolling: true, 'blue-green': false, canary: false, linear: false },
  testTraffic: false,
  refusesEarlySuccess: false,
  registersRevisions: true,
  peakFleet: 'maximum-percent',
  watch: (ctx) => new RollingWatch(ctx),
}
