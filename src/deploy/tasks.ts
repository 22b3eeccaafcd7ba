import type { ECSClient, Task } from '@aws-sdk/client-ecs'
import { resourceName } from '../aws/arn.js'
import { describeTasks, listTasks } from '../aws/ecs.js'
import { errorMessage } from '../common/errors.js'

export interface StoppedContainer {
  name: string
  exitCode?: number
  reason?: string
  healthStatus?: string
}

/** A task of the new revision that stopped, with what ECS says about why. */
export interface StoppedTask {
  taskId: string
  taskArn: string
  taskDefinitionArn?: string
  stoppedReason?: string
  stopCode?: string
  stoppedAt?: number
  containers: StoppedContainer[]
}

export function taskId(taskArn: string): string {
  return resourceName(taskArn)
}

export function toStoppedTask(task: Task): StoppedTask {
  const taskArn = task.taskArn ?? ''
  return {
    taskId: taskId(taskArn),
    taskArn,
    ...(task.taskDefinitionArn !== undefined && { taskDefinitionArn: task.taskDefinitionArn }),
    ...(task.stoppedReason !== undefined && { stoppedReason: task.stoppedReason }),
    ...(task.stopCode !== undefined && { stopCode: task.stopCode }),
    ...(task.stoppedAt !== undefined && { stoppedAt: task.stoppedAt.getTime() }),
    containers: (task.containers ?? []).map((c) => ({
      name: c.name ?? '?',
      ...(c.exitCode !== undefined && { exitCode: c.exitCode }),
      ...(c.reason !== undefined && { reason: c.reason }),
      ...(c.healthStatus !== undefined && { healthStatus: c.healthStatus }),
    })),
  }
}

/** One line saying why a task stopped: reason, then each container's exit code and reason. */
export function describeStoppedTask(task: StoppedTask): string {
  const containers = task.containers
    .filter((c) => c.exitCode !== undefined || c.reason)
    .map(
      (c) =>
        `${c.name}: ${c.exitCode !== undefined ? `exit code ${c.exitCode}` : ''}${c.reason ? `${c.exitCode !== undefined ? ', ' : ''}${c.reason}` : ''}`,
    )
  const code = task.stopCode ? ` [${task.stopCode}]` : ''
  return `task ${task.taskId} stopped: ${task.stoppedReason ?? 'no reason given'}${code}${containers.length ? ` — ${containers.join('; ')}` : ''}`
}

/** One line per distinct way the tasks stopped: tasks that stopped alike are counted, not repeated. */
export function describeStoppedTasks(tasks: StoppedTask[]): string[] {
  const alike = new Map<string, string[]>()
  for (const task of tasks) {
    const how = describeStoppedTask(task).slice(`task ${task.taskId} `.length)
    alike.set(how, [...(alike.get(how) ?? []), task.taskId])
  }
  return [...alike].map(([how, ids]) =>
    ids.length === 1 ? `task ${ids[0]} ${how}` : `${ids.length} tasks ${how} (${ids.join(', ')})`,
  )
}

/**
 * The service's stopped tasks that `startedBy` (an ECS deployment or CodeDeploy task set id) started, leaving out those
 * in `seen` (ECS keeps stopped tasks for about an hour), oldest first. ListTasks takes `startedBy` only as its sole
 * filter, so the service's stopped tasks are listed and each task's own `startedBy` picks them; the other deployments'
 * tasks are added to `seen`, so the next call does not describe them again.
 * Throws "could not read the stopped tasks: …" when ECS does not answer, so a diagnosis never mistakes that for none.
 */
export async function stoppedTasksOf(
  ecs: ECSClient,
  cluster: string,
  service: string,
  startedBy: string,
  seen: Set<string>,
): Promise<StoppedTask[]> {
  try {
    const arns = await listTasks(ecs, { cluster, serviceName: service, desiredStatus: 'STOPPED' })
    const tasks = await describeTasks(
      ecs,
      cluster,
      arns.filter((arn) => !seen.has(arn)),
    )
    for (const task of tasks) if (task.startedBy !== startedBy && task.taskArn) seen.add(task.taskArn)
    return tasks
      .filter((t) => t.startedBy === startedBy)
      .map(toStoppedTask)
      .sort((a, b) => (a.stoppedAt ?? 0) - (b.stoppedAt ?? 0))
  } catch (error) {
    throw new Error(`could not read the stopped tasks: ${errorMessage(error)}`, { cause: error })
  }
}
