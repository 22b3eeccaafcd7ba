import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs'
import { checkEcsRules } from '../../src/taskdef/rules.js'

const source = 'task definition td.json'
const ecrImage = '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v1'
const role = 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole'
const awslogs = { logDriver: 'awslogs' as const, options: { 'awslogs-group': '/ecs/web' } }
const fargate: RegisterTaskDefinitionCommandInput = {
  family: 'web',
  requiresCompatibilities: ['FARGATE'],
  networkMode: 'awsvpc',
  cpu: '256',
  memory: '512',
  executionRoleArn: role,
  containerDefinitions: [{ name: 'web', image: ecrImage, logConfiguration: awslogs }],
}
const roleFix = 'set executionRoleArn (e.g. the ARN of ecsTaskExecutionRole)'

function problem(request: RegisterTaskDefinitionCommandInput): string {
  try {
    checkEcsRules(request, source)
  } catch (error) {
    expect((error as Error).name).toBe('UserError')
    return (error as Error).message
  }
  throw new Error('expected a problem')
}

describe('checkEcsRules', () => {
  it.each([
    [
      'Fargate without awsvpc',
      { ...fargate, networkMode: 'bridge' as const },
      'networkMode: Fargate runs only awsvpc; set "networkMode": "awsvpc"',
    ],
    [
      'Fargate without a network mode',
      { ...fargate, networkMode: undefined },
      'networkMode: not set (ECS takes bridge), and Fargate runs only awsvpc; set "networkMode": "awsvpc"',
    ],
    [
      'Fargate without task memory',
      { ...fargate, memory: undefined },
      'memory: missing; Fargate needs task-level cpu and memory, e.g. "cpu": "256", "memory": "512"',
    ],
    [
      'a cpu Fargate does not have',
      { ...fargate, cpu: '384' },
      'cpu: not a Fargate size; use one of 256, 512, 1024, 2048, 4096, 8192, 16384 (CPU units)',
    ],
    [
      'memory too small for the cpu',
      { ...fargate, cpu: '1024', memory: '1024' },
      'memory: does not go with cpu 1024 on Fargate; use 2048 to 8192 in steps of 1024 (MiB)',
    ],
    [
      'memory off the step',
      { ...fargate, cpu: '8192', memory: '18432' },
      'memory: does not go with cpu 8192 on Fargate; use 16384 to 61440 in steps of 4096 (MiB)',
    ],
    [
      'memory in GB off the pair',
      { ...fargate, cpu: '0.25 vCPU', memory: '3 GB' },
      'memory: does not go with cpu 256 on Fargate; use 512, 1024 or 2048 (MiB)',
    ],
    [
      'awslogs on Fargate without an execution role',
      {
        ...fargate,
        executionRoleArn: undefined,
        containerDefinitions: [{ name: 'web', image: 'nginx:1', logConfiguration: awslogs }],
      },
      `containerDefinitions[0] (web).logConfiguration.logDriver: ECS needs a task execution role for the awslogs driver on Fargate; ${roleFix}`,
    ],
    [
      'a private ECR image on Fargate without an execution role',
      { ...fargate, executionRoleArn: undefined, containerDefinitions: [{ name: 'web', image: ecrImage }] },
      `containerDefinitions[0] (web).image: ECS needs a task execution role for pulling a private ECR image on Fargate; ${roleFix}`,
    ],
    [
      'secrets on EC2 without an execution role',
      {
        family: 'web',
        containerDefinitions: [
          { name: 'web', image: 'nginx', secrets: [{ name: 'DB', valueFrom: 'arn:aws:ssm:::parameter/db' }] },
        ],
      },
      `containerDefinitions[0] (web).secrets: ECS needs a task execution role for secrets (valueFrom); ${roleFix}`,
    ],
    [
      'log driver secrets without an execution role',
      {
        family: 'web',
        containerDefinitions: [
          {
            name: 'web',
            image: 'nginx',
            logConfiguration: {
              logDriver: 'splunk',
              secretOptions: [{ name: 'splunk-token', valueFrom: 'arn:secret' }],
            },
          },
        ],
      },
      `containerDefinitions[0] (web).logConfiguration.secretOptions: ECS needs a task execution role for log driver secrets (secretOptions); ${roleFix}`,
    ],
    [
      'registry credentials without an execution role',
      {
        family: 'web',
        containerDefinitions: [
          { name: 'web', image: 'ghcr.io/acme/web:1', repositoryCredentials: { credentialsParameter: 'arn:secret' } },
        ],
      },
      `containerDefinitions[0] (web).repositoryCredentials: ECS needs a task execution role for private registry credentials; ${roleFix}`,
    ],
    [
      'an image with a space',
      { ...fargate, containerDefinitions: [{ name: 'web', image: 'web: v1' }] },
      'containerDefinitions[0] (web).image "web: v1" is not a valid image reference: it contains whitespace',
    ],
    [
      'an image with an unfilled placeholder',
      { ...fargate, containerDefinitions: [{ name: 'web', image: 'web:${TAG}' }] },
      'containerDefinitions[0] (web).image "web:${TAG}" is not a valid image reference: tag "${TAG}" holds "$"; a tag may only hold letters, digits, _ . and -',
    ],
  ])('refuses %s', (_case, request, expected) => {
    expect(problem(request as RegisterTaskDefinitionCommandInput)).toBe(`${source}, ${expected}`)
  })

  it('lists every problem at once', () => {
    const request = {
      ...fargate,
      networkMode: 'host' as const,
      cpu: '256',
      memory: '4096',
      executionRoleArn: undefined,
    }
    expect(problem(request)).toBe(
      `${source} has 4 problems:\n` +
        '  - networkMode: Fargate runs only awsvpc; set "networkMode": "awsvpc"\n' +
        '  - memory: does not go with cpu 256 on Fargate; use 512, 1024 or 2048 (MiB)\n' +
        `  - containerDefinitions[0] (web).image: ECS needs a task execution role for pulling a private ECR image on Fargate; ${roleFix}\n` +
        `  - containerDefinitions[0] (web).logConfiguration.logDriver: ECS needs a task execution role for the awslogs driver on Fargate; ${roleFix}`,
    )
  })

  it.each([
    ['a valid Fargate definition', fargate],
    ['every Fargate size pair at its ends', { ...fargate, cpu: '16384', memory: '122880' }],
    ['sizes in vCPU and GB', { ...fargate, cpu: '1 vCPU', memory: '8 GB' }],
    ['memory in steps above the first', { ...fargate, cpu: '4096', memory: '9216' }],
    [
      'EC2 with bridge, awslogs and a private ECR image, no execution role (the instance role pulls and logs)',
      {
        family: 'web',
        networkMode: 'bridge' as const,
        containerDefinitions: [{ name: 'web', image: ecrImage, memory: 128, logConfiguration: awslogs }],
      },
    ],
    [
      'EC2 without task-level cpu and memory',
      {
        family: 'web',
        requiresCompatibilities: ['EC2' as const],
        containerDefinitions: [{ name: 'web', image: 'nginx' }],
      },
    ],
    [
      'a public ECR image on Fargate without an execution role',
      {
        ...fargate,
        executionRoleArn: undefined,
        containerDefinitions: [{ name: 'web', image: 'public.ecr.aws/nginx/nginx:1' }],
      },
    ],
    [
      'an image by digest',
      {
        ...fargate,
        containerDefinitions: [{ name: 'web', image: `${ecrImage.split(':v1')[0]}@sha256:${'a'.repeat(64)}` }],
      },
    ],
  ])('accepts %s', (_case, request) => {
    expect(() => checkEcsRules(request as RegisterTaskDefinitionCommandInput, source)).not.toThrow()
  })
})
