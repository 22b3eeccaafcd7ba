// Checks what the scenario server answered against the AWS API models, so the simulator cannot teach the action
// a world AWS does not have: every member known to its shape, every value of the shape's type, every enum-valued
// field one of the enum's values, every error one the operation can throw.
//
// The models are botocore's service-2.json.gz (moto runs on botocore, so the stack has them): they are the
// published API models with each member's shape, type and enum. The JS SDK's bundled schemas carry members and
// types but not which enum a member takes (enums are only TypeScript types there), so they cannot check enums.
import { readFileSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'

/** Errors any AWS JSON API can answer with, though operations do not list them (the API references' Common Errors). */
const COMMON_ERRORS = [
  'ThrottlingException',
  'AccessDeniedException',
  'ExpiredTokenException',
  'UnrecognizedClientException',
  'InternalFailure',
  'ServiceUnavailable',
  'ValidationError',
  'ValidationException',
  'RequestExpired',
]

/**
 * The models of the services the scenario server speaks, by X-Amz-Target prefix.
 * @param {string} dataDir botocore's data directory
 * @param {string[]} [services] botocore service names
 * @returns {Map<string, any>}
 */
export function loadModels(dataDir, services = ['ecs', 'ecr', 'codedeploy', 'cloudwatch']) {
  const models = new Map()
  for (const name of services) {
    const versions = readdirSync(path.join(dataDir, name)).sort()
    const dir = path.join(dataDir, name, versions[versions.length - 1] ?? '')
    const model = JSON.parse(gunzipSync(readFileSync(path.join(dir, 'service-2.json.gz'))).toString('utf8'))
    models.set(model.metadata.targetPrefix, name === 'ecs' ? withSdkMembers(model, SDK_ECS()) : model)
  }
  return models
}

const SDK_ECS = () => createRequire(import.meta.url)('@aws-sdk/client-ecs')

/**
 * botocore's model can be older than the JS SDK the action ships with (moto's botocore 1.43 knows neither
 * `thresholdConfiguration` nor `earlySuccessCriteria`): members the SDK's schemas add to a structure botocore knows
 * are checked by the SDK's schema — members and types; it carries no enums, so their values are not checked.
 * @param {any} model botocore's model
 * @param {Record<string, unknown>} sdk the SDK package (its exported `Name$` schemas)
 */
export function withSdkMembers(model, sdk) {
  const shapes = { ...model.shapes }
  const SIMPLE = {
    0: 'string',
    1: 'double',
    2: 'boolean',
    4: 'timestamp',
    5: 'timestamp',
    6: 'timestamp',
    7: 'timestamp',
  }
  /** A botocore shape name for an SDK schema reference, adding the shapes botocore lacks. */
  const nameOf = (reference) => {
    const schema = resolvedSchema(reference)
    if (typeof schema === 'number') {
      if (schema >= 64) {
        const member = nameOf(schema & 0b0011_1111)
        const name = `${schema >= 128 ? 'Map' : 'List'}Of${member}`
        shapes[name] ??=
          schema >= 128 ? { type: 'map', value: { shape: member } } : { type: 'list', member: { shape: member } }
        return name
      }
      const type = SIMPLE[schema] ?? 'structure'
      const name = `Sdk${type}`
      shapes[name] ??= type === 'structure' ? { type, members: {} } : { type }
      return name
    }
    if (!Array.isArray(schema)) return nameOf(15)
    const [kind, , name, , fourth, fifth] = schema
    if (shapes[name]) return name
    if (kind === 0) return nameOf(fourth)
    if (kind === 1) shapes[name] = { type: 'list', member: { shape: nameOf(fourth) } }
    else if (kind === 2) shapes[name] = { type: 'map', value: { shape: nameOf(fifth) } }
    else {
      shapes[name] = { type: 'structure', members: {} }
      fourth.forEach((member, i) => (shapes[name].members[member] = { shape: nameOf(fifth[i]) }))
    }
    return name
  }
  for (const value of Object.values(sdk)) {
    if (!Array.isArray(value) || value[0] !== 3) continue
    const [, , name, , members, memberSchemas] = value
    const known = shapes[name]
    if (known?.type !== 'structure') continue
    const added = members.filter((member) => !known.members[member])
    if (!added.length) continue
    shapes[name] = {
      ...known,
      members: {
        ...known.members,
        ...Object.fromEntries(
          added.map((member) => [member, { shape: nameOf(memberSchemas[members.indexOf(member)]) }]),
        ),
      },
    }
  }
  return { ...model, shapes }
}

/** Follows the SDK schemas' lazy references `() => schema` and member wrappers `[schema, traits]`. */
function resolvedSchema(reference) {
  let schema = reference
  for (;;) {
    if (typeof schema === 'function') schema = schema()
    else if (Array.isArray(schema) && schema.length === 2) schema = schema[0]
    else return schema
  }
}

/**
 * What is wrong with one recorded response, as `Service.Operation path: problem` lines (none when it conforms).
 * @param {import('./protocol.mjs').AwsResponse} response
 * @param {Map<string, any>} models
 * @returns {string[]}
 */
export function violations({ service, operation, status, body }, models) {
  const model = models.get(service)
  const where = `${model?.metadata.serviceId ?? service}.${operation}`
  if (!model) return [`${where}: no model for X-Amz-Target prefix ${service}`]
  const op = model.operations[operation]
  if (!op) return [`${where}: not an operation of the model`]
  let value
  try {
    value = JSON.parse(body)
  } catch {
    return [`${where}: the body is not JSON`]
  }
  const problems = []
  if (status >= 400) {
    const errors = (op.errors ?? []).map((e) => e.shape)
    // A query-compatible JSON service (CloudWatch) names the shape with its namespace, `com.amazonaws.cloudwatch#…`;
    // its query API's common errors are the model's `synthetic` shapes.
    const type = String(value.__type).split('#').pop()
    const common = Object.keys(model.shapes).filter((name) => model.shapes[name].synthetic)
    if (![...errors, ...COMMON_ERRORS, ...common].includes(type)) {
      problems.push(
        `${where} error: __type ${JSON.stringify(value.__type)} is not an error of the operation (${errors.join(', ')})`,
      )
    }
    if (typeof value.message !== 'string') problems.push(`${where} error: message is not a string`)
    return problems
  }
  if (!op.output) {
    if (Object.keys(value).length)
      problems.push(`${where}: the operation has no output, but the body has ${Object.keys(value).join(', ')}`)
    return problems
  }
  check(value, op.output.shape, '', model, (at, problem) => problems.push(`${where} ${at || '(body)'}: ${problem}`))
  return problems
}

/** Checks `value` against shape `name` of `model`, calling report(path, problem) for each mismatch. */
function check(value, name, at, model, report) {
  const shape = model.shapes[name]
  if (!shape) return report(at, `shape ${name} missing from the model`)
  const kind = shape.type
  switch (kind) {
    case 'structure': {
      if (!isObject(value)) return report(at, `expected a structure ${name}, found ${typeName(value)}`)
      for (const [key, item] of Object.entries(value)) {
        const member = shape.members[key]
        const inner = at ? `${at}.${key}` : key
        if (!member) report(inner, `not a member of ${name}`)
        else if (item === null) report(inner, 'null; AWS leaves out members that are not set')
        else check(item, member.shape, inner, model, report)
      }
      return
    }
    case 'list':
      if (!Array.isArray(value)) return report(at, `expected a list (${name}), found ${typeName(value)}`)
      return value.forEach((item, index) => check(item, shape.member.shape, `${at}[${index}]`, model, report))
    case 'map':
      if (!isObject(value)) return report(at, `expected a map (${name}), found ${typeName(value)}`)
      return Object.entries(value).forEach(([key, item]) =>
        check(item, shape.value.shape, `${at}.${key}`, model, report),
      )
    case 'string':
      if (typeof value !== 'string') return report(at, `expected a string (${name}), found ${typeName(value)}`)
      if (shape.enum && !shape.enum.includes(value))
        report(at, `${JSON.stringify(value)} is not a ${name}: ${shape.enum.join(', ')}`)
      return
    case 'integer':
    case 'long':
      return Number.isInteger(value) ? undefined : report(at, `expected an integer (${name}), found ${typeName(value)}`)
    case 'float':
    case 'double':
      return typeof value === 'number' ? undefined : report(at, `expected a number (${name}), found ${typeName(value)}`)
    case 'boolean':
      return typeof value === 'boolean'
        ? undefined
        : report(at, `expected a boolean (${name}), found ${typeName(value)}`)
    case 'timestamp':
      // AWS JSON 1.0 and 1.1: epoch seconds.
      return typeof value === 'number'
        ? undefined
        : report(at, `expected a timestamp in epoch seconds (${name}), found ${typeName(value)}`)
    case 'blob':
      return typeof value === 'string'
        ? undefined
        : report(at, `expected base64 text (${name}), found ${typeName(value)}`)
    default:
      return undefined
  }
}

const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value)

function typeName(value) {
  if (Array.isArray(value)) return 'a list'
  if (value === null) return 'null'
  if (typeof value === 'object') return 'an object'
  return `the ${typeof value} ${JSON.stringify(value).slice(0, 60)}`
}
