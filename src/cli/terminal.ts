/**
 * Shows the action's output in a terminal: the runner's workflow commands (::group::, ::error::…) as
 * readable lines, and — when stdout is a TTY — the rollout's count lines as one updating status line.
 */
const bold = (text: string, tty: boolean): string => (tty ? `\x1b[1m${text}\x1b[0m` : text)
const COUNTS = /^\[\d+:\d\d\] (\S+: )?\S+: running \d+\/\d+, pending \d+, failed \d+$/

export interface TerminalWriter {
  /** Renders one chunk of what the action wrote. */
  write(chunk: string): void
  /** Ends a status line left open. */
  end(): void
}

export function terminalWriter(out: (text: string) => void, tty: boolean): TerminalWriter {
  let pending = ''
  let statusOpen = false
  const closeStatus = (): void => {
    if (statusOpen) out('\n')
    statusOpen = false
  }
  const line = (text: string): void => {
    const group = /^::group::(.*)$/.exec(text)
    const command = /^::(error|warning|notice)[^:]*::(.*)$/.exec(text)
    if (/^::(endgroup|set-output|save-state|add-mask|debug)\b/.test(text) || /^::endgroup::/.test(text)) return
    if (tty && COUNTS.test(text)) {
      out(`\r\x1b[K${text}`)
      statusOpen = true
      return
    }
    closeStatus()
    if (group) out(`${bold(`▸ ${group[1]}`, tty)}\n`)
    else if (command) out(`${command[1] === 'error' ? bold('Error:', tty) : `${command[1]}:`} ${(command[2] ?? '').replace(/%0A/g, '\n').replace(/%25/g, '%')}\n`)
    else out(`${text}\n`)
  }
  return {
    write(chunk) {
      const parts = (pending + chunk).split('\n')
      pending = parts.pop() ?? ''
      for (const part of parts) line(part)
    },
    end() {
      if (pending) line(pending)
      pending = ''
      closeStatus()
    },
  }
}
