import type { Deployment, Service, ServiceDeployment } from '@aws-sdk/client-ecs'
import { taskDefinitionRevision } from '../aws/arn.js'
import { failureThreshold } from '../settings/service.js'
import { awaitingHook, describeTraffic, hookName, trafficOf } from './progress.js'

/** `paused`: the deployment waits at a lifecycle hook (or CodeDeploy's Ready) for `continue`. */
export type Outcome = 'succeeded' | 'failed' | 'rolled-back' | 'timed-out' | 'paused'

export interface Verdict {
  outcome: Outcome
  reason: string
  /** The action, not ECS, decided the rollout failed (it would go on forever), so a rollback is the action's to ask for. */
  gaveUp?: boolean
}

/** What one poll saw of the rollout. */
export interface Snapshot {
  service: Service
  /** The deployment this run follows, when ECS still lists it. */
  deployment?: Deployment
  serviceDeployment?: ServiceDeployment
}

/**
 * How many stopped tasks of the new revision mean "crash loop" when ECS's circuit breaker is off: ECS's own rule, with
 * the threshold the service configures (deploymentCircuitBreaker.thresholdConfiguration) when it has one.
 */
export function crashLoopThreshold(service: Service, desiredCount: number): number {
  return failureThreshold(
    desiredCount,
    service.deploymentConfiguration?.deploymentCircuitBreaker?.thresholdConfiguration,
  )
}

function describeRevision(taskDefinitionArn: string | undefined): string {
  return taskDefinitionRevision(taskDefinitionArn, 'unknown revision')
}

/** How judge() reads a rollout. */
export interface JudgeOptions {
  /**
   * Only the service deployment can say the rollout succeeded: a blue/green, canary or linear deployment's tasks are all
   * up long before it ends (traffic shift, bake time, clean-up).
   */
  untilServiceDeploymentEnds?: boolean
  /** A hook this run resumed with ContinueServiceDeployment: it may still read AWAITING_ACTION for a moment. */
  resumed?: string
}

/** Why a service deployment failed, most specific first: the alarm that fired, the hook that failed, ECS's words. */
export function failureCause(sd: ServiceDeployment): string {
  const stage = sd.lifecycleStage ? ` during ${sd.lifecycleStage}` : ''
  const triggered = sd.alarms?.triggeredAlarmNames ?? []
  if (triggered.length) {
    return `CloudWatch alarm${triggered.length > 1 ? 's' : ''} ${triggered.join(', ')} went to ALARM${stage}.`
  }
  const hook = sd.lifecycleHookDetails?.find((h) => h.status === 'FAILED' || h.status === 'TIMED_OUT')
  if (hook) {
    return hook.targetType === 'PAUSE'
      ? `nobody continued the paused deployment before its PAUSE hook timed out${stage}.`
      : `lifecycle hook ${hookName(hook)} ${hook.status === 'FAILED' ? 'failed' : 'timed out'}${stage} (${hook.targetArn ?? hook.hookId}).`
  }
  return (sd.rollback?.reason ?? sd.statusReason ?? 'the deployment failed').replace(/\.?$/, '.')
}

/** Where a paused deployment waits, what traffic the new revision has, and how to go on. */
function pausedVerdict(
  sd: ServiceDeployment,
  hookId: string | undefined,
  expiresAt: Date | undefined,
  timeoutAction: string | undefined,
): Verdict {
  const traffic = describeTraffic(trafficOf(sd))
  const expires = expiresAt
    ? ` If nobody does, ECS will ${(timeoutAction ?? 'ROLLBACK') === 'CONTINUE' ? 'go on' : 'roll back'} by itself at ${expiresAt.toISOString()}.`
    : ''
  return {
    outcome: 'paused',
    reason: `the deployment is paused at ${sd.lifecycleStage ?? 'a lifecycle hook'}${traffic ? ` (new revision: ${traffic})` : ''}${hookId ? `, hook ${hookId}` : ''}. Run this action with \`mode: continue\` to go on, or \`mode: rollback-paused\` to roll back.${expires}`,
  }
}

/** Judges a service deployment's own status; undefined while it is still rolling. */
function judgeServiceDeployment(sd: ServiceDeployment, resumed?: string): Verdict | undefined {
  const because = sd.statusReason ? `: ${sd.statusReason}` : ''
  const failedBecause = failureCause(sd)
  const pause = awaitingHook(sd, resumed)
  if (pause && (sd.status === 'IN_PROGRESS' || sd.status === 'PENDING'))
    return pausedVerdict(sd, pause.hookId, pause.expiresAt, pause.timeoutAction)
  switch (sd.status) {
    case 'SUCCESSFUL':
      return { outcome: 'succeeded', reason: sd.statusReason ?? 'deployment completed' }
    case 'ROLLBACK_REQUESTED':
    case 'ROLLBACK_IN_PROGRESS':
      return { outcome: 'rolled-back', reason: `${failedBecause} ECS is rolling back to the previous revision.` }
    case 'ROLLBACK_SUCCESSFUL':
      return { outcome: 'rolled-back', reason: `${failedBecause} ECS rolled back to the previous revision.` }
    case 'ROLLBACK_FAILED':
      return { outcome: 'failed', reason: `the rollback failed too${because}` }
    case 'STOPPED':
    case 'STOP_REQUESTED':
      return { outcome: 'failed', reason: `the deployment was stopped${because}` }
    default:
      return undefined
  }
}

/**
 * ECS completed a rolling deployment before all its tasks ran, as the service's early success criteria allow: a
 * success from that moment (ECS goes on starting the rest), saying what was still starting and draining.
 */
function completedEarly(service: Service, deployment: Deployment): Verdict | undefined {
  const criteria = service.deploymentConfiguration?.earlySuccessCriteria
  const desired = deployment.desiredCount ?? 0
  const running = deployment.runningCount ?? 0
  if (!criteria?.enable || running >= desired) return undefined
  const draining = (service.deployments ?? [])
    .filter((d) => d.id !== deployment.id)
    .reduce((sum, d) => sum + (d.runningCount ?? 0) + (d.pendingCount ?? 0), 0)
  return {
    outcome: 'succeeded',
    reason: `ECS completed the deployment early, at ${criteria.healthyPercent} % healthy (early success criteria): ${running} of ${desired} new tasks running, ${desired - running} still starting${draining ? `, ${draining} old task${draining === 1 ? '' : 's'} still draining` : ''}`,
  }
}

/** Another actor's deployment took over the service: not this run's to roll back, and not a success of this run. */
function replacedBy(primary: Deployment): Verdict {
  return {
    outcome: 'failed',
    reason: `another deployment replaced this one: ${primary.id} of ${describeRevision(primary.taskDefinition)} is now the service's primary deployment, started by someone else; nothing was rolled back`,
  }
}

/**
 * Decides whether the followed rollout has ended and how. Pure: the watch loop feeds it snapshots, once ECS has
 * listed the followed deployment (before that, nothing is a verdict on it).
 * Success needs the new revision to be primary and complete; any rollback is a failure.
 */
export function judge(
  snapshot: Snapshot,
  targetTaskDefinition: string,
  options: JudgeOptions = {},
): Verdict | undefined {
  const { service, deployment, serviceDeployment } = snapshot
  const primary = service.deployments?.find((d) => d.status === 'PRIMARY')
  // Not PRIMARY without having failed: a newer deployment, which ECS did not start to roll this one back.
  const rollingBack = serviceDeployment?.status?.startsWith('ROLLBACK_') === true
  if (
    deployment &&
    primary &&
    deployment.status !== 'PRIMARY' &&
    deployment.rolloutState !== 'FAILED' &&
    !rollingBack
  ) {
    return deployment.rolloutState === 'COMPLETED'
      ? { outcome: 'succeeded', reason: deployment.rolloutStateReason ?? 'the deployment completed' }
      : replacedBy(primary)
  }
  if (serviceDeployment) {
    const verdict = judgeServiceDeployment(serviceDeployment, options.resumed)
    if (verdict?.outcome === 'succeeded' && deployment) return completedEarly(service, deployment) ?? verdict
    if (verdict) return verdict
  }
  if (!deployment) return primary ? replacedBy(primary) : undefined
  if (deployment.rolloutState === 'FAILED') {
    const reason = deployment.rolloutStateReason ?? 'ECS marked the deployment FAILED'
    const rolledBack = primary && primary.id !== deployment.id && primary.taskDefinition !== targetTaskDefinition
    return rolledBack
      ? { outcome: 'rolled-back', reason: `${reason} ECS rolled back to ${describeRevision(primary.taskDefinition)}.` }
      : { outcome: 'failed', reason }
  }
  const settled =
    deployment.status === 'PRIMARY' &&
    deployment.runningCount === deployment.desiredCount &&
    (deployment.pendingCount ?? 0) === 0 &&
    (deployment.rolloutState === 'COMPLETED' ||
      (deployment.rolloutState === undefined && service.deployments?.length === 1))
  if (settled && !(options.untilServiceDeploymentEnds && serviceDeployment)) {
    return { outcome: 'succeeded', reason: deployment.rolloutStateReason ?? 'the service reached a steady state' }
  }
  if (deployment.status === 'PRIMARY' && deployment.rolloutState === 'COMPLETED') {
    const early = completedEarly(service, deployment)
    if (early) return early
  }
  const breakerOn = service.deploymentConfiguration?.deploymentCircuitBreaker?.enable === true
  const failed = deployment.failedTasks ?? 0
  if (!breakerOn && failed >= crashLoopThreshold(service, deployment.desiredCount ?? 1)) {
    return {
      outcome: 'failed',
      reason: `tasks of ${describeRevision(deployment.taskDefinition)} keep stopping (${failed} failed to start or crashed) and ECS's circuit breaker is off, so ECS would retry forever`,
      gaveUp: true,
    }
  }
  return undefined
}
