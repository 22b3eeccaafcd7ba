// The config file's per-environment build and runtime settings, filled in where the inputs leave them out: an explicit
// input always wins (name by name for build args, environment variables and secrets).
import type { EnvironmentConfig, StrategyOptions } from '../config/index.js'
import { UserError } from '../common/errors.js'
import type { Inputs } from '../settings/inputs.js'
import type { VerifyConfig } from '../config/types.js'
import type { VerifyInputs } from '../settings/verify.js'
import type { StrategyInputs } from '../strategy/types.js'
import type { EnvChange } from '../taskdef/index.js'

/** The inputs with `environment`'s image, build settings, environment variables, secrets and strategy options under them. */
export function withEnvironmentSettings(inputs: Inputs, environment: EnvironmentConfig): Inputs {
  const image = inputs.image ?? (inputs.build ? undefined : environment.image)
  return {
    ...inputs,
    ...(image !== undefined && { image }),
    ...(inputs.build && {
      build: {
        ...inputs.build,
        image: inputs.build.image || environment.image || '',
        dockerfile: inputs.build.dockerfile ?? environment.dockerfile,
        target: inputs.build.target ?? environment.target,
        buildArgs: { ...environment.buildArgs, ...inputs.build.buildArgs },
      },
    }),
    // Applied in order, so an input's KEY=value or !KEY comes after (and wins over) the environment's.
    environmentVariables: [...changes(environment.environmentVariables), ...inputs.environmentVariables],
    secrets: [...changes(environment.secrets), ...inputs.secrets],
    strategy: withStrategyOptions(inputs.strategy, environment),
  }
}

function changes(values: Record<string, string> | undefined): EnvChange[] {
  return Object.entries(values ?? {}).map(([name, value]) => ({ name, value }))
}

/**
 * The environment's strategy options under the inputs' — unless the `strategy` input names another strategy than
 * the environment's, which then brings its own options (or the defaults). Alarms: the input's when it lists any.
 */
function withStrategyOptions(strategy: StrategyInputs, environment: EnvironmentConfig): StrategyInputs {
  const sameStrategy = strategy.strategy === undefined || strategy.strategy === environment.strategy
  const options: StrategyOptions = sameStrategy ? (environment.strategyOptions ?? {}) : {}
  const alarms = strategy.deploymentAlarms.length ? strategy.deploymentAlarms : (environment.deploymentAlarms ?? [])
  const given = Object.fromEntries(Object.entries(strategy).filter(([, value]) => value !== undefined))
  return { ...options, ...given, deploymentAlarms: alarms } as StrategyInputs
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

/** The environment's `verify:` block under the verify-* inputs: each input given wins over its key. */
export function withVerifyConfig(
  config: VerifyConfig | undefined,
  inputs: VerifyInputs | undefined,
): VerifyInputs | undefined {
  if (!config) return inputs
  const given = inputs ?? { urls: [], testUrls: [], headers: {} }
  const pick = <K extends keyof VerifyConfig>(key: K): Partial<Pick<VerifyConfig, K>> => {
    const value = given[key] ?? config[key]
    return value === undefined ? {} : ({ [key]: value } as Partial<Pick<VerifyConfig, K>>)
  }
  return {
    urls: given.urls.length ? given.urls : config.urls,
    testUrls: given.testUrls.length ? given.testUrls : config.testUrls,
    headers: given.headers,
    ...pick('expect'),
    ...pick('timeoutSeconds'),
    ...pick('intervalSeconds'),
    ...pick('command'),
    ...pick('redirects'),
  }
}
