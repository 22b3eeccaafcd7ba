// `test/stack/stack.sh start --time-scale N` (the newcomer's path on the local stack): on a running stack it sets the
// scenario server's clock scale, and a value that is not a positive number is refused with what to write instead.
import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { ScenarioAdmin, useStack, type StackEnv } from './stack.js'

const STACK_SH = path.resolve(import.meta.dirname, '../../test/stack/stack.sh')
const run = promisify(execFile)
let stack: StackEnv

beforeAll(async () => {
  stack = await useStack()
})

const scale = async (): Promise<number> =>
  (
    (await (await fetch(`${stack.STACK_SCENARIO_URL}/_clock`, { method: 'POST', body: '{}' })).json()) as {
      scale: number
    }
  ).scale

describe('stack.sh start --time-scale', () => {
  afterEach(() => new ScenarioAdmin(stack.STACK_SCENARIO_URL).clock({ scale: 1 }))

  test('on the running stack: the clock runs N times faster', async () => {
    const { stderr } = await run('bash', [STACK_SH, 'start', '--time-scale', '30'])
    expect(stderr).toContain('stack: already running; time scale now 30')
    expect(await scale()).toBe(30)
  })

  test.each(['0', 'fast', '-2'])('%s is refused with the form to use', async (value) => {
    await expect(run('bash', [STACK_SH, 'start', '--time-scale', value])).rejects.toMatchObject({
      stderr: `stack: error: --time-scale: "${value}" is not a positive number (scenario seconds per real second, e.g. --time-scale 20)\n`,
    })
  })
})
