import { DescribeTasksCommand, ListTasksCommand, type ECSClient, type Task } from '@aws-sdk/client-ecs'
import { awsCall } from '../aws-errors.js'

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
  return taskArn.split('/').pop() ?? taskArn
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
    .map((c) => `${c.name}: ${c.exitCode !== undefined ? `exit code ${c.exitCode}` : ''}${c.reason ? `${c.exitCode !== undefined ? ', ' : ''}${c.reason}` : ''}`)
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
  return [...alike].map(([how, ids]) => (ids.length === 1 ? `task ${ids[0]} ${how}` : `${ids.length} tasks ${how} (${ids.join(', ')})`))
}

/** Stopped tasks started by the deployment, leaving out those already seen (newest ECS keeps for about an hour). */
export async function stoppedTasksOf(
  ecs: ECSClient,
  cluster: string,
  deploymentId: string,
  seen: ReadonlySet<string>,
): Promise<StoppedTask[]> {
  // ECS takes startedBy only as the sole filter (then only RUNNING tasks), so the cluster's newest stopped tasks are matched here.
  const listed = await awsCall('ecs:ListTasks', () => ecs.send(new ListTasksCommand({ cluster, desiredStatus: 'STOPPED', maxResults: 100 })))
  const fresh = (listed.taskArns ?? []).filter((arn) => !seen.has(arn))
  if (fresh.length === 0) return []
  const described = await awsCall('ecs:DescribeTasks', () => ecs.send(new DescribeTasksCommand({ cluster, tasks: fresh })))
  return (described.tasks ?? [])
    .filter((task) => task.startedBy === deploymentId)
    .map(toStoppedTask)
    .sort((a, b) => (a.stoppedAt ?? 0) - (b.stoppedAt ?? 0))
}
