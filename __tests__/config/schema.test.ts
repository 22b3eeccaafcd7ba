import { readFileSync } from 'node:fs'
import { validateConfig } from '../../src/config/schema.js'
import { ConfigError } from '../../src/config/problems.js'
import { problemEntry } from '../../src/common/problems.js'
import { parseConfig as parseFile } from '../../src/config/load.js'

const FILE = '.github/ecs-deploy.yml'

/** The messages a config text is refused with; [] when it is accepted. */
function problems(text: string): string[] {
  try {
    parseFile(text, FILE)
    return []
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    return error.problems.map(problemEntry)
  }
}

const LISTENER =
  'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/dev-alb/50dc6c495c0c9188/f2f7dc8efc522ab2'

describe('a valid config', () => {
  test('the example reads as typed environments and previews', () => {
    const config = parseFile(readFileSync('examples/ecs-deploy.yml', 'utf8'), FILE)
    expect(config).toEqual({
      file: FILE,
      environments: [
        {
          name: 'dev',
          branches: ['develop'],
          tags: [],
          cluster: 'dev',
          services: ['web', 'worker'],
          taskDefinition: '.aws/task-definition.json',
          vars: { LOG_LEVEL: 'debug' },
          desiredCount: 1,
        },
        {
          name: 'qa',
          branches: ['release/*', '!release/old-*'],
          tags: [],
          cluster: 'qa',
          services: ['web'],
          taskDefinition: '.aws/task-definition.json',
          vars: { LOG_LEVEL: 'info' },
        },
        {
          name: 'prod',
          branches: ['main'],
          tags: ['v*'],
          cluster: 'prod',
          services: ['web', 'worker'],
          taskDefinition: '.aws/task-definition.json',
          strategy: 'canary',
          url: 'https://example.com',
          production: true,
          rolesToAssume: ['arn:aws:iam::123456789012:role/deploy-prod'],
          vars: { LOG_LEVEL: 'warn' },
        },
      ],
      previews: {
        base: 'dev',
        services: ['web'],
        routing: 'host',
        domain: 'preview.example.com',
        listenerArn: LISTENER,
        desiredCount: 1,
        max: 10,
        ttl: '7d',
        ttlMs: 7 * 86_400_000,
      },
    })
  })

  test('one string stands for a list; a single service; numbers and booleans in vars are text', () => {
    const config = parseFile(
      'environments:\n  dev:\n    branches: develop\n    cluster: dev\n    service: web\n    vars: { PORT: 3000, DEBUG: true, NAME: x }\n',
      FILE,
    )
    expect(config.environments[0]).toMatchObject({
      branches: ['develop'],
      services: ['web'],
      vars: { PORT: '3000', DEBUG: 'true', NAME: 'x' },
    })
  })

  test('a number where a name is expected is taken as written', () => {
    expect(parseFile('environments:\n  dev: { cluster: 2024, services: [web] }\n', FILE).environments[0]?.cluster).toBe(
      '2024',
    )
  })

  test('an environment may have no branches, tags or services (chosen by input, services from inputs)', () => {
    expect(parseFile('environments:\n  ops: { cluster: ops }\n', FILE).environments).toEqual([
      { name: 'ops', branches: [], tags: [], cluster: 'ops', services: [], vars: {} },
    ])
  })

  test('previews default: all base services, host routing, 1 task, 10 previews, 7 days', () => {
    const config = parseFile(
      'environments:\n  dev: { cluster: dev, services: [web, worker] }\npreviews:\n  base: dev\n',
      FILE,
    )
    expect(config.previews).toEqual({
      base: 'dev',
      services: ['web', 'worker'],
      routing: 'host',
      desiredCount: 1,
      max: 10,
      ttl: '7d',
      ttlMs: 604_800_000,
    })
  })

  test('path routing needs no domain; service and cluster ARNs are accepted', () => {
    const config = parseFile(
      `environments:\n  dev:\n    cluster: arn:aws:ecs:us-east-1:123456789012:cluster/dev\n    services: [arn:aws:ecs:us-east-1:123456789012:service/dev/web]\npreviews: { base: dev, routing: path, listener-arn: ${LISTENER}, ttl: 12h }\n`,
      FILE,
    )
    expect(config.previews).toMatchObject({ routing: 'path', ttl: '12h', ttlMs: 43_200_000 })
  })
})

describe('problems name the file, the line, the key path and the fix', () => {
  test.each([
    [
      '',
      [
        `the file is empty; add environments: with at least one environment, e.g. dev: { branches: [develop], cluster: dev, services: [web] }`,
      ],
    ],
    ['- dev\n', [`must be a mapping (key: value lines), not a list`]],
    [
      'previews: { base: dev }\n',
      [
        `has no environments; add at least one, e.g. dev: { branches: [develop], cluster: dev, services: [web] }`,
        `line 1, previews.base: "dev" is not an environment in this file`,
      ],
    ],
    [
      'environments: {}\n',
      [
        `line 1, environments: is empty; add at least one, e.g. dev: { branches: [develop], cluster: dev, services: [web] }`,
      ],
    ],
    ['environments:\n', [`line 1, environments: must be a mapping (key: value lines), not null`]],
    ['environments: [dev, prod]\n', [`line 1, environments: must be a mapping (key: value lines), not a list`]],
    [
      'enviroments:\n  dev: {}\n',
      [
        `line 1, enviroments: unknown key; did you mean environments?`,
        `has no environments; add at least one, e.g. dev: { branches: [develop], cluster: dev, services: [web] }`,
      ],
    ],
    [
      'environments:\n  dev:\n    clustr: dev\n',
      [`line 3, environments.dev.clustr: unknown key; did you mean cluster?`],
    ],
    [
      'environments:\n  dev:\n    replicas: 2\n',
      [
        `line 3, environments.dev.replicas: unknown key; valid keys: branches, tags, cluster, service, services, task-definition, service-definition, image, environment-variables, secrets, vars, desired-count, artifacts-dir, rollback-on-failure, strategy, bake-minutes, canary-percent, canary-bake-minutes, step-percent, step-bake-minutes, deployment-alarms, wait-until, on-busy, log-lines, region, dockerfile, build-args, target, promote-from, keep-revisions, url, production, protected, regions, role-to-assume, needs, run-task, service-settings, codedeploy, build, verify, analysis, capacity-prices`,
      ],
    ],
    [
      'environments:\n  dev: web\n',
      [`line 2, environments.dev: must be a mapping (key: value lines), not the string "web"`],
    ],
    [
      'environments:\n  my env: {}\n',
      [`line 2, environments."my env": is not a usable environment name; use letters, digits, ".", "_" and "-"`],
    ],
    [
      'environments:\n  dev: { services: [web] }\n',
      [`line 2, environments.dev: has services but no cluster; add cluster: <the ECS cluster they run in>`],
    ],
    [
      'environments:\n  dev: { cluster: dev, service: web, services: [worker] }\n',
      [`line 2, environments.dev: has both service and services; keep one (services: [web, worker] lists several)`],
    ],
    [
      'environments:\n  dev: { cluster: dev, services: [] }\n',
      [`line 2, environments.dev.services: must be a list of strings (or one string), not an empty list`],
    ],
    [
      'environments:\n  dev: { cluster: dev, services: { web: 1 } }\n',
      [`line 2, environments.dev.services: must be a list of strings (or one string), not an object`],
    ],
    [
      'environments:\n  dev:\n    cluster: dev\n    services:\n      - web\n      - web app\n',
      [
        `line 6, environments.dev.services[1]: "web app" is not an ECS service name or ARN (up to 255 letters, digits, "-" and "_")`,
      ],
    ],
    [
      'environments:\n  dev:\n    cluster: [a, b]\n',
      [`line 3, environments.dev.cluster: must be a string, not a list`],
    ],
    ['environments:\n  dev:\n    cluster:\n', [`line 3, environments.dev.cluster: must be a string, not null`]],
    [
      'environments:\n  dev:\n    cluster: my cluster\n',
      [
        `line 3, environments.dev.cluster: "my cluster" is not an ECS cluster name or ARN (up to 255 letters, digits, "-" and "_")`,
      ],
    ],
    [
      'environments:\n  dev:\n    branches: [main, 3]\n    desired-count: two\n',
      [`line 4, environments.dev.desired-count: must be a whole number from 0 to 5000, not the string "two"`],
    ],
    [
      'environments:\n  dev:\n    desired-count: 1.5\n',
      [`line 3, environments.dev.desired-count: must be a whole number from 0 to 5000, not the number 1.5`],
    ],
    [
      'environments:\n  dev:\n    desired-count: AKIAS3CR3T/key\n',
      [`line 3, environments.dev.desired-count: must be a whole number from 0 to 5000, not a string`],
    ],
    [
      'environments:\n  dev:\n    desired-count: 9000\n',
      [`line 3, environments.dev.desired-count: must be a whole number from 0 to 5000, not the number 9000`],
    ],
    [
      'environments:\n  dev:\n    strategy: canry\n',
      [
        `line 3, environments.dev.strategy: must be one of rolling, blue-green, canary, linear, not the string "canry"; did you mean canary?`,
      ],
    ],
    [
      'environments:\n  dev:\n    strategy: true\n',
      [`line 3, environments.dev.strategy: must be one of rolling, blue-green, canary, linear, not the boolean true`],
    ],
    [
      'environments:\n  dev:\n    url: example.com\n',
      [`line 3, environments.dev.url: must be an http(s) URL like https://example.com, not a string`],
    ],
    [
      'environments:\n  dev:\n    region: useast1\n',
      [`line 3, environments.dev.region: must be an AWS region like us-east-1, not a string`],
    ],
    [
      'environments:\n  prod:\n    production: yes\n',
      [`line 3, environments.prod.production: must be true or false, not the string "yes"`],
    ],
    [
      'environments:\n  dev:\n    task-definition: {}\n',
      [`line 3, environments.dev.task-definition: must be a string, not an object`],
    ],
    [
      'environments:\n  dev:\n    branches:\n      - main\n      - v[!0-9]\n',
      [
        `line 5, environments.dev.branches[1]: "v[!0-9]" has [!0-9], but a [ ] holds only letters, digits and ranges of them (a-z, A-Z, 0-9), and cannot exclude characters`,
      ],
    ],
    [
      'environments:\n  dev:\n    branches: ["!main", "!release/*"]\n',
      [
        `line 3, environments.dev.branches: has only ! patterns, which exclude but include nothing, so no branch matches; put what to include first ('**', then '!…')`,
      ],
    ],
    [
      'environments:\n  dev:\n    tags: "!v1"\n',
      [
        `line 3, environments.dev.tags: has only ! patterns, which exclude but include nothing, so no tag matches; put what to include first ('**', then '!…')`,
      ],
    ],
    [
      'environments:\n  dev:\n    tags: "v[0-9"\n',
      [`line 3, environments.dev.tags: "v[0-9" has a [ without its closing ]`],
    ],
    [
      'environments:\n  dev:\n    branches: [""]\n',
      [`line 3, environments.dev.branches[0]: must be a string, not an empty string`],
    ],
    [
      'environments:\n  dev:\n    vars: [A=1]\n',
      [`line 3, environments.dev.vars: must be a mapping (key: value lines), not a list`],
    ],
    [
      'environments:\n  dev:\n    vars:\n      LOG-LEVEL: debug\n      LIST: [a]\n',
      [
        `line 4, environments.dev.vars.LOG-LEVEL: is not a placeholder name; use letters, digits and "_", not starting with a digit`,
        `line 5, environments.dev.vars.LIST: must be a string, not a list`,
      ],
    ],
    [
      'environments:\n  dev:\n    regions: [us-east-1, us-east-1]\n    region: us-east-1\n    role-to-assume: deploy\n',
      [
        'line 2, environments.dev: has both region and regions; keep one (regions: [us-east-1, eu-west-1] lists several)',
        'line 3, environments.dev.regions: lists a region twice',
        'line 5, environments.dev.role-to-assume: must be an IAM role ARN like arn:aws:iam::123456789012:role/deploy, not the string "deploy"',
      ],
    ],
    [
      'environments:\n  dev:\n    role-to-assume:\n      - arn:aws:iam::123456789012:role/a\n      - arn:aws:iam::123456789012:role/b\n',
      ['line 3, environments.dev.role-to-assume: lists two roles of one account; give one role per AWS account'],
    ],
    [
      'environments:\n  dev: {}\n  qa:\n    needs: [dve, qa]\n  prod: { needs: stage }\n',
      [
        'line 4, environments.qa.needs[0]: "dve" is not an environment in this file; did you mean dev?',
        'line 4, environments.qa.needs[1]: qa cannot need itself',
        'line 5, environments.prod.needs: "stage" is not an environment in this file; use one of: dev, qa, prod',
      ],
    ],
    [
      'environments:\n  dev: { needs: prod }\n  qa: { needs: dev }\n  prod: { needs: qa }\n  ops: { needs: prod }\n',
      [
        'line 2, environments.dev.needs: makes a cycle (dev → prod → qa → dev); an environment cannot wait for one that waits for it',
      ],
    ],
    [
      'environments:\n  dev: { cluster: dev }\n  dev: { cluster: dev2 }\n',
      [`line 3, not valid YAML: Map keys must be unique`],
    ],
    // verify
    [
      'environments:\n  dev:\n    verify:\n      expect: ok\n      headers: [x]\n',
      [
        'line 5, environments.dev.verify.headers: unknown key; valid keys: url, test-url, expect, timeout, interval, command, redirects',
        'line 3, environments.dev.verify: checks nothing; give url (and test-url for blue/green) or command',
      ],
    ],
    [
      'environments:\n  dev:\n    verify:\n      url: [example.com/version]\n      timeout: 10m\n      interval: 0\n',
      [
        'line 4, environments.dev.verify.url[0]: must be an http(s) URL like https://${ENVIRONMENT}.example.com/version, not a string',
        'line 5, environments.dev.verify.timeout: must be a number of seconds from 1 to 3600, not a string',
        'line 6, environments.dev.verify.interval: must be a number of seconds from 0.1 to 600, not the number 0',
      ],
    ],
    [
      'environments:\n  dev: [\n',
      [`line 3, not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]`],
    ],
  ])('%j', (text, expected) => {
    expect(problems(text)).toEqual(expected)
  })
})

describe('previews', () => {
  const ENVS = 'environments:\n  dev: { cluster: dev, services: [web, worker] }\n  ops: { cluster: ops }\n'
  test.each([
    ['previews: dev\n', [`line 4, previews: must be a mapping (key: value lines), not the string "dev"`]],
    [
      'previews: { domain: preview.example.com }\n',
      [
        `line 4, previews: has no base; add base: <the environment whose services previews copy>`,
        `line 4, previews: has no listener-arn; add the ARN of the ALB listener that gets one rule per preview`,
      ],
    ],
    [
      'previews: { base: deb }\n',
      [`line 4, previews.base: "deb" is not an environment in this file; did you mean dev?`],
    ],
    [
      'previews: { base: ops }\n',
      [`line 4, previews.base: ops has no services to copy; list them under environments.ops.services`],
    ],
    [
      'previews: { base: dev, services: [web, api] }\n',
      [`line 4, previews.services[1]: "api" is not one of dev's services (web, worker)`],
    ],
    [
      'previews: { base: dev, domian: x.example.com }\n',
      [`line 4, previews.domian: unknown key; did you mean domain?`],
    ],
    [
      `previews: { base: dev, listener-arn: ${LISTENER} }\n`,
      [
        `line 4, previews: has no domain; host routing gives each preview pr-<N>.<domain>: add domain, or set routing: path (previews at /pr-<N>/)`,
      ],
    ],
    [
      `previews: { base: dev, routing: paths, listener-arn: ${LISTENER} }\n`,
      [`line 4, previews.routing: must be one of host, path, not the string "paths"; did you mean path?`],
    ],
    [
      `previews: { base: dev, domain: "https://preview.example.com", listener-arn: ${LISTENER} }\n`,
      [`line 4, previews.domain: must be a DNS name like preview.example.com, not a string`],
    ],
    [
      'previews: { base: dev, domain: preview.example.com, listener-arn: arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/dev-alb/50dc6c495c0c9188 }\n',
      [
        `line 4, previews.listener-arn: must be an ALB listener ARN (arn:aws:elasticloadbalancing:<region>:<account>:listener/app/<name>/<id>/<id>), not a string`,
      ],
    ],
    [
      'previews: { base: dev, ttl: 1 week }\n',
      [`line 4, previews.ttl: must be a duration like 7d, 12h or 30m, not a string`],
    ],
    [
      'previews: { base: dev, max: 0 }\n',
      [`line 4, previews.max: must be a whole number from 1 to 1000, not the number 0`],
    ],
    [
      'previews: { base: dev, desired-count: -1 }\n',
      [`line 4, previews.desired-count: must be a whole number from 0 to 5000, not the number -1`],
    ],
  ])('%j', (text, expected) => {
    expect(problems(ENVS + text)).toEqual(expected)
  })

  test('a base with problems of its own is not reported twice', () => {
    expect(
      problems('environments:\n  dev: { cluster: dev, services: [web], clustr: x }\npreviews: { base: dev }\n'),
    ).toEqual([`line 2, environments.dev.clustr: unknown key; did you mean cluster?`])
  })
})

describe('validateConfig', () => {
  test('without a locator, problems name the file and the path only', () => {
    expect(() => validateConfig({ environments: { dev: { clustr: 'x' } } }, 'ci.yml')).toThrow(
      new ConfigError('ci.yml', [{ path: 'environments.dev.clustr', message: 'unknown key; did you mean cluster?' }]),
    )
  })

  test('the error is a UserError carrying every problem with its line', () => {
    try {
      parseFile('environments:\n  dev:\n    clustr: dev\n    strategy: x\n', FILE)
      throw new Error('accepted')
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError)
      expect((error as ConfigError).name).toBe('UserError')
      expect((error as ConfigError).problems.map((p) => p.line)).toEqual([3, 4])
      expect((error as ConfigError).message).toBe(
        `${FILE} has 2 problems:\n  - line 3, environments.dev.clustr: unknown key; did you mean cluster?\n  - line 4, environments.dev.strategy: must be one of rolling, blue-green, canary, linear, not the string "x"`,
      )
    }
  })
})
