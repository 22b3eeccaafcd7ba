import { parseDuration } from './duration.js'
import { patternProblem } from './glob.js'
import { describedValue } from '../common/problems.js'
import { Problems, type KeyPath } from './problems.js'
import { suggestion } from '../common/suggest.js'
import { errorMessage, UserError } from '../common/errors.js'
import { parseImageReference } from '../image/reference.js'
import {
  parseCapacityProviderStrategy,
  parseThreshold,
  parseVolumeConfigurations,
  type ServiceSettings,
} from '../settings/service.js'
import { SCALING_KEYS, SCALING_METRICS, SCALING_RANGES, scalingProblems } from '../settings/express-scaling.js'
import {
  configSettings,
  configSettingsIn,
  PLACEHOLDER_NAME,
  settingNamed,
  VARIABLE_NAME,
  type ConfigKey,
  type NameRule,
  type Setting,
} from '../settings/table.js'
import { PRICE_KEYS, priceProblem, type PriceKey, type Prices } from '../capacity/prices.js'
import { readMovedKeys } from './moved-keys.js'
import { readAnalysis } from './analysis.js'
import {
  PREVIEW_DEFAULTS,
  STRATEGIES,
  type DeployConfig,
  type EnvironmentConfig,
  type PreviewConfig,
  type PreviewRouting,
  type VerifyConfig,
} from './types.js'

const TOP_KEYS = ['environments', 'previews'] as const
/** The keys that are settings, at the top of an environment or in one of its blocks (`verify`), in the table's order. */
const settingKeys = (block?: string): string[] =>
  configSettingsIn('environment', block).flatMap(({ config, key }) => [...(config.aliases ?? []), key])
/** The blocks of an environment that hold settings (`verify`, `build`…), in the table's order. */
const SETTING_BLOCKS = [
  ...new Set(
    configSettings('environment').flatMap(({ config }) =>
      config.key.includes('.') ? [config.key.split('.')[0] as string] : [],
    ),
  ),
]
// promote: per-environment build and runtime settings, named like their inputs
const BUILD_KEYS = ['image', 'dockerfile', 'target', 'build-args'] as const
const ENVIRONMENT_KEYS = [
  'branches',
  'tags',
  ...settingKeys(),
  'url',
  'production',
  'protected',
  'regions',
  'role-to-assume',
  'needs',
  ...SETTING_BLOCKS,
  'capacity-prices',
]
/** The service deployment settings an environment may set: the table's, then the ones that are no input. */
const SERVICE_SETTING_KEYS = [
  ...settingKeys('service-settings'),
  'circuit-breaker-threshold',
  'circuit-breaker-reset-on-healthy-task',
  'early-success-healthy-percent',
  'early-success-cleanup',
  ...Object.values(SCALING_KEYS),
]
const CAPACITY_ITEM = /^[A-Za-z0-9_-]{1,255}(:\d{1,4}(:\d{1,6})?)?$/
const VERIFY_KEYS = [...settingKeys('verify'), 'redirects']
const PREVIEW_KEYS = [
  'base',
  'services',
  'routing',
  'domain',
  'listener-arn',
  'desired-count',
  ...configSettings('previews').map(({ config }) => config.key),
]

const NAME = /^[A-Za-z0-9._-]{1,255}$/
const ECS_NAME = /^([A-Za-z0-9_-]{1,255}|arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:[a-z-]+\/\S+)$/
const VAR_NAME = PLACEHOLDER_NAME.pattern
const ENV_NAME = VARIABLE_NAME.pattern
const URL = /^https?:\/\/[^\s/]+\S*$/
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/
const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/
const LISTENER_ARN =
  /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:listener\/app\/[^/\s]+\/[0-9a-f]+\/[0-9a-f]+$/

const EXAMPLE = 'e.g. dev: { branches: [develop], cluster: dev, services: [web] }'

/**
 * Checks a parsed config file and returns it typed, or throws a ConfigError listing every problem.
 * `locate` gives the line of a key path, for messages and annotations.
 */
export function validateConfig(
  data: unknown,
  file: string,
  locate?: (path: KeyPath) => number | undefined,
): DeployConfig {
  const p = new Problems(file, locate)
  if (data === null || data === undefined)
    p.add([], `the file is empty; add environments: with at least one environment, ${EXAMPLE}`)
  const top = data === null || data === undefined ? undefined : p.mapping([], data, TOP_KEYS)
  const config = top && readConfig(p, top)
  p.throwIfAny()
  return config as DeployConfig
}

function readConfig(p: Problems, top: Record<string, unknown>): DeployConfig | undefined {
  const raw = top.environments
  if (raw === undefined) p.add([], `has no environments; add at least one, ${EXAMPLE}`)
  const mapping = raw === undefined ? undefined : p.mapping(['environments'], raw)
  const entries = Object.entries(mapping ?? {})
  if (mapping && entries.length === 0) p.add(['environments'], `is empty; add at least one, ${EXAMPLE}`)
  const names = entries.map(([name]) => name)
  const read = entries.map(([name, value]) => readEnvironment(p, name, value, names))
  const environments = read.filter((e) => e !== undefined)
  checkNeedsCycles(p, environments)
  checkPromotions(p, names, environments)
  const previews = top.previews === undefined ? undefined : readPreviews(p, top.previews, names, environments)
  if (!mapping || environments.length !== read.length) return undefined
  return { file: p.file, environments, ...(previews && { previews }) }
}

function readEnvironment(p: Problems, name: string, value: unknown, names: string[]): EnvironmentConfig | undefined {
  const path = ['environments', name]
  if (!NAME.test(name)) p.add(path, 'is not a usable environment name; use letters, digits, ".", "_" and "-"')
  const m = p.mapping(path, value, ENVIRONMENT_KEYS)
  if (!m) return undefined
  const at = (key: string): KeyPath => [...path, key]
  const optional = <T>(key: string, read: (path: KeyPath, value: unknown) => T | undefined): T | undefined =>
    m[key] === undefined ? undefined : read(at(key), m[key])
  const patterns = (key: string): string[] => {
    const list = optional(key, (kp, v) => p.list(kp, v, (ip, item) => pattern(p, ip, item))) ?? []
    // As in GitHub's filters: ! only excludes what an earlier pattern included, so a list of them alone matches nothing.
    if (list.length && list.every((item) => item.startsWith('!'))) {
      p.add(
        at(key),
        `has only ! patterns, which exclude but include nothing, so no ${key === 'tags' ? 'tag' : 'branch'} matches; put what to include first ('**', then '!…')`,
      )
    }
    return list
  }

  if (m.service !== undefined && m.services !== undefined) {
    p.add(path, 'has both service and services; keep one (services: [web, worker] lists several)')
  }
  const strategy = STRATEGIES.find((s) => s === m.strategy)
  const settings = readSettings(p, path, m, shapedRows('environment'), strategy) as Partial<EnvironmentConfig>
  const services = settings.services ?? []
  if (services.length && m.cluster === undefined)
    p.add(path, 'has services but no cluster; add cluster: <the ECS cluster they run in>')
  checkPromotion(p, path, m, settings.promoteFrom)
  const url = optional('url', (kp, v) =>
    p.text(kp, v, { pattern: URL, expected: 'an http(s) URL like https://example.com' }),
  )
  const production = optional('production', (kp, v) => p.boolean(kp, v))
  const isProtected = optional('protected', (kp, v) => p.boolean(kp, v))
  if (m.region !== undefined && m.regions !== undefined)
    p.add(path, 'has both region and regions; keep one (regions: [us-east-1, eu-west-1] lists several)')
  const regions = optional('regions', (kp, v) =>
    p.list(kp, v, (ip, item) => p.text(ip, item, { pattern: REGION, expected: 'an AWS region like us-east-1' })),
  )
  if (regions && new Set(regions).size !== regions.length) p.add(at('regions'), 'lists a region twice')
  const rolesToAssume = optional('role-to-assume', (kp, v) =>
    p.list(kp, v, (ip, item) =>
      p.text(ip, item, { pattern: ROLE_ARN, expected: 'an IAM role ARN like arn:aws:iam::123456789012:role/deploy' }),
    ),
  )
  if (rolesToAssume && new Set(rolesToAssume.map(accountOf)).size !== rolesToAssume.length)
    p.add(at('role-to-assume'), 'lists two roles of one account; give one role per AWS account')
  const needs = optional('needs', (kp, v) => p.list(kp, v, (ip, item) => neededEnvironment(p, ip, item, name, names)))
  const serviceSettings = optional('service-settings', (kp, v) => readServiceSettings(p, kp, v))
  const capacityPrices = optional('capacity-prices', (kp, v) => readCapacityPrices(p, kp, v))
  return {
    name,
    branches: patterns('branches'),
    tags: patterns('tags'),
    ...settings,
    services,
    vars: settings.vars ?? {},
    ...(url !== undefined && { url }),
    ...(production !== undefined && { production }),
    ...(isProtected !== undefined && { protected: isProtected }),
    ...(regions !== undefined && { regions }),
    ...(rolesToAssume !== undefined && { rolesToAssume }),
    ...(needs !== undefined && { needs }),
    ...optionalVerify(optional('verify', (kp, v) => readVerify(p, kp, v))),
    ...optionalAnalysis(optional('analysis', (kp, v) => readAnalysis(p, kp, v))),
    // Only the circuit breaker's mode given: no ServiceSettings of its own.
    ...(serviceSettings !== undefined && Object.keys(serviceSettings).length && { serviceSettings }),
    ...(capacityPrices !== undefined && { capacityPrices }),
    ...readMovedKeys(p, path, m, strategy),
  }
}

/** `capacity-prices`: the path of a file of rates in the workspace, or the rates themselves (USD per hour). */
function readCapacityPrices(p: Problems, path: KeyPath, value: unknown): string | Prices | undefined {
  if (typeof value === 'string') return p.text(path, value)
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return p.add(
      path,
      `must be the path of a file of rates, or the rates (USD per hour) as a mapping like fargate-vcpu-hour: 0.04048; not ${describedValue(value)}`,
    )
  const m = p.mapping(path, value, PRICE_KEYS) ?? {}
  const prices: Prices = {}
  for (const [key, rate] of Object.entries(m).filter(([key]) => (PRICE_KEYS as readonly string[]).includes(key))) {
    const problem = priceProblem(key, rate)
    if (problem) p.add([...path, key], problem)
    else prices[key as PriceKey] = rate as number
  }
  return prices
}

// promote
/** An environment with promote-from deploys the images of another: it builds nothing. */
function checkPromotion(p: Problems, path: KeyPath, m: Record<string, unknown>, promoteFrom: string | undefined): void {
  const built = BUILD_KEYS.filter((key) => m[key] !== undefined)
  if (promoteFrom !== undefined && built.length) {
    p.add(
      [...path, built[0] as string],
      `builds nothing here: the environment has promote-from: ${promoteFrom}, so it deploys the images ${promoteFrom} runs; remove ${built.join(', ')}`,
    )
  }
}

/** The rows of the settings read here by their shapes (not by their inputs' readers), at the top of `block`. */
function shapedRows(scope: 'environment' | 'previews', block = ''): Row[] {
  return configSettingsIn(scope, block).flatMap(({ name, config, key }) =>
    config.read === 'input' ? [] : [{ setting: settingNamed(name) as Setting, config, key }],
  )
}

interface Row {
  setting: Setting
  config: ConfigKey
  /** Its key inside the mapping read. */
  key: string
}

/**
 * The keys of `m` that are these settings (or their aliases), in the file's order, each read by its row's shape and
 * put at its `from` (less the block's own part, `within`).
 */
function readSettings(
  p: Problems,
  path: KeyPath,
  m: Record<string, unknown>,
  rows: Row[],
  strategy?: string,
  within = '',
): Record<string, unknown> {
  const byKey = new Map(rows.flatMap((row) => [row.key, ...(row.config.aliases ?? [])].map((key) => [key, row])))
  const values: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(m)) {
    const row = byKey.get(key)
    if (!row || value === undefined) continue
    const read = readShape(p, [...path, key], value, row, strategy)
    const from = within ? row.config.from.slice(within.length + 1) : row.config.from
    if (read !== undefined) setAt(values, from, read)
  }
  return values
}

function setAt(object: Record<string, unknown>, path: string, value: unknown): void {
  const [key, ...rest] = path.split('.') as [string, ...string[]]
  if (!rest.length) object[key] = value
  else setAt((object[key] ??= {}) as Record<string, unknown>, rest.join('.'), value)
}

/** One key's value, as its shape writes it, within its setting's range and choices; undefined with a problem. */
function readShape(p: Problems, path: KeyPath, value: unknown, { setting, config }: Row, strategy?: string): unknown {
  const list = (pattern: RegExp, expected: string) =>
    p.list(path, value, (ip, item) => p.text(ip, item, { pattern, expected }))
  switch (config.shape) {
    case 'text':
      return p.text(path, value)
    case 'image': {
      const text = p.text(path, value)
      return text === undefined ? undefined : imageReference(p, path, text)
    }
    case 'ecs-name':
      return ecsName(p, path, value, 'an ECS cluster name or ARN')
    case 'ecs-names':
      return p.list(path, value, (ip, item) => ecsName(p, ip, item, 'an ECS service name or ARN'))
    case 'environment-name':
      return p.text(path, value, { pattern: NAME, expected: 'an environment name' })
    case 'region':
      return p.text(path, value, { pattern: REGION, expected: 'an AWS region like us-east-1' })
    case 'placeholders':
      return readNamedValues(p, path, value, PLACEHOLDER_NAME)
    case 'variables':
      return readNamedValues(p, path, value, VARIABLE_NAME)
    case 'secrets':
      return readNamedValues(p, path, value, VARIABLE_NAME, true)
    case 'number':
      return numberOf(p, path, value, setting, config.when === 'same-strategy' ? { strategy } : undefined)
    case 'seconds': {
      const { min, max } = setting.range ?? { min: 0, max: Infinity }
      if (typeof value === 'number' && value >= min && value <= max) return value
      return p.add(path, `must be a number of seconds from ${min} to ${max}, not ${describedValue(value)}`)
    }
    case 'boolean':
      return p.boolean(path, value)
    case 'choice':
      return p.choice(path, value, setting.choices ?? [])
    case 'upper-choice':
      return p.choice(
        path,
        value,
        (setting.choices ?? []).map((choice) => choice.toUpperCase()),
      )
    case 'alarm-names':
      return list(/^.{1,255}$/, 'a CloudWatch alarm name')
    case 'urls':
      return list(URL, 'an http(s) URL like https://${ENVIRONMENT}.example.com/version')
    case 'capacity-providers':
      return capacityProviders(p, path, list(CAPACITY_ITEM, 'name:weight:base, like FARGATE_SPOT:3 or FARGATE:1:2'))
    case 'duration': {
      const text = p.text(path, value)
      return text !== undefined && parseDuration(text) === undefined
        ? p.add(path, `must be a duration like 7d, 12h or 30m, not ${describedValue(text)}`)
        : text
    }
    case 'objects':
      try {
        return parseVolumeConfigurations(setting.name, JSON.stringify(value))
      } catch (error) {
        return p.add(path, errorMessage(error).replace(/^(Input|Config key) `[^`]+`(, )?:? ?/, ''))
      }
    default:
      throw new Error(`config/schema.ts reads no ${config.shape} key: give ${setting.name}'s config read: 'input'`)
  }
}

function capacityProviders(p: Problems, path: KeyPath, items: string[] | undefined): unknown {
  try {
    return items && parseCapacityProviderStrategy('capacity-provider-strategy', items.join('\n'))
  } catch (error) {
    return p.add(path, errorMessage(error).replace(/^Input `[^`]+`: /, ''))
  }
}

function imageReference(p: Problems, path: KeyPath, text: string): string | undefined {
  try {
    parseImageReference(text, JSON.stringify(text).slice(1, -1))
    return text
  } catch (error) {
    if (!(error instanceof UserError)) throw error
    return p.add(path, error.message.replace(/^.*? is not/, `${JSON.stringify(text)} is not`).replace(/\.$/, ''))
  }
}

/** `NAME: value` pairs (placeholders, environment variables, secrets); a secret's value (where ECS reads it) cannot be empty. */
function readNamedValues(
  p: Problems,
  path: KeyPath,
  value: unknown,
  name: NameRule,
  required = false,
): Record<string, string> | undefined {
  const m = p.mapping(path, value)
  if (!m) return undefined
  const values: Record<string, string> = {}
  for (const [key, v] of Object.entries(m)) {
    const kp = [...path, key]
    if (!name.pattern.test(key)) {
      p.add(kp, name.wrong)
      continue
    }
    // An environment variable may be empty or written as a boolean; a secret's value is where ECS reads it from.
    const plain = !required && (typeof v === 'boolean' || typeof v === 'string')
    const text = plain
      ? String(v)
      : required && (v === null || (typeof v === 'string' && v.trim() === ''))
        ? p.add(kp, 'has no value; give the ARN of a Secrets Manager secret or an SSM parameter (name or ARN)')
        : p.text(kp, v)
    if (text !== undefined) values[key] = text
  }
  return values
}

/**
 * A number in its setting's range; with `applies`, a strategy option: only for an environment whose strategy it
 * applies to.
 */
function numberOf(
  p: Problems,
  path: KeyPath,
  value: unknown,
  setting: Setting,
  applies?: { strategy: string | undefined },
): number | undefined {
  if (applies) {
    const { strategy } = applies
    const names = setting.strategies ?? STRATEGIES
    const strategies = names.map((s) => `strategy: ${s}`).join(' or ')
    if (strategy === undefined) return p.add(path, `needs ${strategies} in this environment`)
    if (!(names as readonly string[]).includes(strategy))
      return p.add(path, `applies to ${strategies}, not strategy: ${strategy}`)
  }
  const { min = 0, max = Infinity, whole = false, step } = setting.range ?? {}
  const multiple = (n: number): boolean => step === undefined || Math.abs(Math.round(n / step) * step - n) < 1e-9
  if (
    typeof value !== 'number' ||
    value < min ||
    value > max ||
    (whole && !Number.isInteger(value)) ||
    !multiple(value)
  ) {
    const kind = whole ? 'a whole number' : 'a number'
    return p.add(
      path,
      `must be ${kind} from ${min} to ${max}${step !== undefined ? ` in steps of ${step}` : ''}, not ${describedValue(value)}`,
    )
  }
  return value
}

/** Each promote-from names another environment of the file, with services to read, and no chain comes back. */
function checkPromotions(p: Problems, names: string[], environments: EnvironmentConfig[]): void {
  const byName = new Map(environments.map((e) => [e.name, e]))
  for (const environment of environments) {
    const from = environment.promoteFrom
    if (from === undefined) continue
    const path = ['environments', environment.name, 'promote-from']
    if (from === environment.name) {
      p.add(path, `names ${from} itself; name the environment whose images ${from} should run (e.g. qa for prod)`)
      continue
    }
    if (!names.includes(from)) {
      p.add(path, `${JSON.stringify(from)} is not an environment in this file${suggestion(from, names)}`)
      continue
    }
    const source = byName.get(from)
    if (source && !source.services.length)
      p.add(path, `${from} has no services to read the images from; list them under environments.${from}.services`)
    const chain = [environment.name]
    for (let next = source; next?.promoteFrom !== undefined; next = byName.get(next.promoteFrom)) {
      chain.push(next.name)
      if (next.promoteFrom === environment.name) {
        p.add(path, `makes a cycle (${[...chain, environment.name].join(' → ')}); one environment must build its image`)
        break
      }
      if (chain.includes(next.promoteFrom)) break
    }
  }
}

/** The AWS account of a role ARN (its 12 digits). */
export function accountOf(roleArn: string): string {
  return roleArn.split(':')[4] ?? ''
}

/** An item of `needs`: another environment of this file. */
function neededEnvironment(
  p: Problems,
  path: KeyPath,
  value: unknown,
  environment: string,
  names: string[],
): string | undefined {
  const need = p.text(path, value)
  if (need === undefined) return undefined
  if (need === environment) return p.add(path, `${environment} cannot need itself`)
  if (!names.includes(need))
    return p.add(path, `${JSON.stringify(need)} is not an environment in this file${suggestion(need, names)}`)
  return need
}

/** Following the environments' `needs` never comes back round. */
function checkNeedsCycles(p: Problems, environments: EnvironmentConfig[]): void {
  const byName = new Map(environments.map((e) => [e.name, e]))
  // A cycle is reported once, at the first environment of it in file order.
  const reported = new Set<string>()
  for (const environment of environments) {
    if (reported.has(environment.name)) continue
    const cycle = cycleFrom(environment.name, byName)
    if (!cycle) continue
    cycle.forEach((name) => reported.add(name))
    p.add(
      ['environments', environment.name, 'needs'],
      `makes a cycle (${[...cycle, cycle[0]].join(' → ')}); an environment cannot wait for one that waits for it`,
    )
  }
}

/** The environments of a `needs` cycle through `start`, in order, or undefined when there is none. */
function cycleFrom(start: string, byName: Map<string, EnvironmentConfig>): string[] | undefined {
  const path: string[] = []
  const visit = (name: string): string[] | undefined => {
    if (name === start && path.length) return [...path]
    if (path.includes(name)) return undefined
    path.push(name)
    for (const need of byName.get(name)?.needs ?? []) {
      const found = visit(need)
      if (found) return found
    }
    path.pop()
    return undefined
  }
  return visit(start)
}

const optionalAnalysis = <T>(analysis: T | undefined): { analysis?: T } => (analysis ? { analysis } : {})
const optionalVerify = (verify: VerifyConfig | undefined): { verify?: VerifyConfig } => (verify ? { verify } : {})

/** An environment's `verify:` block: the URLs, expectation, timing and command of the verify-* inputs. */
function readVerify(p: Problems, path: KeyPath, value: unknown): VerifyConfig | undefined {
  const m = p.mapping(path, value, VERIFY_KEYS)
  if (!m) return undefined
  const settings = readSettings(p, path, m, shapedRows('environment', 'verify'), undefined, 'verify')
  const redirects =
    m.redirects === undefined
      ? undefined
      : p.choice([...path, 'redirects'], m.redirects, ['same-origin', 'none'] as const)
  const verify = { urls: [], testUrls: [], ...settings, ...(redirects !== undefined && { redirects }) } as VerifyConfig
  if (m.url === undefined && m['test-url'] === undefined && m.command === undefined)
    p.add(path, 'checks nothing; give url (and test-url for blue/green) or command')
  return verify
}

/** `service-settings:` — checked like the inputs of the same names. */
function readServiceSettings(p: Problems, path: KeyPath, value: unknown): ServiceSettings | undefined {
  const m = p.mapping(path, value, SERVICE_SETTING_KEYS)
  if (!m) return undefined
  const get = <T>(key: string, read: (kp: KeyPath, v: unknown) => T | undefined) =>
    m[key] === undefined ? undefined : read([...path, key], m[key])
  const settings = readSettings(p, path, m, shapedRows('environment', 'service-settings'), undefined, 'serviceSettings')
  const own: { [K in keyof ServiceSettings]?: ServiceSettings[K] | undefined } = {
    circuitBreakerThreshold: get('circuit-breaker-threshold', (kp, v) => {
      const threshold = parseThreshold(v)
      return typeof threshold === 'string' ? p.add(kp, threshold) : threshold
    }),
    resetOnHealthyTask: get('circuit-breaker-reset-on-healthy-task', (kp, v) => p.boolean(kp, v)),
    earlySuccess: earlySuccess(p, path, m['early-success-healthy-percent'], m['early-success-cleanup']),
    expressScaling: expressScaling(p, path, m),
  }
  return Object.fromEntries(
    Object.entries({ ...settings, ...own }).filter(([, v]) => v !== undefined),
  ) as ServiceSettings
}

/** `early-success-healthy-percent` (0–100) and `early-success-cleanup` (BLOCKING, the default, or DEFERRED). */
function earlySuccess(p: Problems, path: KeyPath, percent: unknown, cleanup: unknown): ServiceSettings['earlySuccess'] {
  if (percent === undefined) {
    if (cleanup !== undefined)
      p.add([...path, 'early-success-cleanup'], 'needs early-success-healthy-percent beside it')
    return undefined
  }
  const healthyPercent = p.integer([...path, 'early-success-healthy-percent'], percent, 0, 100)
  const sourceServiceRevisionCleanup =
    cleanup === undefined
      ? 'BLOCKING'
      : p.choice([...path, 'early-success-cleanup'], cleanup, ['BLOCKING', 'DEFERRED'] as const)
  if (healthyPercent === undefined || sourceServiceRevisionCleanup === undefined) return undefined
  return { enable: true, healthyPercent, sourceServiceRevisionCleanup }
}

/** `express-scaling-*`: an Express service's scaling target, the members given (the service's own keep the rest). */
function expressScaling(p: Problems, path: KeyPath, m: Record<string, unknown>): ServiceSettings['expressScaling'] {
  const whole = (member: keyof typeof SCALING_RANGES): number | undefined => {
    const key = SCALING_KEYS[member]
    const { min, max } = SCALING_RANGES[member]
    return m[key] === undefined ? undefined : p.integer([...path, key], m[key], min, max)
  }
  const metric = SCALING_KEYS.autoScalingMetric
  const target = Object.fromEntries(
    Object.entries({
      minTaskCount: whole('minTaskCount'),
      maxTaskCount: whole('maxTaskCount'),
      autoScalingMetric: m[metric] === undefined ? undefined : p.choice([...path, metric], m[metric], SCALING_METRICS),
      autoScalingTargetValue: whole('autoScalingTargetValue'),
    }).filter(([, v]) => v !== undefined),
  )
  if (!Object.keys(target).length) return undefined
  for (const problem of scalingProblems(target)) p.add([...path, problem.key], problem.message)
  return target
}

function pattern(p: Problems, path: KeyPath, value: unknown): string | undefined {
  const text = p.text(path, value)
  const problem = text === undefined ? undefined : patternProblem(text)
  return problem ? p.add(path, `${JSON.stringify(text)} ${problem}`) : text
}

function ecsName(p: Problems, path: KeyPath, value: unknown, what: string): string | undefined {
  const text = p.text(path, value)
  if (text !== undefined && !ECS_NAME.test(text)) {
    return p.add(path, `${JSON.stringify(text)} is not ${what} (up to 255 letters, digits, "-" and "_")`)
  }
  return text
}

function readPreviews(
  p: Problems,
  value: unknown,
  names: string[],
  environments: EnvironmentConfig[],
): PreviewConfig | undefined {
  const path = ['previews']
  const m = p.mapping(path, value, PREVIEW_KEYS)
  if (!m) return undefined
  const at = (key: string): KeyPath => [...path, key]
  const optional = <T>(key: string, read: (path: KeyPath, value: unknown) => T | undefined): T | undefined =>
    m[key] === undefined ? undefined : read(at(key), m[key])

  const base =
    m.base === undefined
      ? p.add(path, 'has no base; add base: <the environment whose services previews copy>')
      : baseEnvironment(p, m.base, names, environments)
  const services = optional('services', (kp, v) => p.list(kp, v, (ip, item) => baseService(p, ip, item, base)))
  const chosenRouting = optional('routing', (kp, v) => p.choice<PreviewRouting>(kp, v, ['host', 'path']))
  const routing = chosenRouting ?? PREVIEW_DEFAULTS.routing
  const domain = optional('domain', (kp, v) =>
    p.text(kp, v, { pattern: DOMAIN, expected: 'a DNS name like preview.example.com' }),
  )
  const listenerArn = optional('listener-arn', (kp, v) =>
    p.text(kp, v, {
      pattern: LISTENER_ARN,
      expected: 'an ALB listener ARN (arn:aws:elasticloadbalancing:<region>:<account>:listener/app/<name>/<id>/<id>)',
    }),
  )
  if (m['listener-arn'] === undefined && (m.domain !== undefined || m.routing !== undefined)) {
    p.add(path, 'has no listener-arn; add the ARN of the ALB listener that gets one rule per preview')
  }
  const hostRouting = m.routing === undefined || chosenRouting === 'host'
  if (m['listener-arn'] !== undefined && hostRouting && m.domain === undefined) {
    p.add(
      path,
      'has no domain; host routing gives each preview pr-<N>.<domain>: add domain, or set routing: path (previews at /pr-<N>/)',
    )
  }
  const desiredCount = optional('desired-count', (kp, v) => p.integer(kp, v, 0, 5000))
  const { ttl, max } = readSettings(p, path, m, shapedRows('previews')) as { ttl?: string; max?: number }
  if (!base) return undefined
  const ttlText = ttl ?? PREVIEW_DEFAULTS.ttl
  return {
    base: base.name,
    services: services ?? base.services,
    routing,
    ...(domain !== undefined && { domain: domain.toLowerCase() }),
    ...(listenerArn !== undefined && { listenerArn }),
    desiredCount: desiredCount ?? PREVIEW_DEFAULTS.desiredCount,
    max: max ?? PREVIEW_DEFAULTS.max,
    ttl: ttlText,
    ttlMs: parseDuration(ttlText) ?? 0,
  }
}

/** The environment previews copy; undefined without a message when that environment has its own problems. */
function baseEnvironment(
  p: Problems,
  value: unknown,
  names: string[],
  environments: EnvironmentConfig[],
): EnvironmentConfig | undefined {
  const path = ['previews', 'base']
  const name = p.text(path, value)
  if (name === undefined) return undefined
  if (!names.includes(name))
    return p.add(path, `${JSON.stringify(name)} is not an environment in this file${suggestion(name, names)}`)
  const base = environments.find((e) => e.name === name)
  if (!base) return undefined
  if (!base.services.length)
    return p.add(path, `${name} has no services to copy; list them under environments.${name}.services`)
  return base
}

function baseService(
  p: Problems,
  path: KeyPath,
  value: unknown,
  base: EnvironmentConfig | undefined,
): string | undefined {
  const name = p.text(path, value)
  if (name === undefined || !base || base.services.includes(name)) return name
  return p.add(path, `${JSON.stringify(name)} is not one of ${base.name}'s services (${base.services.join(', ')})`)
}

/** The keys and patterns this validator accepts: config/json-schema.ts writes them into the JSON schema, a test compares. */
export const CONFIG_RULES = {
  keys: {
    top: TOP_KEYS,
    environment: ENVIRONMENT_KEYS,
    previews: PREVIEW_KEYS,
    verify: VERIFY_KEYS,
    serviceSettings: SERVICE_SETTING_KEYS,
  },
  patterns: { NAME, ECS_NAME, VAR_NAME, URL, REGION, DOMAIN, LISTENER_ARN, ENV_NAME, ROLE_ARN, CAPACITY_ITEM },
} as const
