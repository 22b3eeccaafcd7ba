// A jest reporter that ends a run with one plain line, `tests: N passed, N failed`, and, when
// TEST_TOTALS_FILE is set, appends the counts there so .ci/run can print the total of all suites.
// Tests of the local stack itself (__tests__/stack/, __tests__/e2e/stack*.test.ts) are counted apart:
// they check the simulator, not the action.
const { appendFileSync } = require('node:fs')

const STACK_TEST = /__tests__[\\/](stack[\\/]|e2e[\\/]stack[^\\/]*\.test\.ts$)/

class TotalsReporter {
  onRunComplete(_contexts, results) {
    const count = (files) =>
      files.reduce((sum, f) => ({ passed: sum.passed + f.numPassingTests, failed: sum.failed + f.numFailingTests }), {
        passed: 0,
        failed: 0,
      })
    const stack = count(results.testResults.filter((f) => STACK_TEST.test(f.testFilePath)))
    const product = { passed: results.numPassedTests - stack.passed, failed: results.numFailedTests - stack.failed }
    const stackLine =
      stack.passed + stack.failed ? ` (and stack tests: ${stack.passed} passed, ${stack.failed} failed)` : ''
    process.stderr.write(`tests: ${product.passed} passed, ${product.failed} failed${stackLine}\n`)
    if (process.env.TEST_TOTALS_FILE)
      appendFileSync(process.env.TEST_TOTALS_FILE, `${product.passed} ${product.failed}\n`)
  }
}

module.exports = TotalsReporter
