import { CloudWatchLogsClient, GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs'
import { DescribeTasksCommand, ECSClient, RunTaskCommand, StopTaskCommand, type Task } from '@aws-sdk/client-ecs'
import { mockClient } from 'aws-sdk-client-mock'
import { commandArguments, runOneOffTask, type OneOffTask } from '../../src/deploy/run-task.js'
import { fakeClock } from '../helpers/clock.js'
import { NEW_TD, service } from '../helpers/ecs.js'

const ecsMock = mockClient(ECSClient)
const logsMock = mockClient(CloudWatchLogsClient)
const ARN = 'arn:aws:ecs:us-east-1:123456789012:task/prod/abc123'
const containers = [
  {
    name: 'web',
    essential: true,
    logConfiguration: {
      logDriver: 'awslogs' as const,
      options: { 'awslogs-group': '/ecs/web', 'awslogs-stream-prefix': 'ecs' },
    },
  },
]

function task(lastStatus: string, exitCode?: number): Task {
  return {
    taskArn: ARN,
    lastStatus,
    containers: [{ name: 'web', ...(exitCode !== undefined && { exitCode }) }],
    ...(lastStatus === 'STOPPED' && { stoppedReason: 'Essential container in task exited' }),
  }
}

function options(overrides: Partial<OneOffTask> = {}): OneOffTask & { lines: string[] } {
  const lines: string[] = []
  return {
    ecs: new ECSClient({ region: 'us-east-1' }),
    logsIn: () => new CloudWatchLogsClient({ region: 'us-east-1' }),
    cluster: 'prod',
    service: service({
      launchType: 'FARGATE',
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'] } },
    }),
    taskDefinitionArn: NEW_TD,
    containers,
    container: 'web',
    command: ['npm', 'run', 'migrate'],
    timeoutMs: 60_000,
    clock: fakeClock(),
    log: (line) => lines.push(line),
    lines,
    logLines: 30,
    ...overrides,
  }
}

beforeEach(() => {
  ecsMock.reset()
  logsMock.reset()
  ecsMock.on(RunTaskCommand).resolves({ tasks: [task('PROVISIONING')] })
})

describe('runOneOffTask', () => {
  test('runs the command with the service network settings, streams its log lines, and returns when it exits 0', async () => {
    ecsMock
      .on(DescribeTasksCommand)
      .resolvesOnce({ tasks: [task('RUNNING')] })
      .resolves({ tasks: [task('STOPPED', 0)] })
    logsMock
      .on(GetLogEventsCommand)
      .resolvesOnce({ events: [{ message: 'migrating 3 tables' }], nextForwardToken: 't1' })
      .resolves({ events: [{ message: 'done' }], nextForwardToken: 't2' })
    const o = options()
    await runOneOffTask(o)
    expect(ecsMock).toHaveReceivedCommandWith(RunTaskCommand, {
      cluster: 'prod',
      taskDefinition: NEW_TD,
      launchType: 'FARGATE',
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'] } },
      overrides: { containerOverrides: [{ name: 'web', command: ['npm', 'run', 'migrate'] }] },
    })
    expect(logsMock).toHaveReceivedNthCommandWith(2, GetLogEventsCommand, {
      logStreamName: 'ecs/web/abc123',
      nextToken: 't1',
    })
    expect(o.lines).toEqual([
      'one-off task abc123 started: npm run migrate',
      '  │ migrating 3 tables',
      '  │ done',
      'one-off task abc123 finished: web: exit code 0',
    ])
  })

  test('a non-zero exit fails with the exit code and the last log lines, before any rollout', async () => {
    ecsMock.on(DescribeTasksCommand).resolves({ tasks: [task('STOPPED', 2)] })
    logsMock.on(GetLogEventsCommand).resolves({ events: [{ message: 'Error: relation "users" already exists' }] })
    await expect(runOneOffTask(options())).rejects.toThrow(
      'The one-off task (npm run migrate) failed, so the rollout did not start: web: exit code 2 — Essential container in task exited.\nLast log lines:\nError: relation "users" already exists',
    )
  })

  test('a task that cannot start says why', async () => {
    ecsMock.on(RunTaskCommand).resolves({ tasks: [], failures: [{ reason: 'RESOURCE:MEMORY' }] })
    await expect(runOneOffTask(options())).rejects.toThrow('The one-off task could not start: RESOURCE:MEMORY.')
  })

  test('a timeout stops the task', async () => {
    ecsMock.on(DescribeTasksCommand).resolves({ tasks: [task('RUNNING')] })
    ecsMock.on(StopTaskCommand).resolves({})
    await expect(runOneOffTask(options({ timeoutMs: 10_000 }))).rejects.toThrow(
      'The one-off task abc123 was stopped because it did not finish within 10 s; the rollout did not start.',
    )
    expect(ecsMock).toHaveReceivedCommandWith(StopTaskCommand, { cluster: 'prod', task: ARN })
  })

  test('an unknown container is named with the real ones', async () => {
    await expect(runOneOffTask(options({ container: 'api' }))).rejects.toThrow(
      'Config key `run-task.container` "api" is not a container of the task definition (web).',
    )
  })

  test.each([
    ['npm run migrate', ['npm', 'run', 'migrate']],
    ['sh -c "echo a b"', ['sh', '-c', 'echo a b']],
    ["node -e 'x()'", ['node', '-e', 'x()']],
    ['["npm","run","migrate -- --to=5"]', ['npm', 'run', 'migrate -- --to=5']],
  ])('command %s', (text, args) => {
    expect(commandArguments(text)).toEqual(args)
  })
})
