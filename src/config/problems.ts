import { describedValue, ProblemsError, type Problem } from '../common/problems.js'
import { suggestion, unknownKey } from '../common/suggest.js'

export type KeyPath = readonly (string | number)[]

/** Every problem of a config file at once, the file named once, so one run shows them all (and where, as data). */
export class ConfigError extends ProblemsError {
  constructor(file: string, problems: Problem[], hint?: string) {
    super(file, problems, hint, file)
  }
}

/** `environments.dev.services[1]`; keys that are not plain words are quoted. */
export function displayPath(path: KeyPath): string {
  return path
    .map((key, i) => {
      if (typeof key === 'number') return `[${key}]`
      const word = /^[\w-]+$/.test(key) ? key : `"${key}"`
      return i ? `.${word}` : word
    })
    .join('')
}

/** Collects problems, each naming the file, its line when known, and the key path. */
export class Problems {
  readonly found: Problem[] = []
  constructor(
    readonly file: string,
    private readonly locate: (path: KeyPath) => number | undefined = () => undefined,
  ) {}

  /** Records a problem at `path`, with its line when known, and returns undefined, so readers can `return p.add(…)`. */
  add(path: KeyPath, problem: string): undefined {
    const line = this.locate(path)
    this.found.push({ path: displayPath(path), message: problem, ...(line !== undefined && { line }) })
    return undefined
  }

  /** A mapping whose keys are all in `keys` (any key when `keys` is omitted). */
  mapping(path: KeyPath, value: unknown, keys?: readonly string[]): Record<string, unknown> | undefined {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      return this.add(path, `must be a mapping (key: value lines), not ${describedValue(value)}`)
    }
    const record = value as Record<string, unknown>
    for (const key of Object.keys(record)) {
      if (keys && !keys.includes(key)) this.add([...path, key], unknownKey(key, keys))
    }
    return record
  }

  /** A string (a number is taken as written); `format` checks its shape and says what was expected. */
  text(path: KeyPath, value: unknown, format?: { pattern: RegExp; expected: string }): string | undefined {
    if (typeof value === 'number') value = String(value)
    if (typeof value !== 'string' || value.trim() === '')
      return this.add(path, `must be a string, not ${describedValue(value)}`)
    if (format && !format.pattern.test(value))
      return this.add(path, `must be ${format.expected}, not ${describedValue(value)}`)
    return value
  }

  /** A list of strings; one string stands for a list of one. */
  list(
    path: KeyPath,
    value: unknown,
    item: (path: KeyPath, value: unknown) => string | undefined,
  ): string[] | undefined {
    const items = typeof value === 'string' ? [value] : value
    if (!Array.isArray(items) || items.length === 0) {
      return this.add(
        path,
        `must be a list of strings (or one string), not ${Array.isArray(items) ? 'an empty list' : describedValue(value)}`,
      )
    }
    const read = items.map((v, i) => item(typeof value === 'string' ? path : [...path, i], v))
    return read.every((v) => v !== undefined) ? (read as string[]) : undefined
  }

  integer(path: KeyPath, value: unknown, min: number, max: number): number | undefined {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      return this.add(path, `must be a whole number from ${min} to ${max}, not ${describedValue(value)}`)
    }
    return value
  }

  boolean(path: KeyPath, value: unknown): boolean | undefined {
    return typeof value === 'boolean' ? value : this.add(path, `must be true or false, not ${describedValue(value)}`)
  }

  choice<T extends string>(path: KeyPath, value: unknown, choices: readonly T[]): T | undefined {
    const found = choices.find((c) => c === value)
    if (found) return found
    const near = typeof value === 'string' ? suggestion(value, choices) : ''
    return this.add(
      path,
      `must be one of ${choices.join(', ')}, not ${describedValue(value)}${near.startsWith('; did') ? near : ''}`,
    )
  }

  throwIfAny(): void {
    if (this.found.length) throw new ConfigError(this.file, this.found)
  }
}
