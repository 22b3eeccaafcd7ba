import type { ServiceSettings } from '../settings/service.js'
import type { Prices } from '../capacity/prices.js'
import type { StrategyName } from '../mechanisms/strategy-types.js'
export { STRATEGIES } from '../mechanisms/strategy-types.js'
export type Strategy = StrategyName
import type { StrategyInputs } from '../mechanisms/strategy-types.js'
import type { MovedSettings } from './moved-keys.js'
import type { AnalysisConfig } from '../analysis/spec.js'

/** One environment of the config file: where it deploys and which refs go there. */
export interface EnvironmentConfig extends MovedSettings {
  name: string
  /** Branch patterns (see glob.ts); empty: never chosen by branch. */
  branches: string[]
  /** Tag patterns; empty: never chosen by tag. */
  tags: string[]
  cluster?: string
  services: string[]
  taskDefinition?: string
  /** The service definition file (the `service-definition` input wins). */
  serviceDefinition?: string
  vars: Record<string, string>
  desiredCount?: number
  strategy?: Strategy
  url?: string
  region?: string
  /** Several regions, each its own matrix entry deployed in parallel (`regions:`); unset with `region` or neither. */
  regions?: string[]
  /**
   * The IAM role(s) a deploy job assumes (configure-aws-credentials' role-to-assume); data for the plan's matrix.
   * Several roles are several AWS accounts: each its own matrix entry (per region).
   */
  rolesToAssume?: string[]
  /** Environments that must deploy before this one, for ordering jobs; each exists, and they form no cycle. */
  needs?: string[]
  /** GitHub shows its deployments as production (production_environment). */
  production?: boolean
  /**
   * Only a ref its `branches` or `tags` take deploys here: a `workflow_dispatch` naming the environment from another
   * ref is refused (without it, allowed).
   */
  protected?: boolean
  // promote
  /** Deploy the images this other environment's services run, without a build (`promote-from`). */
  promoteFrom?: string
  /** The image (with a build: the repository to push to) when the `image` input leaves it out. */
  image?: string
  dockerfile?: string
  target?: string
  /** Under the `build-args` input's, name by name. */
  buildArgs?: Record<string, string>
  /** Under the `environment-variables` input's, name by name. */
  environmentVariables?: Record<string, string>
  /** Name → secret ARN or SSM parameter, under the `secrets` input's. */
  secrets?: Record<string, string>
  /** The options of the environment's `strategy` (only with it: they are checked against it). */
  strategyOptions?: StrategyOptions
  deploymentAlarms?: string[]
  // verify
  /** How its releases are checked over HTTP (the verify-* inputs win key by key). */
  verify?: VerifyConfig
  /** How its releases are judged by their metrics during each bake (`analysis:`; the `analysis` input's checks win). */
  analysis?: AnalysisConfig
  /** The services' deployment settings (`service-settings:`); the inputs of the same names win. */
  serviceSettings?: ServiceSettings
  /** The dry run's cost estimate: rates over the shipped table's, or the path of a file of them (`capacity-prices`). */
  capacityPrices?: string | Prices
}

/** An environment's `verify:` block; request headers stay inputs (they carry secrets, the file is committed). */
export interface VerifyConfig {
  urls: string[]
  testUrls: string[]
  expect?: string
  timeoutSeconds?: number
  intervalSeconds?: number
  command?: string
  /** Which redirects a check follows (`same-origin` by default; `none`: the redirect is the answer). */
  redirects?: 'same-origin' | 'none'
}

/** The strategy options an environment may set: the numbers of StrategyInputs (their keys are the table's `config`). */
export type StrategyOptions = {
  [K in keyof StrategyInputs as NonNullable<StrategyInputs[K]> extends number ? K : never]?: number
}

export type PreviewRouting = 'host' | 'path'

/** Per-pull-request environments, copied from the services of `base`. */
export interface PreviewConfig {
  /** Name of the environment whose services are copied. */
  base: string
  /** Which of the base environment's services get a preview (all of them by default). */
  services: string[]
  /** `host`: pr-<N>.<domain>; `path`: /pr-<N>/ on the load balancer. */
  routing: PreviewRouting
  domain?: string
  /** The ALB listener that gets one rule per preview; needed when the copied service has a load balancer. */
  listenerArn?: string
  desiredCount: number
  max: number
  /** Previews older than this are removed by a sweep; `ttl` as written, for messages. */
  ttl: string
  ttlMs: number
}

export interface DeployConfig {
  /** The file it was read from, as the user wrote it, for messages. */
  file: string
  /** In file order. */
  environments: EnvironmentConfig[]
  previews?: PreviewConfig
}

export const DEFAULT_CONFIG_FILE = '.github/ecs-deploy.yml'
export const PREVIEW_DEFAULTS = { desiredCount: 1, max: 10, ttl: '7d', routing: 'host' } as const
