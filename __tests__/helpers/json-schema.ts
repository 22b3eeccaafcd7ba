/**
 * A checker for the part of JSON Schema (draft-07) that schema/ecs-deploy.schema.json uses; no schema library is installed.
 * A keyword it does not know is an error, so the schema cannot quietly use more than is checked here.
 */
export type Schema = { [keyword: string]: unknown }

const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description', 'default', 'definitions'])

/** Where `value` breaks `schema`, one line per broken keyword (`environments.dev.cluster: pattern`); [] when it conforms. */
export function schemaErrors(root: Schema, value: unknown, schema: Schema = root, at = '(root)'): string[] {
  const errors: string[] = []
  const fail = (keyword: string) => errors.push(`${at}: ${keyword}`)
  const sub = (s: unknown, v: unknown, path = at) => schemaErrors(root, v, s as Schema, path)
  const child = (key: string | number) =>
    typeof key === 'number' ? `${at}[${key}]` : at === '(root)' ? key : `${at}.${key}`
  const object = isObject(value) ? value : undefined

  for (const [keyword, rule] of Object.entries(schema)) {
    if (ANNOTATIONS.has(keyword) || keyword === 'then') continue
    switch (keyword) {
      case '$ref':
        errors.push(...sub(resolve(root, rule as string), value))
        break
      case 'type':
        if (!(Array.isArray(rule) ? rule : [rule]).some((t) => hasType(value, t as string))) fail('type')
        break
      case 'enum':
        if (!(rule as unknown[]).includes(value)) fail('enum')
        break
      case 'const':
        if (value !== rule) fail('const')
        break
      case 'pattern':
        if (typeof value === 'string' && !new RegExp(rule as string).test(value)) fail('pattern')
        break
      case 'minimum':
        if (typeof value === 'number' && value < (rule as number)) fail('minimum')
        break
      case 'maximum':
        if (typeof value === 'number' && value > (rule as number)) fail('maximum')
        break
      case 'minItems':
        if (Array.isArray(value) && value.length < (rule as number)) fail('minItems')
        break
      case 'items':
        if (Array.isArray(value)) value.forEach((item, i) => errors.push(...sub(rule, item, child(i))))
        break
      case 'required':
        if (object) for (const key of rule as string[]) if (!(key in object)) fail(`required ${key}`)
        break
      case 'minProperties':
        if (object && Object.keys(object).length < (rule as number)) fail('minProperties')
        break
      case 'properties':
        if (object)
          for (const [key, s] of Object.entries(rule as Schema))
            if (key in object) errors.push(...sub(s, object[key], child(key)))
        break
      case 'additionalProperties':
        if (object) {
          const named = Object.keys((schema.properties as Schema | undefined) ?? {})
          for (const key of Object.keys(object).filter((k) => !named.includes(k))) {
            if (rule === false) errors.push(`${child(key)}: additionalProperties`)
            else errors.push(...sub(rule, object[key], child(key)))
          }
        }
        break
      case 'propertyNames':
        if (object)
          for (const key of Object.keys(object))
            errors.push(...sub(rule, key, child(key)).map(() => `${child(key)}: propertyNames`))
        break
      case 'dependencies':
        if (object) {
          for (const [key, needs] of Object.entries(rule as Record<string, string[]>)) {
            if (key in object)
              for (const need of needs) if (!(need in object)) fail(`dependencies ${key} needs ${need}`)
          }
        }
        break
      case 'anyOf':
        if (!(rule as Schema[]).some((s) => sub(s, value).length === 0)) fail('anyOf')
        break
      case 'oneOf':
        if ((rule as Schema[]).filter((s) => sub(s, value).length === 0).length !== 1) fail('oneOf')
        break
      case 'not':
        if (sub(rule, value).length === 0) fail('not')
        break
      case 'if':
        if (sub(rule, value).length === 0 && schema.then !== undefined && sub(schema.then, value).length) fail('then')
        break
      default:
        throw new Error(`the schema uses ${keyword} at ${at}, which this checker does not implement`)
    }
  }
  return errors
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'object':
      return isObject(value)
    case 'array':
      return Array.isArray(value)
    case 'integer':
      return Number.isInteger(value)
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
    case 'null':
      return value === null
    default:
      return typeof value === type
  }
}

function resolve(root: Schema, ref: string): Schema {
  if (!ref.startsWith('#/')) throw new Error(`only local references are supported, not ${ref}`)
  const found = ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, key) => (isObject(node) ? node[key] : undefined), root)
  if (!isObject(found)) throw new Error(`${ref} does not resolve`)
  return found
}
