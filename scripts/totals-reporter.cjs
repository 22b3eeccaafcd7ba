// A jest reporter that ends a run with one plain line, `tests: N passed, N failed`, and, when
// TEST_TOTALS_FILE is set, appends the counts there so .ci/run can print the total of all suites.
// Tests of the local stack itself (__tests__/stack/, __tests__/e2e/stack.test.ts) test our simulator, not the
// product: they are counted on a line of their own and left out of the totals.
const { appendFileSync } = require('node:fs')

const STACK_TESTS = /[\\/]__tests__[\\/](stack[\\/]|e2e[\\/]stack\.test\.ts$)/

class TotalsReporter {
  onRunComplete(_contexts, results) {
    const stack = { passed: 0, failed: 0 }
    for (const file of results.testResults) {
      if (!STACK_TESTS.test(file.testFilePath)) continue
      stack.passed += file.numPassingTests
      stack.failed += file.numFailingTests
    }
    const passed = results.numPassedTests - stack.passed
    const failed = results.numFailedTests - stack.failed
    if (stack.passed + stack.failed) process.stderr.write(`stack self-tests (not counted): ${stack.passed} passed, ${stack.failed} failed\n`)
    process.stderr.write(`tests: ${passed} passed, ${failed} failed\n`)
    if (process.env.TEST_TOTALS_FILE) appendFileSync(process.env.TEST_TOTALS_FILE, `${passed} ${failed}\n`)
  }
}

module.exports = TotalsReporter
