// Before anything changes: is another deployment in flight on the service? `on-busy: fail` (or a paused deployment)
// stops the run here, before the image is built or a revision registered; `on-busy: wait` waits here. The start of
// the rollout asks again, as the service may have become busy since.
import type { Service } from '@aws-sdk/client-ecs'
import { describeService } from '../aws/ecs.js'
import { untilIdle, type InFlight, type WaitContext } from './busy.js'
import { deployedBy, describeInFlight } from './codedeploy/start.js'
import { ACTIVE_STATUSES, findDeployment } from './codedeploy/deployment.js'
import { inFlight } from './ecs.js'
import type { StrategyClients, StrategyPlan } from './index.js'

/**
 * The deployment in flight on the service, if any, other than one already rolling out `target` (the revision this
 * run would deploy when it registers nothing new; undefined when it registers a new one), which a re-run follows.
 */
export async function deploymentInFlight(clients: StrategyClients, plan: StrategyPlan, service: Service, target: string | undefined): Promise<InFlight | undefined> {
  if (plan.codedeploy) {
    const active = await findDeployment(clients.codedeploy, plan.codedeploy.group, ACTIVE_STATUSES)
    if (!active || (active.status !== 'Ready' && target !== undefined && deployedBy(active) === target)) return undefined
    return describeInFlight(active)
  }
  return inFlight(clients.ecs, service, target)
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
  const name = service.serviceName ?? ''
  let current = service
  let fresh = true
  await untilIdle(ctx, name, plan.inputs.onBusy, async () => {
    // The service as found first, then as it is on each later round.
    if (!fresh && !plan.codedeploy) {
      current = (await describeService(clients.ecs, cluster, name)) ?? current
    }
    fresh = false
    return deploymentInFlight(clients, plan, current, target)
  })
  return current
}
