import type {
  ContainerDefinition,
  ECSClient,
  NetworkConfiguration,
  RunTaskCommandInput,
  Service,
  Task,
  TaskOverride,
} from '@aws-sdk/client-ecs'
import type { RunTaskOptions } from '../settings/run-task-options.js'
import { describeTasks, runTask, stopTask } from '../aws/ecs.js'
import { getLogEvents } from '../aws/logs.js'
import { DeploymentFailed, UserError } from '../common/errors.js'
import { describeLimit, type Clock } from './clock.js'
import { logStreamOf, type LogsClientIn } from './diagnose.js'
import { taskId } from './tasks.js'
import { logSafe } from '../report/text.js'
import { settingName } from '../common/setting-name.js'

export interface OneOffTask {
  ecs: ECSClient
  /** CloudWatch Logs in the container's `awslogs-region`. */
  logsIn: LogsClientIn
  cluster: string
  /** The service whose network configuration and capacity the task borrows; undefined for a task on its own. */
  service?: Service
  taskDefinitionArn: string
  containers: ContainerDefinition[]
  /** The container to run the command in. */
  container: string
  command: string[]
  options?: RunTaskOptions
  timeoutMs: number
  clock: Clock
  signal?: AbortSignal
  log: (line: string) => void
  /** How many log lines to show when it fails. */
  logLines: number
}

const POLL_MS = 2000

/**
 * Splits a command line into arguments: whitespace separates, quotes group, no shell is involved.
 * A JSON array is taken as it is.
 */
export function commandArguments(command: string, input = 'run-task'): string[] {
  const trimmed = command.trim()
  if (trimmed.startsWith('[')) {
    const parsed: unknown = JSON.parse(trimmed)
    if (Array.isArray(parsed) && parsed.every((a) => typeof a === 'string')) return parsed
    throw new UserError(`${settingName(input)} as JSON must be an array of strings, like ["npm", "run", "migrate"].`)
  }
  const args: string[] = []
  for (const match of trimmed.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) args.push(match[1] ?? match[2] ?? match[3] ?? '')
  return args
}

/** Reads a task's log stream from where it was left; returns the new lines and where to go on. */
async function newLogLines(
  logsIn: LogsClientIn,
  where: { group: string; stream: string; region?: string },
  token: string | undefined,
) {
  try {
    const page = await getLogEvents(logsIn(where.region), where, { fromHead: true, token })
    return { lines: page.lines, token: page.nextToken }
  } catch {
    return { lines: [], token } // the stream appears only once the container has started
  }
}

function exitSummary(task: Task): string {
  return (task.containers ?? [])
    .map((c) => `${c.name}: ${c.exitCode !== undefined ? `exit code ${c.exitCode}` : (c.reason ?? 'no exit code')}`)
    .join(', ')
}

/** Where and how the task runs: the inputs' settings over the service's. */
function placement(t: OneOffTask): Partial<RunTaskCommandInput> {
  const o = t.options ?? {}
  const service = t.service
  const capacity = o.capacityProviderStrategy?.length
    ? { capacityProviderStrategy: o.capacityProviderStrategy }
    : o.launchType
      ? { launchType: o.launchType }
      : service?.capacityProviderStrategy?.length
        ? { capacityProviderStrategy: service.capacityProviderStrategy }
        : service?.launchType && { launchType: service.launchType }
  return {
    ...capacity,
    ...networkConfiguration(service?.networkConfiguration, o),
    ...(service?.platformVersion && { platformVersion: service.platformVersion }),
  }
}

function networkConfiguration(
  base: NetworkConfiguration | undefined,
  o: RunTaskOptions,
): { networkConfiguration?: NetworkConfiguration } {
  const vpc = base?.awsvpcConfiguration
  if (!vpc && !o.subnets?.length) return {}
  return {
    networkConfiguration: {
      awsvpcConfiguration: {
        subnets: o.subnets?.length ? o.subnets : (vpc?.subnets ?? []),
        ...((o.securityGroups?.length || vpc?.securityGroups) && {
          securityGroups: o.securityGroups?.length ? o.securityGroups : vpc?.securityGroups,
        }),
        ...((o.assignPublicIp ?? vpc?.assignPublicIp) && { assignPublicIp: o.assignPublicIp ?? vpc?.assignPublicIp }),
      },
    },
  }
}

/** The overrides given, with the command set on the run container. */
function overridesWithCommand(t: OneOffTask): TaskOverride {
  const given = t.options?.overrides ?? {}
  const others = (given.containerOverrides ?? []).filter((c) => c.name !== t.container)
  const own = (given.containerOverrides ?? []).find((c) => c.name === t.container)
  return { ...given, containerOverrides: [...others, { ...own, name: t.container, command: t.command }] }
}

/**
 * Runs a one-off task (a migration, say) from the revision — with the service's network settings before a rollout,
 * or on its own with the `run-task-*` settings — streams its log lines, and waits for every task to stop. Throws
 * when an essential container exits non-zero, when a task cannot start, or on timeout or cancellation (after
 * stopping them). Returns the tasks' ARNs.
 */
export async function runOneOffTask(t: OneOffTask): Promise<string[]> {
  const definition = t.containers.find((c) => c.name === t.container)
  if (!definition) {
    throw new UserError(
      `Config key \`run-task.container\` "${t.container}" is not a container of the task definition (${t.containers.map((c) => c.name).join(', ')}).`,
    )
  }
  // Before a rollout, a failure means the rollout does not start; on its own, there is no rollout to speak of.
  const consequence = t.service ? ', so the rollout did not start' : ''
  const count = t.options?.count ?? 1
  const started = await runTask(t.ecs, {
    cluster: t.cluster,
    taskDefinition: t.taskDefinitionArn,
    startedBy: 'ecs-deploy-action',
    ...(count > 1 && { count }),
    ...placement(t),
    ...(t.options?.tags?.length && { tags: t.options.tags }),
    overrides: overridesWithCommand(t),
  })
  const arns = started.tasks.flatMap((task) => (task.taskArn ? [task.taskArn] : []))
  if (arns.length < count) {
    const failure = started.failures[0]
    for (const arn of arns) await stopTask(t.ecs, t.cluster, arn, 'ecs-deploy-action: the other tasks could not start')
    throw new DeploymentFailed(
      `The one-off task could not start: ${failure?.reason ?? 'no reason given'}${failure?.detail ? ` (${failure.detail})` : ''}.`,
      'failed',
    )
  }
  const followed = arns.map((arn) => ({
    arn,
    id: taskId(arn),
    where: logStreamOf(definition, taskId(arn)),
    token: undefined as string | undefined,
    seen: [] as string[],
  }))
  const several = followed.length > 1
  for (const f of followed) t.log(`one-off task ${f.id} started: ${t.command.join(' ')}`)
  const deadline = t.clock.now() + t.timeoutMs
  for (;;) {
    const tasks = await describeTasks(t.ecs, t.cluster, arns)
    for (const f of followed) {
      if (!f.where) continue
      const read = await newLogLines(t.logsIn, f.where, f.token)
      f.token = read.token
      for (const line of read.lines) t.log(logSafe(`  │ ${several ? `${f.id}: ` : ''}${line}`))
      f.seen.push(...read.lines)
    }
    const stopped = followed.map((f) => tasks.find((task) => task.taskArn === f.arn))
    if (stopped.every((task) => task?.lastStatus === 'STOPPED')) {
      for (const [i, task] of stopped.entries()) {
        const f = followed[i]
        if (!task || !f) continue
        const failed = (task.containers ?? []).filter(
          (c) => c.exitCode !== 0 && (t.containers.find((d) => d.name === c.name)?.essential ?? true),
        )
        if (!failed.length) {
          t.log(logSafe(`one-off task ${f.id} finished: ${exitSummary(task)}`))
          continue
        }
        const tail = f.seen.slice(-t.logLines)
        throw new DeploymentFailed(
          `The one-off task${several ? ` ${f.id}` : ''} (${t.command.join(' ')}) failed${consequence}: ${exitSummary(task)}${task.stoppedReason ? ` — ${task.stoppedReason}` : ''}.` +
            (tail.length ? `\nLast log lines:\n${tail.join('\n')}` : ''),
          'failed',
        )
      }
      return arns
    }
    const cancelled = t.signal?.aborted
    if (cancelled || t.clock.now() >= deadline) {
      const why = cancelled ? 'the job was cancelled' : `it did not finish within ${describeLimit(t.timeoutMs)}`
      for (const [i, f] of followed.entries())
        if (stopped[i]?.lastStatus !== 'STOPPED') await stopTask(t.ecs, t.cluster, f.arn, `ecs-deploy-action: ${why}`)
      throw new DeploymentFailed(
        `The one-off task ${followed.map((f) => f.id).join(', ')} was stopped because ${why}${t.service ? '; the rollout did not start' : ''}.`,
        cancelled ? 'failed' : 'timed-out',
      )
    }
    await t.clock.sleep(POLL_MS, t.signal)
  }
}
