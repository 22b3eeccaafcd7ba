// docs/try-locally.md, run as written: each ```sh block in bash from the repository root, in order; a block must exit
// 0, and a `# prints: TEXT` comment must be in its output.
import { execFile } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { ScenarioAdmin, useStack } from './stack.js'

const ROOT = path.resolve(import.meta.dirname, '../..')
const PAGE = readFileSync(path.join(ROOT, 'docs/try-locally.md'), 'utf8')
const run = promisify(execFile)

/** The page's shell blocks under their section title. */
const blocks = [...PAGE.matchAll(/^## (.+)$|^```sh\n([\s\S]*?)^```$/gm)].reduce<{ title: string; script: string }[]>(
  (found, [, title, script]) => {
    if (title) found.push({ title, script: '' })
    else if (script && found.length) (found[found.length - 1] as { script: string }).script += script
    return found
  },
  [],
)

let admin: ScenarioAdmin

beforeAll(async () => {
  admin = new ScenarioAdmin((await useStack()).STACK_SCENARIO_URL)
})

// The page's `--time-scale 20` is the whole stack's: the other e2e files expect the default.
afterAll(() => admin?.clock({ scale: 1 }))

test('the page has a block per strategy', () => {
  expect(blocks.filter((b) => b.script).map((b) => b.title)).toEqual([
    'Start the stack',
    'Rolling',
    'ECS-native blue/green',
    'CodeDeploy canary',
  ])
})

describe('docs/try-locally.md', () => {
  test.each(blocks.filter((b) => b.script))('$title', async ({ script }) => {
    const { stdout, stderr } = await run('bash', ['-euo', 'pipefail', '-c', script], {
      cwd: ROOT,
      maxBuffer: 64 << 20,
    })
    for (const [, text] of script.matchAll(/# prints: (.+)$/gm)) expect(stdout + stderr).toContain(text)
  })
})

describe('stack.sh seed', () => {
  const seed = (text: string) => {
    const file = path.join(ROOT, 'build', `seed-${Math.random().toString(36).slice(2)}.yml`)
    writeFileSync(file, text)
    return run('bash', [path.join(ROOT, 'test/stack/stack.sh'), 'seed', file]).then(
      () => '',
      (error: { stderr: string }) => error.stderr.replace(file, 'FILE'),
    )
  }

  test.each([
    ['services: []\n', 'seed: error: FILE: needs `cluster: NAME` and `services:` (a list, each with name and image)\n'],
    [
      'cluster: prod\nservices: [{ name: web, image: web }]\n',
      'seed: error: FILE: services[0]: needs `name` and `image: REPO:TAG` (e.g. web:v1, a build of test/stack/sample-app)\n',
    ],
    [
      'cluster: prod\nservices: [{ name: web, image: web:v1, strategy: canary }]\n',
      'seed: error: FILE: services[0]: unknown key(s) strategy; known: name, image, desiredCount, loadBalancer, deploymentController, codedeploy, express\n',
    ],
  ])('%j is refused with what to write', async (text, message) => {
    expect(await seed(text)).toBe(message)
  })
})
