import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs'
import type { ContainerDefinition } from '@aws-sdk/client-ecs'
import { getLogEvents } from '../aws/logs.js'
import { errorMessage } from '../common/errors.js'
import type { StoppedTask } from './tasks.js'

/** A failure in plain words: what happened and what fixes it. */
export interface Cause {
  summary: string
  fix: string
}

/** One distinct way tasks failed, with the evidence: how many tasks, one example, its container's last log lines. */
export interface Failure {
  cause: Cause
  tasks: number
  example: StoppedTask
  container?: string
  logLines?: string[]
  logSource?: string
  logError?: string
}

interface Rule {
  test: (text: string, exitCode: number | undefined) => boolean
  cause: (text: string) => Cause
}

const EXECUTION_ROLE = "the task definition's executionRoleArn"

// Ordered: the first rule that matches names the cause; ECS's stop and container reasons decide before an exit code.
const RULES: Rule[] = [
  {
    test: (t) => /CannotPullContainerError/i.test(t) && /denied|not authorized|403|unauthorized/i.test(t),
    cause: () => ({
      summary: 'The image could not be pulled: access to the repository was denied.',
      fix: `Give ${EXECUTION_ROLE} ecr:GetAuthorizationToken, ecr:BatchGetImage and ecr:GetDownloadUrlForLayer (the AmazonECSTaskExecutionRolePolicy), and allow it in the repository policy for another account.`,
    }),
  },
  {
    test: (t) => /CannotPullContainerError/i.test(t) && /not found|manifest unknown|does not exist/i.test(t),
    cause: () => ({
      summary: 'The image could not be pulled: the tag or digest does not exist in the repository.',
      fix: 'Check the `image` input (and that the push finished); deploy by digest to be sure the image exists.',
    }),
  },
  {
    test: (t) => /CannotPullContainerError|unable to retrieve ecr registry auth/i.test(t),
    cause: () => ({
      summary: 'The image could not be pulled: the task has no network route to the registry.',
      fix: 'Give the tasks a route to ECR: a public IP (assignPublicIp ENABLED) in a public subnet, a NAT gateway, or VPC endpoints for ecr.api, ecr.dkr and S3.',
    }),
  },
  {
    test: (t) => /ResourceInitializationError/i.test(t) && /secret|ssm|parameter|kms/i.test(t),
    cause: () => ({
      summary: "The task's secrets could not be read when it started.",
      fix: `Give ${EXECUTION_ROLE} secretsmanager:GetSecretValue / ssm:GetParameters (and kms:Decrypt for a customer key) on the secrets named in \`secrets\`, and check that each ARN exists in this region.`,
    }),
  },
  {
    test: (t) => /failed ELB health checks/i.test(t),
    cause: (t) => {
      const targetGroup = /:targetgroup\/([^/\s)]+)/.exec(t)?.[1]
      return {
        summary: `Tasks failed the load balancer's health checks${targetGroup ? ` in target group ${targetGroup}` : ''}.`,
        fix: "Check that the app answers the target group's health check path with 200 on the container port, and that healthCheckGracePeriodSeconds covers its start-up time.",
      }
    },
  },
  {
    test: (t) => /failed container health checks/i.test(t),
    cause: () => ({
      summary: "A container failed its own health check (the task definition's healthCheck).",
      fix: 'Run the healthCheck command by hand in the image; raise startPeriod if the app needs longer to start.',
    }),
  },
  {
    test: (t) => /address already in use|port .* already|EADDRINUSE/i.test(t),
    cause: () => ({
      summary: 'The container could not bind its port: it is already in use on the host.',
      fix: 'With bridge/host networking, use dynamic host ports (hostPort 0) or fewer tasks per instance; or use awsvpc networking.',
    }),
  },
  {
    test: (t) => /unable to place a task|no container instance met|RESOURCE:|insufficient|capacity/i.test(t),
    cause: () => ({
      summary: 'ECS could not place the tasks: no capacity meets their requirements.',
      fix: 'Add capacity (instances or a capacity provider), lower cpu/memory, or relax placement constraints.',
    }),
  },
  {
    // ECS words it "OutOfMemoryError: Container killed due to memory usage" on the container (and, on Fargate, the task).
    test: (t) => /OutOfMemoryError/i.test(t),
    cause: () => ({
      summary: 'A container ran out of memory and was killed.',
      fix: "Raise `memory` (task or container) in the task definition, or lower the application's memory use.",
    }),
  },
  {
    // SIGKILL without an out-of-memory reason: the container ignored SIGTERM for stopTimeout, or something killed it.
    test: (t, code) => code === 137 && /Essential container/i.test(t),
    cause: () => ({
      summary: 'An essential container was killed (SIGKILL, exit code 137) without an out-of-memory reason.',
      fix: "Check that the app exits on SIGTERM within the container's stopTimeout, and read its last log lines below; if it was close to its `memory`, raise it.",
    }),
  },
  {
    test: (t, code) => code !== undefined && code !== 0 && /Essential container/i.test(t),
    cause: () => ({
      summary: 'An essential container exited: the application stopped with an error.',
      fix: "Read the container's last log lines below; run the image locally with the same environment to reproduce.",
    }),
  },
  {
    test: (t) => /TaskFailedToStart|CannotStartContainerError|CannotCreateContainerError/i.test(t),
    cause: (t) => ({
      summary: `The task failed to start: ${t.split('\n')[0]}`,
      fix: 'Check the entryPoint/command, the image platform (runtimePlatform) and the container settings named in the reason.',
    }),
  },
]

function failingContainer(task: StoppedTask): StoppedTask['containers'][number] | undefined {
  return (
    task.containers.find((c) => c.exitCode !== undefined && c.exitCode !== 0) ?? task.containers.find((c) => c.reason)
  )
}

/** Names the cause of one stopped task, or a generic one quoting ECS. */
export function causeOf(task: StoppedTask): Cause {
  const container = failingContainer(task)
  const text = [task.stoppedReason, task.stopCode, ...task.containers.map((c) => c.reason)].filter(Boolean).join('\n')
  const rule = RULES.find((r) => r.test(text, container?.exitCode))
  return (
    rule?.cause(text) ?? {
      summary: `Tasks stopped: ${task.stoppedReason ?? 'ECS gave no reason'}${container?.exitCode !== undefined ? ` (exit code ${container.exitCode})` : ''}.`,
      fix: "Read the container's log lines and the service events below.",
    }
  )
}

/** Also names a cause from service events alone, for failures that leave no stopped task (placement, health). */
export function causeOfEvents(events: string[]): Cause | undefined {
  const text = events.join('\n')
  return RULES.find((r) => r.test(text, undefined))?.cause(text)
}

/** Groups stopped tasks by cause, so each distinct failure is shown (and its logs fetched) once. */
export function groupFailures(tasks: StoppedTask[]): Failure[] {
  const byCause = new Map<string, Failure>()
  for (const task of tasks) {
    const cause = causeOf(task)
    const container = failingContainer(task)?.name
    const key = `${cause.summary}|${container ?? ''}`
    const found = byCause.get(key)
    if (found) found.tasks++
    else byCause.set(key, { cause, tasks: 1, example: task, ...(container !== undefined && { container }) })
  }
  return [...byCause.values()]
}

/** Where a container's logs go with the awslogs driver: `<prefix>/<container>/<task-id>` in the group. */
export function logStreamOf(
  definition: ContainerDefinition | undefined,
  taskId: string,
): { group: string; stream: string; region?: string } | undefined {
  const log = definition?.logConfiguration
  const options = log?.options ?? {}
  const group = options['awslogs-group']
  const prefix = options['awslogs-stream-prefix']
  if (log?.logDriver !== 'awslogs' || !group || !prefix || !definition?.name) return undefined
  return {
    group,
    stream: `${prefix}/${definition.name}/${taskId}`,
    ...(options['awslogs-region'] && { region: options['awslogs-region'] }),
  }
}

/** The CloudWatch Logs client for a container's `awslogs-region` (undefined: the action's region); may throw for a bad name. */
export type LogsClientIn = (region: string | undefined) => CloudWatchLogsClient

/** Adds each failure's container log tail (once per distinct failure, not per task), read in the container's log region. */
export async function attachLogs(
  logsIn: LogsClientIn,
  failures: Failure[],
  containers: ContainerDefinition[],
  lines: number,
): Promise<Failure[]> {
  return Promise.all(
    failures.map(async (failure) => {
      const definition = containers.find((c) => c.name === failure.container)
      const where = logStreamOf(definition, failure.example.taskId)
      if (!where || lines <= 0) return failure
      const logSource = `${where.group} › ${where.stream}`
      try {
        const { lines: logLines } = await getLogEvents(logsIn(where.region), where, { limit: lines })
        return { ...failure, logLines, logSource }
      } catch (error) {
        return { ...failure, logSource, logError: `could not read the log stream: ${errorMessage(error)}` }
      }
    }),
  )
}
