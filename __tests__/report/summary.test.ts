import { overallStatus, renderSummary, type DeploymentReport, type RunReport } from '../../src/run-report.js'
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

  test.each([
    [['succeeded', 'rolled-back'], 'rolled-back'],
    [['timed-out', 'failed'], 'failed'],
    [['succeeded', 'succeeded'], 'succeeded'],
  ] as const)('overall status of %j is %s', (statuses, expected) => {
    expect(overallStatus([...statuses])).toBe(expected)
  })
})

test('failed is defined once: failed, rolled back and timed out; paused, planned, skipped and succeeded are not', async () => {
  const { isFailure } = await import('../../src/run-report.js')
  const statuses = ['succeeded', 'failed', 'rolled-back', 'timed-out', 'paused', 'skipped', 'planned'] as const
  expect(statuses.filter(isFailure)).toEqual(['failed', 'rolled-back', 'timed-out'])
})
