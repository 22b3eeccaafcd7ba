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

/** Characters an address or an image reference may hold; none of them can end a code span or a table cell. */
const REFERENCE_CHAR = String.raw`[\w.:/?#&=%~+@!$,;-]`
/** An address (`scheme://…`, `www.…`) or anything with an `@` (image digests, e-mail addresses, mentions). */
const REFERENCE = new RegExp(
  String.raw`(?:[a-z][a-z0-9+.-]*://|www\.)${REFERENCE_CHAR}*|${REFERENCE_CHAR}*@${REFERENCE_CHAR}*`,
  'gi',
)

/** Outside text that is not a reference: HTML and Markdown punctuation escaped. */
function escapeInline(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, '\\$&')
}

/**
 * The text as inline Markdown that renders as itself: on one line, HTML escaped, the punctuation that makes
 * code, emphasis, links, table cells or (at the start) headings and lists backslash-escaped. Addresses and
 * references with an `@` become code spans: they copy exactly as they were, yet never become a link or a mention.
 */
export function summaryText(text: string): string {
  const line = text.split(LINE_BREAK).join(' ')
  let out = ''
  let at = 0
  for (const match of line.matchAll(REFERENCE)) {
    // A sentence's closing punctuation is not part of the address.
    const reference = match[0].replace(/[.,;:!?]+$/, '')
    if (!reference) continue
    out += escapeInline(line.slice(at, match.index)) + `\`${reference}\``
    at = match.index + reference.length
  }
  return (out + escapeInline(line.slice(at))).replace(/^(\s*)([#+=-]|\d+[.)])/, '$1\\$2')
}
