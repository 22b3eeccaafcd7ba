import { CloudWatchLogsClient, GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs'
import { mockClient } from 'aws-sdk-client-mock'
import { attachLogs, causeOf, causeOfEvents, groupFailures, logStreamOf } from '../../src/deploy/diagnose.js'
import type { StoppedTask } from '../../src/deploy/tasks.js'

const logsMock = mockClient(CloudWatchLogsClient)

function task(id: string, stoppedReason: string, container: Partial<StoppedTask['containers'][number]> = {}, stopCode?: string): StoppedTask {
  return { taskId: id, taskArn: `arn/${id}`, stoppedReason, ...(stopCode && { stopCode }), containers: [{ name: 'web', ...container }] }
}

beforeEach(() => logsMock.reset())

describe('causeOf', () => {
  test.each([
    [task('a', 'CannotPullContainerError: pull image manifest has been retried 5 time(s): 123.dkr.ecr.us-east-1.amazonaws.com/web:abc: not found'), 'The image could not be pulled: the tag or digest does not exist in the repository.'],
    [task('a', 'CannotPullContainerError: pull access denied for web, repository does not exist or may require authorization: 403 Forbidden'), 'The image could not be pulled: access to the repository was denied.'],
    [task('a', 'CannotPullContainerError: failed to resolve ref: dial tcp 52.1.2.3:443: i/o timeout'), 'The image could not be pulled: the task has no network route to the registry.'],
    [task('a', 'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: AccessDeniedException'), "The task's secrets could not be read when it started."],
    [task('a', 'Essential container in task exited', { exitCode: 137 }), 'A container ran out of memory and was killed (exit code 137).'],
    [task('a', 'OutOfMemoryError: Container killed due to memory usage', {}), 'A container ran out of memory and was killed (exit code 137).'],
    [task('a', 'Task failed ELB health checks in (target-group arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/web-tg/abc)'), "Tasks failed the load balancer's health checks."],
    [task('a', 'Task failed container health checks'), "A container failed its own health check (the task definition's healthCheck)."],
    [task('a', 'Essential container in task exited', { exitCode: 1, reason: 'Error: listen EADDRINUSE: address already in use :::3000' }), 'The container could not bind its port: it is already in use on the host.'],
    [task('a', 'Essential container in task exited', { exitCode: 1 }, 'EssentialContainerExited'), 'An essential container exited: the application stopped with an error.'],
    [task('a', 'Something new'), 'Tasks stopped: Something new.'],
  ])('%#: %s', (stopped, summary) => {
    expect(causeOf(stopped).summary).toBe(summary)
  })

  test('names the target group of failed ELB health checks', () => {
    expect(causeOf(task('a', 'Task failed ELB health checks in (target-group arn:aws:elasticloadbalancing:us-east-1:1:target-group/web-tg/abc)')).summary).toBe(
      "Tasks failed the load balancer's health checks in target group web-tg.",
    )
  })

  test('reads placement failures from service events', () => {
    expect(causeOfEvents(['(service web) was unable to place a task because no container instance met all of its requirements.'])?.summary).toBe(
      'ECS could not place the tasks: no capacity meets their requirements.',
    )
    expect(causeOfEvents(['(service web) has reached a steady state.'])).toBeUndefined()
  })
})

describe('groupFailures and attachLogs', () => {
  const containers = [
    { name: 'web', logConfiguration: { logDriver: 'awslogs' as const, options: { 'awslogs-group': '/ecs/web', 'awslogs-stream-prefix': 'ecs' } } },
  ]

  test('tasks failing the same way are one failure, and its logs are read once', async () => {
    const tasks = [1, 2, 3].map((n) => task(`t${n}`, 'Essential container in task exited', { exitCode: 1 }))
    const failures = groupFailures(tasks)
    expect(failures).toHaveLength(1)
    expect(failures[0]?.tasks).toBe(3)
    logsMock.on(GetLogEventsCommand).resolves({ events: [{ message: 'Error: Cannot find module express\n' }] })
    const [withLogs] = await attachLogs(new CloudWatchLogsClient({ region: 'us-east-1' }), failures, containers, 30)
    expect(withLogs?.logLines).toEqual(['Error: Cannot find module express'])
    expect(logsMock).toHaveReceivedCommandTimes(GetLogEventsCommand, 1)
    expect(logsMock).toHaveReceivedCommandWith(GetLogEventsCommand, { logGroupName: '/ecs/web', logStreamName: 'ecs/web/t1', limit: 30, startFromHead: false })
  })

  test('a log stream that cannot be read is said, not fatal', async () => {
    logsMock.on(GetLogEventsCommand).rejects(Object.assign(new Error('The specified log stream does not exist.'), { name: 'ResourceNotFoundException' }))
    const [failure] = await attachLogs(new CloudWatchLogsClient({ region: 'us-east-1' }), groupFailures([task('t1', 'x', { exitCode: 2 })]), containers, 30)
    expect(failure?.logError).toBe('could not read the log stream: The specified log stream does not exist.')
  })

  test('containers without awslogs have no stream', () => {
    expect(logStreamOf({ name: 'web' }, 't1')).toBeUndefined()
    expect(logStreamOf(containers[0], 't1')).toEqual({ group: '/ecs/web', stream: 'ecs/web/t1' })
  })
})
