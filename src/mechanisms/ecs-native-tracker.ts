import type { ServiceDeployment } from '@aws-sdk/client-ecs'
import { describeTraffic, hookName, newProgress, Seen, trafficOf } from '../deploy/progress.js'

/**
 * Follows an ECS-native (blue/green, canary, linear) service deployment from poll to poll: returns a line for
 * each change of traffic, hook, alarm and circuit breaker state, and keeps what the summary shows.
 */
export class NativeTracker {
  readonly progress = newProgress()
  private readonly seen = new Seen()

  /** `testTraffic` false: the service has no test listener (Express Mode), so ECS's test weight is no traffic to show. */
  constructor(private readonly testTraffic = true) {}

  update(sd: ServiceDeployment, at: number): string[] {
    const lines: string[] = []
    if (sd.lifecycleStage && this.seen.changed('stage', sd.lifecycleStage))
      this.progress.stages.push({ at, stage: sd.lifecycleStage })
    const { test, ...production } = trafficOf(sd)
    const traffic = this.testTraffic && test !== undefined ? { ...production, test } : production
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
