import * as actionsExec from '@actions/exec'

export interface ExecResult {
  exitCode: number
  stdout: string
  stderr: string
}

export interface ExecOptions {
  /** Written to the command's stdin (used for passwords: never argv). */
  input?: string
  cwd?: string
  /** Do not echo the command's output to the log. */
  silent?: boolean
  /** Called with each line of stdout/stderr as it arrives. */
  onLine?: (line: string) => void
}

/** Runs a command with an argument array (no shell) and returns its exit code and output; never throws on a non-zero exit. */
export async function execCommand(command: string, args: string[], options: ExecOptions = {}): Promise<ExecResult> {
  let stdout = ''
  let stderr = ''
  const exitCode = await actionsExec.exec(command, args, {
    ignoreReturnCode: true,
    silent: options.silent ?? false,
    ...(options.cwd !== undefined && { cwd: options.cwd }),
    ...(options.input !== undefined && { input: Buffer.from(options.input) }),
    listeners: {
      stdout: (data: Buffer) => (stdout += data.toString()),
      stderr: (data: Buffer) => (stderr += data.toString()),
      ...(options.onLine && { stdline: options.onLine, errline: options.onLine }),
    },
  })
  return { exitCode, stdout, stderr }
}
