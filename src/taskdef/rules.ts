import type { ContainerDefinition, RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs'
import { imageProblems } from './images.js'
import { problemsError } from './problems.js'

type Request = RegisterTaskDefinitionCommandInput
/** One rule ECS enforces across fields: the problems it finds, each starting with the JSON path of the field to fix. */
type Rule = (request: Request) => string[]

/**
 * Throws one error listing what ECS would refuse in the (rendered) request: the rules that span several fields,
 * which the key and type check of the API model cannot see. EC2-only definitions get no Fargate rules.
 */
export function checkEcsRules(request: Request, source: string): void {
  const problems = RULES.flatMap((rule) => rule(request))
  if (problems.length) throw problemsError(source, problems)
}

export const RULES: Rule[] = [fargateNetworkMode, fargateSize, executionRoleNeeded, imageProblems]

const onFargate = (request: Request): boolean => request.requiresCompatibilities?.includes('FARGATE') ?? false

export function fargateNetworkMode(request: Request): string[] {
  if (!onFargate(request) || request.networkMode === 'awsvpc') return []
  const found = request.networkMode
    ? 'Fargate runs only awsvpc'
    : 'not set (ECS takes bridge), and Fargate runs only awsvpc'
  return [`networkMode: ${found}; set "networkMode": "awsvpc"`]
}

/** Memory (MiB) ECS accepts for each task cpu (units) on Fargate. */
const FARGATE_MEMORY: Record<number, { from: number; to: number; step: number; text: string }> = {
  256: { from: 512, to: 2048, step: 512, text: '512, 1024 or 2048' },
  512: { from: 1024, to: 4096, step: 1024, text: '1024 to 4096 in steps of 1024' },
  1024: { from: 2048, to: 8192, step: 1024, text: '2048 to 8192 in steps of 1024' },
  2048: { from: 4096, to: 16384, step: 1024, text: '4096 to 16384 in steps of 1024' },
  4096: { from: 8192, to: 30720, step: 1024, text: '8192 to 30720 in steps of 1024' },
  8192: { from: 16384, to: 61440, step: 4096, text: '16384 to 61440 in steps of 4096' },
  16384: { from: 32768, to: 122880, step: 8192, text: '32768 to 122880 in steps of 8192' },
}

export function fargateSize(request: Request): string[] {
  if (!onFargate(request)) return []
  const missing = (['cpu', 'memory'] as const).filter((key) => !request[key])
  if (missing.length) {
    return missing.map(
      (key) => `${key}: missing; Fargate needs task-level cpu and memory, e.g. "cpu": "256", "memory": "512"`,
    )
  }
  const cpu = units(request.cpu ?? '', 'vcpu')
  const memory = units(request.memory ?? '', 'gb')
  const allowed = cpu === undefined ? undefined : FARGATE_MEMORY[cpu]
  if (!allowed) return [`cpu: not a Fargate size; use one of ${Object.keys(FARGATE_MEMORY).join(', ')} (CPU units)`]
  const fits =
    memory !== undefined &&
    memory >= allowed.from &&
    memory <= allowed.to &&
    (memory - allowed.from) % allowed.step === 0
  return fits ? [] : [`memory: does not go with cpu ${cpu} on Fargate; use ${allowed.text} (MiB)`]
}

/** "256", "0.25 vCPU" → 256; "512", "1 GB" → 1024 (the forms RegisterTaskDefinition converts); undefined otherwise. */
function units(value: string, unit: 'vcpu' | 'gb'): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value)
  if (!match) return undefined
  const [, amount = '', suffix = ''] = match
  if (suffix === '') return Number(amount)
  return suffix.toLowerCase() === unit ? Number(amount) * 1024 : undefined
}

const PRIVATE_ECR = /^\d{12}\.dkr\.ecr(-fips)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\//

/** What ECS does with the task execution role: on Fargate pull private ECR images and send awslogs; anywhere read secrets. */
const ROLE_USES: {
  field: string
  use: string
  applies: (container: ContainerDefinition, fargate: boolean) => boolean
}[] = [
  {
    field: 'image',
    use: 'pulling a private ECR image on Fargate',
    applies: (c, fargate) => fargate && PRIVATE_ECR.test(c.image ?? ''),
  },
  {
    field: 'logConfiguration.logDriver',
    use: 'the awslogs driver on Fargate',
    applies: (c, fargate) => fargate && c.logConfiguration?.logDriver === 'awslogs',
  },
  { field: 'secrets', use: 'secrets (valueFrom)', applies: (c) => Boolean(c.secrets?.length) },
  {
    field: 'logConfiguration.secretOptions',
    use: 'log driver secrets (secretOptions)',
    applies: (c) => Boolean(c.logConfiguration?.secretOptions?.length),
  },
  {
    field: 'repositoryCredentials',
    use: 'private registry credentials',
    applies: (c) => Boolean(c.repositoryCredentials),
  },
]

export function executionRoleNeeded(request: Request): string[] {
  if (request.executionRoleArn) return []
  const fargate = onFargate(request)
  return (request.containerDefinitions ?? []).flatMap((container, index) =>
    ROLE_USES.filter(({ applies }) => applies(container, fargate)).map(
      ({ field, use }) =>
        `${containerPath(container, index)}.${field}: ECS needs a task execution role for ${use}; ` +
        'set executionRoleArn (e.g. the ARN of ecsTaskExecutionRole)',
    ),
  )
}

function containerPath(container: ContainerDefinition, index: number): string {
  return `containerDefinitions[${index}] (${container.name})`
}
