import { isScalar, parseDocument, visit, type Document } from 'yaml'
import { UserError } from '../common/errors.js'
import { ProblemsError } from '../common/problems.js'
import { settingName } from '../common/setting-name.js'

const NAME = '[A-Za-z_][A-Za-z0-9_]*'
const PLACEHOLDER = new RegExp(`(\\$?)\\$\\{(${NAME})\\}`, 'g')
// Placeholders become private-use characters of the same length: the parser then takes them anywhere
// (even unquoted where a number goes), and the positions it reports stay those of the user's text.
const ESCAPE = '\uE003'
const DOLLAR = '\uE000'
const OPEN = '\uE001'
const CLOSE = '\uE002'
const MARKED = new RegExp(`(${ESCAPE}?)${DOLLAR}${OPEN}(${NAME})${CLOSE}`, 'g')

/** `text` with `${NAME}` and `$${NAME}` marked, each character for one. */
export function markedPlaceholders(text: string): string {
  return text.replace(
    PLACEHOLDER,
    (_, escape: string, name: string) => `${escape ? ESCAPE : ''}${DOLLAR}${OPEN}${name}${CLOSE}`,
  )
}

/** `text` as the user wrote it, for parser messages that quote the marked text. */
export function unmarked(text: string): string {
  return text
    .replace(/[\uE000\uE003]/g, '$')
    .replaceAll(OPEN, '{')
    .replaceAll(CLOSE, '}')
}

/**
 * Fills the placeholders in the scalars of `doc`, parsed from `marked`, so a value is never parsed as
 * syntax (quotes and backslashes in it need no escaping). Placeholders in comments are ignored.
 * Throws one error listing every unknown placeholder.
 */
export function fillPlaceholders(
  doc: Document,
  marked: string,
  values: Record<string, string>,
  source: string,
  file?: string,
): void {
  const unknown: { name: string; line: number }[] = []
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value !== 'string' || !node.value.includes(OPEN)) return
      const [start, end] = node.range ?? [0, 0]
      for (const match of marked.slice(start, end).matchAll(MARKED)) {
        const name = match[2] ?? ''
        if (!match[1] && !Object.hasOwn(values, name)) unknown.push({ name, line: lineAt(marked, start + match.index) })
      }
      const filled = node.value.replace(MARKED, (_, escape: string, name: string) =>
        escape ? `\${${name}}` : (values[name] ?? ''),
      )
      // An unquoted, untagged scalar gets the type its filled-in text has, so `cpu: ${CPU}` is a number.
      node.value = node.type === 'PLAIN' && !node.tag ? plainValue(filled) : filled
    },
  })
  const [first] = unknown
  if (!first) return
  const known = Object.keys(values).join(', ') || '(none)'
  const example = first.name
  throw new ProblemsError(
    source,
    unknown.map(({ name, line }) => ({ path: '', line, message: `unknown placeholder \${${name}}` })),
    `Known: ${known}. Add ${unknown.length === 1 ? 'it' : 'them'} to the \`vars\` of the environment in the config file (${example}: value), ` +
      `or write $\${${example}} for a literal \${${example}}.`,
    file,
  )
}

/**
 * `text` (one input's value, not a document) with its `${NAME}` placeholders filled and `$${NAME}` kept as a literal
 * `${NAME}`; an unknown placeholder is a UserError naming `input` and the known ones.
 */
export function fillTextPlaceholders(
  text: string,
  values: Record<string, string>,
  input: string,
  /** How a value goes in at `offset` of `text` (as it is by default). */
  encode: (name: string, value: string, offset: number) => string = (_name, value) => value,
): string {
  const unknown = [...text.matchAll(PLACEHOLDER)].filter((m) => !m[1] && !Object.hasOwn(values, m[2] ?? ''))
  const [first] = unknown
  if (first) {
    const names = [...new Set(unknown.map((m) => `\${${m[2]}}`))].join(', ')
    throw new UserError(
      `${settingName(input)}: unknown placeholder ${names}. Known: ${Object.keys(values).join(', ') || '(none)'}. ` +
        `Add it to the \`vars\` of the environment in the config file (${first[2]}: value), or write $\${${first[2]}} for a literal \${${first[2]}}.`,
    )
  }
  return text.replace(PLACEHOLDER, (_, escape: string, name: string, offset: number) =>
    escape ? `\${${name}}` : encode(name, values[name] ?? '', offset),
  )
}

/** The names of the `${NAME}` placeholders in `text` (not the `$${NAME}` literals). */
export function placeholderNames(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].filter((m) => !m[1]).map((m) => m[2] ?? '')
}

function plainValue(text: string): unknown {
  const doc = parseDocument(text)
  return doc.errors.length === 0 && isScalar(doc.contents) ? doc.contents.value : text
}

function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length
}
