// The engine's log in a terminal: everything on stderr (stdout is for data), groups as headings, the rollout's count
// lines as one updating status line in a TTY, warnings and errors in flag terms, and every secret the run registers replaced by *** before it is written.
// Bold only in a TTY and not when NO_COLOR is set and non-empty (https://no-color.org).
import type { Log } from '../common/log.js'
import { inFlagTerms } from './terms.js'

const COUNTS = /^\[\d+:\d\d\] (\S+: )?\S+: running \d+\/\d+, pending \d+, failed \d+$/

export interface TerminalLog extends Log {
  /** Ends a status line left open. */
  end(): void
  /** The text with every registered secret replaced by ***. */
  redact(text: string): string
}

export function terminalLog(
  write: (text: string) => void,
  tty: boolean,
  env: Record<string, string | undefined> = {},
): TerminalLog {
  const styled = tty && !env.NO_COLOR
  const bold = (text: string): string => (styled ? `\x1b[1m${text}\x1b[0m` : text)
  const secrets = new Set<string>()
  let statusOpen = false
  const redact = (text: string): string =>
    [...secrets].sort((a, b) => b.length - a.length).reduce((t, s) => t.split(s).join('***'), text)
  const closeStatus = (): void => {
    if (statusOpen) write('\n')
    statusOpen = false
  }
  const line = (text: string): void => {
    const safe = redact(text)
    if (tty && COUNTS.test(safe)) {
      write(`\r\x1b[K${safe}`)
      statusOpen = true
      return
    }
    closeStatus()
    write(`${safe}\n`)
  }
  const where = (annotation?: { file?: string; startLine?: number }): string =>
    annotation?.file
      ? ` (${annotation.file}${annotation.startLine !== undefined ? `:${annotation.startLine}` : ''})`
      : ''
  return {
    info: (message) => line(message),
    warning: (message, annotation) => line(`warning: ${inFlagTerms(message)}${where(annotation)}`),
    error: (message, annotation) => line(`${bold('Error:')} ${inFlagTerms(message)}${where(annotation)}`),
    debug: () => undefined,
    async group(name, fn) {
      line(bold(`▸ ${name}`))
      return fn()
    },
    secret(value) {
      // One-character values would blank the log; the runner does not mask them either.
      if (value.length > 1) secrets.add(value)
    },
    end: closeStatus,
    redact,
  }
}
