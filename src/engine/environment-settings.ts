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
  let merged: Inputs = withSharedBlocks(inputs, environment)
  for (const { config } of configSettings('environment')) {
    if (config.when && !applies[config.when]) continue
    const value = mergedValue(config.merge, at(inputs, config.into), at(environment, config.from))
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
    const value = mergedValue(config.merge, at(inputs, config.into), at(previews, config.from))
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

/**
 * The settings that moved from the inputs to the environment's keys (settings/moved.ts), over the inputs' defaults;
 * a setting given by name (a CLI flag) still wins.
 */
export function withMovedSettings(inputs: Inputs, environment: EnvironmentConfig): Inputs {
  const given = new Set(inputs.given ?? [])
  const pick = <T>(name: string, own: T, file: T | undefined): T => (given.has(name) || file === undefined ? own : file)
  const { codedeploy = {}, runTask = {}, build = {} } = environment
  const { container, ...runTaskOptions } = runTask
  const switches = Object.fromEntries(
    Object.entries(build).filter(([key]) => !given.has(BUILD_SETTINGS[key as keyof typeof build] ?? key)),
  )
  const strategy = inputs.strategy
  return {
    ...inputs,
    rollbackOnFailure: pick('rollback-on-failure', inputs.rollbackOnFailure, environment.rollbackOnFailure),
    deploymentCircuitBreaker: pick(
      'deployment-circuit-breaker',
      inputs.deploymentCircuitBreaker,
      environment.circuitBreaker,
    ),
    logLines: pick('log-lines', inputs.logLines, environment.logLines),
    ...optional('artifactsDir', inputs.artifactsDir ?? environment.artifactsDir),
    ...optional('keepRevisions', inputs.keepRevisions ?? environment.keepRevisions),
    ...optional('runTaskContainer', inputs.runTaskContainer ?? container),
    ...((Object.keys(runTaskOptions).length || inputs.runTaskOptions) && {
      runTaskOptions: { ...runTaskOptions, ...inputs.runTaskOptions },
    }),
    strategy: {
      ...strategy,
      onBusy: pick('on-busy', strategy.onBusy, environment.onBusy),
      ...optional('waitUntil', strategy.waitUntil ?? environment.waitUntil),
      ...optional('appspec', strategy.appspec ?? codedeploy.appspec),
      ...optional('codedeployApplication', strategy.codedeployApplication ?? codedeploy.application),
      ...optional('codedeployDeploymentGroup', strategy.codedeployDeploymentGroup ?? codedeploy.deploymentGroup),
      ...optional('codedeployConfig', strategy.codedeployConfig ?? codedeploy.config),
    },
    ...(inputs.build && { build: { ...inputs.build, ...switches } }),
  }
}

/** Each build switch's setting name, where it is not the key's camel case. */
const BUILD_SETTINGS: Partial<Record<string, string>> = {
  push: 'push',
  createRepository: 'create-repository',
  scanOnPush: 'scan-on-push',
  immutableTags: 'immutable-tags',
  skipBuildIfExists: 'skip-build-if-exists',
  buildSecretFiles: 'build-secret-files',
  ssh: 'ssh',
  provenance: 'provenance',
  sbom: 'sbom',
  noCache: 'no-cache',
  pull: 'pull',
  logout: 'logout',
}

function optional<K extends string, V>(name: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [name]: value } as { [P in K]?: V })
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

function mergedValue(rule: MergeRule, input: unknown, configured: unknown): unknown {
  if (configured === undefined) return input
  switch (rule) {
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
      return rest.length && config.from.startsWith(`${block}.`) ? [block as string] : []
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
