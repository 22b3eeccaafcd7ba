import type { DeploymentLifecycleHookDetail, ServiceDeployment } from '@aws-sdk/client-ecs'
import { functionName } from '../aws/arn.js'

/** Traffic on the new revision at one moment, in %. */
export interface TrafficPoint {
  at: number
  production?: number
  test?: number
}

/** Where a deployment waits for `continue`. */
export interface PausedAt {
  /** The ECS lifecycle stage, or `Ready` (CodeDeploy). */
  stage: string
  hookId?: string
  /** When ECS or CodeDeploy takes its own timeout action if nobody continues. */
  expiresAt?: number
  timeoutAction?: string
  serviceDeploymentArn?: string
  /** CodeDeploy deployment id. */
  deploymentId?: string
}

/** What a blue/green, canary or linear deployment went through, for the summary. */
export interface StrategyProgress {
  /** Lifecycle stages (ECS) or lifecycle events (CodeDeploy), in the order they began. */
  stages: { at: number; stage: string }[]
  /** Each change of the traffic on the new revision. */
  traffic: TrafficPoint[]
  /** The alarms watched and those that went to ALARM. */
  alarms?: { names: string[]; triggered: string[] }
  /** Lifecycle hooks (Lambda functions, pauses) and how they ended. */
  hooks: { name: string; status: string }[]
  paused?: PausedAt
}

export function newProgress(): StrategyProgress {
  return { stages: [], traffic: [], hooks: [] }
}

/** A hook's name for people: the Lambda function's name, or `PAUSE`. */
export function hookName(hook: DeploymentLifecycleHookDetail): string {
  if (hook.targetType === 'PAUSE') return 'PAUSE'
  return hook.targetArn ? functionName(hook.targetArn) : (hook.hookId ?? '?')
}

/** The PAUSE hook a service deployment waits at, if any (not `resumed`, which a continue just answered). */
export function awaitingHook(sd: ServiceDeployment | undefined, resumed?: string): DeploymentLifecycleHookDetail | undefined {
  return sd?.lifecycleHookDetails?.find((h) => h.targetType === 'PAUSE' && h.status === 'AWAITING_ACTION' && h.hookId !== resumed)
}

/** `production 10 %, test 100 %` on the new revision, or undefined when ECS reports no weights. */
export function describeTraffic(point: Omit<TrafficPoint, 'at'>): string | undefined {
  const parts = [
    point.production !== undefined && `production ${point.production} %`,
    point.test !== undefined && `test ${point.test} %`,
  ].filter(Boolean)
  return parts.length ? parts.join(', ') : undefined
}

/** The traffic on a service deployment's target revision. */
export function trafficOf(sd: ServiceDeployment): Omit<TrafficPoint, 'at'> {
  const target = sd.targetServiceRevision
  return {
    ...(target?.requestedProductionTrafficWeight !== undefined && { production: target.requestedProductionTrafficWeight }),
    ...(target?.requestedTestTrafficWeight !== undefined && { test: target.requestedTestTrafficWeight }),
  }
}

/** Remembers the last value of each thing shown, so each change is shown once. */
export class Seen {
  private readonly values = new Map<string, string>()
  changed(key: string, value: string): boolean {
    if (this.values.get(key) === value) return false
    this.values.set(key, value)
    return true
  }
}

/**
 * Follows an ECS-native (blue/green, canary, linear) service deployment from poll to poll: returns a line for
 * each change of traffic, hook, alarm and circuit breaker state, and keeps what the summary shows.
 */
export class NativeTracker {
  readonly progress = newProgress()
  private readonly seen = new Seen()

  update(sd: ServiceDeployment, at: number): string[] {
    const lines: string[] = []
    if (sd.lifecycleStage && this.seen.changed('stage', sd.lifecycleStage)) this.progress.stages.push({ at, stage: sd.lifecycleStage })
    const traffic = trafficOf(sd)
    const words = describeTraffic(traffic)
    if (words && this.seen.changed('traffic', words)) {
      this.progress.traffic.push({ at, ...traffic })
      lines.push(`traffic on the new revision: ${words}`)
    }
    for (const hook of sd.lifecycleHookDetails ?? []) {
      const name = hookName(hook)
      if (!this.seen.changed(`hook ${hook.hookId ?? name}`, hook.status ?? '')) continue
      const known = this.progress.hooks.find((h) => h.name === name)
      if (known) known.status = hook.status ?? ''
      else this.progress.hooks.push({ name, status: hook.status ?? '' })
      lines.push(`lifecycle hook ${name}: ${hook.status}`)
    }
    const alarms = sd.alarms
    if (alarms?.alarmNames?.length) {
      const triggered = alarms.triggeredAlarmNames ?? []
      this.progress.alarms = { names: alarms.alarmNames, triggered }
      if (this.seen.changed('alarms', `${alarms.status}:${triggered.join(',')}`)) {
        lines.push(
          triggered.length
            ? `CloudWatch alarm ${triggered.join(', ')} went to ALARM`
            : `alarms ${alarms.alarmNames.join(', ')}: ${alarms.status ?? 'unknown'}`,
        )
      }
    }
    const breaker = sd.deploymentCircuitBreaker
    if (breaker?.status && breaker.status !== 'DISABLED') {
      const state = `${breaker.status}${breaker.failureCount ? ` (${breaker.failureCount}/${breaker.threshold ?? '?'} failed tasks)` : ''}`
      if (this.seen.changed('breaker', state)) lines.push(`circuit breaker: ${state}`)
    }
    return lines
  }
}
