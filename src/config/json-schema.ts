// The config file's JSON Schema (schema/ecs-deploy.schema.json, for editors), written by `npm run docs` and checked by
// `npm run lint`: the keys that are settings come from the settings table (shape, range, choices, description), the
// file's own keys (branches, previews…) are declared here, with the validator's patterns (config/schema.ts).
import { PRICE_KEYS } from '../capacity/prices.js'
import {
  configSettings,
  configSettingsIn,
  PLACEHOLDER_NAME,
  settingNamed,
  VARIABLE_NAME,
  type ConfigKey,
} from '../settings/table.js'
import { CONFIG_RULES } from './schema.js'
import { PREVIEW_DEFAULTS } from './types.js'
import { INTERVAL_RANGE, MIN_REQUESTS_RANGE } from './analysis.js'
import { INCONCLUSIVE_CHOICES } from '../analysis/spec.js'
import { SCALING_KEYS, SCALING_METRICS, SCALING_RANGES } from '../settings/express-scaling.js'

const INTERVAL_RANGE_SCHEMA = { minimum: INTERVAL_RANGE.min, maximum: INTERVAL_RANGE.max }

export type Schema = { [keyword: string]: unknown }

const { NAME, ECS_NAME, URL, REGION, ROLE_ARN, LISTENER_ARN, CAPACITY_ITEM } = CONFIG_RULES.patterns
const pattern = (rule: RegExp): string => rule.source
const TEXT: Schema = { type: ['string', 'number'], pattern: '\\S' }
/** One value, or a list of at least one. */
const oneOrMore = (item: Schema, single: Schema = item): Schema => ({
  anyOf: [single, { type: 'array', minItems: 1, items: item }],
})
const namedValues = (names: RegExp, value: Schema): Schema => ({
  type: 'object',
  propertyNames: { pattern: pattern(names) },
  additionalProperties: value,
})
const ECS: Schema = { type: ['string', 'integer'], pattern: pattern(ECS_NAME) }
const SCALAR: Schema = { type: ['string', 'number', 'boolean'] }
// JSON Schema has no /i: the domain's letters are spelt out in both cases.
const DOMAIN = '^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z]{2,63}$'
// GitHub's filter syntax (config/glob.ts); a range's order is checked by the action only.
const GLOB =
  '^(?!\\s*$)(?!!$)!?(?:(?:\\\\[\\s\\S]|\\[(?:[a-z]-[a-z]|[A-Z]-[A-Z]|[0-9]-[0-9]|[a-zA-Z0-9])+\\]|[^*?+[\\\\])[?+]?|\\*)+$'
const DURATION = '^\\s*0*[1-9]\\d*\\s*[mhd]\\s*$'
const THRESHOLD = '^\\s*\\d{1,10}(\\s*%(\\s+[uU][nN][bB][oO][uU][nN][dD][eE][dD])?)?\\s*$'

/** A config key's value as its shape writes it, within the setting's range and choices. */
function shapeSchema(name: string, config: ConfigKey): Schema {
  const setting = settingNamed(name)
  const range = setting?.range
  switch (config.shape) {
    case 'text':
    case 'image':
      return TEXT
    case 'ecs-name':
      return ECS
    case 'ecs-names':
      return oneOrMore({ description: 'An ECS service name or ARN.', ...ECS })
    case 'environment-name':
      return { type: ['string', 'integer'], pattern: pattern(NAME) }
    case 'region':
      return { type: 'string', pattern: pattern(REGION) }
    case 'placeholders':
      return namedValues(PLACEHOLDER_NAME.pattern, SCALAR)
    case 'variables':
      return namedValues(VARIABLE_NAME.pattern, SCALAR)
    case 'secrets':
      return namedValues(VARIABLE_NAME.pattern, TEXT)
    case 'number':
    case 'seconds':
      return { type: range?.whole ? 'integer' : 'number', minimum: range?.min, maximum: range?.max }
    case 'boolean':
      return { type: 'boolean' }
    case 'choice':
      return { enum: setting?.choices }
    case 'upper-choice':
      return { enum: setting?.choices?.map((choice) => choice.toUpperCase()) }
    case 'alarm-names':
      return oneOrMore({ type: ['string', 'number'], pattern: '^.{1,255}$' }, { type: 'string', pattern: '^.{1,255}$' })
    case 'urls':
      return oneOrMore({ type: 'string', pattern: pattern(URL) })
    case 'capacity-providers': {
      const item = { type: 'string', pattern: pattern(CAPACITY_ITEM) }
      return { oneOf: [item, { type: 'array', minItems: 1, items: item }] }
    }
    case 'duration':
      return { type: 'string', pattern: DURATION }
    case 'strings':
      return oneOrMore({ type: 'string' })
    case 'mapping':
      return { type: 'object', additionalProperties: { type: 'string' } }
    case 'flag-or-text':
      return { type: ['boolean', 'string'] }
    case 'json-list':
      return { type: 'array' }
    case 'objects':
      return { type: 'array', items: { type: 'object' } }
    case 'json-object':
      return { type: 'object' }
    case 'tags':
      return { type: ['object', 'array'] }
    case 'analysis-checks':
      return oneOrMore({ type: 'string', pattern: '\\S' })
  }
}

/** The settings' keys at the top of an environment (`block` unset), in one of its blocks, or in `previews`. */
function settingProperties(scope: 'environment' | 'previews', block?: string): Record<string, Schema> {
  const properties: Record<string, Schema> = {}
  for (const { name, config, key } of configSettingsIn(scope, block)) {
    const description = config.description ?? settingNamed(name)?.description
    const value = { description, ...shapeSchema(name, config) }
    // `service: web` for `services: [web]`: one item.
    for (const alias of config.aliases ?? [])
      properties[alias] = { description: `One item of ${key}, written alone.`, ...ECS }
    properties[key] = value
  }
  return properties
}
/** The blocks of an environment that hold only settings, by their keys. */
const SETTING_BLOCKS = {
  build: 'The rarely used build switches (were inputs of the same names; secret-files was build-secret-files).',
  codedeploy:
    'CODE_DEPLOY services: the application, deployment group, deployment config and appspec (were the codedeploy-* and appspec inputs).',
  'run-task':
    "How the run-task input's one-off task runs (were the run-task-* inputs); the command stays the run-task input.",
} as const
const settingBlocks = (): Record<string, Schema> =>
  Object.fromEntries(
    Object.entries(SETTING_BLOCKS).map(([block, description]) => [
      block,
      { description, type: 'object', additionalProperties: false, properties: settingProperties('environment', block) },
    ]),
  )
const strategyOptions = configSettings('environment')
  .filter(({ config }) => config.from.startsWith('strategyOptions.'))
  .map(({ config }) => config.key)

function environmentSchema(): Schema {
  const list = (item: Schema) => oneOrMore(item)
  return {
    type: 'object',
    additionalProperties: false,
    not: {
      description: 'service and services together, or region and regions',
      anyOf: [{ required: ['service', 'services'] }, { required: ['region', 'regions'] }],
    },
    dependencies: {
      service: ['cluster'],
      services: ['cluster'],
      ...Object.fromEntries(strategyOptions.map((key) => [key, ['strategy']])),
    },
    properties: {
      branches: {
        description: 'Branches that deploy to this environment (patterns; one string or a list).',
        ...list({ $ref: '#/definitions/pattern' }),
      },
      tags: {
        description: 'Tags that deploy to this environment (patterns; one string or a list).',
        ...list({ $ref: '#/definitions/pattern' }),
      },
      ...settingProperties('environment'),
      ...settingBlocks(),
      url: {
        description: "The GitHub deployment's link; default: the load balancer's address.",
        type: 'string',
        pattern: pattern(URL),
      },
      production: { description: 'Shown as a production deployment on GitHub.', type: 'boolean' },
      protected: {
        description:
          'Only refs its branches or tags take deploy here: a workflow_dispatch naming it from another ref is refused.',
        type: 'boolean',
      },
      regions: {
        description:
          "Several AWS regions this environment deploys to, each its own entry of the plan's matrix (deployed in parallel); instead of region. One string or a list.",
        ...list({ type: 'string', pattern: pattern(REGION) }),
      },
      'role-to-assume': {
        description:
          "The IAM role the deploy job assumes (the plan's matrix entry carries it to configure-aws-credentials' role-to-assume); the action does not assume it itself. Several roles (one per AWS account) make one matrix entry per account and region.",
        ...list({ type: 'string', pattern: pattern(ROLE_ARN) }),
      },
      needs: {
        description:
          "Environments that must deploy before this one (the plan's matrix entry carries them, to order jobs). Checked by the action: each is an environment of this file, and they form no cycle.",
        ...list({ type: 'string', pattern: pattern(NAME) }),
      },
      verify: {
        description: 'How releases are checked over HTTP (request headers are the verify-headers input only).',
        type: 'object',
        additionalProperties: false,
        anyOf: [{ required: ['url'] }, { required: ['test-url'] }, { required: ['command'] }],
        properties: {
          ...settingProperties('environment', 'verify'),
          redirects: {
            description: 'Which redirects a check follows: same-origin (default) or none (the redirect is the answer).',
            enum: ['same-origin', 'none'],
          },
        },
      },
      'capacity-prices': {
        description:
          "The dry run's cost estimate: Fargate rates in USD per hour for the environment's region, over the action's dated table; or the path of a JSON or YAML file in the workspace holding them.",
        oneOf: [
          { type: 'string', minLength: 1 },
          {
            type: 'object',
            additionalProperties: false,
            properties: Object.fromEntries(PRICE_KEYS.map((key) => [key, { type: 'number', minimum: 0 }])),
          },
        ],
      },
      analysis: {
        description: 'The canary analysis: checks read during each bake (docs/analysis.md).',
        type: 'object',
        additionalProperties: false,
        required: ['checks'],
        properties: {
          ...settingProperties('environment', 'analysis'),
          interval: {
            description: 'Seconds between two reads of the metrics (default 60).',
            type: 'number',
            ...INTERVAL_RANGE_SCHEMA,
          },
          'min-requests': {
            description: 'Requests the new revision must serve before a request-based check is judged (default 100).',
            type: 'number',
            minimum: MIN_REQUESTS_RANGE.min,
            maximum: MIN_REQUESTS_RANGE.max,
          },
          inconclusive: {
            description:
              'What an analysis still inconclusive when the bake ends does: wait (the default), continue or rollback.',
            enum: [...INCONCLUSIVE_CHOICES],
          },
        },
      },
      'service-settings': {
        description:
          "The services' deployment settings, set by UpdateService only where they differ; the inputs of the same names win.",
        type: 'object',
        additionalProperties: false,
        properties: {
          ...settingProperties('environment', 'service-settings'),
          'circuit-breaker-threshold': {
            description:
              'deploymentCircuitBreaker.thresholdConfiguration: failed tasks (2, COUNT), a share of the desired count ("25%", at least 3 and at most 200 tasks) or an unbounded share ("25% unbounded").',
            oneOf: [
              { type: 'integer', minimum: 1, maximum: 2147483647 },
              { type: 'string', pattern: THRESHOLD },
            ],
          },
          'circuit-breaker-reset-on-healthy-task': {
            description:
              "deploymentCircuitBreaker.resetOnHealthyTask: a healthy task sets the failure count back to 0 (ECS's default: true).",
            type: 'boolean',
          },
          'early-success-healthy-percent': {
            description:
              'deploymentConfiguration.earlySuccessCriteria.healthyPercent (rolling only): ECS completes the deployment once this % of the desired count is healthy; at least the minimum healthy percent.',
            type: 'integer',
            minimum: 0,
            maximum: 100,
          },
          'early-success-cleanup': {
            description:
              'earlySuccessCriteria.sourceServiceRevisionCleanup: BLOCKING (default) removes the old tasks before success, DEFERRED after it.',
            enum: ['BLOCKING', 'DEFERRED'],
          },
          ...expressScalingSchemas(),
        },
        dependencies: { 'early-success-cleanup': ['early-success-healthy-percent'] },
        // The target is a percentage unless the metric is the request count (the default metric is AVERAGE_CPU).
        if: {
          not: {
            required: [SCALING_KEYS.autoScalingMetric],
            properties: { [SCALING_KEYS.autoScalingMetric]: { const: 'REQUEST_COUNT_PER_TARGET' } },
          },
        },
        then: { properties: { [SCALING_KEYS.autoScalingTargetValue]: { maximum: 100 } } },
      },
    },
  }
}

/** An Express service's scaling target, member by member (min ≤ max is the validator's to check). */
function expressScalingSchemas(): Record<string, Schema> {
  const whole = (member: keyof typeof SCALING_RANGES, description: string): Schema => ({
    description,
    type: 'integer',
    minimum: SCALING_RANGES[member].min,
    maximum: SCALING_RANGES[member].max,
  })
  return {
    [SCALING_KEYS.minTaskCount]: whole(
      'minTaskCount',
      "Express services only: scalingTarget.minTaskCount, the fewest tasks ECS scales the service to (the service's own when not given).",
    ),
    [SCALING_KEYS.maxTaskCount]: whole(
      'maxTaskCount',
      'Express services only: scalingTarget.maxTaskCount, the most tasks ECS scales the service to; at least the minimum.',
    ),
    [SCALING_KEYS.autoScalingMetric]: {
      description:
        'Express services only: scalingTarget.autoScalingMetric, what ECS scales by (its default: AVERAGE_CPU).',
      enum: [...SCALING_METRICS],
    },
    [SCALING_KEYS.autoScalingTargetValue]: whole(
      'autoScalingTargetValue',
      "Express services only: scalingTarget.autoScalingTargetValue, the metric's value ECS keeps the tasks at: a percentage (1–100) for AVERAGE_CPU and AVERAGE_MEMORY, requests per task for REQUEST_COUNT_PER_TARGET (ECS's default: 60).",
    ),
  }
}

function previewsSchema(): Schema {
  const previewSettings = settingProperties('previews')
  const withDefault = (key: string, value: unknown): Schema => ({ ...previewSettings[key], default: value })
  return {
    description: "One environment per pull request (input preview: deploy), copied from a base environment's services.",
    type: 'object',
    additionalProperties: false,
    required: ['base'],
    dependencies: { domain: ['listener-arn'], routing: ['listener-arn'] },
    if: { required: ['listener-arn'] },
    then: {
      description: 'host routing (the default) gives each preview pr-<N>.<domain>, so it needs a domain',
      anyOf: [{ required: ['domain'] }, { required: ['routing'], properties: { routing: { const: 'path' } } }],
    },
    properties: {
      base: { description: 'The environment whose services previews copy (network, capacity, roles, tags).', ...TEXT },
      services: {
        description: "Which of the base environment's services get a preview (default: all of them).",
        ...oneOrMore(TEXT, { description: 'A service of the base environment.', ...TEXT }),
      },
      routing: {
        description: 'host: pr-<N>.<domain>; path: /pr-<N>/ on the load balancer.',
        enum: ['host', 'path'],
        default: PREVIEW_DEFAULTS.routing,
      },
      domain: {
        description: 'Previews are at pr-<N>.<domain> (a wildcard DNS record points at the load balancer).',
        type: 'string',
        pattern: DOMAIN,
      },
      'listener-arn': {
        description: 'The ALB listener that gets one rule per preview.',
        type: 'string',
        pattern: pattern(LISTENER_ARN),
      },
      'desired-count': {
        description: 'How many tasks each preview service runs.',
        type: 'integer',
        minimum: 0,
        maximum: 5000,
        default: PREVIEW_DEFAULTS.desiredCount,
      },
      max: withDefault('max', PREVIEW_DEFAULTS.max),
      ttl: withDefault('ttl', PREVIEW_DEFAULTS.ttl),
    },
  }
}

/** The whole schema, as schema/ecs-deploy.schema.json holds it. */
export function configJsonSchema(): Schema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://raw.githubusercontent.com/org/ecs-deploy-action/v1/schema/ecs-deploy.schema.json',
    title: 'ecs-deploy-action config (.github/ecs-deploy.yml)',
    description:
      "Which branch and tag deploys to which environment, and how pull request previews are made. Inputs of the action override these values. Not expressible here, checked by the action: previews.base names an environment of this file that has services, and previews.services are among them; each environment's needs names environments of this file, without a cycle; regions lists a region once; role-to-assume lists one role per account. Also only checked by the action: promote-from names another environment with services and makes no cycle, an environment with promote-from sets no image, dockerfile, target or build-args, each strategy option applies to the environment's strategy, and percents go in steps of 0.1.",
    type: 'object',
    additionalProperties: false,
    required: ['environments'],
    properties: {
      environments: {
        description: 'The environments, by name (letters, digits, ".", "_" and "-"); in file order.',
        type: 'object',
        minProperties: 1,
        propertyNames: { pattern: pattern(NAME) },
        additionalProperties: { $ref: '#/definitions/environment' },
      },
      previews: { $ref: '#/definitions/previews' },
    },
    definitions: {
      pattern: {
        description:
          "A branch or tag pattern in GitHub's filter syntax: * (any characters but /), ** (any characters), ? (zero or one) and + (one or more) of the preceding character, [0-9a-z] (one letter or digit listed or in a range), \\ escapes; a leading ! excludes what earlier patterns included, and the last pattern that matches decides.",
        type: ['string', 'number'],
        pattern: GLOB,
      },
      environment: environmentSchema(),
      previews: previewsSchema(),
    },
  }
}

/** The file's text: two-space JSON, a final newline. */
export function configJsonSchemaText(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`
}
