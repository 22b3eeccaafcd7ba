// The AppSpec of an ECS deployment through CodeDeploy: read as users write it (appspec.yml / appspec.json),
// or generated from the service; checked against the AppSpec reference for ECS before CodeDeploy sees it.
import { readFile } from 'node:fs/promises'
import type { ContainerDefinition, Service } from '@aws-sdk/client-ecs'
import { parseDocument, type Document } from 'yaml'
import { appSpecDocument, ecsAppSpec } from '../../common/appspec-template.js'
import { UserError } from '../../common/errors.js'
import { didYouMean, unknownKey } from '../../common/suggest.js'
import { describedValue, ProblemsError, type Problem } from '../../common/problems.js'
import { isPlainObject } from '../../taskdef/plain-values.js'
import { insideWorkspace } from '../../common/workspace-path.js'
import { yamlData } from '../../common/yaml-data.js'

/** The lifecycle hooks CodeDeploy runs for ECS (Lambda functions), in order. */
export const ECS_HOOKS = [
  'BeforeInstall',
  'AfterInstall',
  'AfterAllowTestTraffic',
  'BeforeAllowTraffic',
  'AfterAllowTraffic',
] as const

export interface AppSpec {
  /** For messages: `appspec .aws/appspec.yml`, or `the AppSpec generated from service web`. */
  source: string
  /** The document itself, so comments and layout survive when the task definition is set. */
  document: Document
  /** The key of the one resource (TargetService by convention). */
  resource: string
  containerName?: string
  containerPort?: number
  /** `BeforeInstall: ValidateFn`…, as written. */
  hooks: { event: string; function: string }[]
}

type Check = (value: unknown, path: string, problems: Problem[]) => void

const expect =
  (what: string, test: (v: unknown) => boolean): Check =>
  (value, path, problems) => {
    if (!test(value)) problems.push({ path, message: `expected ${what}, found ${describedValue(value)}` })
  }
const text = expect('a string', (v) => typeof v === 'string' && v.trim() !== '')
const port = expect(
  'a port number (1-65535)',
  (v) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 65535,
)
const count = expect('a whole number', (v) => Number.isInteger(v) && (v as number) >= 0)
const oneOf = (...values: string[]): Check => expect(`one of ${values.join(', ')}`, (v) => values.includes(v as string))

function list(item: Check): Check {
  return (value, path, problems) => {
    if (!Array.isArray(value))
      return void problems.push({ path, message: `expected a list, found ${describedValue(value)}` })
    value.forEach((v, i) => item(v, `${path}[${i}]`, problems))
  }
}

/** An object with these keys (a `!` suffix marks required ones); unknown keys are named, with the likely one. */
function object(fields: Record<string, Check>): Check {
  const keys = Object.keys(fields).map((k) => k.replace(/!$/, ''))
  return (value, path, problems) => {
    const at = (name: string): string => (path ? `${path}.${name}` : name)
    if (!isPlainObject(value))
      return void problems.push({
        path: path || 'the top level',
        message: `expected an object, found ${describedValue(value)}`,
      })
    for (const [key, check] of Object.entries(fields)) {
      const name = key.replace(/!$/, '')
      if (value[name] !== undefined) check(value[name], at(name), problems)
      else if (key.endsWith('!')) problems.push({ path: at(name), message: 'missing (required)' })
    }
    for (const key of Object.keys(value).filter((k) => !keys.includes(k))) {
      problems.push({ path: at(key), message: unknownKey(key, keys) })
    }
  }
}

/** One `Name: value` entry of a list, as Resources and Hooks hold them. */
function single(value: unknown, path: string, problems: Problem[]): [string, unknown] | undefined {
  const entries = isPlainObject(value) ? Object.entries(value) : []
  const [entry] = entries
  if (entries.length !== 1 || !entry)
    return void problems.push({
      path,
      message: `expected one \`Name: value\` entry, found ${entries.length > 1 ? `${entries.length} keys` : describedValue(value)}`,
    })
  return entry
}

const properties = object({
  'TaskDefinition!': text,
  LoadBalancerInfo: object({ 'ContainerName!': text, 'ContainerPort!': port }),
  PlatformVersion: text,
  NetworkConfiguration: object({
    'AwsvpcConfiguration!': object({
      'Subnets!': list(text),
      SecurityGroups: list(text),
      AssignPublicIp: oneOf('ENABLED', 'DISABLED'),
    }),
  }),
  CapacityProviderStrategy: list(object({ 'CapacityProvider!': text, Base: count, Weight: count })),
})
const resource = object({ 'Type!': oneOf('AWS::ECS::Service'), 'Properties!': properties })

const version: Check = (value, path, problems) => {
  if (value !== 0 && value !== '0.0') problems.push({ path, message: `expected 0.0, found ${describedValue(value)}` })
}

const resources: Check = (value, path, problems) => {
  if (!Array.isArray(value) || value.length !== 1) {
    return void problems.push({
      path,
      message: `expected a list with the one ECS service (- TargetService: …), found ${Array.isArray(value) ? `${value.length} entries` : describedValue(value)}`,
    })
  }
  const entry = single(value[0], `${path}[0]`, problems)
  if (entry) resource(entry[1], `${path}[0].${entry[0]}`, problems)
}

const hooks: Check = (value, path, problems) => {
  if (!Array.isArray(value))
    return void problems.push({
      path,
      message: `expected a list (- BeforeInstall: MyFunction), found ${describedValue(value)}`,
    })
  value.forEach((hook, i) => {
    const entry = single(hook, `${path}[${i}]`, problems)
    if (!entry) return
    const [event, fn] = entry
    if (!(ECS_HOOKS as readonly string[]).includes(event)) {
      problems.push({
        path: `${path}[${i}].${event}`,
        message: `not an ECS lifecycle hook; ${didYouMean(event, ECS_HOOKS, 'ECS has')}`,
      })
    }
    text(fn, `${path}[${i}].${event}`, problems)
  })
}

const appSpec = object({ 'version!': version, 'Resources!': resources, Hooks: hooks })

/** Every problem of an ECS AppSpec, each with its path. */
export function appSpecProblems(spec: unknown): Problem[] {
  const problems: Problem[] = []
  appSpec(spec, '', problems)
  return problems
}

/** Parses and checks an AppSpec (YAML or JSON); throws one error naming every problem with its path. */
export function parseAppSpec(content: string, source: string): AppSpec {
  const document = parseDocument(content, { prettyErrors: false })
  const [error] = document.errors
  if (error) {
    const line = content.slice(0, error.pos[0]).split('\n').length
    throw new ProblemsError(source, [
      { path: '', line, message: `not valid YAML or JSON: ${error.message.split('\n')[0]}` },
    ])
  }
  const spec: unknown = yamlData(document, source, content)
  const problems = appSpecProblems(spec)
  if (problems.length)
    throw new ProblemsError(
      source,
      problems,
      'See the AppSpec reference for ECS: https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-resources.html#reference-appspec-file-structure-resources-ecs',
    )
  return describeSpec(document, source)
}

function describeSpec(document: Document, source: string): AppSpec {
  const spec = document.toJS() as {
    Resources: Record<string, { Properties: { LoadBalancerInfo?: { ContainerName: string; ContainerPort: number } } }>[]
    Hooks?: Record<string, string>[]
  }
  const [name, target] = Object.entries(spec.Resources[0] ?? {})[0] ?? ['TargetService', undefined]
  const balancer = target?.Properties.LoadBalancerInfo
  return {
    source,
    document,
    resource: name,
    ...(balancer && { containerName: balancer.ContainerName, containerPort: balancer.ContainerPort }),
    hooks: (spec.Hooks ?? []).flatMap((h) => Object.entries(h).map(([event, fn]) => ({ event, function: fn }))),
  }
}

/** Reads the `appspec` input's file, relative to the workspace. */
export async function loadAppSpec(
  path: string,
  workspace = process.env.GITHUB_WORKSPACE || process.cwd(),
): Promise<AppSpec> {
  const fullPath = await insideWorkspace('codedeploy.appspec', path, workspace)
  let content: string
  try {
    content = await readFile(fullPath, 'utf8')
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException
    throw new UserError(
      `appspec ${path} ${code === 'ENOENT' ? 'not found' : `cannot be read (${message})`} at ${fullPath}. Config key \`codedeploy.appspec\` is relative to the workspace: check the path, or leave it out to have the AppSpec made from the service's load balancer.`,
    )
  }
  return parseAppSpec(content, `appspec ${path}`)
}

/** The AppSpec CodeDeploy's console writes for the service: its container and port from the load balancer. */
export function generateAppSpec(service: Service): AppSpec {
  const balancer = service.loadBalancers?.find((lb) => lb.containerName && lb.containerPort)
  if (!balancer?.containerName || !balancer.containerPort) {
    throw new UserError(
      `Service "${service.serviceName}" has no load balancer with a container name and port to write the AppSpec from: give the \`appspec\` input (an appspec.yml with Resources → TargetService → Properties → LoadBalancerInfo).`,
    )
  }
  const document = appSpecDocument(ecsAppSpec(balancer.containerName, balancer.containerPort))
  return describeSpec(document, `the AppSpec generated from service ${service.serviceName}`)
}

/** The AppSpec text for CreateDeployment, with the new task definition set in. */
export function appSpecContent(spec: AppSpec, taskDefinitionArn: string): string {
  const document = spec.document.clone()
  document.setIn(['Resources', 0, spec.resource, 'Properties', 'TaskDefinition'], taskDefinitionArn)
  return String(document)
}

/** The AppSpec's container must be in the new task definition, with that port: CodeDeploy would fail at Install. */
export function checkContainer(spec: AppSpec, containers: ContainerDefinition[]): void {
  if (!spec.containerName || !containers.length) return
  const container = containers.find((c) => c.name === spec.containerName)
  const where = `${spec.source}, Resources[0].${spec.resource}.Properties.LoadBalancerInfo`
  if (!container) {
    throw new UserError(
      `${where}.ContainerName: the task definition has no container "${spec.containerName}" (it has ${containers.map((c) => c.name).join(', ')}).`,
    )
  }
  const ports = (container.portMappings ?? []).map((p) => p.containerPort)
  if (spec.containerPort !== undefined && !ports.includes(spec.containerPort)) {
    throw new UserError(
      `${where}.ContainerPort: container ${spec.containerName} maps no port ${spec.containerPort} (it maps ${ports.join(', ') || 'none'}).`,
    )
  }
}

/** The task definition an AppSpec (as CodeDeploy returns it) deploys, for telling a re-run from another deploy. */
export function appSpecTaskDefinition(content: string | undefined): string | undefined {
  const spec = parseDocument(content ?? '').toJS() as {
    Resources?: Record<string, { Properties?: { TaskDefinition?: string } }>[]
  } | null
  const resource = Object.values(spec?.Resources?.[0] ?? {})[0]
  return resource?.Properties?.TaskDefinition
}
