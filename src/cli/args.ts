// The CLI's flags, made from the settings table (through its front, settings/index.ts) plus the CLI's own; parsed
// with node:util's parseArgs.
import { parseArgs as parseFlags, type ParseArgsConfig } from 'node:util'
import { UserError } from '../common/errors.js'
import {
  CLI_COMMANDS,
  DEPLOY_COMMANDS,
  isRepeatable,
  movedInputs,
  movedMessage,
  settingNamed,
  SETTINGS,
  type CliCommand,
  type Setting,
} from '../settings/index.js'
import { closest } from '../common/suggest.js'
import { REF } from './ref.js'

export const COMMANDS = [...CLI_COMMANDS, 'help'] as const
export type Command = CliCommand
export const PREVIEW_ACTIONS = ['deploy', 'destroy', 'sweep'] as const

/** A flag as --help lists it. */
export interface FlagSpec {
  name: string
  description: string
  default?: string
  kind: Setting['kind']
}

/** Flags the CLI has beside the settings. */
export const CLI_FLAGS: FlagSpec[] = [
  {
    name: 'json',
    kind: 'boolean',
    description: 'Print one JSON document (the result) on stdout; logs stay on stderr.',
  },
  {
    name: 'offline',
    kind: 'boolean',
    description: 'Make no AWS call: a command that needs one stops with an error saying which.',
  },
  {
    name: 'to',
    kind: 'text',
    description: 'The revision to go back to (family:revision or ARN). Default — the one before the current.',
  },
  { name: 'pr', kind: 'number', description: 'The pull request number.' },
  {
    name: 'ref',
    kind: 'text',
    description:
      "The branch or tag being deployed, refs/heads/<branch> or refs/tags/<tag>, for the config file's environments. Default — from the CI (GITHUB_REF, CIRCLE_TAG / CIRCLE_BRANCH, TEAMCITY_BUILD_BRANCH) or git (the branch, or on a detached HEAD the tag at it).",
  },
  {
    name: 'dir',
    kind: 'text',
    description: 'init: the repository (workspace) to write the files in. Default — the working directory.',
  },
  { name: 'force', kind: 'boolean', description: 'init: overwrite files that exist.' },
  { name: 'help', kind: 'boolean', description: 'Show the help of the command.' },
  { name: 'version', kind: 'boolean', description: 'Print the version.' },
]

const SUMMARIES: Record<Command, string> = {
  deploy: 'build (with --build), render, register, roll out and wait',
  render: 'print the final task definition (JSON) on stdout; registers nothing',
  diff: 'print what a deploy would change on stdout; changes nothing',
  drift: "print where the live service differs from the repository's files on stdout; exit 1 on drift",
  status: 'the service: deployments, running revision, recent events',
  rollback: 'roll back the rollout in flight, or go back to a revision (--to family:rev)',
  preview: 'deploy|destroy|sweep: pull request previews (--pr N), from the config file',
  plan: 'print the environment matrix (JSON) for this ref on stdout, and why on stderr; no AWS',
  init: 'write the task definition, service definition and config file from a running service',
}

/** The CLI's own flags each command takes, beside the settings that name it in their `commands`. */
const OWN_FLAGS: Record<Command, string[]> = {
  deploy: ['json', 'ref', 'help'],
  render: ['json', 'offline', 'ref', 'help'],
  diff: ['json', 'offline', 'ref', 'help'],
  drift: ['json', 'ref', 'pr', 'help'],
  status: ['json', 'offline', 'help'],
  rollback: ['to', 'json', 'offline', 'help'],
  preview: ['pr', 'json', 'ref', 'help'],
  plan: ['ref', 'help'],
  init: ['dir', 'force', 'json', 'help'],
}

/** The settings that moved to the config file: no flag of the CLI either, so the file stays their one home. */
const MOVED = new Set(Object.keys(movedInputs(true)))

/** The flags each command takes: only those are accepted, and listed by `help <command>`. */
export function flagsOf(command: Command): FlagSpec[] {
  // drift reads what diff reads: the files a deploy would render, compared with the live service.
  const reads = command === 'drift' ? 'diff' : command
  const taken = SETTINGS.filter((s) => !MOVED.has(s.name) && (s.commands ?? DEPLOY_COMMANDS).includes(reads))
  const settings = taken.map((s) => ({
    name: s.name,
    kind: s.kind,
    description: s.description,
    // The runner fills ${{ … }} defaults; a terminal has no such thing.
    ...(s.default !== undefined && !s.default.includes('${{') && { default: s.default }),
  }))
  return [...settings, ...CLI_FLAGS.filter((f) => OWN_FLAGS[command].includes(f.name))]
}

/** The commands that take this flag (a setting's, an alias of one, or the CLI's own). */
export function commandsTaking(flag: string): Command[] {
  const setting = SETTINGS.find((s) => s.name === flag || s.aliases?.includes(flag))
  const name = setting?.name ?? flag
  return CLI_COMMANDS.filter((command) => flagsOf(command).some((f) => f.name === name))
}

export interface CliArgs {
  command: Command
  /** `preview deploy|destroy|sweep` */
  previewAction?: (typeof PREVIEW_ACTIONS)[number]
  /** Values by setting name; a repeatable flag's values joined by newlines, a boolean given bare 'true'. */
  inputs: Record<string, string>
  json: boolean
  offline: boolean
  to?: string
  pr?: number
  ref?: string
  /** init: where to write. */
  dir?: string
  force?: boolean
}

/** Asking for help or the version is not an error, but it ends the run before anything else. */
export class HelpRequested extends Error {
  constructor(readonly command?: Command) {
    super('help')
  }
}
export class VersionRequested extends Error {}

/** Booleans take `--flag`, `--flag true|false` or `--flag=false`: a bare one becomes `--flag=true` before parsing. */
function withBareBooleans(argv: string[], booleans: Set<string>): string[] {
  const out: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    const name = /^--([a-z0-9-]+)$/.exec(arg)?.[1]
    if (name && booleans.has(name)) {
      const next = argv[i + 1]
      const given = next === 'true' || next === 'false'
      out.push(`--${name}=${given ? next : 'true'}`)
      if (given) i++
    } else out.push(arg)
  }
  return out
}

function commandOf(word: string | undefined): Command | 'help' {
  if (!word || word === '--help' || word === '-h') return 'help'
  if ((COMMANDS as readonly string[]).includes(word)) return word as Command | 'help'
  if (word === '--version' || word === '-V') throw new VersionRequested()
  const hint = closest(word, [...COMMANDS])
  throw new UserError(
    `Unknown command "${word}"${hint ? `; did you mean ${hint}?` : '.'} Commands: ${COMMANDS.join(', ')} (ecs-deploy-action help).`,
  )
}

/** Parses `COMMAND [preview-action] --flag value --flag=value --bool …`; an unknown flag is an error naming the closest. */
export function parseArgs(argv: string[]): CliArgs {
  const [word, ...rest] = argv
  const command = commandOf(word)
  if (command === 'help') {
    const about = rest[0]
    if (about === undefined) throw new HelpRequested()
    const named = commandOf(about)
    throw new HelpRequested(named === 'help' ? undefined : named)
  }
  let previewAction: CliArgs['previewAction']
  if (command === 'preview') {
    const action = rest[0]
    if (action === '--help') throw new HelpRequested('preview')
    if (!action || !(PREVIEW_ACTIONS as readonly string[]).includes(action)) {
      throw new UserError(`preview needs deploy, destroy or sweep, as in: ecs-deploy-action preview deploy --pr 12.`)
    }
    rest.shift()
    previewAction = action as CliArgs['previewAction']
  }
  if (rest.includes('--version')) throw new VersionRequested()
  const moved = movedMessage(
    rest.flatMap((arg) => /^--([a-z0-9-]+)(?:=|$)/.exec(arg)?.[1] ?? []),
    'flag',
  )
  if (moved) throw new UserError(moved)
  const flags = flagsOf(command)
  // The official actions' names of these settings are taken too (not listed by help); getInputs reads them as aliases.
  const aliases = flags.flatMap((f) =>
    (settingNamed(f.name)?.aliases ?? []).map((alias): FlagSpec => ({ ...f, name: alias })),
  )
  const options: ParseArgsConfig['options'] = Object.fromEntries(
    [...flags, ...aliases].map((f) => [f.name, { type: 'string', multiple: true }]),
  )
  let values: Record<string, string[] | undefined>
  try {
    const parsed = parseFlags({
      args: withBareBooleans(
        rest,
        new Set([...flags, ...aliases].filter((f) => f.kind === 'boolean').map((f) => f.name)),
      ),
      options,
      strict: true,
      allowPositionals: false,
    })
    values = parsed.values as Record<string, string[] | undefined>
  } catch (error) {
    throw flagError(error, command, flags)
  }
  const one = (name: string): string | undefined => {
    const given = values[name]
    if (!given || given.length === 0) return undefined
    if (given.length > 1)
      throw new UserError(
        `--${name} is given ${given.length} times (${given.map((v) => JSON.stringify(v)).join(', ')}): give it once.`,
      )
    return given[0]
  }
  if (one('help') === 'true') throw new HelpRequested(command)
  const inputs: Record<string, string> = {}
  for (const flag of [...flags, ...aliases].filter((f) => !CLI_FLAGS.some((c) => c.name === f.name))) {
    const value = isRepeatable(flag) ? values[flag.name]?.join('\n') : one(flag.name)
    if (value !== undefined) inputs[flag.name] = value
  }
  const pr = one('pr')
  const ref = one('ref')
  const to = one('to')
  const dir = one('dir')
  if (pr !== undefined && !/^\d+$/.test(pr)) throw new UserError(`--pr must be a pull request number, not "${pr}".`)
  if (ref !== undefined && !REF.test(ref))
    throw new UserError(`--ref must be refs/heads/<branch> or refs/tags/<tag>, not "${ref}".`)
  if (command === 'preview' && previewAction !== 'sweep' && pr === undefined)
    throw new UserError(`preview ${previewAction} needs --pr <number>.`)
  return {
    command,
    ...(previewAction && { previewAction }),
    inputs,
    json: one('json') === 'true',
    offline: one('offline') === 'true',
    ...(to !== undefined && { to }),
    ...(dir !== undefined && { dir }),
    ...(one('force') === 'true' && { force: true }),
    ...(pr !== undefined && { pr: Number(pr) }),
    ...(ref !== undefined && { ref }),
  }
}

/** parseArgs' errors, in the CLI's words: the flag, the closest known one, where the list is. */
function flagError(error: unknown, command: Command, flags: FlagSpec[]): UserError {
  const message = error instanceof Error ? error.message : String(error)
  const unknown = /Unknown option '(-{1,2}[^']+)'/.exec(message)?.[1]
  if (unknown) {
    const name = unknown.replace(/^-+/, '')
    const hint = closest(
      name,
      flags.map((f) => f.name),
    )
    const takers = commandsTaking(name)
    if (takers.length) {
      return new UserError(
        `${command} does not take ${unknown}: ${takers.join(', ')} ${takers.length > 1 ? 'take' : 'takes'} it (ecs-deploy-action help ${command} lists its flags).`,
      )
    }
    return new UserError(
      `Unknown flag ${unknown}${hint ? `; did you mean --${hint}?` : '.'} (ecs-deploy-action help ${command} lists its flags).`,
    )
  }
  const missing = /Option '(-{1,2}[^ ']+)(?: [^']*)?' argument missing/.exec(message)?.[1]
  if (missing) return new UserError(`${missing} needs a value: ${missing} <value> or ${missing}=<value>.`)
  const positional = /Unexpected argument '([^']+)'/.exec(message)?.[1]
  if (positional) return new UserError(`Unexpected argument "${positional}": flags are --name value or --name=value.`)
  return new UserError(message)
}

/** `help`: the commands; `help <command>`: that command's flags only, with their defaults. */
export function helpText(command?: Command): string {
  const commands = Object.entries(SUMMARIES).map(([name, summary]) => `  ${name.padEnd(10)} ${summary}`)
  const head = [
    'Exit codes: 0 success, 1 deployment failed or rolled back, 2 bad input.',
    'AWS credentials and region come from the usual AWS_* variables and profiles.',
  ]
  if (!command) {
    return [
      'Usage: ecs-deploy-action <command> [flags]',
      '',
      'Commands:',
      ...commands,
      '',
      ...head,
      '',
      'ecs-deploy-action help <command> lists its flags; --version prints the version.',
    ].join('\n')
  }
  const flag = (spec: FlagSpec): string =>
    `  --${spec.name}${spec.kind === 'lines' || spec.kind === 'list' ? ' (repeatable)' : ''}${spec.default !== undefined ? ` (default: ${spec.default})` : ''}\n      ${spec.description}`
  return [
    `Usage: ecs-deploy-action ${command}${command === 'preview' ? ' deploy|destroy|sweep' : ''} [flags]`,
    '',
    `  ${SUMMARIES[command]}`,
    '',
    ...head,
    '',
    'Flags:',
    ...flagsOf(command).map(flag),
  ].join('\n')
}
