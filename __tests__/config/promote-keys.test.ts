// The config keys of promotion and of per-environment build and runtime settings (src/config/schema.ts).
import { ConfigError } from '../../src/config/problems.js'
import { parseConfig } from '../../src/config/load.js'
import { problemEntry } from '../../src/common/problems.js'

const FILE = '.github/ecs-deploy.yml'

function problems(text: string): string[] {
  try {
    parseConfig(text, FILE)
    return []
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    return error.problems.map(problemEntry)
  }
}

const QA = '  qa: { cluster: qa, services: [web] }\n'

test('every per-environment key reads as typed settings', () => {
  const config = parseConfig(
    [
      'environments:',
      '  dev:',
      '    cluster: dev',
      '    services: [web]',
      '    image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/web-dev',
      '    dockerfile: docker/dev.Dockerfile',
      '    target: debug',
      '    build-args: { NODE_ENV: development, PORT: 3000 }',
      '    environment-variables: { LOG_LEVEL: debug, EMPTY: "", VERBOSE: true }',
      '    secrets: { DB_PASSWORD: arn:aws:ssm:us-east-1:123456789012:parameter/db }',
      '    strategy: canary',
      '    canary-percent: 12.5',
      '    canary-bake-minutes: 3',
      '    bake-minutes: 1',
      '    deployment-alarms: [web-5xx]',
      '  prod: { cluster: prod, services: [web], promote-from: dev, deployment-alarms: web-5xx }',
    ].join('\n'),
    FILE,
  )
  expect(config.environments[0]).toEqual({
    name: 'dev',
    branches: [],
    tags: [],
    cluster: 'dev',
    services: ['web'],
    vars: {},
    strategy: 'canary',
    image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/web-dev',
    dockerfile: 'docker/dev.Dockerfile',
    target: 'debug',
    buildArgs: { NODE_ENV: 'development', PORT: '3000' },
    environmentVariables: { LOG_LEVEL: 'debug', EMPTY: '', VERBOSE: 'true' },
    secrets: { DB_PASSWORD: 'arn:aws:ssm:us-east-1:123456789012:parameter/db' },
    strategyOptions: { canaryPercent: 12.5, canaryBakeMinutes: 3, bakeMinutes: 1 },
    deploymentAlarms: ['web-5xx'],
  })
  expect(config.environments[1]).toMatchObject({ name: 'prod', promoteFrom: 'dev', deploymentAlarms: ['web-5xx'] })
})

test.each([
  [
    'environments:\n  prod: { cluster: prod, services: [web], promote-from: prod }\n',
    [
      'line 2, environments.prod.promote-from: names prod itself; name the environment whose images prod should run (e.g. qa for prod)',
    ],
  ],
  [
    `environments:\n${QA}  prod: { cluster: prod, services: [web], promote-from: qq }\n`,
    ['line 3, environments.prod.promote-from: "qq" is not an environment in this file; did you mean qa?'],
  ],
  [
    'environments:\n  qa: { branches: [develop] }\n  prod: { promote-from: qa }\n',
    [
      'line 3, environments.prod.promote-from: qa has no services to read the images from; list them under environments.qa.services',
    ],
  ],
  [
    'environments:\n  dev: { cluster: d, services: [web], promote-from: prod }\n  qa: { cluster: q, services: [web], promote-from: dev }\n  prod: { cluster: p, services: [web], promote-from: qa }\n',
    [
      'line 2, environments.dev.promote-from: makes a cycle (dev → prod → qa → dev); one environment must build its image',
      'line 3, environments.qa.promote-from: makes a cycle (qa → dev → prod → qa); one environment must build its image',
      'line 4, environments.prod.promote-from: makes a cycle (prod → qa → dev → prod); one environment must build its image',
    ],
  ],
  [
    `environments:\n${QA}  prod:\n    promote-from: qa\n    dockerfile: Dockerfile\n    build-args: { A: b }\n`,
    [
      'line 5, environments.prod.dockerfile: builds nothing here: the environment has promote-from: qa, so it deploys the images qa runs; remove dockerfile, build-args',
    ],
  ],
  [
    'environments:\n  dev: { canary-percent: 10 }\n',
    ['line 2, environments.dev.canary-percent: needs strategy: canary in this environment'],
  ],
  [
    'environments:\n  dev: { strategy: rolling, bake-minutes: 5 }\n',
    [
      'line 2, environments.dev.bake-minutes: applies to strategy: blue-green or strategy: canary or strategy: linear, not strategy: rolling',
    ],
  ],
  [
    'environments:\n  dev: { strategy: canary, canary-percent: 10.25 }\n',
    ['line 2, environments.dev.canary-percent: must be a number from 0.1 to 100 in steps of 0.1, not the number 10.25'],
  ],
  [
    'environments:\n  dev: { strategy: linear, step-bake-minutes: "3" }\n',
    ['line 2, environments.dev.step-bake-minutes: must be a whole number from 0 to 1440, not the string "3"'],
  ],
  [
    'environments:\n  dev: { image: Web:latest }\n',
    [
      'line 2, environments.dev.image: "Web:latest" is not a valid image reference: repository names must be lowercase ("Web")',
    ],
  ],
  [
    "environments:\n  dev:\n    secrets: { DB: '' }\n    environment-variables: { 'A B': x }\n",
    [
      // in the file's order
      'line 3, environments.dev.secrets.DB: has no value; give the ARN of a Secrets Manager secret or an SSM parameter (name or ARN)',
      'line 4, environments.dev.environment-variables."A B": is not a variable name; use letters, digits, "_", "." and "-", not starting with a digit',
    ],
  ],
  [
    'environments:\n  dev: { dockerfil: x }\n',
    [
      expect.stringMatching(
        /^line 2, environments\.dev\.dockerfil: unknown key; did you mean dockerfile\?/,
      ) as unknown as string,
    ],
  ],
])('%j is refused: %j', (text, expected) => {
  expect(problems(text)).toEqual(expected)
})
