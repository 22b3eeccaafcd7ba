import { CloudWatchLogsClient, GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs'
import { mockClient } from 'aws-sdk-client-mock'
import { attachLogs, causeOf, causeOfEvents, groupFailures, logStreamOf } from '../../src/deploy/diagnose.js'
import type { StoppedTask } from '../../src/deploy/tasks.js'

const logsMock = mockClient(CloudWatchLogsClient)

function task(
  id: string,
  stoppedReason: string,
  container: Partial<StoppedTask['containers'][number]> = {},
  stopCode?: string,
): StoppedTask {
  return {
    taskId: id,
    taskArn: `arn/${id}`,
    stoppedReason,
    ...(stopCode && { stopCode }),
    containers: [{ name: 'web', ...container }],
  }
}

beforeEach(() => logsMock.reset())

describe('causeOf', () => {
  // ECS's own wording: stoppedReason, stopCode and the container's reason and exit code as DescribeTasks returns them.
  const tg = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-tg/0123456789abcdef'
  test.each([
    [
      task(
        'a',
        'CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref 123456789012.dkr.ecr.us-east-1.amazonaws.com/web:abc: 123456789012.dkr.ecr.us-east-1.amazonaws.com/web:abc: not found',
        {},
        'TaskFailedToStart',
      ),
      'The image could not be pulled: the tag or digest does not exist in the repository.',
    ],
    [
      task(
        'a',
        "CannotPullContainerError: Error response from daemon: pull access denied for web, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
        {},
        'TaskFailedToStart',
      ),
      'The image could not be pulled: access to the repository was denied.',
    ],
    [
      task(
        'a',
        'CannotPullContainerError: failed to resolve ref: dial tcp 52.1.2.3:443: i/o timeout',
        {},
        'TaskFailedToStart',
      ),
      'The image could not be pulled: the task has no network route to the registry.',
    ],
    [
      task(
        'a',
        'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve ecr registry auth: service call has been retried 3 time(s): RequestError: send request failed',
        {},
        'TaskFailedToStart',
      ),
      'The image could not be pulled: the task has no network route to the registry.',
    ],
    [
      task(
        'a',
        'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: service call has been retried 1 time(s): failed to fetch secret arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf from secrets manager: AccessDeniedException',
        {},
        'TaskFailedToStart',
      ),
      "The task's secrets could not be read when it started.",
    ],
    // Stopped by the scheduler for its health, then killed: the 137 is SIGKILL, not memory.
    [
      task(
        'a',
        `Task failed ELB health checks in (target-group ${tg})`,
        { exitCode: 137 },
        'ServiceSchedulerInitiated',
      ),
      "Tasks failed the load balancer's health checks in target group web-tg.",
    ],
    [
      task(
        'a',
        'Task failed container health checks',
        { exitCode: 137, healthStatus: 'UNHEALTHY' },
        'ServiceSchedulerInitiated',
      ),
      "A container failed its own health check (the task definition's healthCheck).",
    ],
    [
      task(
        'a',
        'Essential container in task exited',
        { exitCode: 137, reason: 'OutOfMemoryError: Container killed due to memory usage' },
        'EssentialContainerExited',
      ),
      'A container ran out of memory and was killed.',
    ],
    [
      task(
        'a',
        'OutOfMemoryError: Container killed due to memory usage',
        { exitCode: 137, reason: 'OutOfMemoryError: Container killed due to memory usage' },
        'EssentialContainerExited',
      ),
      'A container ran out of memory and was killed.',
    ],
    [
      task('a', 'Essential container in task exited', { exitCode: 137 }, 'EssentialContainerExited'),
      'An essential container was killed (SIGKILL, exit code 137) without an out-of-memory reason.',
    ],
    [
      task(
        'a',
        'Essential container in task exited',
        { exitCode: 1, reason: 'Error: listen EADDRINUSE: address already in use :::3000' },
        'EssentialContainerExited',
      ),
      'The container could not bind its port: it is already in use on the host.',
    ],
    [
      task('a', 'Essential container in task exited', { exitCode: 1 }, 'EssentialContainerExited'),
      'An essential container exited: the application stopped with an error.',
    ],
    [
      task(
        'a',
        'CannotStartContainerError: Error response from daemon: failed to create shim task: exec: "/app/start": no such file or directory',
        {},
        'TaskFailedToStart',
      ),
      'The task failed to start: CannotStartContainerError: Error response from daemon: failed to create shim task: exec: "/app/start": no such file or directory',
    ],
    [task('a', 'Something new'), 'Tasks stopped: Something new.'],
  ])('%#: %s', (stopped, summary) => {
    expect(causeOf(stopped).summary).toBe(summary)
  })

  test('reads placement failures from service events', () => {
    expect(
      causeOfEvents([
        '(service web) was unable to place a task because no container instance met all of its requirements.',
      ])?.summary,
    ).toBe('ECS could not place the tasks: no capacity meets their requirements.')
    expect(causeOfEvents(['(service web) has reached a steady state.'])).toBeUndefined()
  })
})

describe('groupFailures and attachLogs', () => {
  const containers = [
    {
      name: 'web',
      logConfiguration: {
        logDriver: 'awslogs' as const,
        options: { 'awslogs-group': '/ecs/web', 'awslogs-stream-prefix': 'ecs' },
      },
    },
  ]

  test('tasks failing the same way are one failure, and its logs are read once', async () => {
    const tasks = [1, 2, 3].map((n) => task(`t${n}`, 'Essential container in task exited', { exitCode: 1 }))
    const failures = groupFailures(tasks)
    expect(failures).toHaveLength(1)
    expect(failures[0]?.tasks).toBe(3)
    logsMock.on(GetLogEventsCommand).resolves({ events: [{ message: 'Error: Cannot find module express\n' }] })
    const [withLogs] = await attachLogs(
      () => new CloudWatchLogsClient({ region: 'us-east-1' }),
      failures,
      containers,
      30,
    )
    expect(withLogs?.logLines).toEqual(['Error: Cannot find module express'])
    expect(logsMock).toHaveReceivedCommandTimes(GetLogEventsCommand, 1)
    expect(logsMock).toHaveReceivedCommandWith(GetLogEventsCommand, {
      logGroupName: '/ecs/web',
      logStreamName: 'ecs/web/t1',
      limit: 30,
      startFromHead: false,
    })
  })

  test("logs are read in the container's awslogs-region, not the action's", async () => {
    const inIreland = [
      {
        ...containers[0],
        logConfiguration: {
          logDriver: 'awslogs' as const,
          options: { 'awslogs-group': '/ecs/web', 'awslogs-region': 'eu-west-1', 'awslogs-stream-prefix': 'ecs' },
        },
      },
    ]
    logsMock.on(GetLogEventsCommand).resolves({ events: [{ message: 'boom' }] })
    const asked: (string | undefined)[] = []
    const logsIn = (region: string | undefined): CloudWatchLogsClient => {
      asked.push(region)
      return new CloudWatchLogsClient({ region: region ?? 'us-east-1' })
    }
    const [failure] = await attachLogs(
      logsIn,
      groupFailures([task('t1', 'Essential container in task exited', { exitCode: 2 })]),
      inIreland,
      30,
    )
    expect(asked).toEqual(['eu-west-1'])
    expect(failure?.logLines).toEqual(['boom'])
    await attachLogs(
      logsIn,
      groupFailures([task('t1', 'Essential container in task exited', { exitCode: 2 })]),
      containers,
      30,
    )
    expect(asked).toEqual(['eu-west-1', undefined])
  })

  test('a log stream that cannot be read is said, not fatal', async () => {
    logsMock
      .on(GetLogEventsCommand)
      .rejects(
        Object.assign(new Error('The specified log stream does not exist.'), { name: 'ResourceNotFoundException' }),
      )
    const [failure] = await attachLogs(
      () => new CloudWatchLogsClient({ region: 'us-east-1' }),
      groupFailures([task('t1', 'x', { exitCode: 2 })]),
      containers,
      30,
    )
    expect(failure?.logError).toBe(
      'could not read the log stream: logs:GetLogEvents found no such log stream: The specified log stream does not exist.',
    )
  })

  test('containers without awslogs have no stream', () => {
    expect(logStreamOf({ name: 'web' }, 't1')).toBeUndefined()
    expect(logStreamOf(containers[0], 't1')).toEqual({ group: '/ecs/web', stream: 'ecs/web/t1' })
  })
})
