import * as actionsExec from '@actions/exec'
import type { Log } from './log.js'

export interface ExecResult {
  exitCode: number
  stdout: string
  stderr: string
}

export interface ExecOptions {
  /** Written to the command's stdin (used for passwords: never argv). */
  input?: string
  cwd?: string
  /** Variables added to the runner's own environment. */
  env?: Record<string, string>
  /** Do not echo the command's output to the log. */
  silent?: boolean
  /** Called with each line of stdout/stderr as it arrives. */
  onLine?: (line: string) => void
  /** Where the command line and its output are shown (unless silent); without it, nothing is shown. */
  log?: Log
}

/** Runs a command with an argument array (no shell) and returns its exit code and output; never throws on a non-zero exit. */
export async function execCommand(command: string, args: string[], options: ExecOptions = {}): Promise<ExecResult> {
  let stdout = ''
  let stderr = ''
  // @actions/exec would write to process.stdout: the output goes to the log port instead, line by line.
  const show = options.silent ? undefined : options.log
  show?.info(`[command]${command} ${args.join(' ')}`)
  const onLine = show || options.onLine ? (line: string): void => (show?.info(line), options.onLine?.(line)) : undefined
  const exitCode = await actionsExec.exec(command, args, {
    ignoreReturnCode: true,
    silent: true,
    ...(options.cwd !== undefined && { cwd: options.cwd }),
    ...(options.env && { env: { ...environment(), ...options.env } }),
    ...(options.input !== undefined && { input: Buffer.from(options.input) }),
    listeners: {
      stdout: (data: Buffer) => (stdout += data.toString()),
      stderr: (data: Buffer) => (stderr += data.toString()),
      ...(onLine && { stdline: onLine, errline: onLine }),
    },
  })
  return { exitCode, stdout, stderr }
}

/** The process's environment without unset variables (@actions/exec takes strings only). */
function environment(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined))
}
