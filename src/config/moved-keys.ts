// The per-environment keys of the settings that left the step's inputs and are read by their inputs' readers (the
// settings table's rows with `read: 'input'`): the file takes what the input took and says what is wrong at its line.
import { UserError } from '../common/errors.js'
import type { CircuitBreakerMode } from '../settings/inputs.js'
import { readRunTaskOptions, type RunTaskOptions } from '../settings/run-task-options.js'
import { cannotPause, parseWaitUntil } from '../settings/strategy.js'
import { configSettingsIn, settingNamed, type Setting } from '../settings/table.js'
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

/** The settings whose keys their inputs' readers read (`read: 'input'`), by block (`''`: the environment itself). */
const inBlock = (block: string) =>
  configSettingsIn('environment', block).flatMap(({ name, config, key }) =>
    config.read === 'input' ? [{ key, name, from: config.from }] : [],
  )
/** Config key → the input it replaces, in one block. */
const keysOf = (block: string): Record<string, string> =>
  Object.fromEntries(inBlock(block).map(({ key, name }) => [key, name]))
const FLAT = keysOf('')
const CODEDEPLOY = keysOf('codedeploy')
const RUN_TASK = keysOf('run-task')
const BUILD = keysOf('build')
const SERVICE_SETTINGS = keysOf('service-settings')

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
  const flat = asInputs(p, path, m, FLAT, (read) => byKind(read, inBlock('')))
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
  const codedeploy = block('codedeploy', CODEDEPLOY, (read) => byKind(read, inBlock('codedeploy')))
  // The options are read as if a command were given: the command stays an input, given per run.
  const runTask = block(
    'run-task',
    RUN_TASK,
    (read) => defined({ ...readRunTaskOptions(read), container: settingValues(read).text('run-task-container') }),
    { 'run-task': 'true' },
  )
  const build = block('build', BUILD, (read) => byKind(read, inBlock('build')))
  const settings = isObject(m['service-settings']) ? m['service-settings'] : {}
  const breaker = asInputs(p, [...path, 'service-settings'], settings, SERVICE_SETTINGS, (read) =>
    byKind(read, inBlock('service-settings')),
  )
  return defined({
    ...flat,
    ...breaker,
    ...(codedeploy && Object.keys(codedeploy).length && { codedeploy }),
    ...(runTask && Object.keys(runTask).length && { runTask }),
    ...(build && Object.keys(build).length && { build }),
  }) as MovedSettings
}

/** What a block reads, where its reader does not need the block's inputs together: the `from` of each. */
const PARSE: Partial<Record<string, (text: string) => unknown>> = { 'wait-until': parseWaitUntil }

/**
 * The values given (only those: the inputs' defaults stay the inputs'), each read by its input's kind, range and
 * choices, at its row's `from` (its last part, inside the block's object).
 */
function byKind(read: InputReader, rows: { name: string; from: string }[]): Record<string, unknown> {
  const values = settingValues(read)
  const value = (name: string): unknown => {
    const text = read(name).trim()
    const parse = PARSE[name]
    if (!text) return undefined
    if (parse) return parse(text)
    const { kind, choices } = settingNamed(name) as Setting
    if (kind === 'text') return choices ? values.choice(name) : values.text(name)
    return values[kind](name)
  }
  return defined(Object.fromEntries(rows.map(({ name, from }) => [from.split('.').pop() as string, value(name)])))
}

/** The object without its undefined members (optional properties stay absent). */
function defined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>
  }
}
