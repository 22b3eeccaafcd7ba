// What a verified release must answer: `verify-expect` parsed once, before anything changes, and matched against each
// answer. A status code; `/regex/flags`; `$.json.path == value`; anything else is a substring of the body.
import { UserError } from '../common/errors.js'
import { settingName } from '../common/setting-name.js'

export type Expectation =
  | { kind: 'status'; status: number }
  | { kind: 'substring'; text: string }
  | { kind: 'regex'; pattern: RegExp }
  | { kind: 'json'; path: (string | number)[]; value: string; text: string }

/** An HTTP answer as the check saw it. */
export interface Answer {
  status: number
  body: string
  /** Why a redirect answered was not followed. */
  redirect?: string
}

/** Without `verify-expect`: any 2xx answer. */
export const ANY_SUCCESS: Expectation = { kind: 'status', status: 0 }

const JSON_PATH = /^\$((?:\.[A-Za-z_][\w-]*|\[\d+\])*)\s*==\s*(.*)$/

/** `text` (placeholders already filled) as an expectation; a malformed one is a UserError naming the input. */
export function parseExpectation(text: string, input = 'verify.expect'): Expectation {
  const value = text.trim()
  if (value === '') return ANY_SUCCESS
  if (/^\d+$/.test(value)) {
    const status = Number(value)
    if (status < 100 || status > 599)
      throw new UserError(`${settingName(input)}: ${value} is not an HTTP status code (100 to 599).`)
    return { kind: 'status', status }
  }
  const regex = /^\/(.+)\/([a-z]*)$/s.exec(value)
  if (regex) {
    try {
      return { kind: 'regex', pattern: new RegExp(regex[1] ?? '', regex[2]) }
    } catch (error) {
      throw new UserError(
        `${settingName(input)}: ${value} is not a valid regular expression (${(error as Error).message}). Write it as /pattern/flags.`,
      )
    }
  }
  if (value.startsWith('$.') || value.startsWith('$[')) {
    const json = JSON_PATH.exec(value)
    if (!json || !json[1])
      throw new UserError(
        `${settingName(input)}: "${value}" is not a JSON path check. Write it as \`$.field.sub[0] == value\`.`,
      )
    const path = [...json[1].matchAll(/\.([A-Za-z_][\w-]*)|\[(\d+)\]/g)].map((m) => m[1] ?? Number(m[2]))
    return { kind: 'json', path, value: unquoted((json[2] ?? '').trim()), text: value }
  }
  return { kind: 'substring', text: value }
}

function unquoted(value: string): string {
  return /^"(.*)"$/.test(value) || /^'(.*)'$/.test(value) ? value.slice(1, -1) : value
}

/** Whether the answer is what was expected: the status, else a 2xx answer whose body matches. */
export function meets(expectation: Expectation, answer: Answer): boolean {
  if (expectation.kind === 'status')
    return expectation.status === 0 ? isSuccess(answer.status) : answer.status === expectation.status
  if (!isSuccess(answer.status)) return false
  switch (expectation.kind) {
    case 'substring':
      return answer.body.includes(expectation.text)
    case 'regex':
      return expectation.pattern.test(answer.body)
    case 'json':
      return jsonValueAt(answer.body, expectation.path) === expectation.value
  }
}

const isSuccess = (status: number): boolean => status >= 200 && status < 300

/** The value at `path` in the JSON body, as text (strings as they are, the rest as JSON); undefined when absent. */
function jsonValueAt(body: string, path: (string | number)[]): string | undefined {
  let value: unknown
  try {
    value = JSON.parse(body)
  } catch {
    return undefined
  }
  for (const step of path) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<string | number, unknown>)[step]
  }
  if (value === undefined) return undefined
  return typeof value === 'string' ? value : JSON.stringify(value)
}

/** The expectation in words, for messages: `HTTP 204`, `a 2xx answer containing "ok"`. */
export function describeExpectation(expectation: Expectation): string {
  switch (expectation.kind) {
    case 'status':
      return expectation.status === 0 ? 'a 2xx answer' : `HTTP ${expectation.status}`
    case 'substring':
      return `a 2xx answer containing "${expectation.text}"`
    case 'regex':
      return `a 2xx answer matching ${String(expectation.pattern)}`
    case 'json':
      return `a 2xx JSON answer with ${expectation.text}`
  }
}
