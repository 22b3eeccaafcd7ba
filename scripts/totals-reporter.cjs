// A jest reporter that ends a run with one plain line, `tests: N passed, N failed`, and, when
// TEST_TOTALS_FILE is set, appends the counts there so .ci/run can print the total of all suites.
const { appendFileSync } = require('node:fs')

class TotalsReporter {
  onRunComplete(_contexts, results) {
    const line = `tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed`
    process.stderr.write(`${line}\n`)
    if (process.env.TEST_TOTALS_FILE) appendFileSync(process.env.TEST_TOTALS_FILE, `${results.numPassedTests} ${results.numFailedTests}\n`)
  }
}

module.exports = TotalsReporter
