/**
 * Outside text (service events, stop reasons, log lines, values from files) is data. These functions are the one
 * place it is made safe: for the job log, no line of it can start a workflow command; for the job summary, it
 * cannot close its code block, open a link or inject HTML.
 */

/** Every way a line ends, as the runner (and any viewer) may split them. */
const LINE_BREAK = /\r\n|[\n\r\u2028\u2029\u0085]/

/**
 * The text with each of its lines inert for the runner: `::command::` is read after leading whitespace,
 * and the older `##[command]` anywhere in a line. A backslash makes both plain text.
 */
export function logSafe(text: string): string {
  return text
    .split(LINE_BREAK)
    .map((line) => line.replaceAll('##[', '##\\[').replace(/^(\s*)::/, '$1\\::'))
    .join('\n')
}

/** The text as a fenced code block whose fence is longer than any run of backticks in it. */
export function summaryCode(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length))
  const fence = '`'.repeat(Math.max(3, longest + 1))
  return `${fence}\n${text.split(LINE_BREAK).join('\n')}\n${fence}`
}

/**
 * The text as inline Markdown that renders as itself: on one line, HTML escaped, the punctuation that makes
 * code, emphasis, links, table cells or (at the start) headings and lists backslash-escaped, and bare addresses
 * broken so that nothing becomes a link.
 */
export function summaryText(text: string): string {
  return text
    .split(LINE_BREAK)
    .join(' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, '\\$&')
    .replace(/^(\s*)([#+=-]|\d+[.)])/, '$1\\$2')
    .replace(/:\/\//g, ':\u200B//')
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\u200B.`)
    .replace(/@/g, '@\u200B')
}
