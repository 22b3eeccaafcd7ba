import { isDeepStrictEqual } from 'node:util'
import type { ContainerDefinition, RegisterTaskDefinitionCommandInput, Tag, TaskDefinition } from '@aws-sdk/client-ecs'
import { withoutReadOnlyKeys } from './clean.js'
import { withStringSizes } from './validate.js'
import { isPlainObject } from './plain-values.js'

const SECRET_LOOKING = /PASSWORD|PASSWD|SECRET|TOKEN|KEY|CREDENTIAL/i

/**
 * True when registering `request` would produce the same content as `current`: read-only keys, key and
 * list order, empty values and the defaults ECS fills in do not count. Tags count when `currentTags` is given.
 */
export function sameTaskDefinition(
  request: RegisterTaskDefinitionCommandInput,
  current: TaskDefinition,
  currentTags?: Tag[],
): boolean {
  return (
    isDeepStrictEqual(comparable(request), comparable(current)) &&
    (currentTags === undefined || isDeepStrictEqual(compact(request.tags), compact(currentTags)))
  )
}

/** One difference between two task definitions: where, and each side's value (undefined: absent). */
export interface TaskDefinitionDifference {
  path: string
  before: unknown
  after: unknown
  /** A named item (container, variable, secret) that only one side has. */
  item: boolean
  /** A secret, or a secret-looking environment variable: its values are not shown. */
  masked: boolean
}

/**
 * What registering `request` would change compared with `current`, one line each, such as
 * `containerDefinitions[web].image: a → b`. Values of secret-looking environment variables are not shown.
 */
export function describeChanges(request: RegisterTaskDefinitionCommandInput, current: TaskDefinition): string[] {
  return taskDefinitionDifferences(request, current).map(({ path, before, after, item, masked }) =>
    item
      ? `${path}: ${before === undefined ? 'added' : 'removed'}`
      : masked
        ? `${path}: (changed)`
        : `${path}: ${shownValue(before)} → ${shownValue(after)}`,
  )
}

/** Each difference between `current` (before) and `request` (after), as `describeChanges` finds them. */
export function taskDefinitionDifferences(
  request: RegisterTaskDefinitionCommandInput,
  current: TaskDefinition,
): TaskDefinitionDifference[] {
  const differences: TaskDefinitionDifference[] = []
  collectChanges(comparable(current), comparable(request), '', false, differences)
  return differences
}

function comparable(definition: RegisterTaskDefinitionCommandInput | TaskDefinition): unknown {
  const { definition: kept } = withoutReadOnlyKeys(withStringSizes(definition))
  const { tags: _tags, enableFaultInjection, containerDefinitions, ...rest } = kept
  // ECS runs (and may show) a definition that names no network mode in bridge mode.
  const networkMode = typeof rest.networkMode === 'string' ? rest.networkMode : 'bridge'
  return compact({
    ...rest,
    networkMode,
    // false is the default, which DescribeTaskDefinition may or may not show.
    enableFaultInjection: enableFaultInjection || undefined,
    containerDefinitions: (containerDefinitions as ContainerDefinition[] | undefined)?.map((container) =>
      withDefaults(container, networkMode),
    ),
  })
}

/** The container as DescribeTaskDefinition returns it: ECS fills these in when they are left out. */
function withDefaults(container: ContainerDefinition, networkMode: string): ContainerDefinition {
  // awsvpc and host: the host port is the container's; bridge: 0, a port chosen when the task starts.
  const hostPortOf = (containerPort: number | undefined): number | undefined =>
    networkMode === 'bridge' ? 0 : networkMode === 'awsvpc' || networkMode === 'host' ? containerPort : undefined
  return {
    ...container,
    essential: container.essential ?? true,
    cpu: container.cpu ?? 0,
    portMappings: container.portMappings?.map((mapping) => ({
      ...mapping,
      protocol: mapping.protocol ?? 'tcp',
      hostPort: mapping.hostPort ?? hostPortOf(mapping.containerPort),
    })),
    healthCheck: container.healthCheck && { interval: 30, timeout: 5, retries: 3, ...container.healthCheck },
  }
}

/** `value` without null, undefined, empty lists and empty objects; lists of named items (or tags) sorted by name. */
function compact(value: unknown): unknown {
  if (Array.isArray(value)) {
    // Array.from makes a list of this realm: isDeepStrictEqual compares prototypes, and clones may come from another.
    const items = Array.from(value, compact).filter((item) => item !== undefined)
    if (!items.length) return undefined
    return uniquelyNamed(items) ? items.sort((a, b) => itemName(a).localeCompare(itemName(b))) : items
  }
  if (isPlainObject(value)) {
    const entries = Object.entries(value)
      .map(([key, item]) => [key, compact(item)] as const)
      .filter(([, item]) => item !== undefined)
    return entries.length ? Object.fromEntries(entries) : undefined
  }
  return value ?? undefined
}

function collectChanges(
  before: unknown,
  after: unknown,
  path: string,
  masked: boolean,
  changes: TaskDefinitionDifference[],
): void {
  if (isDeepStrictEqual(before, after)) return
  if (isPlainObject(before) && isPlainObject(after)) {
    for (const key of new Set([...Object.keys(after), ...Object.keys(before)])) {
      collectChanges(before[key], after[key], path ? `${path}.${key}` : key, masked, changes)
    }
    return
  }
  if (Array.isArray(before) || Array.isArray(after)) {
    const [beforeItems, afterItems] = [before ?? [], after ?? []]
    if (Array.isArray(beforeItems) && Array.isArray(afterItems)) {
      const environment = path.endsWith('.environment')
      if (uniquelyNamed(beforeItems) && uniquelyNamed(afterItems)) {
        const beforeByName = new Map(beforeItems.map((item) => [itemName(item), item]))
        const afterByName = new Map(afterItems.map((item) => [itemName(item), item]))
        for (const name of new Set([...afterByName.keys(), ...beforeByName.keys()])) {
          const [was, is] = [beforeByName.get(name), afterByName.get(name)]
          const at = `${path}[${name}]`
          // Secrets are shown by name only; environment variables whose name looks secret likewise.
          const secret = masked || path.endsWith('.secrets') || (environment && SECRET_LOOKING.test(name))
          if (was === undefined || is === undefined)
            changes.push({ path: at, before: was, after: is, item: true, masked: secret })
          else collectChanges(was, is, at, secret, changes)
        }
        return
      }
      // Without unique names, secret-looking variables cannot be picked out: say only that something changed.
      if (environment) {
        changes.push({ path, before, after, item: false, masked: true })
        return
      }
      if (beforeItems.length === afterItems.length) {
        beforeItems.forEach((item, index) =>
          collectChanges(item, afterItems[index], `${path}[${index}]`, masked, changes),
        )
        return
      }
    }
  }
  changes.push({ path, before, after, item: false, masked })
}

/** Whether every item has a name (`name`, or `key` for tags) and no two share one. */
function uniquelyNamed(items: unknown[]): boolean {
  const names = items.map(itemName)
  return names.every((name) => name !== '') && new Set(names).size === names.length
}

function itemName(item: unknown): string {
  if (!isPlainObject(item)) return ''
  const name = item.name ?? item.key
  return typeof name === 'string' ? name : ''
}

/** A value for a change line: text as it is, anything else as JSON, absent as `(none)`. */
export function shownValue(value: unknown): string {
  if (value === undefined) return '(none)'
  return typeof value === 'string' ? value : JSON.stringify(value)
}
