// Before anything changes: is another deployment in flight on the service? `on-busy: fail` (or a paused deployment)
// stops the run here, before the image is built or a revision registered; `on-busy: wait` waits here. The start of
// the rollout asks again, as the service may have become busy since.
import type { Service } from '@aws-sdk/client-ecs'
import { untilIdle, type InFlight, type WaitContext } from './busy.js'
import { mechanismOf } from './registry.js'
import type { StrategyClients, StrategyPlan } from './mechanism.js'

/**
 * The deployment in flight on the service, if any, other than one already rolling out `target` (the revision this
 * run would deploy when it registers nothing new; undefined when it registers a new one), which a re-run follows.
 */
export async function deploymentInFlight(
  clients: StrategyClients,
  plan: StrategyPlan,
  service: Service,
  target: string | undefined,
): Promise<InFlight | undefined> {
  return (await mechanismOf(plan.mechanism).inFlight(clients, '', plan, service, target, false)).inFlight
}

/** The service as it is once nothing else is in flight on it; throws, having changed nothing, per `on-busy`. */
export async function checkIdle(
  clients: StrategyClients,
  ctx: WaitContext,
  cluster: string,
  plan: StrategyPlan,
  service: Service,
  target: string | undefined,
): Promise<Service> {
  const mechanism = mechanismOf(plan.mechanism)
  let current = service
  let fresh = true
  await untilIdle(ctx, service.serviceName ?? '', plan.inputs.onBusy, async () => {
    const found = await mechanism.inFlight(clients, cluster, plan, current, target, !fresh)
    fresh = false
    current = found.service
    return found.inFlight
  })
  return current
}
