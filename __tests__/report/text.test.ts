import * as core from '@actions/core'
import { CloudWatchLogsClient, GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs'
import {
  DescribeServicesCommand,
  DescribeTasksCommand,
  ECSClient,
  ListTasksCommand,
  RunTaskCommand,
  type Task,
} from '@aws-sdk/client-ecs'
import { jest } from '@jest/globals'
import { mockClient } from 'aws-sdk-client-mock'
import { runOneOffTask } from '../../src/deploy/run-task.js'
import { waitForDeployment } from '../../src/mechanisms/watch.js'
import { renderSummary, type DeploymentReport } from '../../src/engine/run-report.js'
import { logSafe, summaryCode, summaryText } from '../../src/report/text.js'
import { fakeClock } from '../helpers/clock.js'
import { crashedTask, deployment, NEW_ID, NEW_TD, OLD_TD, oldDeployment, service } from '../helpers/ecs.js'

/** Text an application or a task definition could put in front of us. */
const HOSTILE = [
  '::add-mask::hunter2',
  '::error file=app.js,line=1::forged annotation',
  '::stop-commands::tok3n',
  '::set-output name=status::succeeded',
  '  ::warning::after leading spaces',
  '\t::notice::after a tab',
  '##[error]legacy command',
  'text before ##[set-output name=status;]succeeded',
  'a harmless first line\n::error::after an embedded newline',
  'carriage return\r::add-mask::x',
  'unicode break\u2028::error::after U+2028',
  'crlf\r\n##[warning]x',
]

/** What the runner would carry out: `::` after leading whitespace, or `##[` anywhere in a line. */
function commandLines(stdout: string): string[] {
  return stdout
    .split(/\r\n|[\n\r\u2028\u2029\u0085]/)
    .filter((line) => line.trimStart().startsWith('::') || line.includes('##['))
}

/** Everything written to stdout while `action` runs, as the runner would read it. */
async function stdoutOf(action: () => Promise<unknown>): Promise<string> {
  let written = ''
  const spy = jest
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk: string | Uint8Array) => ((written += chunk.toString()), true))
  try {
    await action().catch(() => undefined)
  } finally {
    spy.mockRestore()
  }
  return written
}

describe('logSafe', () => {
  test.each(HOSTILE)('%j starts no workflow command on any line', (text) => {
    expect(commandLines(logSafe(text))).toEqual([])
  })

  test('keeps the text readable: the command is escaped, not removed', () => {
    expect(logSafe('::error::x\nplain ##[warning]y')).toBe('\\::error::x\nplain ##\\[warning]y')
    expect(logSafe('(service web) has reached a steady state.')).toBe('(service web) has reached a steady state.')
  })
})

describe('summaryCode', () => {
  test.each([
    ['plain', '```'],
    ['a ``` fence inside', '````'],
    ['a `````` long run', '```````'],
  ])('%j is fenced by %s, longer than any backtick run in it', (text, fence) => {
    expect(summaryCode(text)).toBe(`${fence}\n${text}\n${fence}`)
  })
})

describe('summaryText', () => {
  test.each([
    ['[click](https://evil.example/x)', '\\[click\\](`https://evil.example/x`)'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['**bold** `code` | cell', '\\*\\*bold\\*\\* \\`code\\` \\| cell'],
    ['# heading', '\\# heading'],
    ['see www.evil.example or me@evil.example.', 'see `www.evil.example` or `me@evil.example`.'],
    ['pulled web@sha256:0123abcd, then @octocat', 'pulled `web@sha256:0123abcd`, then `@octocat`'],
    ['<https://evil.example/a?b=1&c=2>', '&lt;`https://evil.example/a?b=1&c=2`&gt;'],
    ['two\nlines', 'two lines'],
  ])('%j renders as itself', (text, escaped) => {
    expect(summaryText(text)).toBe(escaped)
  })
})

describe('outside text on its way to the job log', () => {
  const ecsMock = mockClient(ECSClient)
  const logsMock = mockClient(CloudWatchLogsClient)
  beforeEach(() => {
    ecsMock.reset()
    logsMock.reset()
  })

  test('service events and stop reasons, through the rollout log', async () => {
    const start = Date.UTC(2026, 0, 1)
    const events = HOSTILE.map((message, i) => ({ id: `e${i}`, createdAt: new Date(start + 1000), message }))
    const hostileTask = (id: string, reason: string): Task => ({
      ...crashedTask(id),
      stoppedReason: reason,
      containers: [{ name: 'web', exitCode: 1, reason }],
    })
    ecsMock
      .on(DescribeServicesCommand)
      .resolvesOnce({ services: [service({ deployments: [deployment(), oldDeployment()] })] })
      .resolves({
        services: [
          service({
            deployments: [
              deployment({ failedTasks: HOSTILE.length, rolloutState: 'FAILED', rolloutStateReason: HOSTILE[0] }),
              oldDeployment(),
            ],
            events,
          }),
        ],
      })
    ecsMock
      .on(ListTasksCommand)
      .resolves({ taskArns: HOSTILE.map((_, i) => `arn:aws:ecs:us-east-1:123456789012:task/prod/t${i}`) })
    ecsMock.on(DescribeTasksCommand).resolves({ tasks: HOSTILE.map((reason, i) => hostileTask(`t${i}`, reason)) })
    const stdout = await stdoutOf(() =>
      waitForDeployment({
        ecs: new ECSClient({ region: 'us-east-1' }),
        cluster: 'prod',
        service: 'web',
        rollout: { deploymentId: NEW_ID, previousTaskDefinition: OLD_TD, started: true, startedAt: start },
        targetTaskDefinition: NEW_TD,
        timeoutMs: 60_000,
        rollbackOnFailure: false,
        clock: fakeClock(),
        log: core.info,
      }),
    )
    expect(stdout).toContain('forged annotation')
    expect(commandLines(stdout)).toEqual([])
  })

  test("a one-off task's log lines, streamed", async () => {
    ecsMock
      .on(RunTaskCommand)
      .resolves({ tasks: [{ taskArn: 'arn:aws:ecs:us-east-1:123456789012:task/prod/abc', lastStatus: 'PENDING' }] })
    const sidecar = { name: 'sidecar', reason: 'CannotStartContainerError\n::error::forged by a container reason' }
    ecsMock.on(DescribeTasksCommand).resolves({
      tasks: [
        {
          taskArn: 'arn:aws:ecs:us-east-1:123456789012:task/prod/abc',
          lastStatus: 'STOPPED',
          containers: [{ name: 'web', exitCode: 0 }, sidecar],
        },
      ],
    })
    logsMock.on(GetLogEventsCommand).resolves({ events: HOSTILE.map((message) => ({ message })) })
    const stdout = await stdoutOf(() =>
      runOneOffTask({
        ecs: new ECSClient({ region: 'us-east-1' }),
        logsIn: () => new CloudWatchLogsClient({ region: 'us-east-1' }),
        cluster: 'prod',
        service: service({ launchType: 'FARGATE' }),
        taskDefinitionArn: NEW_TD,
        containers: [
          { name: 'sidecar', essential: false },
          {
            name: 'web',
            essential: true,
            logConfiguration: {
              logDriver: 'awslogs',
              options: { 'awslogs-group': '/ecs/web', 'awslogs-stream-prefix': 'ecs' },
            },
          },
        ],
        container: 'web',
        command: ['migrate'],
        timeoutMs: 60_000,
        clock: fakeClock(),
        log: core.info,
        logLines: 30,
      }),
    )
    expect(stdout).toContain('legacy command')
    expect(stdout).toContain('forged by a container reason')
    expect(commandLines(stdout)).toEqual([])
  })
})

describe('outside text in the job summary', () => {
  const report: DeploymentReport = {
    cluster: 'prod',
    service: 'web',
    region: 'us-east-1',
    status: 'failed',
    reason: 'ECS deployment circuit breaker: [click](https://evil.example)',
    strategy: 'rolling',
    notes: ['the image goes to container <b onmouseover=x>web</b>'],
    containers: ['<b onmouseover=x>web</b>'],
    failures: [
      {
        cause: { summary: 'Tasks stopped: <script>x</script>', fix: 'Fix it.' },
        tasks: 1,
        example: { taskId: 'a', taskArn: 'arn/a', stoppedReason: '[stop](https://evil.example)', containers: [] },
        container: 'web',
        logLines: ['ok', '```', '</details><a href="https://evil.example">x</a>', '````'],
        logSource: '/ecs/web › ecs/web/a',
      },
    ],
    recentEvents: ['(service web) ![img](https://evil.example/i.png)'],
    timeline: [{ at: 1, message: 'line | with pipe\n## heading' }],
  }
  const md = renderSummary({
    cluster: 'prod',
    region: 'us-east-1',
    status: 'failed',
    reason: '',
    durationSeconds: 1,
    services: [report],
  })

  test('log lines stay inside a code block they cannot close', () => {
    expect(md).toContain('`````\nok\n```\n</details><a href="https://evil.example">x</a>\n````\n`````')
  })

  test('no outside text becomes a link, an image, HTML or a heading', () => {
    expect(md).not.toMatch(/\]\(https:\/\/evil/)
    expect(md).not.toContain('<script>')
    expect(md).not.toContain('<b ')
    expect(md).toContain('\\[stop\\](`https://evil.example`)')
    expect(md).toContain('| line \\| with pipe ## heading |')
  })
})
