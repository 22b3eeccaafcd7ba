// schema/ecs-deploy.schema.json (for editors) and the action's validator must accept and refuse the same config files.
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { parseConfig } from '../../src/config/load.js'
import { ConfigError } from '../../src/config/problems.js'
import { CONFIG_RULES } from '../../src/config/schema.js'
import { configJsonSchemaText } from '../../src/config/json-schema.js'
import { schemaErrors, type Schema } from '../helpers/json-schema.js'

const SCHEMA_FILE = 'schema/ecs-deploy.schema.json'
const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Schema
const definitions = schema.definitions as Record<string, Schema>
const LISTENER =
  'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/dev-alb/50dc6c495c0c9188/f2f7dc8efc522ab2'
const DEV = 'environments:\n  dev: { branches: [develop], cluster: dev, services: [web, worker] }\n'

/** The validator's messages for a config text; [] when it accepts it. */
function validatorProblems(text: string): string[] {
  try {
    parseConfig(text, '.github/ecs-deploy.yml')
    return []
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    return error.problems.map((p) => p.message)
  }
}

const schemaProblems = (text: string): string[] => schemaErrors(schema, parse(text) as unknown)

const ACCEPTED: [string, string][] = [
  ['the example config', readFileSync('examples/ecs-deploy.yml', 'utf8')],
  ['an environment with no keys', 'environments:\n  dev: {}\n'],
  [
    'one string for a list, one service, numbers and booleans in vars',
    'environments:\n  dev:\n    branches: develop\n    cluster: dev\n    service: web\n    vars: { PORT: 3000, DEBUG: true, NAME: x, EMPTY: "" }\n',
  ],
  [
    'ARNs for cluster and services',
    'environments:\n  prod:\n    cluster: arn:aws:ecs:us-east-1:123456789012:cluster/prod\n    services: [arn:aws:ecs:us-east-1:123456789012:service/prod/web]\n',
  ],
  ['a cluster written as a number', 'environments:\n  dev: { cluster: 42, services: web }\n'],
  [
    "GitHub's own ? and + examples, and escapes",
    "environments:\n  prod: { branches: ['feature-?', 'releases/**/v[0-9]+'], tags: ['v[0-9]+.[0-9]+.[0-9]+', 'v1\\+'] }\n",
  ],
  [
    'patterns with sets and exclusions',
    "environments:\n  prod: { branches: ['release/**', '!release/old-*'], tags: ['v[0-9]*', 7] }\n",
  ],
  [
    'every environment key',
    'environments:\n  prod:\n    cluster: prod\n    services: [web]\n    task-definition: .aws/td.json\n    desired-count: 0\n    strategy: linear\n    url: http://example.com/x\n    region: eu-west-1\n    production: false\n',
  ],
  // promote
  [
    'per-environment build and runtime keys',
    'environments:\n  dev:\n    cluster: dev\n    services: [web]\n    image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/web-dev\n    dockerfile: docker/dev.Dockerfile\n    target: debug\n    build-args: { NODE_ENV: development, DEBUG: true, PORT: 3000 }\n    environment-variables: { LOG_LEVEL: debug, EMPTY: "", FLAG: false }\n    secrets: { DB_PASSWORD: arn:aws:ssm:us-east-1:123456789012:parameter/db }\n    strategy: canary\n    canary-percent: 12.5\n    canary-bake-minutes: 3\n    bake-minutes: 0\n    deployment-alarms: [web-5xx, web-latency]\n',
  ],
  [
    'promote-from another environment, and linear steps',
    'environments:\n  qa: { cluster: qa, services: [web] }\n  prod: { cluster: prod, services: [web], promote-from: qa, strategy: linear, step-percent: 25, step-bake-minutes: 2, deployment-alarms: web-5xx }\n',
  ],
  [
    'regions, a role and needs',
    'environments:\n  qa: { regions: [us-east-1, eu-west-1], role-to-assume: arn:aws:iam::123456789012:role/deploy-qa }\n  prod: { regions: us-east-1, needs: qa }\n  ops: { needs: [qa, prod] }\n',
  ],
  [
    'one role per account',
    'environments:\n  prod: { role-to-assume: [arn:aws:iam::111111111111:role/deploy, arn:aws:iam::222222222222:role/deploy] }\n',
  ],
  [
    'service settings',
    'environments:\n  prod:\n    service-settings:\n      minimum-healthy-percent: 50\n      maximum-percent: 200\n      health-check-grace-period: 60\n      propagate-tags: SERVICE\n      enable-ecs-managed-tags: true\n      enable-execute-command: false\n      capacity-provider-strategy: [FARGATE:1:2, FARGATE_SPOT:3]\n',
  ],
  [
    'one capacity provider as a string',
    'environments:\n  prod:\n    service-settings: { capacity-provider-strategy: FARGATE }\n',
  ],
  [
    'an Express scaling target',
    'environments:\n  prod:\n    service-settings: { express-scaling-min-tasks: 2, express-scaling-max-tasks: 10, express-scaling-metric: AVERAGE_MEMORY, express-scaling-target: 70 }\n',
  ],
  [
    'an Express scaling target of requests per task',
    'environments:\n  prod:\n    service-settings: { express-scaling-metric: REQUEST_COUNT_PER_TARGET, express-scaling-target: 1000 }\n',
  ],
  ['previews with a base only', `${DEV}previews:\n  base: dev\n`],
  // verify
  [
    'a verify block with every key',
    'environments:\n  prod:\n    verify:\n      url: https://${ENVIRONMENT}.example.com/version\n      test-url: [http://test.example.com:8443/version]\n      expect: $.version == ${GITHUB_SHA}\n      timeout: 90\n      interval: 0.5\n      command: npm run smoke\n',
  ],
  [
    'a verify block with a command only and a status code',
    'environments:\n  prod:\n    verify: { command: ./smoke.sh, expect: 204 }\n',
  ],
  [
    'a protected environment whose checks follow no redirect',
    'environments:\n  prod:\n    protected: true\n    verify: { url: https://example.com/, redirects: none }\n',
  ],
  ['previews by path without a domain', `${DEV}previews:\n  base: dev\n  routing: path\n  listener-arn: ${LISTENER}\n`],
  [
    'previews with every key',
    `${DEV}previews:\n  base: dev\n  services: web\n  routing: host\n  domain: Preview.Example.COM\n  listener-arn: ${LISTENER}\n  desired-count: 2\n  max: 1000\n  ttl: 12h\n`,
  ],
]

const REFUSED: [string, string][] = [
  ['an empty file', ''],
  ['an unknown service setting', 'environments:\n  prod:\n    service-settings: { desired-count: 2 }\n'],
  ['a maximum percent below 100', 'environments:\n  prod:\n    service-settings: { maximum-percent: 99 }\n'],
  ['propagate-tags in lower case', 'environments:\n  prod:\n    service-settings: { propagate-tags: service }\n'],
  ['no Express tasks', 'environments:\n  prod:\n    service-settings: { express-scaling-min-tasks: 0 }\n'],
  ['an Express metric ECS lacks', 'environments:\n  prod:\n    service-settings: { express-scaling-metric: CPU }\n'],
  [
    'an Express CPU target above 100 %',
    'environments:\n  prod:\n    service-settings: { express-scaling-target: 150 }\n',
  ],
  [
    'a capacity provider item that is not name:weight:base',
    "environments:\n  prod:\n    service-settings: { capacity-provider-strategy: ['FARGATE:one'] }\n",
  ],
  ['a list at the top', '- dev\n'],
  ['a misspelt top-level key', 'environment:\n  dev: {}\n'],
  ['no environments', 'previews:\n  base: dev\n'],
  ['no environment in environments', 'environments: {}\n'],
  ['an environment that is not a mapping', 'environments:\n  dev:\n'],
  ['an environment name with a space', 'environments:\n  dev env: {}\n'],
  ['a misspelt environment key', 'environments:\n  dev: { servces: [web] }\n'],
  ['service and services together', 'environments:\n  dev: { cluster: dev, service: web, services: [worker] }\n'],
  ['services without a cluster', 'environments:\n  dev: { services: [web] }\n'],
  ['an empty services list', 'environments:\n  dev: { cluster: dev, services: [] }\n'],
  ['a cluster name with a space', "environments:\n  dev: { cluster: 'my cluster' }\n"],
  ['a cluster that is a fraction', 'environments:\n  dev: { cluster: 1.5 }\n'],
  ['a service that is a mapping', 'environments:\n  dev: { cluster: dev, services: [{ name: web }] }\n'],
  ['a + with nothing before it to repeat', "environments:\n  dev: { branches: ['+main'] }\n"],
  ['a set that excludes', "environments:\n  dev: { tags: ['v[!0-9]'] }\n"],
  ['an empty set', "environments:\n  dev: { tags: ['v[]'] }\n"],
  ['a pattern ending in an escape that escapes nothing', "environments:\n  dev: { branches: ['main\\'] }\n"],
  ['a pattern that is only !', "environments:\n  dev: { branches: ['!'] }\n"],
  ['a pattern with an unclosed [', "environments:\n  dev: { tags: ['v[0-9'] }\n"],
  ['a blank pattern', "environments:\n  dev: { branches: ['  '] }\n"],
  ['a blank task-definition', "environments:\n  dev: { task-definition: '' }\n"],
  ['a var name starting with a digit', 'environments:\n  dev: { vars: { 1X: a } }\n'],
  ['a var name with a dash', 'environments:\n  dev: { vars: { LOG-LEVEL: a } }\n'],
  ['a var that is a list', 'environments:\n  dev: { vars: { A: [1] } }\n'],
  ['a var with no value', 'environments:\n  dev: { vars: { A: } }\n'],
  ['a negative desired-count', 'environments:\n  dev: { desired-count: -1 }\n'],
  ['a desired-count above 5000', 'environments:\n  dev: { desired-count: 5001 }\n'],
  ['a fractional desired-count', 'environments:\n  dev: { desired-count: 1.5 }\n'],
  ['a desired-count in quotes', "environments:\n  dev: { desired-count: '3' }\n"],
  ['an unknown strategy', 'environments:\n  dev: { strategy: bluegreen }\n'],
  ['a url without a scheme', 'environments:\n  dev: { url: example.com }\n'],
  ['a region in capitals', 'environments:\n  dev: { region: US-EAST-1 }\n'],
  ['production as yes', 'environments:\n  dev: { production: yes }\n'],
  // promote
  ['a canary-percent without a strategy', 'environments:\n  dev: { canary-percent: 10 }\n'],
  ['a canary-percent above 100', 'environments:\n  dev: { strategy: canary, canary-percent: 101 }\n'],
  ['a step-percent below 3', 'environments:\n  dev: { strategy: linear, step-percent: 2 }\n'],
  ['fractional bake minutes', 'environments:\n  dev: { strategy: canary, bake-minutes: 1.5 }\n'],
  ['build-args as a list', 'environments:\n  dev: { build-args: [A=1] }\n'],
  ['an environment variable name with a space', "environments:\n  dev: { environment-variables: { 'A B': x } }\n"],
  ['an empty secret', "environments:\n  dev: { secrets: { DB: '' } }\n"],
  ['a secret that is a boolean', 'environments:\n  dev: { secrets: { DB: true } }\n'],
  ['a blank dockerfile', "environments:\n  dev: { dockerfile: ' ' }\n"],
  ['promote-from with a space', "environments:\n  prod: { promote-from: 'q a' }\n"],
  ['an empty alarm list', 'environments:\n  dev: { deployment-alarms: [] }\n'],
  ['region and regions together', 'environments:\n  dev: { region: us-east-1, regions: [eu-west-1] }\n'],
  ['a region in regions in capitals', 'environments:\n  dev: { regions: [us-east-1, EU-WEST-1] }\n'],
  ['an empty regions list', 'environments:\n  dev: { regions: [] }\n'],
  ['a role-to-assume that is not a role ARN', 'environments:\n  dev: { role-to-assume: deploy }\n'],
  ['needs with a space', "environments:\n  dev: { needs: ['q a'] }\n"],
  ['previews without a base', `${DEV}previews:\n  max: 3\n`],
  ['a preview domain without a listener', `${DEV}previews:\n  base: dev\n  domain: preview.example.com\n`],
  ['a preview routing without a listener', `${DEV}previews:\n  base: dev\n  routing: path\n`],
  ['host routing without a domain', `${DEV}previews:\n  base: dev\n  listener-arn: ${LISTENER}\n`],
  [
    'explicit host routing without a domain',
    `${DEV}previews:\n  base: dev\n  routing: host\n  listener-arn: ${LISTENER}\n`,
  ],
  [
    'an unknown routing',
    `${DEV}previews:\n  base: dev\n  routing: dns\n  domain: p.example.com\n  listener-arn: ${LISTENER}\n`,
  ],
  [
    'a network load balancer listener',
    `${DEV}previews:\n  base: dev\n  domain: p.example.com\n  listener-arn: ${LISTENER.replace('/app/', '/net/')}\n`,
  ],
  [
    'a domain with an underscore',
    `${DEV}previews:\n  base: dev\n  domain: pre_view.example.com\n  listener-arn: ${LISTENER}\n`,
  ],
  ['a ttl in words', `${DEV}previews:\n  base: dev\n  ttl: 7 days\n`],
  ['a zero ttl', `${DEV}previews:\n  base: dev\n  ttl: 0d\n`],
  ['a ttl without a unit', `${DEV}previews:\n  base: dev\n  ttl: 7\n`],
  ['max 0', `${DEV}previews:\n  base: dev\n  max: 0\n`],
  ['a misspelt previews key', `${DEV}previews:\n  base: dev\n  domains: p.example.com\n`],
  // verify
  ['a verify block that checks nothing', 'environments:\n  prod:\n    verify: { expect: ok }\n'],
  ['a verify URL without a scheme', 'environments:\n  prod:\n    verify: { url: example.com/version }\n'],
  ['a verify timeout of 0', 'environments:\n  prod:\n    verify: { url: https://example.com/, timeout: 0 }\n'],
  ['redirects to any origin', 'environments:\n  prod:\n    verify: { url: https://example.com/, redirects: all }\n'],
  ['protected in words', 'environments:\n  prod:\n    protected: yes please\n'],
  ['a verify interval in words', 'environments:\n  prod:\n    verify: { url: https://example.com/, interval: 5s }\n'],
  ['headers in the verify block', 'environments:\n  prod:\n    verify: { url: https://example.com/, headers: [a] }\n'],
]

/** Rules that refer to other parts of the file, which JSON Schema (without $data) cannot say; only the action checks them. */
const ONLY_THE_VALIDATOR: [string, string][] = [
  ['a preview base that is not an environment', `${DEV}previews:\n  base: prod\n`],
  ['a preview base without services', 'environments:\n  dev: { branches: [develop] }\npreviews:\n  base: dev\n'],
  ['a range written backwards', "environments:\n  dev: { tags: ['v[9-0]'] }\n"],
  ['a list of only exclusions, which matches nothing', "environments:\n  dev: { branches: ['!main'] }\n"],
  ['needs naming no environment of the file', 'environments:\n  dev: { needs: [qa] }\n'],
  [
    'two roles of one account',
    'environments:\n  dev: { role-to-assume: [arn:aws:iam::123456789012:role/a, arn:aws:iam::123456789012:role/b] }\n',
  ],
  ['needs in a cycle', 'environments:\n  qa: { needs: prod }\n  prod: { needs: qa }\n'],
  ['a region listed twice', 'environments:\n  dev: { regions: [us-east-1, us-east-1] }\n'],
  ["a preview service that is not one of the base's", `${DEV}previews:\n  base: dev\n  services: [api]\n`],
  // promote
  ['promote-from an environment not in the file', 'environments:\n  prod: { promote-from: qa }\n'],
  ['promote-from itself', 'environments:\n  prod: { promote-from: prod }\n'],
  ['promote-from a cycle', 'environments:\n  qa: { promote-from: prod }\n  prod: { promote-from: qa }\n'],
  ['promote-from an environment without services', 'environments:\n  qa: {}\n  prod: { promote-from: qa }\n'],
  [
    'a promoted environment that builds',
    'environments:\n  qa: { cluster: qa, services: web }\n  prod: { promote-from: qa, dockerfile: Dockerfile }\n',
  ],
  ['a strategy option of another strategy', 'environments:\n  dev: { strategy: linear, canary-percent: 10 }\n'],
  ['a percent off the 0.1 steps', 'environments:\n  dev: { strategy: canary, canary-percent: 10.25 }\n'],
  ['an image with capitals', 'environments:\n  dev: { image: Web }\n'],
]

test.each(ACCEPTED)('both accept %s', (_name, text) => {
  expect(validatorProblems(text)).toEqual([])
  expect(schemaProblems(text)).toEqual([])
})

test.each(REFUSED)('both refuse %s', (_name, text) => {
  expect(validatorProblems(text)).not.toEqual([])
  expect(schemaProblems(text)).not.toEqual([])
})

test.each(ONLY_THE_VALIDATOR)(
  'only the validator can refuse %s (the schema says so in its description)',
  (_name, text) => {
    expect(validatorProblems(text)).not.toEqual([])
    expect(schemaProblems(text)).toEqual([])
    expect(schema.description).toMatch(
      /previews\.base names an environment of this file that has services, and previews\.services are among them; each environment's needs names environments of this file, without a cycle; regions lists a region once; role-to-assume lists one role per account/,
    )
    expect(schema.description).toMatch(/promote-from names another environment with services and makes no cycle/)
  },
)

test('the file is what the settings table and config/json-schema.ts make (`npm run docs` writes it)', () => {
  expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(configJsonSchemaText())
})

describe('the schema knows what the validator knows', () => {
  const keys = (s: Schema) => Object.keys(s.properties as Schema).sort()
  test('the same keys at each level', () => {
    expect(keys(schema)).toEqual([...CONFIG_RULES.keys.top].sort())
    expect(keys(definitions.environment!)).toEqual([...CONFIG_RULES.keys.environment].sort())
    expect(keys(definitions.previews!)).toEqual([...CONFIG_RULES.keys.previews].sort())
    const environment = definitions.environment!.properties as Record<string, Schema>
    expect(keys(environment.verify!)).toEqual([...CONFIG_RULES.keys.verify].sort())
  })

  test('the same patterns for names, ARNs, URLs and regions', () => {
    const env = definitions.environment!.properties as Record<string, Schema>
    const previews = definitions.previews!.properties as Record<string, Schema>
    const { patterns } = CONFIG_RULES
    expect(((schema.properties as Record<string, Schema>).environments!.propertyNames as Schema).pattern).toBe(
      patterns.NAME.source,
    )
    expect(env.cluster!.pattern).toBe(patterns.ECS_NAME.source)
    expect(env.service!.pattern).toBe(patterns.ECS_NAME.source)
    expect((env.vars!.propertyNames as Schema).pattern).toBe(patterns.VAR_NAME.source)
    expect(env.url!.pattern).toBe(patterns.URL.source)
    expect(env.region!.pattern).toBe(patterns.REGION.source)
    expect(env['promote-from']!.pattern).toBe(patterns.NAME.source)
    expect((env['build-args']!.propertyNames as Schema).pattern).toBe(patterns.VAR_NAME.source)
    expect((env['environment-variables']!.propertyNames as Schema).pattern).toBe(patterns.ENV_NAME.source)
    expect((env.secrets!.propertyNames as Schema).pattern).toBe(patterns.ENV_NAME.source)
    expect((env['role-to-assume']!.anyOf as Schema[])[0]!.pattern).toBe(patterns.ROLE_ARN.source)
    expect(previews['listener-arn']!.pattern).toBe(patterns.LISTENER_ARN.source)
  })

  test('the domain pattern, spelt out for both cases (JSON Schema has no /i), matches what the validator matches', () => {
    const domain = new RegExp((definitions.previews!.properties as Record<string, Schema>).domain!.pattern as string)
    const samples = [
      'preview.example.com',
      'Preview.EXAMPLE.Com',
      'a.io',
      'x-1.y-2.example.org',
      'example',
      '-a.example.com',
      'a..com',
      'a.c0m',
      `${'a'.repeat(64)}.com`,
      `${'a.'.repeat(127)}com`,
    ]
    expect(samples.map((s) => domain.test(s))).toEqual(samples.map((s) => CONFIG_RULES.patterns.DOMAIN.test(s)))
  })
})
