// Signals: the first starts the timeout path, a second one (or the grace run out) ends the process at once.
import { EventEmitter } from 'node:events'
import { waitingFor } from '../src/common/deadline.js'
import { EXIT_MARGIN_MS, handleShutdown } from '../src/common/shutdown.js'

function harness(graceMs = 100) {
  const signals = new EventEmitter()
  const said: [string, string][] = []
  const exits: number[] = []
  const shutdown = handleShutdown({
    graceMs,
    signals: signals as unknown as Pick<NodeJS.Process, 'on' | 'off'>,
    lastWords: (why, status) => void said.push([why, status]),
    exit: (code) => void exits.push(code),
  })
  return { signals, said, exits, shutdown }
}

test('the first SIGTERM cancels the run; the second writes the last words, naming what was in flight, and exits 1', async () => {
  const { signals, said, exits, shutdown } = harness()
  let release = (): void => undefined
  const call = waitingFor('ecs:StopServiceDeployment', () => new Promise<void>((resolve) => (release = resolve)))
  signals.emit('SIGTERM')
  expect(shutdown.signal.aborted).toBe(true)
  expect(exits).toEqual([])
  signals.emit('SIGTERM')
  expect(said).toEqual([
    ['The run was stopped by a second SIGTERM; still waiting for ecs:StopServiceDeployment (no answer).', 'failed'],
  ])
  expect(exits).toEqual([1])
  release()
  await call
  shutdown.dispose()
})

test('cancelled and still running when the grace is over: ended at once', async () => {
  const { signals, said, exits, shutdown } = harness(50)
  signals.emit('SIGINT')
  await new Promise((r) => setTimeout(r, 50 + EXIT_MARGIN_MS + 200))
  expect(said).toEqual([['The run was cancelled and had not ended 0.05 s later.', 'failed']])
  expect(exits).toEqual([1])
  shutdown.dispose()
})

test('past the deadline and the grace, a run held by something is ended as timed out', async () => {
  const { said, exits, shutdown } = harness(50)
  shutdown.deadline.restart(50)
  await new Promise((r) => setTimeout(r, 100 + EXIT_MARGIN_MS + 200))
  expect(said).toEqual([['The run had not ended 0.05 s after its deadline (timeout-minutes).', 'timed-out']])
  expect(exits).toEqual([1])
  shutdown.dispose()
})

test('a run that ends in time: no last words, and the handlers are gone', async () => {
  const { signals, said, exits, shutdown } = harness(10)
  shutdown.deadline.restart(10)
  shutdown.dispose()
  await new Promise((r) => setTimeout(r, 20 + EXIT_MARGIN_MS + 100))
  expect(signals.listenerCount('SIGTERM')).toBe(0)
  expect(said).toEqual([])
  expect(exits).toEqual([])
})
