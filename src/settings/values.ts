// Reading one input's text as a typed value, with the one message that names the input and what it must be.
import { UserError } from '../common/errors.js'
import { settingNamed, type Setting, type SettingKind } from './table.js'

/** Reads one input by its action.yml name; '' when not given. */
export type InputReader = (name: string) => string

export function parseBoolean(name: string, value: string, fallback: boolean): boolean {
  const v = value.trim().toLowerCase()
  if (v === '') return fallback
  if (v === 'true') return true
  if (v === 'false') return false
  throw new UserError(`Input \`${name}\` must be true or false, not "${value.trim()}".`)
}

export function parseNumber(name: string, value: string, min: number, max: number): number {
  const n = Number(value)
  if (!/^\d+(\.\d+)?$/.test(value) || n < min || n > max) {
    throw new UserError(`Input \`${name}\` must be a number from ${min} to ${max}, not "${value}".`)
  }
  return n
}

export function parseInteger(name: string, value: string, min: number, max: number): number {
  if (!/^\d+$/.test(value)) {
    throw new UserError(`Input \`${name}\` must be a whole number from ${min} to ${max}, not "${value}".`)
  }
  return parseNumber(name, value, min, max)
}

export function parseChoice<T extends string>(name: string, value: string, choices: readonly T[]): T {
  const found = choices.find((c) => c === value.toLowerCase())
  if (!found) {
    throw new UserError(`Input \`${name}\` must be one of ${choices.join(', ')}, not "${value}".`)
  }
  return found
}

/** Splits a comma or newline separated list, dropping blanks. */
export function parseList(value: string): string[] {
  return value
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean)
}

/** A setting's value, read by its name and typed by its row in the settings table (kind, default, range, choices). */
export interface SettingValues {
  /** Trimmed; undefined when not given (a text default such as `${{ github.token }}` is the runner's to fill). */
  text(name: string): string | undefined
  boolean(name: string): boolean
  /** Undefined when neither given nor defaulted. */
  number(name: string): number | undefined
  choice<T extends string>(name: string): T | undefined
  /** Comma or newline separated. */
  list(name: string): string[]
  /** One item a line (items may hold commas); blank lines and `#` comments skipped. */
  lines(name: string): string[]
}

export function settingValues(read: InputReader): SettingValues {
  const given = (name: string): string | undefined => read(name).trim() || undefined
  return {
    text: (name) => (row(name, 'text'), given(name)),
    boolean: (name) => parseBoolean(name, read(name), row(name, 'boolean').default === 'true'),
    number: (name) => {
      const { range, default: fallback } = row(name, 'number')
      const value = given(name) ?? fallback
      if (value === undefined) return undefined
      if (!range) throw new Error(`settings.ts: \`${name}\` has no range`)
      const n = range.whole
        ? parseInteger(name, value, range.min, range.max)
        : parseNumber(name, value, range.min, range.max)
      if (range.step !== undefined && !isMultiple(n, range.step)) {
        throw new UserError(`Input \`${name}\` must be a multiple of ${range.step}, not "${value}".`)
      }
      return n
    },
    choice: <T extends string>(name: string) => {
      const { choices, default: fallback } = row(name, 'text')
      const value = given(name) ?? fallback
      if (!choices) throw new Error(`settings.ts: \`${name}\` has no choices`)
      return value === undefined ? undefined : parseChoice(name, value, choices as readonly T[])
    },
    list: (name) => (row(name, 'list', 'lines'), parseList(read(name))),
    lines: (name) => (row(name, 'lines'), meaningfulLines(read(name)).map(({ line }) => line)),
  }
}

/** Non-blank, non-comment lines of a multiline input, with their 1-based line numbers. */
export function meaningfulLines(value: string): { line: string; number: number }[] {
  return value
    .split('\n')
    .map((line, i) => ({ line: line.trim(), number: i + 1 }))
    .filter(({ line }) => line !== '' && !line.startsWith('#'))
}

/** The setting's row, which must be of one of these kinds: a mismatch is a bug in the code that reads it. */
function row(name: string, ...kinds: SettingKind[]): Setting {
  const setting = settingNamed(name)
  if (!setting || !kinds.includes(setting.kind))
    throw new Error(`settings.ts has no ${kinds.join('/')} setting \`${name}\``)
  return setting
}

/** Within float error: 0.3 is a multiple of 0.1. */
function isMultiple(n: number, step: number): boolean {
  return Math.abs(n / step - Math.round(n / step)) < 1e-9
}
