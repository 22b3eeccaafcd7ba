import { UserError } from '../errors.js'
import { closest } from '../suggest.js'
import { REF } from './ref.js'

export const COMMANDS = ['deploy', 'render', 'diff', 'status', 'rollback', 'preview'] as const
export type Command = (typeof COMMANDS)[number]
export const PREVIEW_ACTIONS = ['deploy', 'destroy', 'sweep'] as const

/** An input of action.yml, as `--help` lists it. */
export interface InputSpec {
  name: string
  description: string
  default?: string
}

/** Flags the CLI has beside the action's inputs. */
export const CLI_FLAGS: InputSpec[] = [
  { name: 'json', description: 'Print a machine-readable result at the end.' },
  { name: 'to', description: 'rollback: the revision to go back to (family:revision or ARN). Default — the one before the current.' },
  { name: 'pr', description: 'preview: the pull request number.' },
  {
    name: 'ref',
    description:
      'The branch or tag being deployed, refs/heads/<branch> or refs/tags/<tag>, for the config file\'s environments. Default — from the CI (GITHUB_REF, CIRCLE_TAG / CIRCLE_BRANCH, TEAMCITY_BUILD_BRANCH) or git (the branch, or on a detached HEAD the tag at it).',
  },
  { name: 'help', description: 'Show this help.' },
]

export interface CliArgs {
  command: Command
  /** `preview deploy|destroy|sweep` */
  previewAction?: (typeof PREVIEW_ACTIONS)[number]
  /** Values by action.yml input name; booleans given bare are 'true'. */
  inputs: Record<string, string>
  json: boolean
  to?: string
  pr?: number
  ref?: string
}

/** Asking for help is not an error, but it ends the run before anything else. */
export class HelpRequested extends Error {}

/**
 * Parses `COMMAND [preview-action] --input value --flag=value --bool …`. Flags are the action's input
 * names; an unknown one is an error naming the closest.
 */
export function parseArgs(argv: string[], inputs: InputSpec[]): CliArgs {
  const [command, ...rest] = argv
  if (!command || command === '--help' || command === '-h' || command === 'help') throw new HelpRequested()
  if (!(COMMANDS as readonly string[]).includes(command)) {
    throw new UserError(`Unknown command "${command}": use one of ${COMMANDS.join(', ')} (ecs-deploy-action --help).`)
  }
  let previewAction: CliArgs['previewAction']
  if (command === 'preview') {
    const action = rest.shift()
    if (!action || !(PREVIEW_ACTIONS as readonly string[]).includes(action)) {
      throw new UserError(`preview needs deploy, destroy or sweep, as in: ecs-deploy-action preview deploy --pr 12.`)
    }
    previewAction = action as CliArgs['previewAction']
  }
  const known = [...inputs.map((i) => i.name), ...CLI_FLAGS.map((f) => f.name)]
  const values: Record<string, string> = {}
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string
    const match = /^--([a-z0-9-]+)(?:=(.*))?$/s.exec(arg)
    if (!match) throw new UserError(`Unexpected argument "${arg}": flags are --name value or --name=value.`)
    const name = match[1] as string
    if (!known.includes(name)) {
      const hint = closest(name, known)
      throw new UserError(`Unknown flag --${name}${hint ? `; did you mean --${hint}?` : ''} (ecs-deploy-action --help lists them).`)
    }
    const next = rest[i + 1]
    values[name] = match[2] ?? (next !== undefined && !next.startsWith('--') ? (i++, next) : 'true')
  }
  if (values.help) throw new HelpRequested()
  const { json, to, pr, ref, help: _help, ...actionInputs } = values
  if (pr !== undefined && !/^\d+$/.test(pr)) throw new UserError(`--pr must be a pull request number, not "${pr}".`)
  if (ref !== undefined && !REF.test(ref)) throw new UserError(`--ref must be refs/heads/<branch> or refs/tags/<tag>, not "${ref}".`)
  if (command === 'preview' && previewAction !== 'sweep' && pr === undefined) throw new UserError(`preview ${previewAction} needs --pr <number>.`)
  return {
    command: command as Command,
    ...(previewAction && { previewAction }),
    inputs: actionInputs,
    json: json === 'true',
    ...(to !== undefined && { to }),
    ...(pr !== undefined && { pr: Number(pr) }),
    ...(ref !== undefined && { ref }),
  }
}

/** `--help`: the commands, then every flag with its default. */
export function helpText(inputs: InputSpec[]): string {
  const flag = (spec: InputSpec): string => `  --${spec.name}${spec.default !== undefined ? ` (default: ${spec.default})` : ''}\n      ${spec.description}`
  return [
    'Usage: ecs-deploy-action <command> [flags]',
    '',
    'Commands:',
    '  deploy                          build (with --build), render, register, roll out and wait',
    '  render                          print the final task definition; registers nothing',
    '  diff                            show what a deploy would change; changes nothing',
    '  status                          the service: deployments, running revision, recent events',
    '  rollback [--to family:rev]      roll back the rollout in flight, or go back to a revision',
    '  preview deploy|destroy|sweep    pull request previews (--pr N), from the config file',
    '',
    'Exit codes: 0 success, 1 deployment failed or rolled back, 2 bad input.',
    'AWS credentials and region come from the usual AWS_* variables and profiles.',
    '',
    'Flags (the action\'s inputs):',
    ...inputs.map(flag),
    '',
    'CLI flags:',
    ...CLI_FLAGS.map(flag),
  ].join('\n')
}
