import type { ServiceSettings } from '../service-settings.js'
export const STRATEGIES = ['rolling', 'blue-green', 'canary', 'linear'] as const
export type Strategy = (typeof STRATEGIES)[number]

/** One environment of the config file: where it deploys and which refs go there. */
export interface EnvironmentConfig {
  name: string
  /** Branch patterns (see glob.ts); empty: never chosen by branch. */
  branches: string[]
  /** Tag patterns; empty: never chosen by tag. */
  tags: string[]
  cluster?: string
  services: string[]
  taskDefinition?: string
  vars: Record<string, string>
  desiredCount?: number
  strategy?: Strategy
  url?: string
  region?: string
  /** GitHub shows its deployments as production (production_environment). */
  production?: boolean
  /** The services' deployment settings (`service-settings:`); the inputs of the same names win. */
  serviceSettings?: ServiceSettings
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
