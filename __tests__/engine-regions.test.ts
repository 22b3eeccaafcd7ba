// An environment of several regions deploys one per run, and only one of its own: checked before any AWS call.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { readGitContext } from '../src/common/git-context.js'
import { deploy } from '../src/engine/deploy.js'
import type { Ports } from '../src/engine/ports.js'
import { getInputs } from '../src/settings/inputs.js'
import { fakeClock } from './helpers/clock.js'

function settings(values: Record<string, string>, env: NodeJS.ProcessEnv) {
  const workspace = mkdtempSync(path.join(tmpdir(), 'regions-'))
  mkdirSync(path.join(workspace, '.github'))
  writeFileSync(
    path.join(workspace, '.github/ecs-deploy.yml'),
    'environments:\n  prod: { branches: [main], cluster: prod, services: [web], regions: [us-east-1, eu-west-1] }\n',
  )
  const log = { info: () => undefined, warning: () => undefined, secret: () => undefined }
  return {
    inputs: getInputs((name) => values[name] ?? '', log),
    git: { ...readGitContext({}), workspace },
    event: { name: 'push', ref: 'refs/heads/main' },
    env,
  }
}

const awsCalls: string[] = []
const ports: Ports = {
  log: {
    info: () => undefined,
    warning: () => undefined,
    error: () => undefined,
    debug: () => undefined,
    group: (_n, fn) => fn(),
    secret: () => undefined,
  },
  clock: fakeClock(),
  signal: new AbortController().signal,
  aws: (region) => {
    awsCalls.push(region)
    throw new Error('no AWS in this test')
  },
  loggedIn: () => undefined,
  outputs: () => undefined,
  summary: async () => undefined,
}

test.each([
  [{ environment: 'prod', region: 'ap-south-1' }, {}, 'ap-south-1'],
  [{ environment: 'prod' }, { AWS_REGION: 'us-west-2' }, 'us-west-2'],
])('inputs %j with %j: refused before any AWS call', async (values, env, region) => {
  const result = await deploy(settings(values, env), ports)
  expect(result).toMatchObject({
    failure: 'bad-input',
    message: `Environment prod deploys to regions us-east-1, eu-west-1, not ${region} (this run's \`region\` input or AWS_REGION). Deploy each region as its own entry of the plan's matrix: \`region: \${{ matrix.region }}\`.`,
  })
  expect(awsCalls).toEqual([])
})

test("the job's AWS_REGION, when it is one of the environment's regions, is the one deployed", async () => {
  const result = await deploy(settings({ environment: 'prod' }, { AWS_REGION: 'eu-west-1' }), ports)
  expect(awsCalls[0]).toBe('eu-west-1')
  expect(result.failure).toBe('error')
  awsCalls.length = 0
})
