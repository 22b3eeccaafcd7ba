// The checks as the user writes them: what each means, and one exact message for each way of writing one wrong.
import { parseCheck, parseChecks } from '../../src/analysis/spec.js'

describe('parseChecks', () => {
  test.each([
    ['5xx-rate < 1%', { kind: '5xx-rate' }, '<', { relative: false, value: 1 }, '%'],
    ['p99 < 300ms', { kind: 'percentile', percentile: 99 }, '<', { relative: false, value: 0.3 }, 'ms'],
    ['p95 <= 0.5s', { kind: 'percentile', percentile: 95 }, '<=', { relative: false, value: 0.5 }, 'ms'],
    ['p99 < +20%', { kind: 'percentile', percentile: 99 }, '<', { relative: true, change: 0.2 }, 'ms'],
    ['healthy-hosts >= 2', { kind: 'healthy-hosts' }, '>=', { relative: false, value: 2 }, ''],
    [
      'Sum(MyApp/Orders/Errors) < 5',
      { kind: 'metric', namespace: 'MyApp/Orders', metric: 'Errors', stat: 'Sum', dimensions: {} },
      '<',
      { relative: false, value: 5 },
      '',
    ],
    [
      'p90(AWS/ApplicationELB/TargetResponseTime{TargetGroup=${TARGET_GROUP}, LoadBalancer=${LOAD_BALANCER}}) < -10%',
      {
        kind: 'metric',
        namespace: 'AWS/ApplicationELB',
        metric: 'TargetResponseTime',
        stat: 'p90',
        dimensions: { TargetGroup: '${TARGET_GROUP}', LoadBalancer: '${LOAD_BALANCER}' },
      },
      '<',
      { relative: true, change: -0.1 },
      '',
    ],
    [
      'expr(100 * errors / requests) < 2',
      { kind: 'expression', expression: '100 * errors / requests' },
      '<',
      { relative: false, value: 2 },
      '',
    ],
  ])('%s', (written, measure, comparison, limit, unit) => {
    expect(parseCheck(written)).toEqual({ name: written, measure, comparison, limit, unit })
  })

  test('commas and new lines separate checks, not the commas inside parentheses', () => {
    const checks = parseChecks('5xx-rate < 1%, p99 < +20%\nexpr(IF(errors > 0, 100 * errors / requests, 0)) < 2')
    expect(checks.map((c) => c.name)).toEqual([
      '5xx-rate < 1%',
      'p99 < +20%',
      'expr(IF(errors > 0, 100 * errors / requests, 0)) < 2',
    ])
  })

  test.each([
    ['', /^names no check; write a check as METRIC OP LIMIT/],
    ['5xx-rate', /^`5xx-rate` is not a check; write a check as METRIC OP LIMIT/],
    ['p99 < +20', /^`p99 < \+20`: a relative limit is a percentage of the old revision's value, like \+20%$/],
    ['healthy-hosts > 50%', /^`healthy-hosts > 50%`: only 5xx-rate is a percentage/],
    ['5xx-rate < 5ms', /^`5xx-rate < 5ms`: ms and s are for response times \(p95, p99\)$/],
    ['errors < 1', /^`errors < 1`: "errors" is not a metric; write a check as/],
    ['Median(MyApp/Errors) < 1', /^`Median\(MyApp\/Errors\) < 1`: Median is not a statistic; use Sum, Average/],
    ['expr(foo / requests) < 1', /^`expr\(foo \/ requests\) < 1`: an expression uses the target group's requests/],
    ['Sum(MyApp/Errors{Service}) < 1', /^`Sum\(MyApp\/Errors\{Service\}\) < 1`: write a dimension as Name=value$/],
    ['p99 < 1s, p99 < 1s', /^`p99 < 1s` is given twice$/],
  ])('%j is refused', (written, message) => {
    expect(() => parseChecks(written)).toThrow(message)
  })
})
