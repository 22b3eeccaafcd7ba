// The decisions: the first failing check rolls back; all passing goes on; inconclusive holds while the bake runs and,
// when it ends, follows the user's choice — never a silent pass.
import { decide } from '../../src/analysis/decide.js'
import type { Judgement } from '../../src/analysis/statistics.js'

const j = (check: string, outcome: Judgement['outcome']): Judgement => ({
  check,
  outcome,
  requests: 100,
  why: `${check}: ${outcome}`,
})

describe('decide', () => {
  test('a failing check rolls back, naming it, whatever else is inconclusive', () => {
    const d = decide([j('p99 < +20%', 'inconclusive'), j('5xx-rate < 1%', 'fail')], 'continue', 5, false)
    expect(d).toMatchObject({ action: 'rollback', verdict: 'fail' })
    expect(d.reason).toBe('canary analysis failed: 5xx-rate < 1%: fail')
  })

  test('every check passing goes on; only the read that ends the bake says the analysis passed', () => {
    expect(decide([j('a', 'pass'), j('b', 'pass')], 'rollback', 5, true)).toMatchObject({
      action: 'proceed',
      verdict: 'pass',
      reason: 'canary analysis passed: every check held',
    })
    expect(decide([j('a', 'pass')], 'rollback', 5, false).reason).toBe('canary analysis: every check holds so far')
  })

  test.each([
    ['wait', false, 'hold'],
    ['continue', false, 'hold'],
    ['rollback', false, 'hold'],
    ['wait', true, 'hold'],
    ['continue', true, 'proceed'],
    ['rollback', true, 'rollback'],
  ] as const)('inconclusive, `inconclusive: %s`, bake over: %s → %s', (choice, final, action) => {
    const d = decide([j('a', 'pass'), j('b', 'inconclusive')], choice, 5, final)
    expect(d).toMatchObject({ action, verdict: 'inconclusive' })
    if (final) expect(d.reason).toContain(`as \`inconclusive: ${choice}\` says`)
  })
})
