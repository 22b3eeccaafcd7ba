// Types of scenario.mjs for TypeScript tests (the stack itself is plain JavaScript).
export declare const OUTCOMES: readonly string[]
export declare const LIFECYCLE_STAGES: readonly string[]
export declare const CODEDEPLOY_EVENTS: readonly string[]

export interface StagePlan {
  stage: string
  seconds: number
  outcome: 'success' | 'fail' | 'rollback'
  productionTrafficWeights?: number[]
  testTrafficWeight?: number
  reason?: string
  hook?: string
  alarm?: string
}

export interface RolloutPlan {
  outcome: 'success' | 'crash' | 'stuck-pending' | 'unhealthy' | 'pull-error'
  provisioningSeconds: number
  taskStartSeconds: number
  healthCheckSeconds: number
  crashAfterSeconds: number
  exitAfterSeconds: number | undefined
  exitCode: number | undefined
  reason: string | undefined
  failures: number | undefined
  circuitBreakerAfterFailures: number | undefined
  drainSeconds: number
  rollbackStartSeconds: number
  logLines: string[]
  targetGroup: string | undefined
  failAt: string | undefined
  eventSeconds: Record<string, number>
  stages: StagePlan[]
  rollback: RolloutPlan | undefined
  visibilityDelaySeconds: number
  staleCurrentServiceDeploymentSeconds: number
  serviceDeployments: boolean
  replacedAfterSeconds: number | undefined
}

export interface Scenario {
  service: string | undefined
  cluster: string | undefined
  family: string | undefined
  times: number
  rollout: RolloutPlan
}

export declare const DEFAULT_ROLLOUT: Readonly<RolloutPlan>
export declare class ScenarioError extends Error {}
export declare function parseRollout(raw?: unknown, where?: string): RolloutPlan
export declare function rollbackPlanOf(plan: RolloutPlan): RolloutPlan
export declare function parseScenario(raw: unknown): Scenario
export declare class ScenarioBook {
  scenarios: (Scenario & { used: number })[]
  add(raw: unknown): Scenario[]
  clear(): void
  take(target: { cluster: string; service?: string; family?: string }): RolloutPlan
}
