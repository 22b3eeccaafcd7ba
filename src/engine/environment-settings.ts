// The one merge of the config file under the inputs, driven by the settings table's `config` keys: an input given wins
// over the environment's key (or the `previews:` section's), which wins over the setting's default.
import { UserError } from '../common/errors.js'
import { parseDuration } from '../config/duration.js'
import type { EnvironmentConfig, PreviewConfig } from '../config/types.js'
import type { EnvChange } from '../taskdef/index.js'
import type { Inputs } from '../settings/inputs.js'
import { configSettings, type ConfigKey, type MergeRule } from '../settings/table.js'

type Loose = Record<string, unknown>

/** The inputs with the environment's settings under them. */
export function withEnvironment(inputs: Inputs, environment: EnvironmentConfig): Inputs {
  const applies: Record<NonNullable<ConfigKey['when']>, boolean> = {
    build: inputs.build !== undefined,
    'no-build': inputs.build === undefined,
    'same-strategy': inputs.strategy.strategy === undefined || inputs.strategy.strategy === environment.strategy,
  }
  const given = new Set(inputs.given ?? [])
  let merged: Inputs = withSharedBlocks(inputs, environment)
  for (const { name, config } of configSettings('environment')) {
    if (config.when && !applies[config.when]) continue
    const value = mergedValue(config.merge, at(inputs, config.into), at(environment, config.from), given.has(name))
    if (value !== undefined) merged = withValue(merged, config.into, value)
  }
  if (environment.capacityPrices !== undefined) merged = { ...merged, capacityPrices: environment.capacityPrices }
  // With a build, `image` is the repository to push to: the environment's when the input leaves it out.
  if (merged.build && !merged.build.image && environment.image)
    merged = { ...merged, build: { ...merged.build, image: environment.image } }
  return merged
}

/** The previews section with the inputs given over it (`preview-ttl`, `preview-max`). */
export function withPreviewInputs(previews: PreviewConfig, inputs: Inputs): PreviewConfig {
  let merged = previews
  for (const { config } of configSettings('previews')) {
    const value = mergedValue(config.merge, at(inputs, config.into), at(previews, config.from), false)
    if (value !== undefined) merged = withValue(merged, config.from, value)
  }
  if (inputs.previewTtl === undefined) return merged
  const ttlMs = parseDuration(inputs.previewTtl)
  if (ttlMs === undefined) {
    throw new UserError(
      `Config key \`previews.ttl\` must be a duration like 7d, 12h or 30m, not "${inputs.previewTtl}".`,
    )
  }
  return { ...merged, ttl: inputs.previewTtl.trim(), ttlMs }
}

/** A build needs a repository to push to: the `image` input, or the environment's `image` in the config file. */
export function checkBuildHasImage(inputs: Inputs, environment?: string, file?: string): void {
  if (!inputs.build || inputs.build.image) return
  const where =
    environment !== undefined && file !== undefined ? ` (or image: in environments.${environment} of ${file})` : ''
  throw new UserError(
    `Input \`build\` needs \`image\`${where}: the repository to push to, e.g. 123456789012.dkr.ecr.us-east-1.amazonaws.com/web.`,
  )
}

function mergedValue(rule: MergeRule, input: unknown, configured: unknown, named: boolean): unknown {
  if (configured === undefined) return input
  switch (rule) {
    case 'named':
      return named ? input : configured
    case 'given':
      return input ?? configured
    case 'non-empty':
      return Array.isArray(input) && input.length ? input : configured
    case 'by-name':
      return { ...(configured as Loose), ...(input as Loose | undefined) }
    case 'after':
      return [...changes(configured as Record<string, string>), ...((input as EnvChange[] | undefined) ?? [])]
  }
}

function changes(values: Record<string, string>): EnvChange[] {
  return Object.entries(values).map(([name, value]) => ({ name, value }))
}

/**
 * A block the inputs and the environment share by name (`verify`, `serviceSettings`) starts from the environment's,
 * so its keys that are no input (verify's `redirects`, the circuit breaker's settings) come along.
 */
function withSharedBlocks(inputs: Inputs, environment: EnvironmentConfig): Inputs {
  const blocks = new Set(
    configSettings('environment').flatMap(({ config }) => {
      const [block, ...rest] = config.into.split('.')
      // Not the build's block: its keys apply only to a build, which the inputs ask for.
      return rest.length && !config.when && config.from.startsWith(`${block}.`) ? [block as string] : []
    }),
  )
  let merged = inputs
  for (const block of blocks) {
    const configured = at(environment, block) as Loose | undefined
    if (configured === undefined) continue
    // Request headers stay inputs (they carry secrets; the file is committed): none when only the file has a block.
    const empty = block === 'verify' ? { headers: {} } : {}
    merged = { ...merged, [block]: { ...empty, ...configured, ...(at(inputs, block) as Loose | undefined) } }
  }
  return merged
}

function at(object: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value as Loose | undefined)?.[key], object)
}

/** `object` with `value` at `path`, each object on the way copied (nothing given is changed). */
function withValue<T>(object: T, path: string, value: unknown): T {
  const [key, ...rest] = path.split('.') as [string, ...string[]]
  const own = object as Loose
  const inner = rest.length ? withValue((own[key] ?? {}) as Loose, rest.join('.'), value) : value
  return { ...own, [key]: inner } as T
}
