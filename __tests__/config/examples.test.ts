// The example workflows must only use inputs the action has, and the example config must be valid.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { parseConfig } from '../../src/config/load.js'

const EXAMPLES = 'examples'
const ACTION = /^org\/ecs-deploy-action@/

/** Inputs the lead adds to action.yml with the environments and previews work (issue 6). */
const INPUTS_BEING_ADDED = ['config', 'preview', 'preview-ttl', 'preview-max', 'github-token', 'environment']
/** Required today, but optional once a config file can name the service. */
const OPTIONAL_WITH_CONFIG = ['service']
const PREVIEW_MODES = ['deploy', 'destroy', 'sweep']

interface Step {
  uses?: string
  with?: Record<string, unknown>
}
interface Workflow {
  on: unknown
  permissions?: Record<string, string>
  jobs: Record<string, { steps: Step[]; permissions?: Record<string, string> }>
}

const action = parse(readFileSync('action.yml', 'utf8')) as {
  inputs: Record<string, { required?: boolean; default?: unknown }>
}
const known = new Set([...Object.keys(action.inputs), ...INPUTS_BEING_ADDED])
const required = Object.entries(action.inputs)
  .filter(([name, input]) => input.required && input.default === undefined && !OPTIONAL_WITH_CONFIG.includes(name))
  .map(([name]) => name)

const workflows = readdirSync(EXAMPLES)
  .filter((file) => file.endsWith('.yml') && file !== 'ecs-deploy.yml')
  .map((file) => [file, parse(readFileSync(path.join(EXAMPLES, file), 'utf8')) as Workflow] as const)

/** Every step of the workflow that uses this action. */
function actionSteps(workflow: Workflow): Step[] {
  return Object.values(workflow.jobs).flatMap((job) => job.steps.filter((step) => ACTION.test(step.uses ?? '')))
}

test('the example workflows are there', () => {
  expect(workflows.map(([file]) => file)).toEqual(
    expect.arrayContaining([
      'branch-environments.yml',
      'multi-region.yml',
      'nightly-sweep.yml',
      'pr-previews.yml',
      'promotion.yml',
    ]),
  )
})

describe.each(workflows)('%s', (_file, workflow) => {
  test('uses the action', () => {
    expect(actionSteps(workflow).length).toBeGreaterThan(0)
  })

  test('gives the action only inputs it has, and every required one', () => {
    for (const step of actionSteps(workflow)) {
      const given = Object.keys(step.with ?? {})
      expect(given.filter((name) => !known.has(name))).toEqual([])
      expect(required.filter((name) => !given.includes(name))).toEqual([])
    }
  })

  test('a preview input is deploy, destroy or sweep', () => {
    for (const step of actionSteps(workflow)) {
      if (step.with?.preview !== undefined) expect(PREVIEW_MODES).toContain(step.with.preview)
    }
  })

  test('asks for OIDC credentials (id-token: write) where it configures AWS credentials', () => {
    const usesAws = Object.values(workflow.jobs).some((job) =>
      job.steps.some((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials@')),
    )
    expect(usesAws).toBe(true)
    // The workflow's permissions, or those of each job that configures AWS credentials.
    for (const job of Object.values(workflow.jobs)) {
      if (!job.steps.some((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials@'))) continue
      expect((job.permissions ?? workflow.permissions)?.['id-token']).toBe('write')
    }
  })
})

test('the example config file passes the validator', () => {
  const config = parseConfig(readFileSync(path.join(EXAMPLES, 'ecs-deploy.yml'), 'utf8'), 'examples/ecs-deploy.yml')
  expect(config.environments.map((e) => e.name)).toEqual(['dev', 'qa', 'prod'])
  expect(config.previews?.base).toBe('dev')
})
