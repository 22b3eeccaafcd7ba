// The README's first command, `npm run demo`, runs test/stack/demo.mjs on the local stack: it must keep working.
import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { ScenarioAdmin, useStack } from './stack.js'

const root = path.resolve(import.meta.dirname, '../..')

test('the demo deploys the sample app by digest, then shows a broken release rolled back and explained', async () => {
  const admin = new ScenarioAdmin((await useStack()).STACK_SCENARIO_URL)
  // The demo speeds the stack's clock up; the suites after it expect the scale they found.
  const { clock } = (await admin.state()) as { clock: { scale: number } }
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--no-warnings', path.join(root, 'test/stack/demo.mjs')],
    {
      cwd: root,
      maxBuffer: 16 * 1024 * 1024,
    },
  )
  await admin.reset({ timeScale: clock.scale })
  expect(stdout).toMatch(/web@sha256:[0-9a-f]{64}/)
  expect(stdout).toContain('Why it failed')
  expect(stdout).toContain('ECS deployment circuit breaker: tasks failed to start.')
  expect(stdout).toContain('Done: the first deploy succeeded; the broken one was rolled back and explained.')
}, 180_000)
