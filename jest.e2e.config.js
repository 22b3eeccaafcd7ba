// End-to-end: runs dist/index.js against the local stack (test/stack). Needs `test/stack/stack.sh start`.
import base from './jest.config.js'
export default {
  ...base,
  testMatch: ['**/e2e/**/*.test.ts'],
  testPathIgnorePatterns: [],
  testTimeout: 300000,
  testSequencer: '<rootDir>/scripts/e2e-sequencer.cjs',
}
