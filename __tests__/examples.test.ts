// Every example workflow, and every workflow in the README, is one GitHub would run: checked with GitHub's own
// workflow parser (@actions/workflow-parser), and all of them use the same version of this action.
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parse as parseYaml } from 'yaml'
import { MOVED_INPUTS } from '../src/settings/moved.js'

/** The parser's errors for a workflow file, then those of converting it (jobs, needs, matrix…); [] when valid. */
export async function workflowErrors(name: string, content: string): Promise<string[]> {
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter())
  const errors = parsed.context.errors.getErrors().map((e) => e.message)
  if (errors.length || !parsed.value) return errors
  const template = await convertWorkflowTemplate(parsed.context, parsed.value)
  return (template.errors ?? []).map((e) => e.Message)
}

const EXAMPLES = 'examples'
const exampleWorkflows = readdirSync(EXAMPLES)
  .filter((file) => file.endsWith('.yml') && file !== 'ecs-deploy.yml')
  .map((file) => [`${EXAMPLES}/${file}`, readFileSync(path.join(EXAMPLES, file), 'utf8')] as const)

/** The README and the docs/ pages: their examples are checked as the example files are. */
const DOCUMENTS = [
  'README.md',
  ...readdirSync('docs')
    .filter((file) => file.endsWith('.md'))
    .map((file) => `docs/${file}`),
]

/**
 * The ```yaml blocks of the README and the docs/ pages that are GitHub workflows (jobs that run on a runner), named
 * by their file and line; a block showing only the jobs gets an `on: push` to be a whole workflow.
 */
function documentWorkflows(file: string): (readonly [string, string])[] {
  const text = readFileSync(file, 'utf8')
  return [...text.matchAll(/^```ya?ml\n([\s\S]*?)^```/gm)]
    .map((m) => [m.index, m[1] ?? ''] as const)
    .filter(([, block]) => /^jobs:/m.test(block) && /^\s+runs-on:/m.test(block))
    .map(
      ([at, block]) =>
        [
          `${file}:${text.slice(0, at).split('\n').length}`,
          /^on:/m.test(block) ? block : `on: push\n${block}`,
        ] as const,
    )
}

const readmeWorkflows = (): (readonly [string, string])[] => DOCUMENTS.flatMap(documentWorkflows)

test('the examples, the README and the docs have workflows to check', () => {
  expect(exampleWorkflows.map(([name]) => name)).toEqual(
    expect.arrayContaining(['examples/branch-environments.yml', 'examples/multi-region.yml']),
  )
  expect(documentWorkflows('README.md').length).toBeGreaterThan(0)
  expect(readmeWorkflows().length).toBeGreaterThan(documentWorkflows('README.md').length)
})

test.each([...exampleWorkflows, ...readmeWorkflows()])('%s is a valid workflow', async (name, content) => {
  expect(await workflowErrors(name, content)).toEqual([])
})

test('a broken workflow is caught (so the checks above can fail)', async () => {
  const [, content] = exampleWorkflows.find(([name]) => name.endsWith('branch-environments.yml')) ?? ['', '']
  // A deploy job that needs a job that is not there, and a step with both uses and run.
  expect(await workflowErrors('broken.yml', content.replace('needs: plan', 'needs: plann'))).not.toEqual([])
  expect(
    await workflowErrors(
      'broken.yml',
      content.replace('      - uses: actions/checkout@v5\n', '      - uses: actions/checkout@v5\n        run: echo\n'),
    ),
  ).not.toEqual([])
  expect(await workflowErrors('broken.yml', content.replace('runs-on:', 'runs_on:'))).not.toEqual([])
})

test('the README, the docs and the examples use one version of this action', () => {
  const sources = [...DOCUMENTS.map((file) => [file, readFileSync(file, 'utf8')] as const), ...exampleWorkflows]
  const versions = new Set(
    sources.flatMap(([, text]) => [...text.matchAll(/org\/ecs-deploy-action@([\w.-]+)/g)].map((m) => m[1])),
  )
  expect([...versions]).toEqual(['v1'])
})

/** Each step of this action in a workflow, with the inputs its `with:` gives. */
function actionSteps(content: string): Record<string, unknown>[] {
  const workflow = parseYaml(content) as { jobs?: Record<string, { steps?: { uses?: string; with?: object }[] }> }
  return Object.values(workflow.jobs ?? {}).flatMap((job) =>
    (job.steps ?? [])
      .filter((step) => /ecs-deploy-action/.test(step.uses ?? ''))
      .map((step) => (step.with ?? {}) as Record<string, unknown>),
  )
}

test.each([...exampleWorkflows, ...readmeWorkflows()])(
  '%s gives no input that moved to the config file (issue 22)',
  (_name, content) => {
    const moved = actionSteps(content).flatMap((inputs) =>
      Object.keys(inputs).filter((n) => Object.hasOwn(MOVED_INPUTS, n)),
    )
    expect(moved).toEqual([])
  },
)
