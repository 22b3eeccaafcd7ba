// What a GitHub deployment status says of a failed run: which services ended how, never why (a reason can quote an
// answer body or a command's output, and the status is readable by anyone who can read the repository, unmasked).
import { failureDescription } from '../../src/engine/carry-out.js'
import type { DeploymentReport } from '../../src/engine/run-report.js'

const report = (service: string, status: DeploymentReport['status'], reason: string): DeploymentReport => ({
  cluster: 'prod',
  service,
  region: 'us-east-1',
  status,
  reason,
  strategy: 'rolling',
  previousTaskDefinition: 'web:1',
  notes: [],
})

test('names the failed services and their status, without their reasons', () => {
  const reflected = 'verification failed (production): http://app/health answered HTTP 500 "Bearer tok-123"'
  const description = failureDescription([
    report('web', 'failed', reflected),
    report('worker', 'succeeded', ''),
    report('api', 'timed-out', 'the rollout did not finish within 6 s'),
  ])
  expect(description).toBe("web failed, api timed-out; the run's log says why")
  expect(description).not.toContain('tok-123')
})

test('nothing failed: no description', () => {
  expect(failureDescription([report('web', 'succeeded', '')])).toBeUndefined()
})
