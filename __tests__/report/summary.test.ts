import { renderSummary, type DeploymentReport } from '../../src/report/summary.js'
import { NEW_TD, OLD_TD } from '../helpers/ecs.js'

const base: DeploymentReport = {
  cluster: 'prod',
  service: 'web',
  region: 'us-east-1',
  status: 'succeeded',
  reason: 'ECS deployment ecs-svc/1 completed.',
  strategy: 'rolling',
  durationSeconds: 42,
  previousTaskDefinition: OLD_TD,
  taskDefinitionArn: NEW_TD,
  registered: true,
  image: '127.0.0.1:5000/web@sha256:abc',
  containers: ['web'],
  deploymentId: 'ecs-svc/1',
  notes: ['dropped read-only keys: revision, status'],
  startedAt: 1000,
  timeline: [
    { at: 2000, message: '(service web) has started 2 tasks: (task a) (task b).' },
    { at: 61000, message: '(service web) has reached a steady state.' },
  ],
}

describe('renderSummary', () => {
  test('a success shows what was deployed, the revision change and the timeline', () => {
    const md = renderSummary(base)
    expect(md).toContain('## ✅ ECS deploy: web succeeded')
    expect(md).toContain('| Task definition | web:6 → web:7 (registered by this run) |')
    expect(md).toContain('| Image | `127.0.0.1:5000/web@sha256:abc` |')
    expect(md).toContain('[web](https://us-east-1.console.aws.amazon.com/ecs/v2/clusters/prod/services/web/deployments?region=us-east-1)')
    expect(md).toContain('| 1:00 | (service web) has reached a steady state. |')
    expect(md).not.toContain('Why it failed')
  })

  test('a failure puts why first, with identical stopped tasks counted once', () => {
    const task = (id: string) => ({
      taskId: id,
      taskArn: `arn/${id}`,
      stoppedReason: 'Essential container in task exited',
      stopCode: 'EssentialContainerExited',
      containers: [{ name: 'web', exitCode: 137, reason: 'OutOfMemoryError' }],
    })
    const md = renderSummary({
      ...base,
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
    })
    expect(md.indexOf('### Why it failed')).toBeLessThan(md.indexOf('| Service |'))
    expect(md).toContain('**A container ran out of memory and was killed (exit code 137).** (3 tasks)')
    expect(md).toContain('Evidence: task a stopped: Essential container in task exited [EssentialContainerExited] — web: exit code 137, OutOfMemoryError')
    expect(md).toContain('Last 2 log lines of web (/ecs/web › ecs/web/a):\n\n```\nstarting\nFATAL ERROR: Reached heap limit\n```')
    expect(md).toContain('- (service web) (deployment ecs-svc/1) deployment failed: tasks failed to start.')
  })

  test('an unchanged run says so', () => {
    expect(renderSummary({ ...base, previousTaskDefinition: NEW_TD, registered: false })).toContain('| Task definition | web:7 (unchanged) |')
  })

  test('table cells cannot be broken by a pipe in a message', () => {
    expect(renderSummary({ ...base, timeline: [{ at: 1000, message: 'a | b' }] })).toContain('| 0:00 | a \\| b |')
  })
})
