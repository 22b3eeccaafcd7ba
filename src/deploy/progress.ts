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
export function awaitingHook(
  sd: ServiceDeployment | undefined,
  resumed?: string,
): DeploymentLifecycleHookDetail | undefined {
  return sd?.lifecycleHookDetails?.find(
    (h) => h.targetType === 'PAUSE' && h.status === 'AWAITING_ACTION' && h.hookId !== resumed,
  )
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
    ...(target?.requestedProductionTrafficWeight !== undefined && {
      production: target.requestedProductionTrafficWeight,
    }),
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
