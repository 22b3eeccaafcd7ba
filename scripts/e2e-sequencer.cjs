// Runs the end-to-end files in jest's usual order, but the model conformance check of the local stack last:
// it reads every response the scenario server gave during the suite.
const Sequencer = require('@jest/test-sequencer').default

const LAST = /stack-model\.test\.ts$/

class EndToEndSequencer extends Sequencer {
  async sort(tests) {
    const sorted = await super.sort(tests)
    return [...sorted.filter((test) => !LAST.test(test.path)), ...sorted.filter((test) => LAST.test(test.path))]
  }
}

module.exports = EndToEndSequencer
