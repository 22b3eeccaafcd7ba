import { RegisterTaskDefinitionRequest$, TaskDefinition$ } from '@aws-sdk/client-ecs'

/** One shape of the ECS API model, decoded from the schema objects @aws-sdk/client-ecs ships. */
export type Shape =
  | { kind: 'string' | 'number' | 'boolean' | 'any' }
  | { kind: 'list'; member: unknown }
  | { kind: 'map'; value: unknown }
  | StructShape

export interface StructShape {
  kind: 'struct'
  name: string
  members: string[]
  memberSchemas: unknown[]
  required: string[]
}

// Members ECS rejects when absent although the model leaves them optional (`image` is checked after it is filled in).
const ALSO_REQUIRED: Record<string, string[]> = { ContainerDefinition: ['name'] }

const SCALARS: Record<number, 'string' | 'number' | 'boolean'> = { 0: 'string', 1: 'number', 2: 'boolean' }

/**
 * Decodes a reference in Smithy's static schema encoding (as read by @smithy/core's NormalizedSchema):
 * numbers are simple types, with bit 64 for "list of" and bit 128 for "map of strings to";
 * arrays are [0 simple | 1 list | 2 map | 3 struct | 4 union, namespace, name, traits, ...].
 */
export function shapeOf(reference: unknown): Shape {
  const schema = resolved(reference)
  if (typeof schema === 'number') {
    if (schema >= 128) return { kind: 'map', value: schema & 0b0011_1111 }
    if (schema >= 64) return { kind: 'list', member: schema & 0b0011_1111 }
    return { kind: SCALARS[schema] ?? 'any' }
  }
  if (!Array.isArray(schema)) return { kind: 'any' }
  const [id, , name, , fourth, fifth, requiredCount] = schema as unknown[]
  switch (id) {
    case 0:
      return shapeOf(fourth)
    case 1:
      return { kind: 'list', member: fourth }
    case 2:
      return { kind: 'map', value: fifth }
    case 3:
    case 4: {
      const members = fourth as string[]
      const required = members.slice(0, typeof requiredCount === 'number' ? requiredCount : 0)
      return {
        kind: 'struct',
        name: String(name),
        members,
        memberSchemas: fifth as unknown[],
        required: [...required, ...(ALSO_REQUIRED[String(name)] ?? [])],
      }
    }
    default:
      return { kind: 'any' }
  }
}

/** Follows lazy references `() => schema` and member wrappers `[schema, traits]` to the schema itself. */
function resolved(reference: unknown): unknown {
  let schema = reference
  for (;;) {
    if (typeof schema === 'function') schema = (schema as () => unknown)()
    else if (Array.isArray(schema) && schema.length === 2) schema = schema[0]
    else return schema
  }
}

function structShape(reference: unknown): StructShape {
  const shape = shapeOf(reference)
  if (shape.kind !== 'struct') throw new Error('@aws-sdk/client-ecs: expected a structure schema')
  return shape
}

export const REQUEST_SHAPE = structShape(RegisterTaskDefinitionRequest$)

/** Keys DescribeTaskDefinition returns that RegisterTaskDefinition does not take (taskDefinitionArn, revision, …). */
export const READ_ONLY_KEYS: readonly string[] = structShape(TaskDefinition$).members.filter(
  (key) => !REQUEST_SHAPE.members.includes(key),
)
