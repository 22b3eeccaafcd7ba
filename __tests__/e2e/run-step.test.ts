// test/stack/run-step.mjs (the newcomer's path on the local stack): a workflow step file run as the runner would run
// it — inputs from its `with:` block (hyphenated names included), the GitHub context filled in — with the outputs and
// the job summary printed at the end.
import { ECSClient } from '@aws-sdk/client-ecs'
import { execFile } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { workspaceDir } from './action.js'
import { givenWebService, ScenarioAdmin, useStack, webService, webTaskDefinition, type StackEnv } from './stack.js'

const ROOT = path.resolve(import.meta.dirname, '../..')
const RUN_STEP = path.join(ROOT, 'test/stack/run-step.mjs')
const run = promisify(execFile)
const dir = workspaceDir('e2e-run-step-')
let stack: StackEnv
let ecs: ECSClient

beforeAll(async () => {
  stack = await useStack()
  ecs = new ECSClient({})
})

afterAll(() => ecs?.destroy())

describe('run-step.mjs', () => {
  test('a step with task-definition and wait: true deploys web:2; the outputs and the summary are printed', async () => {
    await givenWebService(stack, new ScenarioAdmin(stack.STACK_SCENARIO_URL), ecs, { timeScale: 20 })
    const template = path.join(dir, 'task-definition.json')
    writeFileSync(template, JSON.stringify(webTaskDefinition('web', `${stack.STACK_REGISTRY}/web:v2`)))
    const step = path.join(dir, 'step.yml')
    const relative = path.relative(ROOT, template)
    writeFileSync(
      step,
      `uses: ./\nwith:\n  cluster: prod\n  service: web\n  task-definition: ${relative}\n  wait: true\n`,
    )
    const { stdout } = await run(process.execPath, [RUN_STEP, step, '--sha', 'c0ffee'.padEnd(40, '0')], { cwd: ROOT })
    expect(stdout).toContain('\n--- outputs (')
    expect(stdout).toMatch(/\nstatus: succeeded\n/)
    expect(stdout).toMatch(/\ntask-definition-arn: arn:aws:ecs:us-east-1:\d+:task-definition\/web:2\n/)
    expect(stdout).toContain('\n--- job summary (')
    expect(stdout.slice(stdout.indexOf('--- job summary'))).toContain('web:2')
    expect((await webService(ecs)).taskDefinition).toMatch(/\/web:2$/)
  })

  test('a step file that is not a mapping, or a stopped stack, is refused with what to do', async () => {
    const bad = path.join(dir, 'bad.yml')
    writeFileSync(bad, '- cluster: prod\n')
    await expect(run(process.execPath, [RUN_STEP, bad])).rejects.toMatchObject({
      code: 2,
      stderr: `run-step: error: ${bad}: expected a step (with a \`with:\` block) or the \`with:\` block itself, as a YAML mapping\n`,
    })
    const step = path.join(dir, 'with.yml')
    writeFileSync(step, 'cluster: prod\nservice: web\n')
    await expect(
      run(process.execPath, [RUN_STEP, step], { env: { ...process.env, STACK_STATE_DIR: dir } }),
    ).rejects.toMatchObject({
      code: 2,
      stderr: `run-step: error: local stack not running (no ${dir}/env.json): run test/stack/stack.sh start\n`,
    })
  })
})
