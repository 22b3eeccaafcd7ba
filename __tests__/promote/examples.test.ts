// The promotion example: a workflow GitHub accepts, and a config file the action accepts that promotes prod from qa.
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { parseConfig } from '../../src/config/load.js'

const WORKFLOW = 'examples/promotion.yml'
const CONFIG = 'examples/promotion/ecs-deploy.yml'

test("GitHub's workflow parser accepts the promotion workflow", () => {
  const result = parseWorkflow(
    { name: WORKFLOW, content: readFileSync(WORKFLOW, 'utf8') },
    new NoOperationTraceWriter(),
  )
  expect(result.context.errors.getErrors().map((e) => e.message)).toEqual([])
  expect(result.value).toBeDefined()
})

test('prod is promoted from qa in a job bound to the prod GitHub Environment, with no build or image', () => {
  const workflow = parse(readFileSync(WORKFLOW, 'utf8')) as {
    jobs: Record<string, { environment?: string; steps: { uses?: string; with?: Record<string, string> }[] }>
  }
  const promote = workflow.jobs['promote-to-prod']
  expect(promote?.environment).toBe('prod')
  const step = promote?.steps.find((s) => s.uses?.startsWith('org/ecs-deploy-action@'))
  expect(step?.with).toEqual({ environment: 'prod' })
  const config = parseConfig(readFileSync(CONFIG, 'utf8'), CONFIG)
  expect(config.environments.find((e) => e.name === 'prod')?.promoteFrom).toBe('qa')
  expect(config.environments.find((e) => e.name === 'dev')).toMatchObject({
    dockerfile: 'docker/dev.Dockerfile',
    buildArgs: { NODE_ENV: 'development' },
  })
})
