// Registers aws-sdk-client-mock's jest matchers (toHaveReceivedCommandWith …) for every test file.
import 'aws-sdk-client-mock-jest'

// A failed step sets process.exitCode (core.setFailed, action/annotations.ts). Jest runs the files in its own process
// on a 2-core machine, so a code left set would fail the whole run with every test passed, depending on file order:
// a test that cares reads it, and every test starts and ends with none.
afterEach(() => {
  process.exitCode = undefined
})
