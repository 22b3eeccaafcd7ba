// Every external command (docker, verify-command) runs here: an argument array, never a shell, in a process group of
// its own, so the run's deadline can stop it and everything it started.
import { spawn } from 'node:child_process'
import { waitingFor } from './deadline.js'
import type { Log } from './log.js'

export interface ExecResult {
  exitCode: number
  stdout: string
  stderr: string
  /** Set when `signal` stopped the command: its process group was killed. */
  stopped?: true
}

export interface ExecOptions {
  /** Written to the command's stdin (used for passwords: never argv). */
  input?: string
  cwd?: string
  /** Variables added to the command's environment (how secrets reach a command without its argv). */
  env?: Record<string, string>
  /** Do not echo the command's output to the log. */
  silent?: boolean
  /** Called with each line of stdout/stderr as it arrives. */
  onLine?: (line: string) => void
  /** Where the command line and its output are shown (unless silent); without it, nothing is shown. */
  log?: Log
  /** Stops the command (SIGTERM to its whole process group, SIGKILL 2 s later): the run's deadline, a timeout. */
  signal?: AbortSignal | undefined
}

/** How long a stopped command's process group has between SIGTERM and SIGKILL. */
export const KILL_AFTER_MS = 2_000

/**
 * Runs a command with an argument array (no shell) and returns its exit code and output; never throws on a non-zero
 * exit. A command that cannot be started throws `Unable to locate executable file: <command>`.
 */
export function execCommand(command: string, args: string[], options: ExecOptions = {}): Promise<ExecResult> {
  return waitingFor(`${command} ${args[0] ?? ''}`.trim(), () => run(command, args, options))
}

function run(command: string, args: string[], options: ExecOptions): Promise<ExecResult> {
  const show = options.silent ? undefined : options.log
  show?.info(`[command]${command} ${args.join(' ')}`)
  const onLine = show || options.onLine ? (line: string): void => (show?.info(line), options.onLine?.(line)) : undefined
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return resolve({ exitCode: 1, stdout: '', stderr: '', stopped: true })
    const child = spawn(command, args, {
      ...(options.cwd !== undefined && { cwd: options.cwd }),
      env: { ...process.env, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
      // Its own process group: the whole group is stopped, so nothing it started outlives the run.
      detached: true,
    })
    let stdout = ''
    let stderr = ''
    let stopped = false
    let killTimer: NodeJS.Timeout | undefined
    const kill = (signal: NodeJS.Signals): void => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, signal)
      } catch {
        // The group is gone already.
      }
    }
    const stop = (): void => {
      stopped = true
      kill('SIGTERM')
      killTimer = setTimeout(() => kill('SIGKILL'), KILL_AFTER_MS)
    }
    options.signal?.addEventListener('abort', stop, { once: true })
    const partial = { stdout: '', stderr: '' }
    const lines =
      (stream: 'stdout' | 'stderr') =>
      (data: Buffer): void => {
        const text = data.toString()
        if (stream === 'stdout') stdout += text
        else stderr += text
        if (!onLine) return
        const parts = (partial[stream] + text).split(/\r?\n/)
        partial[stream] = parts.pop() ?? ''
        parts.forEach(onLine)
      }
    child.stdout.on('data', lines('stdout'))
    child.stderr.on('data', lines('stderr'))
    child.stdin.on('error', () => undefined)
    child.stdin.end(options.input)
    child.on('error', (error: NodeJS.ErrnoException) => {
      options.signal?.removeEventListener('abort', stop)
      reject(error.code === 'ENOENT' ? new Error(`Unable to locate executable file: ${command}`) : error)
    })
    child.on('close', (code, signal) => {
      clearTimeout(killTimer)
      options.signal?.removeEventListener('abort', stop)
      // The group may hold a process that ignored SIGTERM and outlived its leader.
      if (stopped) kill('SIGKILL')
      for (const rest of [partial.stdout, partial.stderr]) if (rest) onLine?.(rest)
      resolve({
        exitCode: code ?? (signal ? 128 + (signalNumber(signal) ?? 0) : 1),
        stdout,
        stderr,
        ...(stopped && { stopped: true as const }),
      })
    })
  })
}

function signalNumber(signal: NodeJS.Signals): number | undefined {
  return { SIGTERM: 15, SIGKILL: 9, SIGINT: 2 }[signal as string]
}
