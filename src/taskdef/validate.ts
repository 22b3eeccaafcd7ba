import { unknownKey } from '../common/suggest.js'
import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs'
import { REQUEST_SHAPE, shapeOf, type Shape, type StructShape } from './model.js'
import { describedValue, ProblemsError, type Problem } from '../common/problems.js'
import { isPlainObject, type PlainObject } from './plain-values.js'

/**
 * The definition checked against the RegisterTaskDefinition API model at every depth: unknown keys,
 * value types and required keys. null means "not set" and is dropped. Throws listing every problem.
 */
export function checkedRequest(
  definition: PlainObject,
  source: string,
  file?: { path: string; lineOf(path: string): number | undefined },
): RegisterTaskDefinitionCommandInput {
  const problems: Problem[] = []
  const request = checked(withStringSizes(definition), REQUEST_SHAPE, '', problems)
  if (Array.isArray(definition.containerDefinitions) && definition.containerDefinitions.length === 0) {
    problems.push({ path: 'containerDefinitions', message: 'empty; add at least one container' })
  }
  if (problems.length) {
    const located = file ? problems.map((p) => ({ ...p, ...lineOf(file, p.path) })) : problems
    throw new ProblemsError(source, located, undefined, file?.path)
  }
  return request as RegisterTaskDefinitionCommandInput
}

function lineOf(file: { lineOf(path: string): number | undefined }, path: string): { line?: number } {
  const line = file.lineOf(path)
  return line === undefined ? {} : { line }
}

/** What is wrong with `value` as one shape of the ECS API model (a schema @aws-sdk/client-ecs exports, `Name$`). */
export function modelProblems(value: unknown, schema: unknown, path = ''): Problem[] {
  const problems: Problem[] = []
  checked(value, shapeOf(schema), path, problems)
  return problems
}

/** The API takes task-level cpu and memory as strings ("256", "1 vCPU"); people write numbers. */
export function withStringSizes(definition: object): PlainObject {
  const copy: PlainObject = { ...definition }
  for (const key of ['cpu', 'memory']) {
    if (typeof copy[key] === 'number') copy[key] = String(copy[key])
  }
  return copy
}

function checked(value: unknown, shape: Shape, path: string, problems: Problem[]): unknown {
  switch (shape.kind) {
    case 'any':
      return value
    case 'struct':
      return isPlainObject(value) ? checkedStruct(value, shape, path, problems) : mismatch('an object')
    case 'map':
      if (!isPlainObject(value)) return mismatch('an object')
      return Object.fromEntries(
        present(value).map(([key, item]) => [key, checked(item, shapeOf(shape.value), `${path}.${key}`, problems)]),
      )
    case 'list':
      if (!Array.isArray(value)) return mismatch('a list')
      return value.map((item, index) =>
        checked(item, shapeOf(shape.member), `${path}[${index}]${label(item)}`, problems),
      )
    default:
      return typeof value === shape.kind ? value : mismatch(`a ${shape.kind}`)
  }

  function mismatch(expected: string): unknown {
    problems.push({
      path,
      message: `expected ${expected}, found ${describedValue(value)}${quotingHint(value, shape.kind)}`,
    })
    return value
  }
}

function checkedStruct(value: PlainObject, shape: StructShape, path: string, problems: Problem[]): PlainObject {
  const result: PlainObject = {}
  for (const [key, item] of present(value)) {
    const at = path ? `${path}.${key}` : key
    const index = shape.members.indexOf(key)
    if (index < 0) problems.push({ path: at, message: unknownKey(key, shape.members) })
    else result[key] = checked(item, shapeOf(shape.memberSchemas[index]), at, problems)
  }
  for (const key of shape.required) {
    if (result[key] === undefined) problems.push({ path: path ? `${path}.${key}` : key, message: 'missing (required)' })
  }
  return result
}

function present(value: PlainObject): [string, unknown][] {
  return Object.entries(value).filter(([, item]) => item !== null && item !== undefined)
}

/** ` (web)` after a list index, when the item has a name. */
function label(item: unknown): string {
  return isPlainObject(item) && typeof item.name === 'string' ? ` (${item.name})` : ''
}

function quotingHint(value: unknown, expected: Shape['kind']): string {
  if (expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) return '; put it in quotes'
  if (typeof value !== 'string' || value.trim() === '') return ''
  const unquoted =
    expected === 'number' ? !Number.isNaN(Number(value)) : expected === 'boolean' && /^(true|false)$/.test(value)
  return unquoted ? '; remove the quotes' : ''
}
