// What every validator (config, task definition, AppSpec) reports: its problems, one error listing them all, found values.
import { UserError, type FileLocation } from './errors.js'

// A word like canary or ENABLED (letters, dashes, colons: AWS::ECS::Service), or a number: safe to quote back. Anything else may be a secret.
const ENUM_LIKE = /^[A-Za-z][A-Za-z:_-]{0,39}$/
const NUMBER_LIKE = /^-?\d{1,12}(\.\d{1,6})?$/

/**
 * What a value is, for a message, never echoing what could be a secret: a number or a boolean as written
 * (`the number 8080`), a string only when it is an enum-like word or a number (`the string "canry"`), its kind otherwise.
 */
export function describedValue(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'number' || typeof value === 'boolean') return `the ${typeof value} ${String(value)}`
  if (typeof value !== 'string') return typeof value === 'object' ? 'an object' : `a ${typeof value}`
  if (value.trim() === '') return 'an empty string'
  return ENUM_LIKE.test(value) || NUMBER_LIKE.test(value) ? `the string ${JSON.stringify(value)}` : 'a string'
}

/** One thing wrong in a file or a value: where (its key path, the file's line when known) and what. */
export interface Problem {
  /** `environments.dev.cluster`, `containerDefinitions[0] (web).image`; empty for the whole document. */
  path: string
  message: string
  line?: number
  column?: number
}

/** `line 3, environments.dev.clustr: unknown key; did you mean cluster?` */
export function problemEntry(problem: Problem): string {
  const line = problem.line === undefined ? '' : `line ${problem.line}, `
  return `${line}${problem.path ? `${problem.path}: ` : ''}${problem.message}`
}

/**
 * Everything wrong with one source, so the user can fix it all in one go: the source named once, a problem a line.
 * When the source is a file (`file`, as the user gave it), each problem with a line is also one of its locations.
 */
export class ProblemsError extends UserError {
  constructor(
    readonly source: string,
    readonly problems: Problem[],
    hint?: string,
    file?: string,
  ) {
    const tail = hint ? `\n${hint}` : ''
    const [only] = problems
    const list = problems.map((problem) => `  - ${problemEntry(problem)}`).join('\n')
    super(
      problems.length === 1 && only
        ? `${source}, ${problemEntry(only)}${tail}`
        : `${source} has ${problems.length} problems:\n${list}${tail}`,
      { locations: file === undefined ? [] : problemLocations(file, source, problems) },
    )
  }
}

function problemLocations(file: string, source: string, problems: Problem[]): FileLocation[] {
  return problems.flatMap(({ line, column, path, message }) =>
    line === undefined
      ? []
      : [
          {
            file,
            line,
            ...(column !== undefined && { column }),
            message: `${source}, ${path ? `${path}: ` : ''}${message}`,
          },
        ],
  )
}
