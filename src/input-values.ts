// Reading one input's text as a typed value, with the one message that names the input and what it must be.
import { UserError } from './errors.js'

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
