import { UserError } from '../common/errors.js'
import type { ImageInputs } from '../image/index.js'
import { readStrategyInputs } from './strategy.js'
import type { StrategyInputs } from '../mechanisms/strategy-types.js'
import type { EnvChange } from '../taskdef/index.js'
import type { Prices } from '../capacity/prices.js'
import { secretBuildArgsWarning, secretLikeBuildArgs } from '../image/build-command.js'
import { parseImageReference } from '../image/reference.js'
import type { Log } from '../common/log.js'
import { parseHeaders, type VerifyInputs } from './verify.js'
import { parseChecks, type AnalysisConfig } from '../analysis/spec.js'
import { PLACEHOLDER_NAME, SETTINGS, VARIABLE_NAME } from './table.js'
import { checkOfficialMeanings, readingAliases } from './official.js'
import { MOVED_INPUTS, movedMessage } from './moved.js'
import { readRunTaskOptions, type RunTaskOptions } from './run-task-options.js'
import { parseCapacityProviderStrategy, parseVolumeConfigurations, type ServiceSettings } from './service.js'
import {
  parseBoolean,
  parseChoice,
  parseInteger,
  parseList,
  parseNumber,
  meaningfulLines,
  settingValues,
  type InputReader,
} from './values.js'

export { parseBoolean, parseChoice, parseInteger, parseList, parseNumber, type InputReader }

export type CircuitBreakerMode = 'keep' | 'rollback' | 'enable' | 'disable'
export type PreviewAction = 'deploy' | 'destroy' | 'sweep'
/** `deploy`, or `plan`: output the environment matrix and deploy nothing. */
export type RunMode = 'deploy' | 'plan' | 'drift'

/** The action's inputs, typed and validated; keyed like action.yml. */
export interface Inputs {
  /** Undefined when not given: the config file's, else `default`. */
  cluster?: string
  /** One or more services, deployed together with one combined wait; empty when the config file names them. */
  services: string[]
  taskDefinition?: string
  /** The service definition file: what the service should be, beside its revision (servicedef/). */
  serviceDefinition?: string
  image?: string
  containers: string[]
  environmentVariables: EnvChange[]
  secrets: EnvChange[]
  vars: Record<string, string>
  desiredCount?: number
  forceNewDeployment: boolean
  wait: boolean
  timeoutMinutes: number
  rollbackOnFailure: boolean
  deploymentCircuitBreaker: CircuitBreakerMode
  region?: string
  environment?: string
  /** How many of a failed container's last log lines to show. */
  logLines: number
  /** Set when `build` is given: build, push and deploy that image. */
  build?: ImageInputs
  /** The environments file; undefined: `.github/ecs-deploy.yml` when it exists. */
  config?: string
  preview?: PreviewAction
  previewTtl?: string
  previewMax?: number
  /** For GitHub deployments and pull request comments; masked. */
  githubToken?: string
  /** Render and compare only: register nothing, deploy nothing (status `planned`). */
  dryRun: boolean
  /** Where to write CodePipeline's files (imagedefinitions.json, taskdef.json, appspec.yaml…). */
  artifactsDir?: string
  /** A one-off command (a migration) run from the new revision before the rollout. */
  runTask?: string
  runTaskContainer?: string
  /** `strategy` and what goes with it: canary/linear steps, alarms, wait-until / continue, on-busy, CodeDeploy. */
  strategy: StrategyInputs
  /** Deploy the images this environment of the config file runs, without a build. */
  promoteFrom?: string
  mode: RunMode
  /** The release's check over HTTP and verify-command, when a verify-* input asks for one. */
  verify?: VerifyInputs
  /** The canary analysis: the `analysis` input's checks, with the environment's `analysis:` block under them. */
  analysis?: AnalysisConfig
  /** A registered revision to deploy as it is: nothing rendered or registered. */
  taskDefinitionArn?: string
  /** Register the rendered revision and deploy nothing. */
  registerOnly?: boolean
  /** After a successful deploy, deregister the family's revisions beyond the newest N (never one in use). */
  keepRevisions?: number
  /** How the `run-task` one-off task runs (count, capacity, network, tags, overrides); absent: as the service. */
  runTaskOptions?: RunTaskOptions
  /** The service's deployment settings given as inputs (absent: none); what is absent stays as the service has it. */
  serviceSettings?: ServiceSettings
  /** The config file's `capacity-prices`: rates for the dry run's cost estimate, or the path of a file of them. */
  capacityPrices?: string | Prices
  /** The settings given (inputs or CLI flags), by name: they win over the config file's keys of the same settings. */
  given?: readonly string[]
}

/** Whether the run deploys no service: `register-only`, or `run-task` with no service named anywhere. */
export function runsAlone(inputs: Pick<Inputs, 'registerOnly' | 'services' | 'runTask'>): boolean {
  return inputs.registerOnly === true || (!inputs.services.length && inputs.runTask !== undefined)
}

/** Reads and checks every input; secrets are masked and secret-like build args warned about through `log`. */
export function getInputs(given: InputReader, log: Pick<Log, 'info' | 'warning' | 'secret'>): Inputs {
  checkOfficialMeanings(given)
  const read = withModeSwitches(readingAliases(given, log))
  const values = settingValues(read)
  const text = values.text
  // Masked before anything can show them: every setting the table marks secret.
  for (const setting of SETTINGS.filter((s) => s.secret)) {
    const value = read(setting.name).trim()
    if (value) log.secret(value)
  }
  const services = [...new Set(values.list('service'))]
  const desiredCount = values.number('desired-count')
  const region = text('region')
  const taskDefinition = text('task-definition')
  const image = text('image')
  const environment = text('environment')
  const strategy = readStrategyInputs(read)
  const wait = values.boolean('wait')
  if (!wait && (strategy.waitUntil || strategy.continueAction)) {
    throw new UserError(
      `${strategy.waitUntil ? 'Config key `wait-until`' : '`mode: continue`'} needs \`wait: true\`: the action follows the deployment to the pause (or to its end).`,
    )
  }
  return {
    ...optional('cluster', text('cluster')),
    services,
    ...(taskDefinition !== undefined && { taskDefinition }),
    ...optional('serviceDefinition', text('service-definition')),
    ...(image !== undefined && { image: parseImageInput(image) }),
    containers: values.list('container'),
    environmentVariables: parseEnvChanges('environment-variables', read('environment-variables')),
    secrets: parseSecrets(read('secrets')),
    vars: parseVars(read('vars')),
    ...(desiredCount !== undefined && { desiredCount }),
    forceNewDeployment: values.boolean('force-new-deployment'),
    wait,
    timeoutMinutes: values.number('timeout-minutes') as number,
    rollbackOnFailure: values.boolean('rollback-on-failure'),
    deploymentCircuitBreaker: values.choice<CircuitBreakerMode>('deployment-circuit-breaker') as CircuitBreakerMode,
    ...(region !== undefined && { region }),
    ...(environment !== undefined && { environment }),
    logLines: values.number('log-lines') as number,
    ...withBuild(read, image, log),
    ...optional('config', text('config')),
    ...optional('preview', values.choice<PreviewAction>('preview')),
    ...optional('previewTtl', text('preview-ttl')),
    ...optional('previewMax', values.number('preview-max')),
    ...optional('githubToken', text('github-token')),
    dryRun: values.boolean('dry-run'),
    ...optional('artifactsDir', text('artifacts-dir')),
    ...optional('runTask', text('run-task')),
    ...optional('runTaskContainer', text('run-task-container')),
    strategy,
    ...optional('promoteFrom', text('promote-from')),
    mode: runMode(read),
    ...readVerifyInputs(read, log),
    ...readAnalysisInput(text('analysis')),
    ...nonEmpty('serviceSettings', readServiceSettings(read)),
    ...optional('taskDefinitionArn', pinnedRevisionInput(read)),
    ...registerOnlyInputs(read),
    ...optional('keepRevisions', values.number('keep-revisions')),
    ...nonEmpty('runTaskOptions', readRunTaskOptions(read)),
    given: SETTINGS.filter((s) => read(s.name).trim()).map((s) => s.name),
  }
}

/**
 * Fails, naming each moved input the workflow still gives, its new place and an example (settings/moved.ts); the
 * action's door calls it before anything runs (the CLI refuses, as flags, those that moved to the config file).
 */
export function checkMovedInputs(read: InputReader): void {
  const message = movedMessage(
    Object.keys(MOVED_INPUTS).filter((name) => read(name).trim() !== ''),
    'input',
  )
  if (message) throw new UserError(message)
}

/** The modes that were switches before (`mode: register-only` is `register-only: true`…), read as those switches. */
function withModeSwitches(read: InputReader): InputReader {
  const mode = read('mode').trim().toLowerCase()
  const switches: Record<string, [string, string]> = {
    'register-only': ['register-only', 'true'],
    continue: ['continue', 'true'],
    'rollback-paused': ['continue', 'rollback'],
  }
  const chosen = switches[mode]
  return (asked) => (chosen && asked === chosen[0] ? chosen[1] : read(asked))
}

/** `plan`, `drift`, or a deploy (the other modes are switches of one); `drift` refused beside what it cannot do. */
function runMode(read: InputReader): RunMode {
  const mode = settingValues(read).choice<string>('mode')
  if (mode === 'plan') return 'plan'
  if (mode !== 'drift') return 'deploy'
  const clash = ['run-task', 'preview', 'force-new-deployment'].find((name) => {
    const value = read(name).trim()
    return value !== '' && value !== 'false'
  })
  if (clash)
    throw new UserError(
      `\`mode: drift\` only compares the live service with the repository's files and changes nothing, so \`${clash}\` has nothing to act on: drop one of them.`,
    )
  return 'drift'
}

/** `task-definition-arn`, refused beside the inputs that would change the revision. */
function pinnedRevisionInput(read: InputReader): string | undefined {
  const arn = settingValues(read).text('task-definition-arn')
  if (arn === undefined) return undefined
  const clash = ['task-definition', 'build', 'image', 'environment-variables', 'secrets'].find((name) =>
    read(name).trim(),
  )
  if (clash) {
    throw new UserError(
      `Input \`task-definition-arn\` deploys that revision as it is, so \`${clash}\` cannot change it: drop \`${clash}\`, or drop \`task-definition-arn\` to render and register a new revision.`,
    )
  }
  return arn
}

/** `register-only`, which registers a template and deploys nothing. */
function registerOnlyInputs(read: InputReader): { registerOnly?: true } {
  const values = settingValues(read)
  if (!values.boolean('register-only')) return {}
  const clash = ['task-definition-arn', 'keep-revisions', 'desired-count'].find((name) => read(name).trim())
  if (clash) {
    throw new UserError(
      `\`mode: register-only\` registers a revision without deploying it, so \`${clash}\` has nothing to act on: drop one of them.`,
    )
  }
  return { registerOnly: true }
}

/** `{ [name]: value }` when the object has a member, else nothing. */
function nonEmpty<K extends string, V extends object>(name: K, value: V): { [P in K]?: V } {
  return Object.keys(value).length ? ({ [name]: value } as { [P in K]?: V }) : {}
}

/** The service deployment settings given (percentages, grace period, tags, exec, capacity providers, EBS volumes). */
function readServiceSettings(read: InputReader): ServiceSettings {
  const values = settingValues(read)
  const flag = (name: string): boolean | undefined => {
    const value = values.choice<'true' | 'false'>(name)
    return value === undefined ? undefined : value === 'true'
  }
  const strategy = values.text('capacity-provider-strategy')
  const volumes = values.text('volume-configurations')
  return {
    ...optional('minimumHealthyPercent', values.number('minimum-healthy-percent')),
    ...optional('maximumPercent', values.number('maximum-percent')),
    ...optional('healthCheckGracePeriodSeconds', values.number('health-check-grace-period')),
    ...optional(
      'propagateTags',
      values.choice<string>('propagate-tags')?.toUpperCase() as ServiceSettings['propagateTags'],
    ),
    ...optional('enableECSManagedTags', flag('enable-ecs-managed-tags')),
    ...optional('enableExecuteCommand', flag('enable-execute-command')),
    ...(strategy !== undefined && {
      capacityProviderStrategy: parseCapacityProviderStrategy('capacity-provider-strategy', strategy),
    }),
    ...(volumes !== undefined && {
      volumeConfigurations: parseVolumeConfigurations('volume-configurations', volumes),
    }),
  }
}

/** The `analysis` input's checks (the rest of the analysis is the config file's). */
function readAnalysisInput(text: string | undefined): { analysis?: AnalysisConfig } {
  if (text === undefined) return {}
  try {
    return { analysis: { checks: parseChecks(text) } }
  } catch (error) {
    throw new UserError(`Input \`analysis\`: ${error instanceof Error ? error.message : String(error)}.`)
  }
}

/** The verify-* inputs, when they ask for a check; each header value is masked. */
function readVerifyInputs(read: InputReader, log: Pick<Log, 'secret'>): { verify?: VerifyInputs } {
  const values = settingValues(read)
  const headers = parseHeaders(values.lines('verify-headers'))
  for (const value of Object.values(headers)) if (value) log.secret(value)
  // Only what was given: the config file's verify block fills in the rest, then the settings' defaults.
  const given = (name: string): number | undefined => (read(name).trim() ? values.number(name) : undefined)
  const verify: VerifyInputs = {
    urls: values.lines('verify-url'),
    testUrls: values.lines('verify-test-url'),
    headers,
    ...optional('expect', values.text('verify-expect')),
    ...optional('timeoutSeconds', given('verify-timeout')),
    ...optional('intervalSeconds', given('verify-interval')),
    ...optional('command', values.text('verify-command')),
  }
  const anyGiven = Object.values(verify).some((v) => (typeof v === 'object' ? Object.keys(v).length > 0 : true))
  return anyGiven ? { verify } : {}
}

/** `{ [name]: value }`, or nothing when the value is absent (optional properties stay absent, not undefined). */
function optional<K extends string, V>(name: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined || value === '' ? {} : ({ [name]: value } as { [P in K]?: V })
}

/** The build-and-push inputs, when `build` is given; `image` then names the repository to push to. */
function withBuild(
  read: InputReader,
  image: string | undefined,
  log: Pick<Log, 'warning' | 'secret'>,
): { build?: ImageInputs } {
  const values = settingValues(read)
  const text = values.text
  const build = text('build')
  if (build === undefined) {
    const stray = [
      'dockerfile',
      'build-args',
      'target',
      'platforms',
      'cache-from',
      'cache-to',
      'labels',
      'build-secrets',
      'build-secret-files',
      'ssh',
      'provenance',
      'sbom',
    ].filter((name) => read(name).trim())
    if (stray.length) {
      throw new UserError(
        `Input \`${stray[0]}\` needs \`build\` (the docker build context); without \`build\` nothing is built.`,
      )
    }
    return {}
  }
  const buildArgs = parseVars(read('build-args'), 'build-args')
  const secretLike = secretLikeBuildArgs(buildArgs)
  if (secretLike.length) {
    log.warning(secretBuildArgsWarning(secretLike))
    for (const name of secretLike) if (buildArgs[name]) log.secret(buildArgs[name])
  }
  const buildSecrets = values.lines('build-secrets')
  // The table masks the input as a whole; each value is masked too, as it could be shown on its own.
  for (const line of buildSecrets) {
    const value = line.slice(line.indexOf('=') + 1)
    if (line.includes('=') && value !== '') log.secret(value)
  }
  return {
    build: {
      build,
      // Empty when the config file's environment names the repository (checked once the plan has filled it in).
      image: image ?? '',
      dockerfile: text('dockerfile'),
      buildArgs,
      target: text('target'),
      platforms: values.list('platforms'),
      tags: values.list('tags'),
      cacheFrom: values.lines('cache-from'),
      cacheTo: values.lines('cache-to'),
      push: values.boolean('push'),
      createRepository: values.boolean('create-repository'),
      scanOnPush: values.boolean('scan-on-push'),
      immutableTags: values.boolean('immutable-tags'),
      skipBuildIfExists: values.boolean('skip-build-if-exists'),
      labels: values.lines('labels'),
      buildSecrets,
      buildSecretFiles: values.lines('build-secret-files'),
      ssh: values.lines('ssh'),
      provenance: text('provenance'),
      sbom: text('sbom'),
      noCache: values.boolean('no-cache'),
      pull: values.boolean('pull'),
      registryUsername: text('registry-username'),
      registryPassword: text('registry-password'),
      logout: values.boolean('logout'),
    },
  }
}

/**
 * Parses `KEY=value` lines, split at the first `=` only (values may hold `=`). `KEY=` is an empty value;
 * `!KEY` removes the key.
 */
export function parseEnvChanges(name: string, value: string): EnvChange[] {
  const seen = new Set<string>()
  return meaningfulLines(value).map(({ line, number }) => {
    const removal = line.startsWith('!')
    const eq = line.indexOf('=')
    const key = removal ? line.slice(1).trim() : eq === -1 ? '' : line.slice(0, eq).trim()
    if (!removal && eq === -1) {
      throw new UserError(
        `Input \`${name}\` line ${number} is not KEY=value (it has no "="). Write KEY=value, KEY= for an empty value, or !KEY to remove it.`,
      )
    }
    if (!VARIABLE_NAME.pattern.test(key)) {
      throw new UserError(
        `Input \`${name}\` line ${number}: "${key}" is not a valid variable name (letters, digits, _ . -, not starting with a digit).`,
      )
    }
    if (seen.has(key)) {
      throw new UserError(`Input \`${name}\` line ${number}: ${key} is given twice.`)
    }
    seen.add(key)
    return removal ? { name: key, remove: true } : { name: key, value: line.slice(eq + 1) }
  })
}

/** Like environment variables, but a secret's value is where ECS reads it from, so it cannot be empty. */
export function parseSecrets(value: string): EnvChange[] {
  const changes = parseEnvChanges('secrets', value)
  const empty = changes.find((c) => c.value === '')
  if (empty) {
    throw new UserError(
      `Input \`secrets\`: ${empty.name} has no value. Give the ARN of a Secrets Manager secret or an SSM parameter (name or ARN), or !${empty.name} to remove it.`,
    )
  }
  return changes
}

/** Parses `NAME=value` placeholder lines into a map. */
export function parseVars(value: string, input = 'vars'): Record<string, string> {
  const vars: Record<string, string> = {}
  for (const change of parseEnvChanges(input, value)) {
    if (change.remove || change.value === undefined) {
      throw new UserError(`Input \`${input}\`: "!${change.name}" removes nothing here; give NAME=value.`)
    }
    if (!PLACEHOLDER_NAME.pattern.test(change.name)) {
      throw new UserError(`Input \`${input}\`: "${change.name}" must be letters, digits and _ only.`)
    }
    vars[change.name] = change.value
  }
  return vars
}

/** Checks an image reference against the distribution grammar (the registry decides whether it exists). */
export function parseImageInput(image: string): string {
  parseImageReference(image, 'Input `image`')
  return image
}
