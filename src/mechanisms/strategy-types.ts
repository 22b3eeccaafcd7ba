// The strategy names and options: the one place that declares them. Every mechanism translates each name to its own
// configuration (mechanism.ts `configure`), so a name added here is a compile error in each one until it handles it.
// This file imports nothing: the settings, the config file and the mechanisms all read it.

/** `strategy`: one input whatever the mechanism (ECS rolling update, ECS-native blue/green…, CodeDeploy). */
export const STRATEGIES = ['rolling', 'blue-green', 'canary', 'linear'] as const
export type StrategyName = (typeof STRATEGIES)[number]

/** One entry per strategy: a mechanism's table of them, so that a new strategy is a compile error until each says what it is. */
export type PerStrategy<T> = { readonly [Name in StrategyName]: T }

/** What a service with a deployment already in flight makes the action do. */
export type OnBusy = 'wait' | 'fail'

/** `continue`: what to do with the deployment an earlier run left paused. */
export type ContinueAction = 'continue' | 'rollback'

/** How the service deploys: ECS's rolling update, ECS's own blue/green / canary / linear, CodeDeploy, or an ECS Express Mode service's update. */
export type Mechanism = 'rolling' | 'ecs-native' | 'codedeploy' | 'express'

/** The strategy inputs, typed and validated (src/settings/strategy.ts). */
export interface StrategyInputs {
  /** Undefined: the service's own (its configured ECS strategy, or its CodeDeploy group's config). */
  strategy?: StrategyName
  bakeMinutes?: number
  canaryPercent?: number
  canaryBakeMinutes?: number
  stepPercent?: number
  stepBakeMinutes?: number
  /** CloudWatch alarm names that roll an ECS deployment back; empty: leave the service's alarms as they are. */
  deploymentAlarms: string[]
  /** Where to stop and report `paused`: an ECS lifecycle stage where a PAUSE hook is allowed (CodeDeploy: Ready, i.e. POST_TEST_TRAFFIC_SHIFT). */
  waitUntil?: PauseStage
  continueAction?: ContinueAction
  onBusy: OnBusy
  codedeployApplication?: string
  codedeployDeploymentGroup?: string
  codedeployConfig?: string
  /** Path of an appspec.yml / appspec.json, relative to the workspace. */
  appspec?: string
}

/** The lifecycle stages where ECS allows a PAUSE hook (ContinueServiceDeployment resumes it). */
export const PAUSE_STAGES = [
  'PRE_SCALE_UP',
  'POST_SCALE_UP',
  'POST_TEST_TRAFFIC_SHIFT',
  'PRE_PRODUCTION_TRAFFIC_SHIFT',
  'POST_PRODUCTION_TRAFFIC_SHIFT',
] as const
export type PauseStage = (typeof PAUSE_STAGES)[number]

/** Friendly names for `wait-until`; `ready` is CodeDeploy's word for the same point (test traffic on the new revision). */
export const PAUSE_ALIASES: Readonly<Record<string, PauseStage>> = {
  'scaled-up': 'POST_SCALE_UP',
  'test-traffic-shifted': 'POST_TEST_TRAFFIC_SHIFT',
  ready: 'POST_TEST_TRAFFIC_SHIFT',
  'production-traffic-shifted': 'POST_PRODUCTION_TRAFFIC_SHIFT',
}
