import { ProblemsError } from '../common/problems.js'

/** One error for everything wrong with a task definition; each problem starts with the JSON path of the field to fix. */
export function problemsError(source: string, problems: string[], hint?: string): ProblemsError {
  return new ProblemsError(
    source,
    problems.map((message) => ({ path: '', message })),
    hint,
  )
}
