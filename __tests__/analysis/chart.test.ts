// The analysis in the summary: a chart per check, a table of the decisions; nothing in it can close the chart's code
// block or inject Markdown or HTML.
import { analysisSection } from '../../src/analysis/chart.js'
import type { AnalysisReport } from '../../src/analysis/canary.js'

const NAME = 'expr(errors ``` requests "x"\n# <b>hi</b>) < 2'

const report: AnalysisReport = {
  compared: 'target group web-green (new revision) against <img src=x> (old revision)',
  checks: [NAME, 'p99 < +20%'],
  decisions: [1000, 3000].map((at, i) => ({
    at,
    action: i ? 'rollback' : 'hold',
    verdict: i ? 'fail' : 'inconclusive',
    reason: 'r',
    judgements: [
      { check: NAME, outcome: 'pass', fresh: 1, limit: 2, requests: 10, why: `${NAME}: | pipe <b>` },
      { check: 'p99 < +20%', outcome: 'fail', fresh: 0.5, old: 0.1, limit: 0.12, requests: 10, why: 'p99' },
    ],
  })),
}

test('one chart per check: new, old and limit lines where every read has them, times on the x axis', () => {
  const text = analysisSection(report).join('\n')
  expect(text).toContain(
    [
      '```mermaid',
      'xychart-beta',
      '  title "p99 < +20%"',
      '  x-axis "time into the bake" ["0:00", "0:02"]',
      '  y-axis "ms"',
      '  line [500, 500]',
      '  line [100, 100]',
      '  line [120, 120]',
      '```',
    ].join('\n'),
  )
  expect(text).toContain('```\n\nLines, in order: new revision, old revision, limit.\n')
  // No old value for the expression: its chart has the new revision and the limit only, and says so.
  expect(text).toContain(
    '  line [1, 1]\n  line [2, 2]\n```\n\nLines, in order: new revision, limit. Not drawn (no figure at every read): old revision.',
  )
  expect(text).toContain('| 0:02 | roll back (fail) | 10 |')
})

test('outside and written text cannot close the code block or inject HTML', () => {
  const text = analysisSection(report).join('\n')
  expect(text.match(/```/g)).toHaveLength(4)
  expect(text).toContain(`title "expr(errors ''' requests 'x''# <b>hi</b>) < 2"`)
  expect(text).not.toContain('<img')
  expect(text).not.toContain('| pipe <b>')
})
