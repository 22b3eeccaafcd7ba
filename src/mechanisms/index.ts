// One `strategy` input whatever the mechanism: ECS's rolling update (rolling.ts), ECS's own blue/green / canary /
// linear (ecs-native.ts), or CodeDeploy for CODE_DEPLOY services (codedeploy/). planStrategy() picks the mechanism and
// checks everything before anything changes; startStrategy() / continueStrategy() start or resume the deployment
// the watch loop (watch.ts) then follows. A new mechanism implements DeploymentMechanism (mechanism.ts) and is listed in registry.ts.
import type { Service } from '@aws-sdk/client-ecs'
import type { Rollout } from '../deploy/rollout.js'
import type { StrategyInputs } from './strategy-types.js'
import type { WaitContext } from './busy.js'
import type { PlanOptions, ResumedRollout, StartRequest, StrategyClients, StrategyPlan } from './mechanism.js'
import { mechanismFor, mechanismOf } from './registry.js'

export type { WaitContext } from './busy.js'
export type { ResumedRollout, StrategyClients, StrategyPlan } from './mechanism.js'
export type { PausedAt, StrategyProgress, TrafficPoint } from '../deploy/progress.js'
export { readStrategyInputs } from '../settings/strategy.js'
export type * from './strategy-types.js'

/**
 * Checks the strategy inputs against the service — its deployment controller, its load balancer, its CodeDeploy
 * application and group, the appspec — and settles how it will be deployed. Throws a UserError naming what is
 * wrong and how to fix it; changes nothing.
 */
export async function planStrategy(
  clients: StrategyClients,
  cluster: string,
  service: Service,
  inputs: StrategyInputs,
  options: PlanOptions = {},
): Promise<StrategyPlan> {
  return mechanismFor(service, inputs).plan(clients, cluster, service, inputs, options)
}

/** A plain rolling update, whatever the inputs ask: for a pull request's preview, a copy of the service without its blue/green set-up. */
export function rollingPlan(inputs: StrategyInputs): StrategyPlan {
  return {
    mechanism: 'rolling',
    description: 'rolling update (ECS)',
    inputs: { deploymentAlarms: [], onBusy: inputs.onBusy },
    changes: [],
  }
}

/** Starts the deployment of a registered revision as planned. */
export async function startStrategy(
  clients: StrategyClients,
  ctx: WaitContext,
  plan: StrategyPlan,
  service: Service,
  request: StartRequest,
): Promise<Rollout> {
  return mechanismOf(plan.mechanism).start(clients, ctx, plan, service, request)
}

/** `continue`: resumes (or rolls back) the deployment an earlier run left paused; the watch loop follows it. */
export async function continueStrategy(
  clients: StrategyClients,
  cluster: string,
  plan: StrategyPlan,
  service: Service,
  now: number,
  dryRun = false,
): Promise<ResumedRollout> {
  return mechanismOf(plan.mechanism).resume(clients, cluster, plan, service, now, dryRun)
}

export { strategyRows } from './strategy-rows.js'
export { checkIdle, deploymentInFlight } from './idle.js'
export { mechanismOf } from './registry.js'
