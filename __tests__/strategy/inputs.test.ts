import { readStrategyInputs } from '../../src/settings/strategy.js'

const read = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? ''

describe('readStrategyInputs', () => {
  test('nothing given: the service keeps its strategy; on-busy waits', () => {
    expect(readStrategyInputs(read({}))).toEqual({ deploymentAlarms: [], onBusy: 'wait' })
  })

  test.each([
    [
      { strategy: 'canary', 'canary-percent': '10', 'canary-bake-minutes': '5', 'bake-minutes': '2' },
      { strategy: 'canary', canaryPercent: 10, canaryBakeMinutes: 5, bakeMinutes: 2 },
    ],
    [
      { strategy: 'linear', 'step-percent': '12.5', 'step-bake-minutes': '3' },
      { strategy: 'linear', stepPercent: 12.5, stepBakeMinutes: 3 },
    ],
    [
      { strategy: 'Blue-Green', 'wait-until': 'test-traffic-shifted' },
      { strategy: 'blue-green', waitUntil: 'POST_TEST_TRAFFIC_SHIFT' },
    ],
    [{ strategy: 'blue-green', 'wait-until': 'ready' }, { waitUntil: 'POST_TEST_TRAFFIC_SHIFT' }],
    [{ 'wait-until': 'pre_production_traffic_shift' }, { waitUntil: 'PRE_PRODUCTION_TRAFFIC_SHIFT' }],
    [{ continue: 'true' }, { continueAction: 'continue' }],
    [{ continue: 'ROLLBACK' }, { continueAction: 'rollback' }],
    [{ continue: 'false' }, {}],
    [{ 'deployment-alarms': 'web-5xx, web-latency\nweb-5xx' }, { deploymentAlarms: ['web-5xx', 'web-latency'] }],
    [{ 'on-busy': 'fail' }, { onBusy: 'fail' }],
    [
      {
        appspec: ' .aws/appspec.yml ',
        'codedeploy-application': 'web',
        'codedeploy-deployment-group': 'web-dg',
        'codedeploy-config': 'Canary20',
      },
      {
        appspec: '.aws/appspec.yml',
        codedeployApplication: 'web',
        codedeployDeploymentGroup: 'web-dg',
        codedeployConfig: 'Canary20',
      },
    ],
  ])('%j', (inputs, expected) => {
    expect(readStrategyInputs(read(inputs))).toMatchObject(expected)
  })

  test.each([
    [
      { strategy: 'bluegreen' },
      'Input `strategy` must be one of rolling, blue-green, canary, linear, not "bluegreen".',
    ],
    [{ 'canary-percent': '10' }, 'Input `canary-percent` needs `strategy: canary`.'],
    [
      { strategy: 'linear', 'canary-percent': '10' },
      'Input `canary-percent` applies to `strategy: canary`, not `strategy: linear`.',
    ],
    [
      { strategy: 'canary', 'step-bake-minutes': '3' },
      'Input `step-bake-minutes` applies to `strategy: linear`, not `strategy: canary`.',
    ],
    [
      { strategy: 'rolling', 'bake-minutes': '5' },
      'Input `bake-minutes` applies to `strategy: blue-green`, `strategy: canary` or `strategy: linear`, not `strategy: rolling`.',
    ],
    [
      { strategy: 'canary', 'canary-percent': '0' },
      'Input `canary-percent` must be a number from 0.1 to 100, not "0".',
    ],
    [
      { strategy: 'canary', 'canary-percent': '10.05' },
      'Input `canary-percent` must be a multiple of 0.1, not "10.05".',
    ],
    [{ strategy: 'linear', 'step-percent': '2' }, 'Input `step-percent` must be a number from 3 to 100, not "2".'],
    [
      { strategy: 'canary', 'canary-bake-minutes': '1.5' },
      'Input `canary-bake-minutes` must be a whole number from 0 to 1440, not "1.5".',
    ],
    [
      { strategy: 'blue-green', 'bake-minutes': '2000' },
      'Input `bake-minutes` must be a number from 0 to 1440, not "2000".',
    ],
    [
      { strategy: 'blue-green', 'wait-until': 'TEST_TRAFFIC_SHIFT' },
      'Config key `wait-until`: ECS cannot pause a deployment at TEST_TRAFFIC_SHIFT (PAUSE hooks are not allowed there); pause at POST_TEST_TRAFFIC_SHIFT instead.',
    ],
    [
      { strategy: 'blue-green', 'wait-until': 'bake-time' },
      'Config key `wait-until`: ECS cannot pause a deployment at BAKE_TIME (PAUSE hooks are not allowed there); pause at POST_PRODUCTION_TRAFFIC_SHIFT instead.',
    ],
    [
      { strategy: 'blue-green', 'wait-until': 'smoke' },
      'Config key `wait-until` must be one of scaled-up, test-traffic-shifted, ready, production-traffic-shifted or a stage ECS can pause at (PRE_SCALE_UP, POST_SCALE_UP, POST_TEST_TRAFFIC_SHIFT, PRE_PRODUCTION_TRAFFIC_SHIFT, POST_PRODUCTION_TRAFFIC_SHIFT), not "smoke".',
    ],
    [
      { strategy: 'rolling', 'wait-until': 'scaled-up' },
      'Config key `wait-until` needs `strategy: blue-green`, `canary` or `linear`: a rolling update has no stage to pause at.',
    ],
    [
      { continue: 'yes' },
      'Input `continue` must be true (let the paused deployment go on), rollback (roll it back) or false, not "yes".',
    ],
    [
      { strategy: 'canary', continue: 'true', 'wait-until': 'ready' },
      '`mode: continue` and config key `wait-until` exclude each other: `mode: continue` resumes (or rolls back) the deployment an earlier run left paused.',
    ],
    [{ 'on-busy': 'queue' }, 'Input `on-busy` must be one of wait, fail, not "queue".'],
    [
      { 'deployment-alarms': 'a'.repeat(256) },
      'Config key `deployment-alarms`: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…" is longer than 255 characters, too long for a CloudWatch alarm name.',
    ],
  ])('refuses %j', (inputs, message) => {
    expect(() => readStrategyInputs(read(inputs))).toThrow(message)
  })
})
