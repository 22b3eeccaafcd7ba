// Task definitions: families and revisions, with the defaults ECS adds when it stores one (so a
// described task definition differs from the registered input the way it does on AWS).
import { AwsError, check, paginate } from './protocol.mjs'
import { ACCOUNT, taskDefinitionArn } from './ids.mjs'

const FAMILY = /^[a-zA-Z0-9_-]{1,255}$/
const REGISTERED_BY = `arn:aws:sts::${ACCOUNT}:assumed-role/github-actions/ecs-deploy-action`

/** Members of RegisterTaskDefinition that are stored as given (all but tags). */
const STORED_MEMBERS = [
  'family',
  'taskRoleArn',
  'executionRoleArn',
  'networkMode',
  'containerDefinitions',
  'volumes',
  'placementConstraints',
  'requiresCompatibilities',
  'cpu',
  'memory',
  'pidMode',
  'ipcMode',
  'proxyConfiguration',
  'inferenceAccelerators',
  'ephemeralStorage',
  'runtimePlatform',
  'enableFaultInjection',
]

/** What ECS fills in on each container definition. */
function withContainerDefaults(container, networkMode) {
  return {
    cpu: 0,
    ...container,
    portMappings: (container.portMappings ?? []).map((p) => ({
      ...p,
      hostPort: p.hostPort ?? (networkMode === 'awsvpc' || networkMode === 'host' ? p.containerPort : 0),
      protocol: p.protocol ?? 'tcp',
    })),
    essential: container.essential ?? true,
    environment: container.environment ?? [],
    mountPoints: container.mountPoints ?? [],
    volumesFrom: container.volumesFrom ?? [],
    systemControls: container.systemControls ?? [],
  }
}

function requiresAttributes(input) {
  const names = ['com.amazonaws.ecs.capability.docker-remote-api.1.18']
  const containers = input.containerDefinitions
  if (containers.some((c) => c.logConfiguration?.logDriver === 'awslogs')) {
    names.push('com.amazonaws.ecs.capability.logging-driver.awslogs', 'ecs.capability.execution-role-awslogs')
  }
  if (input.networkMode === 'awsvpc') names.push('ecs.capability.task-eni')
  if (containers.some((c) => c.healthCheck)) names.push('ecs.capability.container-health-check')
  if (input.taskRoleArn) names.push('com.amazonaws.ecs.capability.task-iam-role')
  return names.map((name) => ({ name }))
}

function validate(input, registryHost) {
  check(
    typeof input.family === 'string' && FAMILY.test(input.family),
    'ClientException',
    'Family contains invalid characters or is longer than 255 characters.',
  )
  const containers = input.containerDefinitions
  check(Array.isArray(containers) && containers.length > 0, 'ClientException', 'Container list cannot be empty.')
  const names = new Set()
  for (const c of containers) {
    check(
      typeof c.name === 'string' && c.name.length > 0,
      'ClientException',
      'Container.name should not be null or empty.',
    )
    check(
      typeof c.image === 'string' && c.image.length > 0,
      'ClientException',
      'Container.image should not be null or empty.',
    )
    check(!names.has(c.name), 'ClientException', `Duplicate container name: ${c.name}.`)
    names.add(c.name)
  }
  const executionRole = Boolean(input.executionRoleArn)
  check(
    executionRole || !containers.some((c) => c.secrets?.length || c.logConfiguration?.secretOptions?.length),
    'ClientException',
    "When you are specifying container secrets, you must also specify a value for 'executionRoleArn'.",
  )
  check(
    executionRole || !containers.some((c) => c.repositoryCredentials),
    'ClientException',
    "When you are specifying repositoryCredentials, you must also specify a value for 'executionRoleArn'.",
  )
  if (input.requiresCompatibilities?.includes('FARGATE')) {
    check(input.networkMode === 'awsvpc', 'ClientException', "Fargate only supports network mode 'awsvpc'.")
    check(Boolean(input.cpu), 'ClientException', "Fargate requires that 'cpu' be defined at the task level.")
    check(Boolean(input.memory), 'ClientException', "Fargate requires that 'memory' be defined at the task level.")
    const cpu = sizeOf(input.cpu, 'vcpu')
    check(cpu in FARGATE_MEMORY, 'ClientException', "Invalid 'cpu' setting for task.")
    check(
      FARGATE_MEMORY[cpu].includes(sizeOf(input.memory, 'gb')),
      'ClientException',
      'No Fargate configuration exists for given values.',
    )
    check(
      executionRole || !containers.some((c) => c.logConfiguration?.logDriver === 'awslogs'),
      'ClientException',
      'Fargate requires task definition to have execution role ARN to support log driver awslogs.',
    )
    check(
      executionRole || !containers.some((c) => isEcrImage(c.image, registryHost)),
      'ClientException',
      'Fargate requires task definition to have execution role ARN to support ECR images.',
    )
  }
}

const range = (from, to, step) => Array.from({ length: (to - from) / step + 1 }, (_, k) => from + k * step)
/** Task memory (MiB) for each task cpu (units) on Fargate, from the ECS Developer Guide. */
const FARGATE_MEMORY = {
  256: [512, 1024, 2048],
  512: range(1024, 4096, 1024),
  1024: range(2048, 8192, 1024),
  2048: range(4096, 16384, 1024),
  4096: range(8192, 30720, 1024),
  8192: range(16384, 61440, 4096),
  16384: range(32768, 122880, 8192),
}

/** "1024" → 1024, "1 vCPU" / "2 GB" → 1024 / 2048, as RegisterTaskDefinition converts them; NaN for anything else. */
function sizeOf(value, unit) {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(String(value))
  if (!match) return NaN
  if (!match[2]) return Number(match[1])
  return match[2].toLowerCase() === unit ? Number(match[1]) * 1024 : NaN
}

/** An image from a private ECR registry: an AWS one, or the stack's own (whose repositoryUri is the local registry). */
function isEcrImage(image, registryHost) {
  const host = String(image).split('/')[0]
  return (
    /^\d{12}\.dkr\.ecr(-fips)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/.test(host) ||
    (registryHost !== undefined && host === registryHost)
  )
}

export class TaskDefinitionStore {
  /**
   * @param {import('./clock.mjs').Clock} clock
   * @param {string} [registryHost] the stack registry's host:port, which stands for ECR
   */
  constructor(clock, registryHost) {
    this.clock = clock
    this.registryHost = registryHost
    /** @type {Map<string, any[]>} family → revisions (index revision-1) */
    this.families = new Map()
  }

  register(input) {
    validate(input, this.registryHost)
    const revisions = this.families.get(input.family) ?? []
    this.families.set(input.family, revisions)
    const revision = revisions.length + 1
    const stored = Object.fromEntries(STORED_MEMBERS.filter((k) => input[k] !== undefined).map((k) => [k, input[k]]))
    const networkMode = input.networkMode ?? 'bridge'
    const taskDefinition = {
      taskDefinitionArn: taskDefinitionArn(input.family, revision),
      ...stored,
      containerDefinitions: input.containerDefinitions.map((c) => withContainerDefaults(c, networkMode)),
      networkMode: input.networkMode,
      revision,
      volumes: input.volumes ?? [],
      status: 'ACTIVE',
      requiresAttributes: requiresAttributes(input),
      placementConstraints: input.placementConstraints ?? [],
      compatibilities: networkMode === 'awsvpc' ? ['EC2', 'FARGATE'] : ['EC2'],
      registeredAt: this.clock.now(),
      registeredBy: REGISTERED_BY,
    }
    revisions.push({ taskDefinition, tags: input.tags ?? [] })
    return revisions[revisions.length - 1]
  }

  /**
   * Finds `family`, `family:revision` or a task definition ARN; `family` alone means its latest ACTIVE revision.
   * @returns {{ taskDefinition: any, tags: any[] } | undefined}
   */
  find(ref) {
    if (typeof ref !== 'string' || !ref) return undefined
    const name = ref.startsWith('arn:') ? ref.slice(ref.indexOf('task-definition/') + 'task-definition/'.length) : ref
    const [family, revision] = name.split(':')
    const revisions = this.families.get(family ?? '') ?? []
    if (revision === undefined) {
      return revisions.findLast((r) => r.taskDefinition.status === 'ACTIVE')
    }
    return revisions[Number(revision) - 1]
  }

  /** Like find, but throws ClientException as ECS does. */
  get(ref, message = 'Unable to describe task definition.') {
    const found = this.find(ref)
    if (!found) throw new AwsError('ClientException', message)
    return found
  }

  list({ familyPrefix, status = 'ACTIVE', sort = 'ASC', nextToken, maxResults }) {
    const arns = [...this.families.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .filter(([family]) => !familyPrefix || family.startsWith(familyPrefix))
      .flatMap(([, revisions]) => revisions.map((r) => r.taskDefinition))
      .filter((td) => td.status === status)
      .map((td) => td.taskDefinitionArn)
    if (sort === 'DESC') arns.reverse()
    const { page, nextToken: next } = paginate(arns, { nextToken, maxResults })
    return { taskDefinitionArns: page, nextToken: next }
  }

  listFamilies({ familyPrefix, status = 'ACTIVE', nextToken, maxResults }) {
    const families = [...this.families.entries()]
      .filter(([family]) => !familyPrefix || family.startsWith(familyPrefix))
      .filter(([, revisions]) => {
        const active = revisions.some((r) => r.taskDefinition.status === 'ACTIVE')
        return status === 'ALL' || (status === 'ACTIVE' ? active : !active)
      })
      .map(([family]) => family)
      .sort()
    const { page, nextToken: next } = paginate(families, { nextToken, maxResults })
    return { families: page, nextToken: next }
  }

  deregister(ref) {
    const found = this.get(ref, 'The specified task definition does not exist.')
    check(
      found.taskDefinition.status === 'ACTIVE',
      'ClientException',
      'The specified task definition is already INACTIVE.',
    )
    found.taskDefinition.status = 'INACTIVE'
    found.taskDefinition.deregisteredAt = this.clock.now()
    return found
  }

  delete(refs) {
    const taskDefinitions = []
    const failures = []
    for (const ref of refs ?? []) {
      const found = this.find(ref)
      if (!found)
        failures.push({
          arn: ref,
          reason: 'TASK_DEFINITION_NOT_FOUND',
          detail: 'The specified task definition does not exist.',
        })
      else if (found.taskDefinition.status === 'ACTIVE') {
        failures.push({
          arn: ref,
          reason: 'TASK_DEFINITION_NOT_INACTIVE',
          detail: 'The task definition must be INACTIVE before it can be deleted.',
        })
      } else {
        found.taskDefinition.status = 'DELETE_IN_PROGRESS'
        taskDefinitions.push(found.taskDefinition)
      }
    }
    return { taskDefinitions, failures }
  }

  /** For ARN-addressed tag operations. */
  findByArn(arn) {
    return arn.includes(':task-definition/') ? this.find(arn) : undefined
  }

  snapshot() {
    return Object.fromEntries(
      [...this.families].map(([family, revisions]) => [family, revisions.map((r) => r.taskDefinition)]),
    )
  }
}
