import { UserError } from '../common/errors.js'
import { parseDuration } from './duration.js'
import type { EnvironmentConfig, PreviewConfig, Strategy } from './types.js'

/** The inputs the user gave explicitly; each one wins over the config file. */
export interface EnvironmentOverrides {
  cluster?: string
  services?: string[]
  taskDefinition?: string
  /** Merged over the environment's vars, key by key. */
  vars?: Record<string, string>
  desiredCount?: number
  strategy?: Strategy
  url?: string
  region?: string
}

export function withOverrides(environment: EnvironmentConfig, overrides: EnvironmentOverrides): EnvironmentConfig {
  const { vars, services, ...rest } = overrides
  return {
    ...environment,
    ...rest,
    services: services?.length ? services : environment.services,
    vars: { ...environment.vars, ...vars },
  }
}

/** The `preview-ttl` and `preview-max` inputs over the config's previews section. */
export function withPreviewOverrides(previews: PreviewConfig, inputs: { ttl?: string; max?: number }): PreviewConfig {
  if (inputs.ttl === undefined) return { ...previews, ...(inputs.max !== undefined && { max: inputs.max }) }
  const ttlMs = parseDuration(inputs.ttl)
  if (ttlMs === undefined) {
    throw new UserError(`Input \`preview-ttl\` must be a duration like 7d, 12h or 30m, not "${inputs.ttl}".`)
  }
  return { ...previews, ttl: inputs.ttl.trim(), ttlMs, ...(inputs.max !== undefined && { max: inputs.max }) }
}
