// Following a CodeDeploy deployment of an ECS service: its status, the ECS target's lifecycle events and
// task sets (with their traffic), and the verdict.
import type { CodeDeployClient, DeploymentInfo, ECSTarget } from '@aws-sdk/client-codedeploy'
import { getEcsTarget, listDeploymentTargets } from '../../aws/codedeploy.js'
import type { Verdict } from '../../deploy/verdict.js'
import { newProgress, Seen } from '../../deploy/progress.js'
import { getDeployment } from './deployment.js'

/** What one poll saw of a CodeDeploy deployment. */
export interface CodeDeployState {
  deployment: DeploymentInfo
  target?: ECSTarget
}

/** Reads the deployment and its ECS target; `targetId` caches the target's id between polls. */
export async function readCodeDeploy(
  codedeploy: CodeDeployClient,
  deploymentId: string,
  cache: { targetId?: string },
): Promise<CodeDeployState> {
  const deployment = await getDeployment(codedeploy, deploymentId)
  if (!cache.targetId && deployment.status !== 'Created' && deployment.status !== 'Queued') {
    const [targetId] = await listDeploymentTargets(codedeploy, deploymentId)
    if (targetId) cache.targetId = targetId
  }
  if (!cache.targetId) return { deployment }
  const targetId = cache.targetId
  const target = await getEcsTarget(codedeploy, deploymentId, targetId)
  return { deployment, ...(target && { target }) }
}

/** The replacement (green) task set's id: its tasks are started by it, so their stop reasons can be found. */
export function greenTaskSet(state: CodeDeployState | undefined): string | undefined {
  return state?.target?.taskSetsInfo?.find((t) => t.taskSetLabel === 'Green')?.identifer
}

/** Follows a CodeDeploy deployment from poll to poll: a line for each change of status, lifecycle event and traffic. */
export class CodeDeployTracker {
  readonly progress = newProgress()
  private readonly seen = new Seen()

  update(state: CodeDeployState, at: number): string[] {
    const lines: string[] = []
    const { deployment, target } = state
    if (deployment.status && this.seen.changed('status', deployment.status))
      lines.push(`CodeDeploy deployment ${deployment.deploymentId}: ${deployment.status}`)
    for (const event of target?.lifecycleEvents ?? []) {
      const name = event.lifecycleEventName ?? '?'
      if (!event.status || event.status === 'Pending' || !this.seen.changed(`event ${name}`, event.status)) continue
      if (event.status === 'InProgress') this.progress.stages.push({ at, stage: name })
      const message = event.status === 'Failed' && event.diagnostics?.message ? ` — ${event.diagnostics.message}` : ''
      lines.push(`${name}: ${event.status}${message}`)
    }
    const sets = target?.taskSetsInfo ?? []
    const green = sets.find((t) => t.taskSetLabel === 'Green')
    if (green?.trafficWeight !== undefined) {
      const words = sets
        .map(
          (t) =>
            `${(t.taskSetLabel ?? '?').toLowerCase()} ${t.trafficWeight ?? 0} % (${t.runningCount ?? 0}/${t.desiredCount ?? 0} running)`,
        )
        .join(', ')
      if (this.seen.changed('traffic', String(green.trafficWeight)))
        this.progress.traffic.push({ at, production: green.trafficWeight })
      if (this.seen.changed('task sets', words)) lines.push(`task sets: ${words}`)
    }
    return lines
  }
}

/** The last ECS lifecycle event before CodeDeploy waits to delete the original task set. */
const LAST_TRAFFIC_EVENT = 'AfterAllowTraffic'

/**
 * Whether the deployment has done all it does for the release: production traffic all on the replacement (green) task
 * set, and every lifecycle event up to AfterAllowTraffic through (Succeeded; Skipped where there is nothing to do).
 * CodeDeploy then stays InProgress for the group's termination wait before deleting the original task set, and a
 * StopDeployment with rollback would move the traffic back: the release already serves.
 */
export function trafficShifted(state: CodeDeployState): boolean {
  const events = state.target?.lifecycleEvents ?? []
  const last = events.findIndex((e) => e.lifecycleEventName === LAST_TRAFFIC_EVENT)
  const green = state.target?.taskSetsInfo?.find((t) => t.taskSetLabel === 'Green')
  return (
    green?.trafficWeight === 100 &&
    last >= 0 &&
    events[last]?.status === 'Succeeded' &&
    events.slice(0, last).every((e) => e.status === 'Succeeded' || e.status === 'Skipped')
  )
}

/** "after N min": when CodeDeploy deletes the original task set, from the deployment group's blue/green settings. */
export function terminationWait(deployment: DeploymentInfo): string {
  const minutes =
    deployment.blueGreenDeploymentConfiguration?.terminateBlueInstancesOnDeploymentSuccess?.terminationWaitTimeInMinutes
  return minutes ? `after ${minutes} min (the deployment group's termination wait)` : 'shortly'
}

/** Why a CodeDeploy deployment failed: the failed lifecycle event's diagnostics, else CodeDeploy's error. */
export function codedeployCause(state: CodeDeployState): string {
  const failed = state.target?.lifecycleEvents?.find((e) => e.status === 'Failed')
  const error = state.deployment.errorInformation
  const message = failed?.diagnostics?.message ?? error?.message ?? 'CodeDeploy gave no reason'
  const code = error?.code ? ` [${error.code}]` : ''
  return `${failed ? `${failed.lifecycleEventName} failed: ` : ''}${message.replace(/\.?$/, '.')}${code}`
}

/** Judges a CodeDeploy deployment; undefined while it goes on. `resumed` is `ready` when this run continued it from Ready. */
export function judgeCodeDeploy(state: CodeDeployState, resumed?: string): Verdict | undefined {
  const { deployment } = state
  const id = deployment.deploymentId
  const rollback = deployment.rollbackInfo
  const rolledBack = Boolean(rollback?.rollbackDeploymentId || rollback?.rollbackMessage)
  const back = rollback?.rollbackDeploymentId
    ? ` CodeDeploy rolled back (deployment ${rollback.rollbackDeploymentId}).`
    : ' CodeDeploy rolled back.'
  switch (deployment.status) {
    case 'Succeeded':
      return { outcome: 'succeeded', reason: `CodeDeploy deployment ${id} succeeded` }
    case 'Failed':
      return rolledBack
        ? { outcome: 'rolled-back', reason: `CodeDeploy deployment ${id} failed: ${codedeployCause(state)}${back}` }
        : { outcome: 'failed', reason: `CodeDeploy deployment ${id} failed: ${codedeployCause(state)}` }
    case 'Stopped': {
      const why = deployment.errorInformation?.message
        ? `: ${deployment.errorInformation.message.replace(/\.$/, '')}`
        : ''
      return rolledBack
        ? { outcome: 'rolled-back', reason: `CodeDeploy deployment ${id} was stopped${why}.${back}` }
        : { outcome: 'failed', reason: `CodeDeploy deployment ${id} was stopped${why}.` }
    }
    case 'Ready': {
      if (resumed === 'ready') return undefined
      const wait = deployment.blueGreenDeploymentConfiguration?.deploymentReadyOption?.waitTimeInMinutes
      const expires = wait ? ` If nobody does, CodeDeploy stops it ${wait} min after it became Ready.` : ''
      return {
        outcome: 'paused',
        reason: `CodeDeploy deployment ${id} is Ready: the new task set takes test traffic, production traffic stays on the old one. Run this action with \`mode: continue\` to reroute production traffic, or \`mode: rollback-paused\` to stop it and roll back.${expires}`,
      }
    }
    case 'InProgress':
    case 'Baking':
      return trafficShifted(state)
        ? {
            outcome: 'succeeded',
            reason: `CodeDeploy deployment ${id} shifted all production traffic to the new task set and every lifecycle hook succeeded; CodeDeploy terminates the original task set ${terminationWait(deployment)}, then marks the deployment Succeeded.`,
          }
        : undefined
    default:
      return undefined
  }
}
