import type { ContainerDefinition, ECSClient, Service, Task } from '@aws-sdk/client-ecs'
import { describeTasks, runTask, stopTask } from '../aws/ecs.js'
import { getLogEvents } from '../aws/logs.js'
import { DeploymentFailed, UserError } from '../errors.js'
import { describeLimit, type Clock } from './clock.js'
import { logStreamOf, type LogsClientIn } from './diagnose.js'
import { taskId } from './tasks.js'
import { logSafe } from '../report/text.js'

export interface OneOffTask {
  ecs: ECSClient
  /** CloudWatch Logs in the container's `awslogs-region`. */
  logsIn: LogsClientIn
  cluster: string
  /** The service whose network configuration and capacity the task borrows. */
  service: Service
  taskDefinitionArn: string
  containers: ContainerDefinition[]
  /** The container to run the command in. */
  container: string
  command: string[]
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
    throw new UserError(`Input \`${input}\` as JSON must be an array of strings, like ["npm", "run", "migrate"].`)
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

/**
 * Runs a one-off task (a migration, say) from the new revision with the service's network settings,
 * streams its log lines, and waits for it to stop. Throws when an essential container exits non-zero,
 * when it cannot start, or on timeout or cancellation (after stopping it): the rollout must not begin.
 */
export async function runOneOffTask(t: OneOffTask): Promise<void> {
  const definition = t.containers.find((c) => c.name === t.container)
  if (!definition) {
    throw new UserError(
      `Input \`run-task-container\` "${t.container}" is not a container of the task definition (${t.containers.map((c) => c.name).join(', ')}).`,
    )
  }
  const started = await runTask(t.ecs, {
    cluster: t.cluster,
    taskDefinition: t.taskDefinitionArn,
    startedBy: 'ecs-deploy-action',
    ...(t.service.capacityProviderStrategy?.length
      ? { capacityProviderStrategy: t.service.capacityProviderStrategy }
      : t.service.launchType && { launchType: t.service.launchType }),
    ...(t.service.networkConfiguration && { networkConfiguration: t.service.networkConfiguration }),
    ...(t.service.platformVersion && { platformVersion: t.service.platformVersion }),
    overrides: { containerOverrides: [{ name: t.container, command: t.command }] },
  })
  const arn = started.tasks[0]?.taskArn
  if (!arn) {
    const failure = started.failures[0]
    throw new DeploymentFailed(
      `The one-off task could not start: ${failure?.reason ?? 'no reason given'}${failure?.detail ? ` (${failure.detail})` : ''}.`,
      'failed',
    )
  }
  const id = taskId(arn)
  t.log(`one-off task ${id} started: ${t.command.join(' ')}`)
  const where = logStreamOf(definition, id)
  const seen: string[] = []
  let token: string | undefined
  const deadline = t.clock.now() + t.timeoutMs
  for (;;) {
    const [task] = await describeTasks(t.ecs, t.cluster, [arn])
    if (where) {
      const read = await newLogLines(t.logsIn, where, token)
      token = read.token
      for (const line of read.lines) t.log(logSafe(`  │ ${line}`))
      seen.push(...read.lines)
    }
    if (task?.lastStatus === 'STOPPED') {
      const failed = (task.containers ?? []).filter(
        (c) => c.exitCode !== 0 && (t.containers.find((d) => d.name === c.name)?.essential ?? true),
      )
      if (!failed.length) return t.log(logSafe(`one-off task ${id} finished: ${exitSummary(task)}`))
      const tail = seen.slice(-t.logLines)
      throw new DeploymentFailed(
        `The one-off task (${t.command.join(' ')}) failed, so the rollout did not start: ${exitSummary(task)}${task.stoppedReason ? ` — ${task.stoppedReason}` : ''}.` +
          (tail.length ? `\nLast log lines:\n${tail.join('\n')}` : ''),
        'failed',
      )
    }
    const cancelled = t.signal?.aborted
    if (cancelled || t.clock.now() >= deadline) {
      const why = cancelled ? 'the job was cancelled' : `it did not finish within ${describeLimit(t.timeoutMs)}`
      await stopTask(t.ecs, t.cluster, arn, `ecs-deploy-action: ${why}`)
      throw new DeploymentFailed(
        `The one-off task ${id} was stopped because ${why}; the rollout did not start.`,
        cancelled ? 'failed' : 'timed-out',
      )
    }
    await t.clock.sleep(POLL_MS, t.signal)
  }
}
