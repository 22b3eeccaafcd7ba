import { strategyRows } from '../../src/mechanisms/strategy-rows.js'

const start = Date.UTC(2026, 0, 1)
const at = (seconds: number) => start + seconds * 1000

describe('strategyRows', () => {
  test('a canary: production 10 % then 100 % with their times, test traffic, stages, hooks and alarms', () => {
    expect(
      strategyRows(
        {
          traffic: [
            { at: at(5), production: 0, test: 0 },
            { at: at(30), production: 0, test: 100 },
            { at: at(42), production: 10, test: 100 },
            { at: at(343), production: 100, test: 100 },
          ],
          stages: [
            { at: at(1), stage: 'PRE_SCALE_UP' },
            { at: at(42), stage: 'PRODUCTION_TRAFFIC_SHIFT' },
          ],
          hooks: [{ name: 'smoke-test', status: 'SUCCEEDED' }],
          alarms: { names: ['web-5xx', 'web-latency'], triggered: ['web-5xx'] },
        },
        start,
      ),
    ).toEqual([
      ['Production traffic', '0 % → 10 % (0:42) → 100 % (5:43)'],
      ['Test traffic', '0 % → 100 % (0:30)'],
      ['Stages', 'PRE_SCALE_UP 0:01 → PRODUCTION_TRAFFIC_SHIFT 0:42'],
      ['Lifecycle hooks', 'smoke-test SUCCEEDED'],
      ['Alarms', 'web-5xx → ALARM, web-latency'],
    ])
  })

  test('paused: where, the hook, and what happens unless continued', () => {
    const rows = strategyRows(
      {
        traffic: [{ at: at(1), production: 0, test: 0 }],
        stages: [],
        hooks: [],
        paused: {
          stage: 'POST_TEST_TRAFFIC_SHIFT',
          hookId: 'ecs-pause-1',
          expiresAt: Date.UTC(2026, 0, 2),
          timeoutAction: 'ROLLBACK',
        },
      },
      start,
    )
    expect(rows).toEqual([
      [
        'Paused at',
        'POST_TEST_TRAFFIC_SHIFT (hook ecs-pause-1); ROLLBACK at 2026-01-02T00:00:00.000Z unless continued',
      ],
    ])
  })

  test('the traffic starts at 0 % whether or not a poll saw it: the first step is the first change', () => {
    const seen = strategyRows(
      {
        traffic: [
          { at: at(0), production: 0 },
          { at: at(4), production: 10 },
        ],
        stages: [],
        hooks: [],
      },
      start,
    )
    const missed = strategyRows({ traffic: [{ at: at(4), production: 10 }], stages: [], hooks: [] }, start)
    expect(seen).toEqual([['Production traffic', '0 % → 10 % (0:04)']])
    expect(missed).toEqual(seen)
  })

  test('nothing for a rolling update', () => expect(strategyRows(undefined, start)).toEqual([]))
})
