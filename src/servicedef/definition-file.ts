import { UserError } from '../common/errors.js'
import { ProblemsError } from '../common/problems.js'
import { loadDocument } from '../taskdef/template-file.js'
import { isPlainObject, kindOf, type PlainObject } from '../taskdef/plain-values.js'
import { OWNED_KEYS, READ_ONLY_KEYS } from './service-keys.js'
import { checkDefinition, withLine } from './service-problems.js'

/** A service definition file, loaded and checked against the ECS API model: what it asks of the service. */
export interface ServiceDefinition {
  /** `service definition ecs-service-def.json`, for messages. */
  source: string
  definition: PlainObject
  /** The line of a key path of `definition`, for messages. */
  lineOf(path: (string | number)[]): number | undefined
  /** For the log and the summary, e.g. 'dropped read-only keys: serviceArn, status'. */
  notes: string[]
}

/**
 * Reads a service definition (JSON or YAML: a CreateService body, or `aws ecs describe-services` output for one
 * service), fills its placeholders as a task definition template's, and checks it against the ECS API model.
 */
export async function loadServiceDefinition(
  path: string,
  placeholders: Record<string, string>,
  workspace: string,
): Promise<ServiceDefinition> {
  const source = `service definition ${path}`
  const loaded = await loadDocument(path, placeholders, workspace, {
    input: 'service-definition',
    what: 'service definition',
  })
  const { value, prefix } = unwrapped(loaded.data, source)
  const lineOf = (keyPath: (string | number)[]): number | undefined => loaded.lineOf([...prefix, ...keyPath])
  // Described output says what the service was: its name and revision then are the action's to set now.
  const described = prefix.length > 0 || 'serviceArn' in value
  const dropped = Object.keys(value).filter(
    (key) => READ_ONLY_KEYS.includes(key) || (described && (key === 'serviceName' || key === 'taskDefinition')),
  )
  const definition = Object.fromEntries(Object.entries(value).filter(([key]) => !dropped.includes(key)))
  const owned = Object.keys(definition).filter((key) => key in OWNED_KEYS)
  if (owned.length) {
    throw new ProblemsError(
      source,
      owned.map((key) =>
        withLine(
          { path: key, message: `is set by this action, not the file: remove it (set by ${OWNED_KEYS[key]})` },
          lineOf,
        ),
      ),
    )
  }
  checkDefinition(definition, source, lineOf)
  return {
    source,
    definition,
    lineOf,
    notes: dropped.length ? [`${source}: dropped read-only keys: ${dropped.join(', ')}`] : [],
  }
}

function unwrapped(data: unknown, source: string): { value: PlainObject; prefix: (string | number)[] } {
  if (!isPlainObject(data)) {
    throw new UserError(
      `${source}: the top level must be an object (a CreateService request or the output of \`aws ecs describe-services\`), found ${kindOf(data)}.`,
    )
  }
  if (!('services' in data)) return { value: data, prefix: [] }
  const { services, failures: _failures, ...rest } = data
  const extra = Object.keys(rest)
  if (extra.length) {
    throw new UserError(
      `${source} looks like \`aws ecs describe-services\` output (it has services) but also has ${extra.join(', ')}; that output has only services and failures. Remove the other keys.`,
    )
  }
  if (!Array.isArray(services) || services.length !== 1 || !isPlainObject(services[0])) {
    throw new UserError(
      `${source}: services must list exactly one service (the output of \`aws ecs describe-services\` for the one service it defines), found ${Array.isArray(services) ? `${services.length} items` : kindOf(services)}.`,
    )
  }
  return { value: services[0], prefix: ['services', 0] }
}
