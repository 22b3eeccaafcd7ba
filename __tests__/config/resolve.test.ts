import { parseConfig } from '../../src/config/load.js'
import { resolveEnvironment, type RunEvent } from '../../src/config/resolve.js'
import { UserError } from '../../src/common/errors.js'

const FILE = '.github/ecs-deploy.yml'
const config = parseConfig(
  `
environments:
  dev: { branches: [develop], cluster: dev, services: [web, worker], desired-count: 1 }
  qa: { branches: ['release/*', '!release/old-*'], cluster: qa, services: [web] }
  prod: { branches: [main], tags: ['v*'], cluster: prod, services: [web, worker], strategy: canary, url: https://example.com }
  ops: { cluster: ops, services: [web] }
previews: { base: dev, services: [web], domain: preview.example.com, desired-count: 2,
  listener-arn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/dev/50dc6c495c0c9188/f2f7dc8efc522ab2' }
`,
  FILE,
)
const overlapping = parseConfig(
  'environments:\n  prod: { branches: [main] }\n  prod-eu: { branches: [main, "release/*"] }\n  all: { branches: ["**"], tags: ["**"] }\n',
  FILE,
)
const noPreviews = parseConfig('environments:\n  dev: { branches: [develop] }\n', FILE)

const push = (ref: string): RunEvent => ({ name: 'push', ref })
const pr = (number: number, action = 'opened'): RunEvent => ({
  name: 'pull_request',
  ref: `refs/pull/${number}/merge`,
  pullRequest: { number, action, baseRef: 'develop', headRef: 'feature/x', headSha: 'c'.repeat(40) },
})

describe('by ref', () => {
  test.each([
    ['refs/heads/develop', 'dev', "ref refs/heads/develop matches dev's branch pattern develop"],
    ['refs/heads/release/1.2', 'qa', "ref refs/heads/release/1.2 matches qa's branch pattern release/*"],
    ['refs/heads/main', 'prod', "ref refs/heads/main matches prod's branch pattern main"],
    ['refs/tags/v1.2.0', 'prod', "ref refs/tags/v1.2.0 matches prod's tag pattern v*"],
  ])('%s → %s', (ref, name, reason) => {
    expect(resolveEnvironment(config, push(ref))).toEqual({
      skipped: false,
      environment: expect.objectContaining({ name }),
      reason,
    })
  })

  test.each([
    ['refs/heads/feature/login'],
    ['refs/heads/release/old-1'],
    ['refs/heads/release/1.2/hotfix'],
    ['refs/tags/release-1'],
    ['refs/heads/v1'],
    ['refs/pull/3/merge'],
  ])('%j matches nothing → skipped', (ref) => {
    expect(resolveEnvironment(config, push(ref))).toEqual({
      skipped: true,
      reason: `ref ${ref} matches no environment's branches or tags in ${FILE}`,
    })
  })

  test.each(['schedule', 'workflow_dispatch', 'release', 'merge_group'])(
    'a %s run is resolved by its ref too',
    (name) => {
      expect(resolveEnvironment(config, { name, ref: 'refs/heads/main' })).toMatchObject({
        skipped: false,
        environment: { name: 'prod' },
      })
    },
  )

  test.each([
    [
      'refs/heads/main',
      'ref refs/heads/main matches more than one environment in .github/ecs-deploy.yml: prod (branch pattern main), prod-eu (branch pattern main) and all (branch pattern **).',
    ],
    [
      'refs/heads/release/2',
      'ref refs/heads/release/2 matches more than one environment in .github/ecs-deploy.yml: prod-eu (branch pattern release/*) and all (branch pattern **).',
    ],
  ])('%s matching several environments is a mistake naming them', (ref, start) => {
    expect(() => resolveEnvironment(overlapping, push(ref))).toThrow(
      new UserError(
        `${start} Give each ref one environment, or plan first (\`mode: plan\`) and deploy each entry of its matrix in its own job, which names it in the \`environment\` input.`,
      ),
    )
  })

  test('one environment matching is not ambiguous', () => {
    expect(resolveEnvironment(overlapping, push('refs/tags/v1'))).toMatchObject({ environment: { name: 'all' } })
  })

  test('the preview input does not change what a push deploys', () => {
    expect(resolveEnvironment(config, push('refs/heads/develop'), { preview: true })).toMatchObject({
      skipped: false,
      environment: { name: 'dev' },
    })
  })
})

describe('an unknown ref (a CI that does not say the branch or tag)', () => {
  const unknown =
    'The branch or tag of this run is unknown, and .github/ecs-deploy.yml chooses the environment by it. Name it: with the CLI, --ref refs/heads/<branch> or --ref refs/tags/<tag>; in TeamCity, which does not export the branch by default, the parameter env.TEAMCITY_BUILD_BRANCH = %teamcity.build.branch% (a VCS root without a branch specification gives "<default>", which names no branch: add one, such as +:refs/heads/*, or pass --ref); in CircleCI, CIRCLE_BRANCH or CIRCLE_TAG; in GitHub Actions, GITHUB_REF.'
  test.each([
    // [event name, selection, what happens: the error, or the environment chosen without the ref]
    ['push', {}, unknown],
    ['schedule', {}, unknown],
    ['push', { environment: 'prod' }, unknown],
    ['push', { environment: 'ops' }, 'ops'],
    ['workflow_dispatch', { environment: 'prod' }, 'prod'],
  ])('a %s run with %j', (name, selection, outcome) => {
    const resolve = () => resolveEnvironment(config, { name, ref: '' }, selection)
    if (outcome === unknown) expect(resolve).toThrow(new UserError(unknown))
    else expect(resolve()).toMatchObject({ skipped: false, environment: { name: outcome } })
  })

  test('a pull request does not need it', () => {
    expect(resolveEnvironment(config, { ...pr(12), ref: '' }, { preview: true })).toMatchObject({
      skipped: false,
      environment: { name: 'pr-12' },
    })
  })
})

describe('named by the environment input', () => {
  test.each([
    [
      push('refs/heads/main'),
      'prod',
      false,
      'the environment input names prod, and ref refs/heads/main matches its branch pattern main',
    ],
    [
      push('refs/tags/v2'),
      'prod',
      false,
      'the environment input names prod, and ref refs/tags/v2 matches its tag pattern v*',
    ],
    [
      push('refs/heads/develop'),
      'prod',
      true,
      'the environment input names prod, but ref refs/heads/develop matches none of its branches (main) or tags (v*); plan first (mode: plan) so the matrix holds only the environments this ref deploys',
    ],
    [
      push('refs/heads/develop'),
      'qa',
      true,
      'the environment input names qa, but ref refs/heads/develop matches none of its branches (release/*, !release/old-*); plan first (mode: plan) so the matrix holds only the environments this ref deploys',
    ],
    [push('refs/heads/develop'), 'ops', false, 'the environment input names ops, which has no branches or tags'],
    [
      { name: 'workflow_dispatch', ref: 'refs/heads/feature/x' },
      'prod',
      false,
      'the environment input names prod, chosen by workflow_dispatch on refs/heads/feature/x',
    ],
  ])('%j with %s', (event, environment, skipped, reason) => {
    const result = resolveEnvironment(config, event, { environment })
    expect(result).toEqual(
      skipped ? { skipped, reason } : { skipped, reason, environment: expect.objectContaining({ name: environment }) },
    )
  })

  describe('workflow_dispatch and `protected: true`', () => {
    const guarded = parseConfig(
      'environments:\n  staging: { branches: [develop] }\n  prod: { branches: [main], tags: ["v*"], protected: true }\n  vault: { protected: true }\n',
      FILE,
    )
    const dispatch = (ref: string): RunEvent => ({ name: 'workflow_dispatch', ref })

    test('an environment without it may be chosen on any ref (a person chose it)', () => {
      expect(resolveEnvironment(guarded, dispatch('refs/heads/feature/x'), { environment: 'staging' })).toMatchObject({
        skipped: false,
        reason: 'the environment input names staging, chosen by workflow_dispatch on refs/heads/feature/x',
      })
    })

    test('a protected one only on a ref it takes', () => {
      expect(resolveEnvironment(guarded, dispatch('refs/tags/v2.0.0'), { environment: 'prod' })).toMatchObject({
        skipped: false,
        reason:
          'the environment input names prod, chosen by workflow_dispatch on refs/tags/v2.0.0, which matches its tag pattern v*',
      })
      expect(() => resolveEnvironment(guarded, dispatch('refs/heads/feature/x'), { environment: 'prod' })).toThrow(
        new UserError(
          'Environment prod in .github/ecs-deploy.yml is protected: only a ref its branches (main) or tags (v*) take deploys there, and workflow_dispatch ran on refs/heads/feature/x. Run the workflow on such a ref, or remove `protected: true`.',
        ),
      )
      expect(() => resolveEnvironment(guarded, dispatch('refs/heads/main'), { environment: 'vault' })).toThrow(
        'Environment vault in .github/ecs-deploy.yml is protected: only a ref its branches or tags (it has none) take deploys there',
      )
    })

    test('`protected` must be true or false', () => {
      expect(() => parseConfig('environments:\n  prod: { protected: yes please }\n', FILE)).toThrow(
        'environments.prod.protected',
      )
    })
  })

  test('overlapping environments are fine when one is named (a matrix)', () => {
    expect(resolveEnvironment(overlapping, push('refs/heads/main'), { environment: 'prod-eu' })).toMatchObject({
      environment: { name: 'prod-eu' },
    })
  })

  test.each([
    [
      'stage',
      'Input `environment` "stage" is not an environment in .github/ecs-deploy.yml; use one of: dev, qa, prod, ops.',
    ],
    ['prd', 'Input `environment` "prd" is not an environment in .github/ecs-deploy.yml; did you mean prod?'],
  ])('an unknown name %s is a mistake naming the known ones', (environment, message) => {
    expect(() => resolveEnvironment(config, push('refs/heads/main'), { environment })).toThrow(new UserError(message))
  })
})

describe('pull requests', () => {
  test('with the preview input: the pull request gets its own environment, copied from previews.base', () => {
    const result = resolveEnvironment(config, pr(12), { preview: true })
    expect(result).toEqual({
      skipped: false,
      reason: 'pull request #12 gets its own preview environment pr-12, copied from dev',
      environment: {
        name: 'pr-12',
        branches: [],
        tags: [],
        cluster: 'dev',
        services: ['web'],
        vars: {},
        desiredCount: 2,
      },
      preview: { pr: 12, base: 'dev', config: config.previews },
    })
  })

  test('a preview copies neither the url, the strategy nor the production flag of its base', () => {
    const prodBase = parseConfig(
      'environments:\n  prod: { cluster: prod, services: [web], url: https://x.example.com, strategy: canary, production: true }\npreviews: { base: prod }\n',
      FILE,
    )
    const result = resolveEnvironment(prodBase, { ...pr(3), name: 'pull_request_target' }, { preview: true })
    expect(result.skipped || result.environment).toEqual({
      name: 'pr-3',
      branches: [],
      tags: [],
      cluster: 'prod',
      services: ['web'],
      vars: {},
      desiredCount: 1,
    })
  })

  test.each([
    [
      pr(12),
      {},
      'pull request #12: pull_request events deploy only as previews; set the preview input to give each pull request its own environment',
    ],
    [
      pr(12),
      { environment: 'dev' },
      'pull request #12: pull_request events deploy only as previews; set the preview input to give each pull request its own environment',
    ],
    [
      { name: 'pull_request', ref: 'refs/pull/12/merge' },
      { preview: true },
      'the pull_request event has no pull request in its payload',
    ],
  ])('%j with %j is skipped', (event, selection, reason) => {
    expect(resolveEnvironment(config, event, selection)).toEqual({ skipped: true, reason })
  })

  test('the preview input needs a previews section', () => {
    expect(() => resolveEnvironment(noPreviews, pr(1), { preview: true })).toThrow(
      new UserError(
        'Input `preview` needs a previews: section in .github/ecs-deploy.yml: the base environment to copy, and the domain and listener-arn that route to each preview.',
      ),
    )
  })
})
