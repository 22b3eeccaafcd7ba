import { UserError } from '../errors.js'

/** One error for everything wrong with a task definition, so the user can fix it all in one go. */
export function problemsError(source: string, problems: string[], hint?: string): UserError {
  const tail = hint ? `\n${hint}` : ''
  if (problems.length === 1) return new UserError(`${source}, ${problems[0]}${tail}`)
  const list = problems.map((problem) => `  - ${problem}`).join('\n')
  return new UserError(`${source} has ${problems.length} problems:\n${list}${tail}`)
}
