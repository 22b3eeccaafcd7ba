// The plan step's matrix: which environments (and regions) a ref deploys, in the order their needs ask for, and why.
import { parseConfig } from '../../src/config/load.js'
import { planEnvironments, type RunEvent } from '../../src/config/index.js'
import { UserError } from '../../src/common/errors.js'

const FILE = '.github/ecs-deploy.yml'
const config = parseConfig(
  [
    'environments:',
    '  prod:',
    '    branches: [main]',
    '    tags: ["v*"]',
    '    cluster: prod',
    '    services: [web, worker]',
    '    regions: [us-east-1, eu-west-1]',
    '    role-to-assume: arn:aws:iam::123456789012:role/deploy-prod',
    '    url: https://example.com',
    '    needs: [staging]',
    '  dev: { branches: [develop], cluster: dev, services: [web] }',
    '  staging: { branches: [main], cluster: staging, services: [web], region: us-west-2 }',
    '  ops: { cluster: ops, services: [tools] }',
  ].join('\n'),
  FILE,
)

const push = (ref: string): RunEvent => ({ name: 'push', ref })
const pullRequest: RunEvent = {
  name: 'pull_request',
  ref: 'refs/pull/7/merge',
  pullRequest: { number: 7, action: 'opened', baseRef: 'main', headRef: 'feature/x', headSha: 'c0ffee' },
}
const prodEntry = (region: string) => ({
  environment: 'prod',
  cluster: 'prod',
  services: 'web,worker',
  region,
  role: 'arn:aws:iam::123456789012:role/deploy-prod',
  url: 'https://example.com',
  needs: ['staging'],
})
const staging = { environment: 'staging', cluster: 'staging', services: 'web', region: 'us-west-2', needs: [] }

describe('the matrix for a table of refs', () => {
  test.each([
    ['a branch', push('refs/heads/develop'), [{ environment: 'dev', cluster: 'dev', services: 'web', needs: [] }]],
    [
      'a branch two environments take, one in several regions: staging first, as prod needs it',
      push('refs/heads/main'),
      [staging, prodEntry('us-east-1'), prodEntry('eu-west-1')],
    ],
    ['a tag', push('refs/tags/v1.2.0'), [prodEntry('us-east-1'), prodEntry('eu-west-1')]],
    ['a branch no environment takes', push('refs/heads/feature/x'), []],
    ['a pull request (previews are not in the matrix)', pullRequest, []],
  ])('%s', (_what, event, include) => {
    const plan = planEnvironments(config, event)
    expect(plan.matrix).toEqual({ include })
    expect(plan.environments).toEqual([...new Set(include.map((e) => e.environment))])
  })
})

test('every environment gets a verdict that says why', () => {
  expect(planEnvironments(config, push('refs/heads/main')).verdicts).toEqual([
    { environment: 'prod', deploys: true, reason: 'ref refs/heads/main matches its branch pattern main' },
    { environment: 'dev', deploys: false, reason: 'ref refs/heads/main matches none of its branches (develop)' },
    { environment: 'staging', deploys: true, reason: 'ref refs/heads/main matches its branch pattern main' },
    {
      environment: 'ops',
      deploys: false,
      reason: 'it has no branches or tags; deploy it by name (workflow_dispatch and the environment input)',
    },
  ])
  expect(planEnvironments(config, pullRequest).verdicts[0]?.reason).toBe(
    'pull request #7: pull requests deploy only as previews (the `preview` input)',
  )
})

test('the environment input (a workflow_dispatch choice) plans that environment only, whatever the ref', () => {
  const plan = planEnvironments(config, { name: 'workflow_dispatch', ref: 'refs/heads/feature/x' }, 'ops')
  expect(plan.matrix.include).toEqual([{ environment: 'ops', cluster: 'ops', services: 'tools', needs: [] }])
  expect(plan.verdicts.find((v) => v.environment === 'ops')?.reason).toBe(
    'the environment input names it (workflow_dispatch on refs/heads/feature/x)',
  )
})

test('an environment input that is not in the config is an error with the nearest name', () => {
  expect(() => planEnvironments(config, push('refs/heads/main'), 'stagign')).toThrow(
    new UserError(
      'Input `environment` "stagign" is not an environment in .github/ecs-deploy.yml; did you mean staging?',
    ),
  )
})

test('an unknown ref is an error saying how to name it, as for a deploy', () => {
  expect(() => planEnvironments(config, push(''))).toThrow(/The branch or tag of this run is unknown/)
})

test('needs order entries across file order, transitively', () => {
  const chain = parseConfig(
    [
      'environments:',
      '  prod: { branches: [main], needs: [qa] }',
      '  qa: { branches: [main], needs: dev }',
      '  dev: { branches: [main] }',
    ].join('\n'),
    FILE,
  )
  const plan = planEnvironments(chain, push('refs/heads/main'))
  expect(plan.environments).toEqual(['dev', 'qa', 'prod'])
  expect(plan.matrix.include.map((e) => e.needs)).toEqual([[], ['dev'], ['qa']])
})

test('an environment comes after the one it promotes from, as after one it needs', () => {
  const chain = parseConfig(
    [
      'environments:',
      '  prod: { branches: [main], cluster: prod, services: [web], promote-from: qa }',
      '  qa: { branches: [main], cluster: qa, services: [web], needs: dev }',
      '  dev: { branches: [main], cluster: dev, services: [web] }',
    ].join('\n'),
    FILE,
  )
  const plan = planEnvironments(chain, push('refs/heads/main'))
  expect(plan.environments).toEqual(['dev', 'qa', 'prod'])
  expect(plan.matrix.include.map((e) => e.needs)).toEqual([[], ['dev'], ['qa']])
})

test('several accounts (a role each) and regions: one entry per account and region, each naming its account', () => {
  const accounts = parseConfig(
    [
      'environments:',
      '  prod:',
      '    tags: ["v*"]',
      '    cluster: prod',
      '    services: web',
      '    regions: [us-east-1, eu-west-1]',
      '    role-to-assume: [arn:aws:iam::111111111111:role/deploy, arn:aws:iam::222222222222:role/deploy]',
    ].join('\n'),
    FILE,
  )
  expect(
    planEnvironments(accounts, push('refs/tags/v1')).matrix.include.map((e) => [e.account, e.region, e.role]),
  ).toEqual([
    ['111111111111', 'us-east-1', 'arn:aws:iam::111111111111:role/deploy'],
    ['111111111111', 'eu-west-1', 'arn:aws:iam::111111111111:role/deploy'],
    ['222222222222', 'us-east-1', 'arn:aws:iam::222222222222:role/deploy'],
    ['222222222222', 'eu-west-1', 'arn:aws:iam::222222222222:role/deploy'],
  ])
})
