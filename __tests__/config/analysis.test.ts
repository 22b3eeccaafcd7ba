// The environment's `analysis:` block: read into the environment, each mistake named by file, line and key path; the
// block's keys that are no input come along under the `analysis` input's checks.
import { loadBalancerOfRule } from '../../src/analysis/canary.js'
import { parseConfig } from '../../src/config/load.js'
import { ConfigError } from '../../src/config/problems.js'
import { problemEntry } from '../../src/common/problems.js'
import type { EnvironmentConfig } from '../../src/config/types.js'
import { withEnvironment } from '../../src/engine/environment-settings.js'
import { getInputs } from '../../src/settings/inputs.js'

const FILE = '.github/ecs-deploy.yml'
const log = { info: (): void => undefined, warning: (): void => undefined, secret: (): void => undefined }
const dev = (block: string): EnvironmentConfig =>
  parseConfig(`environments:\n  dev:\n    analysis: ${block}\n`, FILE).environments[0] as EnvironmentConfig

function problems(block: string): string[] {
  try {
    dev(block)
    return []
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    return error.problems.map(problemEntry)
  }
}

describe('the analysis block', () => {
  test('read with its checks, interval, sample and choice', () => {
    const { analysis } = dev(
      '{ checks: [5xx-rate < 1%, p99 < +20%], interval: 30, min-requests: 250, inconclusive: continue }',
    )
    expect(analysis?.checks?.map((c) => c.name)).toEqual(['5xx-rate < 1%', 'p99 < +20%'])
    expect(analysis).toMatchObject({ intervalSeconds: 30, minRequests: 250, inconclusive: 'continue' })
  })

  test.each([
    [
      '{ checks: [p99 < +20] }',
      "line 3, environments.dev.analysis.checks: `p99 < +20`: a relative limit is a percentage of the old revision's value, like +20%",
    ],
    [
      '{ checks: [5xx-rate < 1%], interval: 0 }',
      'line 3, environments.dev.analysis.interval: must be a number from 1 to 3600, not the number 0',
    ],
    [
      '{ checks: [5xx-rate < 1%], inconclusive: pass }',
      'line 3, environments.dev.analysis.inconclusive: must be one of wait, continue, rollback, not the string "pass"',
    ],
    [
      '{ checks: [5xx-rate < 1%], window: 5 }',
      'line 3, environments.dev.analysis.window: unknown key; valid keys: checks, interval, min-requests, inconclusive',
    ],
  ])('%s: %s', (block, message) => {
    expect(problems(block)).toEqual([message])
  })

  test("the input's checks win; the block's other keys come along", () => {
    const environment = dev('{ checks: [5xx-rate < 1%], min-requests: 500 }')
    const merged = withEnvironment(
      getInputs((n) => (n === 'analysis' ? 'p99 < 300ms' : ''), log),
      environment,
    )
    expect(merged.analysis?.checks?.map((c) => c.name)).toEqual(['p99 < 300ms'])
    expect(merged.analysis?.minRequests).toBe(500)
    const fromFile = withEnvironment(
      getInputs(() => '', log),
      environment,
    )
    expect(fromFile.analysis?.checks?.map((c) => c.name)).toEqual(['5xx-rate < 1%'])
  })

  test('a block without checks reads (the input may give them)', () => {
    expect(dev('{ interval: 5 }').analysis).toEqual({ intervalSeconds: 5 })
  })

  test('the input: one exact message for a check it cannot read', () => {
    expect(() => getInputs((n) => (n === 'analysis' ? 'latency < 1' : ''), log)).toThrow(
      /^Input `analysis`: `latency < 1`: "latency" is not a metric; write a check as METRIC OP LIMIT/,
    )
  })
})

test("the production listener rule's load balancer, for the LoadBalancer dimension", () => {
  expect(
    loadBalancerOfRule(
      'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/prod/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee',
    ),
  ).toBe('arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/prod/50dc6c495c0c9188')
  expect(loadBalancerOfRule(undefined)).toBeUndefined()
})
