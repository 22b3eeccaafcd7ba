// The `run-task-*` inputs: how a one-off task runs (count, capacity, network, tags, overrides), read and checked.
import type { AssignPublicIp, CapacityProviderStrategyItem, LaunchType, Tag, TaskOverride } from '@aws-sdk/client-ecs'
import { UserError } from '../common/errors.js'
import { meaningfulLines, settingValues, type InputReader } from './values.js'
import { describedValue } from '../common/problems.js'
import { parseCapacityProviderStrategy } from './service.js'

/** How the one-off task runs; what is absent comes from the service (before a rollout) or ECS's defaults. */
export interface RunTaskOptions {
  /** How many tasks to start (RunTask's count, 1–10). */
  count?: number
  launchType?: LaunchType
  capacityProviderStrategy?: CapacityProviderStrategyItem[]
  subnets?: string[]
  securityGroups?: string[]
  assignPublicIp?: AssignPublicIp
  tags?: Tag[]
  /** Task overrides (cpu, memory, roles, container overrides); the command goes into the run container's override. */
  overrides?: TaskOverride
}

export const RUN_TASK_OPTION_INPUTS = [
  'run-task-count',
  'run-task-launch-type',
  'run-task-capacity-provider-strategy',
  'run-task-subnets',
  'run-task-security-groups',
  'run-task-assign-public-ip',
  'run-task-tags',
  'run-task-overrides',
] as const

/** The `run-task-*` settings given; a UserError when one is given without `run-task` or two contradict. */
export function readRunTaskOptions(read: InputReader): RunTaskOptions {
  const values = settingValues(read)
  const stray = RUN_TASK_OPTION_INPUTS.find((name) => read(name).trim())
  if (!values.text('run-task')) {
    if (stray) throw new UserError(`Input \`${stray}\` needs \`run-task\`: the command the one-off task runs.`)
    return {}
  }
  const launchType = values.choice<string>('run-task-launch-type')?.toUpperCase() as LaunchType | undefined
  const strategy = values.text('run-task-capacity-provider-strategy')
  if (launchType && strategy) {
    throw new UserError(
      'Config keys `run-task.launch-type` and `run-task.capacity-provider-strategy` exclude each other (as in RunTask): give one.',
    )
  }
  const count = values.number('run-task-count')
  const publicIp = values.choice<string>('run-task-assign-public-ip')?.toUpperCase() as AssignPublicIp | undefined
  const overrides = values.text('run-task-overrides')
  const subnets = values.list('run-task-subnets')
  const securityGroups = values.list('run-task-security-groups')
  const tags = parseTags(read('run-task-tags'))
  return {
    ...(count !== undefined && { count }),
    ...(launchType && { launchType }),
    ...(strategy && {
      capacityProviderStrategy: parseCapacityProviderStrategy('run-task-capacity-provider-strategy', strategy),
    }),
    ...(subnets.length && { subnets }),
    ...(securityGroups.length && { securityGroups }),
    ...(publicIp && { assignPublicIp: publicIp }),
    ...(tags.length && { tags }),
    ...(overrides && { overrides: parseOverrides(overrides) }),
  }
}

/**
 * `KEY=value` lines (split at the first `=`), or the official action's JSON array of `{"key": …, "value": …}`, as ECS
 * takes tags: keys 1–128 characters, values up to 256.
 */
function parseTags(value: string): Tag[] {
  if (value.trim().startsWith('[')) return jsonTags(value)
  const seen = new Set<string>()
  return meaningfulLines(value).map(({ line, number }) => {
    const eq = line.indexOf('=')
    const key = eq === -1 ? '' : line.slice(0, eq).trim()
    const tag = line.slice(eq + 1).trim()
    if (!key || key.length > 128 || tag.length > 256) {
      throw new UserError(
        `Config key \`run-task.tags\` line ${number} is not KEY=value (a key of 1–128 characters, a value of at most 256).`,
      )
    }
    if (seen.has(key)) throw new UserError(`Config key \`run-task.tags\` line ${number}: ${key} is given twice.`)
    seen.add(key)
    return { key, value: tag }
  })
}

function jsonTags(value: string): Tag[] {
  const wrong = new UserError(
    'Config key `run-task.tags` is not a JSON array of {"key": …, "value": …} (a key of 1–128 characters, a value of at most 256); or write one KEY=value a line.',
  )
  let parsed: unknown
  try {
    parsed = JSON.parse(value)
  } catch {
    throw wrong
  }
  if (!Array.isArray(parsed)) throw wrong
  const tags = parsed.map((item: unknown) => {
    const { key, value: tag = '' } = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>
    if (typeof key !== 'string' || !key || key.length > 128 || typeof tag !== 'string' || tag.length > 256) throw wrong
    return { key, value: tag }
  })
  const keys = tags.map((t) => t.key)
  const twice = keys.find((k, i) => keys.indexOf(k) !== i)
  if (twice !== undefined) throw new UserError(`Config key \`run-task.tags\`: ${twice} is given twice.`)
  return tags
}

const OVERRIDE_KEYS = [
  'containerOverrides',
  'cpu',
  'memory',
  'taskRoleArn',
  'executionRoleArn',
  'ephemeralStorage',
  'inferenceAcceleratorOverrides',
]
const CONTAINER_OVERRIDE_KEYS = [
  'name',
  'command',
  'environment',
  'environmentFiles',
  'cpu',
  'memory',
  'memoryReservation',
  'resourceRequirements',
]

/** RunTask's `overrides` (TaskOverride), as JSON; keys checked against the API model's. */
function parseOverrides(text: string): TaskOverride {
  const input = 'Config key `run-task.overrides`'
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw new UserError(
      `${input} is not valid JSON: give RunTask's overrides as an object, e.g. {"cpu": "512", "containerOverrides": [{"name": "web", "environment": [{"name": "STEP", "value": "2"}]}]}.`,
    )
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new UserError(`${input} must be a JSON object (RunTask's overrides), not ${describedValue(parsed)}.`)
  }
  const unknown = Object.keys(parsed).find((k) => !OVERRIDE_KEYS.includes(k))
  if (unknown) throw new UserError(`${input}: unknown key "${unknown}" (it takes ${OVERRIDE_KEYS.join(', ')}).`)
  const containers: unknown = (parsed as Record<string, unknown>).containerOverrides
  if (containers !== undefined) {
    if (!Array.isArray(containers)) throw new UserError(`${input}: containerOverrides must be a list.`)
    containers.forEach((c: unknown, i) => {
      const item = c as Record<string, unknown>
      if (typeof c !== 'object' || c === null || typeof item.name !== 'string') {
        throw new UserError(`${input}: containerOverrides item ${i + 1} needs "name", the container it overrides.`)
      }
      const stray = Object.keys(item).find((k) => !CONTAINER_OVERRIDE_KEYS.includes(k))
      if (stray) {
        throw new UserError(
          `${input}: containerOverrides item ${i + 1} (${item.name}) has no key "${stray}" (it takes ${CONTAINER_OVERRIDE_KEYS.join(', ')}).`,
        )
      }
    })
  }
  return parsed as TaskOverride
}
