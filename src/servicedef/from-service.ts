// What `init` writes from a running service: its task definition as a template, its service definition, and a config
// file naming the environment. Plain data in, file texts out: the CLI reads the service and writes the files.
import type { Service, Tag, TaskDefinition } from '@aws-sdk/client-ecs'
import { DEFAULT_CONFIG_FILE } from '../config/types.js'
import { withoutReadOnlyKeys } from '../taskdef/clean.js'
import { DEFINITION_SHAPE, STRATEGY_KEYS } from './service-keys.js'

export const TASK_DEFINITION_FILE = '.aws/task-definition.json'
export const SERVICE_DEFINITION_FILE = '.aws/service-definition.json'

export interface InitRequest {
  cluster: string
  environment: string
  region?: string
  service: Service
  taskDefinition: TaskDefinition
  taskDefinitionTags: Tag[]
}

/** A file to write, relative to the workspace. */
export interface InitFile {
  path: string
  text: string
}

/** Members the action sets itself, or only DescribeServices shows: not part of the written definition. */
const LEFT_OUT = new Set(['serviceName', 'cluster', 'taskDefinition', 'clientToken', 'role'])

/** What the running service is, as a CreateService body (its strategy is the config's business, not the file's). */
export function serviceDefinitionOf(service: Service): Record<string, unknown> {
  const primary = service.deployments?.find((d) => d.status === 'PRIMARY')
  const source: Record<string, unknown> = {
    ...service,
    ...(primary?.volumeConfigurations?.length && { volumeConfigurations: primary.volumeConfigurations }),
    ...(primary?.serviceConnectConfiguration && { serviceConnectConfiguration: primary.serviceConnectConfiguration }),
    ...(primary?.vpcLatticeConfigurations?.length && { vpcLatticeConfigurations: primary.vpcLatticeConfigurations }),
  }
  const definition: Record<string, unknown> = {}
  for (const key of DEFINITION_SHAPE.members) {
    const value = source[key]
    if (LEFT_OUT.has(key) || value === undefined || value === null || (Array.isArray(value) && !value.length)) continue
    definition[key] = key === 'deploymentConfiguration' ? withoutStrategy(value as Record<string, unknown>) : value
  }
  return definition
}

function withoutStrategy(configuration: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(configuration).filter(([key]) => !STRATEGY_KEYS.includes(key)))
}

/** JSON a template loader reads back as it is: `${NAME}` in a value is escaped, or it would be taken as a placeholder. */
function templateJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, '$$$${$1}')}\n`
}

/** A YAML scalar for a name: ECS names and regions are plain words; anything else is quoted as JSON. */
const scalar = (text: string): string => (/^[A-Za-z0-9_./:-]+$/.test(text) ? text : JSON.stringify(text))

/** The three files of `init`. */
export function initFiles(request: InitRequest): InitFile[] {
  const { definition } = withoutReadOnlyKeys({ ...request.taskDefinition })
  const template = {
    ...definition,
    ...(request.taskDefinitionTags.length && { tags: request.taskDefinitionTags }),
  }
  const name = request.service.serviceName ?? ''
  const config = [
    '# yaml-language-server: $schema=https://raw.githubusercontent.com/org/ecs-deploy-action/v1/schema/ecs-deploy.schema.json',
    `# Written by \`ecs-deploy-action init\` from service ${scalar(name)} in cluster ${scalar(request.cluster)}.`,
    '# Add `branches: [main]` to deploy this environment on a push; the `environment` input names it otherwise.',
    'environments:',
    `  ${scalar(request.environment)}:`,
    `    cluster: ${scalar(request.cluster)}`,
    `    services: [${scalar(name)}]`,
    ...(request.region ? [`    region: ${scalar(request.region)}`] : []),
    `    task-definition: ${TASK_DEFINITION_FILE}`,
    `    service-definition: ${SERVICE_DEFINITION_FILE}`,
    '',
  ].join('\n')
  return [
    { path: TASK_DEFINITION_FILE, text: templateJson(template) },
    { path: SERVICE_DEFINITION_FILE, text: templateJson(serviceDefinitionOf(request.service)) },
    { path: DEFAULT_CONFIG_FILE, text: config },
  ]
}
