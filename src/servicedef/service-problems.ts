import { unknownKey } from '../common/suggest.js'
import { ProblemsError, type Problem } from '../common/problems.js'
import { modelProblems } from '../taskdef/validate.js'
import { DEFINITION_SHAPE } from './service-keys.js'
import type { PlainObject } from '../taskdef/plain-values.js'

type KeyPath = (string | number)[]

/** `volumeConfigurations[0] (data).managedEBSVolume` → ['volumeConfigurations', 0, 'managedEBSVolume']. */
export function keyPathOf(path: string): KeyPath {
  const plain = path.replace(/ \([^)]*\)/g, '')
  return [...plain.matchAll(/\[(\d+)\]|([^.[\]]+)/g)].map((m) => (m[1] !== undefined ? Number(m[1]) : (m[2] ?? '')))
}

/**
 * The definition checked against CreateService's API model at every depth (unknown keys with the closest known one,
 * value types); every problem with its line. null means "not set". Throws listing them all.
 */
export function checkDefinition(
  definition: PlainObject,
  source: string,
  lineOf: (path: KeyPath) => number | undefined,
): void {
  const problems: Problem[] = []
  for (const [key, value] of Object.entries(definition)) {
    if (value === null || value === undefined) continue
    const index = DEFINITION_SHAPE.members.indexOf(key)
    if (index < 0) problems.push({ path: key, message: unknownKey(key, DEFINITION_SHAPE.members) })
    else problems.push(...modelProblems(value, DEFINITION_SHAPE.memberSchemas[index], key))
  }
  if (problems.length)
    throw new ProblemsError(
      source,
      problems.map((p) => withLine(p, lineOf)),
    )
}

export function withLine(problem: Problem, lineOf: (path: KeyPath) => number | undefined): Problem {
  const line = lineOf(keyPathOf(problem.path))
  return line === undefined ? problem : { ...problem, line }
}
