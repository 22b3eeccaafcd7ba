// The per-environment keys of the settings that left the step's inputs (settings/moved.ts): each is read and checked
// by the reader of the input it replaces, so the file takes what the input took and says what is wrong at its line.
import { UserError } from '../common/errors.js'
import type { CircuitBreakerMode } from '../settings/inputs.js'
import { readRunTaskOptions, type RunTaskOptions } from '../settings/run-task-options.js'
import { cannotPause, parseWaitUntil } from '../settings/strategy.js'
import { settingValues, type InputReader } from '../settings/values.js'
import type { ImageInputs } from '../image/types.js'
import type { OnBusy, PauseStage } from '../mechanisms/strategy-types.js'
import type { KeyPath, Problems } from './problems.js'

/** The settings of one environment that were inputs before, typed as their inputs' readers return them. */
export interface MovedSettings {
  keepRevisions?: number
  waitUntil?: PauseStage
  onBusy?: OnBusy
  rollbackOnFailure?: boolean
  logLines?: number
  artifactsDir?: string
  circuitBreaker?: CircuitBreakerMode
  codedeploy?: { appspec?: string; application?: string; deploymentGroup?: string; config?: string }
  runTask?: RunTaskOptions & { container?: string }
  build?: BuildSwitches
}

export type BuildSwitches = Partial<
  Pick<
    ImageInputs,
    | 'push'
    | 'createRepository'
    | 'scanOnPush'
    | 'immutableTags'
    | 'skipBuildIfExists'
    | 'buildSecretFiles'
    | 'ssh'
    | 'provenance'
    | 'sbom'
    | 'noCache'
    | 'pull'
    | 'logout'
  >
>

/** Config key → the input it replaces, per block (`''`: the environment itself). */
const FLAT = {
  'keep-revisions': 'keep-revisions',
  'wait-until': 'wait-until',
  'on-busy': 'on-busy',
  'rollback-on-failure': 'rollback-on-failure',
  'log-lines': 'log-lines',
  'artifacts-dir': 'artifacts-dir',
} as const
const CODEDEPLOY = {
  appspec: 'appspec',
  application: 'codedeploy-application',
  'deployment-group': 'codedeploy-deployment-group',
  config: 'codedeploy-config',
} as const
const RUN_TASK = {
  container: 'run-task-container',
  count: 'run-task-count',
  'launch-type': 'run-task-launch-type',
  'capacity-provider-strategy': 'run-task-capacity-provider-strategy',
  subnets: 'run-task-subnets',
  'security-groups': 'run-task-security-groups',
  'assign-public-ip': 'run-task-assign-public-ip',
  tags: 'run-task-tags',
  overrides: 'run-task-overrides',
} as const
const BUILD = {
  push: 'push',
  'create-repository': 'create-repository',
  'scan-on-push': 'scan-on-push',
  'immutable-tags': 'immutable-tags',
  'skip-build-if-exists': 'skip-build-if-exists',
  'secret-files': 'build-secret-files',
  ssh: 'ssh',
  provenance: 'provenance',
  sbom: 'sbom',
  'no-cache': 'no-cache',
  pull: 'pull',
  logout: 'logout',
} as const

/** The environment keys this module reads, for the schema's list of an environment's keys. */
export const MOVED_ENVIRONMENT_KEYS = [...Object.keys(FLAT), 'codedeploy', 'run-task', 'build'] as const
/** The `service-settings:` keys this module reads. */
export const MOVED_SERVICE_SETTING_KEYS = ['deployment-circuit-breaker'] as const
export const MOVED_BLOCK_KEYS = {
  codedeploy: Object.keys(CODEDEPLOY),
  runTask: Object.keys(RUN_TASK),
  build: Object.keys(BUILD),
} as const

/** An input's text for a config value: a list is one item a line, a mapping `key=value` lines or JSON. */
function inputText(value: unknown, json: boolean): string {
  if (json || (typeof value === 'object' && value !== null && Array.isArray(value) && value.some(isObject)))
    return JSON.stringify(value)
  if (Array.isArray(value)) return value.map(String).join('\n')
  if (isObject(value))
    return Object.entries(value)
      .map(([k, v]) => `${k}=${String(v)}`)
      .join('\n')
  return value === null || value === undefined ? '' : String(value)
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Reads `m`'s keys as the inputs they stand for, with `read`; a UserError it throws is a problem at the key whose
 * input it names (its input names turned into the keys), so the message points at the file's line.
 */
function asInputs<T>(
  p: Problems,
  path: KeyPath,
  m: Record<string, unknown>,
  keys: Readonly<Record<string, string>>,
  read: (reader: InputReader) => T,
  given: Record<string, string> = {},
): T | undefined {
  const texts = new Map<string, string>(Object.entries(given))
  for (const [key, input] of Object.entries(keys))
    if (m[key] !== undefined) texts.set(input, inputText(m[key], key === 'overrides'))
  try {
    return read((name) => texts.get(name) ?? '')
  } catch (error) {
    if (!(error instanceof UserError)) throw error
    // A message names the input, or the block's key (`run-task.tags`).
    const entries = Object.entries(keys).flatMap(([key, input]): [string, string][] => [
      [key, input],
      [key, `${String(path[path.length - 1])}.${key}`],
    ])
    const named = entries.find(([, input]) => error.message.includes(`\`${input}\``))
    let message = error.message
    for (const [key, input] of entries) message = message.replaceAll(`\`${input}\``, key)
    message = message.replace(/^(Inputs?|Config keys?) /, '').replace(/\.$/, '')
    const key = named?.[0]
    // "count must be…" is said at count's line as "must be…"; "launch-type and …" stays whole.
    const own = key !== undefined && message.startsWith(key) && !message.startsWith(`${key} and `)
    return p.add(key ? [...path, key] : path, own ? message.slice(key.length).replace(/^[:,]?\s*/, '') : message)
  }
}

/** The moved keys of one environment's mapping `m` (at `path`); `strategy` is the environment's. */
export function readMovedKeys(
  p: Problems,
  path: KeyPath,
  m: Record<string, unknown>,
  strategy: string | undefined,
): MovedSettings {
  const flat = asInputs(p, path, m, FLAT, (read) => {
    const values = settingValues(read)
    const waitUntil = read('wait-until').trim()
    return {
      keepRevisions: values.number('keep-revisions'),
      waitUntil: waitUntil ? parseWaitUntil(waitUntil) : undefined,
      onBusy: read('on-busy').trim() ? values.choice<OnBusy>('on-busy') : undefined,
      rollbackOnFailure: read('rollback-on-failure').trim() ? values.boolean('rollback-on-failure') : undefined,
      logLines: read('log-lines').trim() ? values.number('log-lines') : undefined,
      artifactsDir: values.text('artifacts-dir'),
    }
  })
  const unpausable = flat?.waitUntil === undefined ? undefined : cannotPause(strategy)
  if (unpausable) p.add([...path, 'wait-until'], unpausable)
  const block = <T>(
    key: string,
    keys: Readonly<Record<string, string>>,
    read: (reader: InputReader) => T,
    given?: Record<string, string>,
  ): T | undefined => {
    if (m[key] === undefined) return undefined
    const mapping = p.mapping([...path, key], m[key], Object.keys(keys))
    return mapping && asInputs(p, [...path, key], mapping, keys, read, given)
  }
  const codedeploy = block('codedeploy', CODEDEPLOY, (read) => {
    const text = settingValues(read).text
    return defined({
      appspec: text('appspec'),
      application: text('codedeploy-application'),
      deploymentGroup: text('codedeploy-deployment-group'),
      config: text('codedeploy-config'),
    })
  })
  // The options are read as if a command were given: the command stays an input, given per run.
  const runTask = block(
    'run-task',
    RUN_TASK,
    (read) => defined({ ...readRunTaskOptions(read), container: settingValues(read).text('run-task-container') }),
    { 'run-task': 'true' },
  )
  const build = block('build', BUILD, (read) => readBuildSwitches(read))
  const settings = isObject(m['service-settings']) ? m['service-settings'] : {}
  const breaker = asInputs(
    p,
    [...path, 'service-settings'],
    settings,
    { 'deployment-circuit-breaker': 'deployment-circuit-breaker' },
    (read) =>
      read('deployment-circuit-breaker').trim()
        ? settingValues(read).choice<CircuitBreakerMode>('deployment-circuit-breaker')
        : undefined,
  )
  return defined({
    ...flat,
    ...(breaker !== undefined && { circuitBreaker: breaker }),
    ...(codedeploy && Object.keys(codedeploy).length && { codedeploy }),
    ...(runTask && Object.keys(runTask).length && { runTask }),
    ...(build && Object.keys(build).length && { build }),
  }) as MovedSettings
}

/** The build switches given (only those: the inputs' defaults stay the inputs'). */
function readBuildSwitches(read: InputReader): BuildSwitches {
  const values = settingValues(read)
  const flag = (name: string): boolean | undefined => (read(name).trim() ? values.boolean(name) : undefined)
  const lines = (name: string): string[] | undefined => (read(name).trim() ? values.lines(name) : undefined)
  return defined({
    push: flag('push'),
    createRepository: flag('create-repository'),
    scanOnPush: flag('scan-on-push'),
    immutableTags: flag('immutable-tags'),
    skipBuildIfExists: flag('skip-build-if-exists'),
    buildSecretFiles: lines('build-secret-files'),
    ssh: lines('ssh'),
    provenance: values.text('provenance'),
    sbom: values.text('sbom'),
    noCache: flag('no-cache'),
    pull: flag('pull'),
    logout: flag('logout'),
  })
}

/** The object without its undefined members (optional properties stay absent). */
function defined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>
  }
}
