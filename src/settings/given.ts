// The settings a run gives of how a service deploys, each named as the user writes it (its config key), so that a
// mechanism taking only some of them (Express Mode) can refuse the rest by name. Derived from the settings table and
// ServiceSettings' names: a setting added to either is covered without a list to keep up.
import { SCALING_KEYS } from './express-scaling.js'
import type { Inputs } from './inputs.js'
import { SETTING_INPUTS, type ServiceSettings } from './service.js'
import { isRepeatable, SETTINGS } from './table.js'

/** What a run gives of how a service deploys beside its revision, before a service definition file is folded in. */
export type DeploymentSettings = Pick<Inputs, 'strategy'> &
  Partial<Pick<Inputs, 'desiredCount' | 'deploymentCircuitBreaker' | 'serviceSettings' | 'serviceDefinition'>>

/** A setting given: its place in the inputs (`serviceSettings.maximumPercent`) and the name the user writes. */
export interface GivenSetting {
  path: string
  name: string
}

const ROOTS: Record<keyof DeploymentSettings, true> = {
  strategy: true,
  desiredCount: true,
  deploymentCircuitBreaker: true,
  serviceSettings: true,
  serviceDefinition: true,
}

/** The table's rows of those settings. */
const ROWS = SETTINGS.flatMap((setting) => {
  const { config, default: byDefault } = setting
  if (!config || !((config.into.split('.')[0] ?? '') in ROOTS)) return []
  return [{ path: config.into, name: config.key, byDefault, list: isRepeatable(setting) }]
})

/** Set, and to something else than the setting's default; a list setting read empty sets nothing (`[]` in JSON does). */
const isGiven = (value: unknown, { byDefault, list }: { byDefault?: string | undefined; list: boolean }): boolean =>
  value !== undefined && !(list && Array.isArray(value) && !value.length) && String(value) !== byDefault

/** The config keys of the service settings that have no row of their own (the circuit breaker's threshold, …). */
function ownKeys(member: keyof ServiceSettings, settings: ServiceSettings): string[] {
  if (member === 'definition' || member === 'tags') return [SETTING_INPUTS[member]]
  const keys =
    member === 'expressScaling'
      ? Object.keys(settings.expressScaling ?? {}).map((m) => SCALING_KEYS[m as keyof typeof SCALING_KEYS])
      : [SETTING_INPUTS[member]]
  return keys.map((key) => `service-settings.${key}`)
}

/** Each deployment setting given, in the table's order, then the service settings without a row of their own. */
export function givenSettings(given: DeploymentSettings): GivenSetting[] {
  const rows = ROWS.filter((row) => isGiven(at(given, row.path), row)).map(({ path, name }) => ({ path, name }))
  const settings = given.serviceSettings ?? {}
  const others = (Object.keys(settings) as (keyof ServiceSettings)[])
    .filter((member) => settings[member] !== undefined && !ROWS.some((r) => r.path === `serviceSettings.${member}`))
    .flatMap((member) => ownKeys(member, settings).map((name) => ({ path: `serviceSettings.${member}`, name })))
  return [...rows, ...others].filter((s, i, all) => all.findIndex((o) => o.name === s.name) === i)
}

function at(object: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], object)
}
