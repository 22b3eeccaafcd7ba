import { overallStatus, renderSummary, type DeploymentReport, type RunReport } from '../../src/engine/run-report.js'
import { NEW_TD, OLD_TD } from '../helpers/ecs.js'

const web: DeploymentReport = {
  cluster: 'prod',
  service: 'web',
  region: 'us-east-1',
  status: 'succeeded',
  reason: 'ECS deployment ecs-svc/1 completed.',
  strategy: 'rolling',
  previousTaskDefinition: OLD_TD,
  taskDefinitionArn: NEW_TD,
  registered: true,
  containers: ['web'],
  deploymentId: 'ecs-svc/1',
  notes: ['dropped read-only keys: revision, status'],
  startedAt: 1000,
  timeline: [
    { at: 2000, message: '(service web) has started 2 tasks: (task a) (task b).' },
    { at: 61000, message: '(service web) has reached a steady state.' },
  ],
}

function runOf(...services: DeploymentReport[]): RunReport {
  return {
    cluster: 'prod',
    region: 'us-east-1',
    status: overallStatus(services.map((s) => s.status)),
    reason: '',
    durationSeconds: 42,
    services,
    image: '127.0.0.1:5000/web@sha256:abc',
    runUrl: 'https://github.com/acme/web/actions/runs/42',
  }
}

const task = (id: string) => ({
  taskId: id,
  taskArn: `arn/${id}`,
  stoppedReason: 'Essential container in task exited',
  stopCode: 'EssentialContainerExited',
  containers: [{ name: 'web', exitCode: 137, reason: 'OutOfMemoryError' }],
})

const rolledBack: DeploymentReport = {
  ...web,
  status: 'rolled-back',
  reason: 'ECS deployment circuit breaker: tasks failed to start. ECS rolled back to web:6.',
  failures: [
    {
      cause: { summary: 'A container ran out of memory and was killed (exit code 137).', fix: 'Raise `memory`.' },
      tasks: 3,
      example: task('a'),
      container: 'web',
      logLines: ['starting', 'FATAL ERROR: Reached heap limit'],
      logSource: '/ecs/web › ecs/web/a',
    },
  ],
  recentEvents: ['(service web) (deployment ecs-svc/1) deployment failed: tasks failed to start.'],
}

describe('renderSummary', () => {
  test('a success shows what was deployed, the revision change and the timeline', () => {
    const md = renderSummary(runOf(web))
    expect(md).toContain('## ✅ ECS deploy: web succeeded')
    expect(md).toContain('| Task definition | web:6 → web:7 (registered by this run) |')
    expect(md).toContain('| Image | `127.0.0.1:5000/web@sha256:abc` |')
    expect(md).toContain('| Duration | 42 s |')
    expect(md).toContain(
      '[web](https://us-east-1.console.aws.amazon.com/ecs/v2/clusters/prod/services/web/deployments?region=us-east-1)',
    )
    expect(md).toContain('| 1:00 | (service web) has reached a steady state. |')
    expect(md).not.toContain('Why it failed')
  })

  test('a failure puts why first: the cause, its fix, the evidence and the log lines', () => {
    const md = renderSummary(runOf(rolledBack))
    expect(md.indexOf('Why it failed')).toBeLessThan(md.indexOf('| Service |'))
    expect(md).toContain('**A container ran out of memory and was killed (exit code 137).** (3 tasks)')
    expect(md).toContain(
      'Evidence: task a stopped: Essential container in task exited \\[EssentialContainerExited\\] — web: exit code 137, OutOfMemoryError',
    )
    expect(md).toContain(
      'Last 2 log lines of web (/ecs/web › ecs/web/a):\n\n```\nstarting\nFATAL ERROR: Reached heap limit\n```',
    )
    expect(md).toContain('- (service web) (deployment ecs-svc/1) deployment failed: tasks failed to start.')
  })

  test('stopped tasks that could not be read are said, not taken for none', () => {
    const md = renderSummary(
      runOf({
        ...rolledBack,
        failures: [],
        stoppedTasksError: 'could not read the stopped tasks: AWS denied ecs:ListTasks: no.',
      }),
    )
    expect(md).toContain('Stopped tasks: could not read the stopped tasks: AWS denied ecs:ListTasks: no.')
  })

  test('several services: one table, then a section each', () => {
    const md = renderSummary(runOf(web, { ...rolledBack, service: 'worker' }))
    expect(md).toContain('## ↩️ ECS deploy: 2 services, 1 not deployed')
    expect(md).toContain(
      '| web | web:6 → web:7 (registered by this run) | ✅ succeeded | ECS deployment ecs-svc/1 completed. |',
    )
    expect(md).toContain('| worker | web:6 → web:7 (registered by this run) | ↩️ rolled-back |')
    expect(md.indexOf('### web')).toBeLessThan(md.indexOf('### worker'))
  })

  test('a run that failed before finding its services says why', () => {
    const md = renderSummary({
      ...runOf(),
      status: 'failed',
      reason: 'Cluster "prdo" was not found in region us-east-1.',
    })
    expect(md).toContain('## ❌ ECS deploy: failed')
    expect(md).toContain('Cluster "prdo" was not found')
  })

  test('an unchanged run says so', () => {
    expect(renderSummary(runOf({ ...web, previousTaskDefinition: NEW_TD, registered: false }))).toContain(
      '| Task definition | web:7 (unchanged) |',
    )
  })

  test('table cells cannot be broken by a pipe in a message', () => {
    expect(renderSummary(runOf({ ...web, timeline: [{ at: 1000, message: 'a | b' }] }))).toContain('| 0:00 | a \\| b |')
  })

  test('every key/value table starts with a header row that names something, never an empty one', () => {
    const md = renderSummary(runOf(rolledBack, { ...web, service: 'worker' }))
    expect(md).not.toMatch(/^\|\s*\|\s*\|$/m)
    expect(md).toContain('| Cluster | prod |\n| --- | --- |')
    expect(renderSummary(runOf(web))).toMatch(/\| Service \| \[web\]\([^)]+\) \|\n\| --- \| --- \|/)
  })

  test('repeated target registrations fold into one timeline line with a count; the rest stay in order', () => {
    const tg = '(target-group arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef)'
    const timeline = [
      { at: 2000, message: `(service web) registered 1 targets in ${tg}` },
      { at: 3000, message: '(service web) has stopped 1 running tasks: (task a).' },
      { at: 4000, message: `(service web) deregistered 1 targets in ${tg}` },
      { at: 5000, message: `(service web) registered 2 targets in ${tg}` },
      { at: 9000, message: `(service web) deregistered 1 targets in ${tg}` },
      { at: 61000, message: '(service web) has reached a steady state.' },
    ]
    const rows = renderSummary(runOf({ ...web, timeline }))
      .split('\n')
      .filter((l) => /^\| \d+:\d\d \|/.test(l))
    expect(rows).toEqual([
      `| 0:01 | (service web) registered 1 targets in ${tg} (×2, the last at 0:04) |`,
      '| 0:02 | (service web) has stopped 1 running tasks: (task a). |',
      `| 0:03 | (service web) deregistered 1 targets in ${tg} (×2, the last at 0:08) |`,
      '| 1:00 | (service web) has reached a steady state. |',
    ])
  })

  test.each([
    [['succeeded', 'rolled-back'], 'rolled-back'],
    [['timed-out', 'failed'], 'failed'],
    [['succeeded', 'succeeded'], 'succeeded'],
  ] as const)('overall status of %j is %s', (statuses, expected) => {
    expect(overallStatus([...statuses])).toBe(expected)
  })
})

test('failed is defined once: failed, rolled back and timed out; paused, planned, skipped and succeeded are not', async () => {
  const { isFailure } = await import('../../src/engine/run-report.js')
  const statuses = ['succeeded', 'failed', 'rolled-back', 'timed-out', 'paused', 'skipped', 'planned'] as const
  expect(statuses.filter(isFailure)).toEqual(['failed', 'rolled-back', 'timed-out'])
})

describe('what a user copies from the summary is what was there', () => {
  const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`
  const image = `123456789012.dkr.ecr.us-east-1.amazonaws.com/web@${DIGEST}`
  const previous = `123456789012.dkr.ecr.us-east-1.amazonaws.com/web@sha256:${'f'.repeat(64)}`
  const health = 'https://web.example.com/health?probe=1&v=2'
  const references = [image, previous, health, 'www.example.com/docs', 'ops@example.com']
  const report: DeploymentReport = {
    ...rolledBack,
    reason: `Verification failed: ${health} answered HTTP 500.`,
    notes: [`deployed ${image}`, 'write to ops@example.com, see www.example.com/docs.'],
    changes: [`container web: image ${previous} → ${image}`],
    timeline: [
      { at: 2000, message: `(service web) pulled ${image}` },
      { at: 3000, message: `GET ${health} → 500` },
    ],
    recentEvents: [`(service web) (task a) failed to pull ${image}: not found`],
    promoted: { environment: 'staging', service: 'web-staging', taskDefinition: OLD_TD, images: { web: image } },
  }
  const md = renderSummary({ ...runOf(report), image })

  /** The text of each inline code span, as a Markdown renderer reads them (a backtick run closes its own length). */
  const codeSpans = (markdown: string): string[] =>
    [...markdown.matchAll(/(?<![\\`])(`+)(?!`)(.+?)(?<!`)\1(?!`)/g)].map((m) => m[2] ?? '')
  const outsideCode = md.replace(/(?<![\\`])(`+)(?!`)(.+?)(?<!`)\1(?!`)/g, '')

  test('no zero-width or other invisible character is inserted anywhere', () => {
    expect(md).not.toMatch(/[\u200B-\u200D\u2060\uFEFF]/)
  })

  test.each(references)('%s is in a code span exactly as it was, every time, and nowhere outside one', (reference) => {
    expect(codeSpans(md)).toContain(reference)
    expect(
      codeSpans(md)
        .filter((span) => span.includes(reference))
        .every((span) => span === reference),
    ).toBe(true)
    expect(outsideCode).not.toContain(reference)
  })

  test('outside the code spans nothing is left that GitHub would turn into a link or a mention', () => {
    const ours =
      /\]\(https:\/\/(us-east-1\.console\.aws\.amazon\.com|github\.com\/acme)[^)]*\)|https:\/\/github\.com\/acme\S*/g
    expect(outsideCode.replace(ours, '')).not.toMatch(/:\/\/|\bwww\.|@/)
  })
})
