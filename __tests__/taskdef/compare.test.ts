import type { RegisterTaskDefinitionCommandInput, TaskDefinition } from '@aws-sdk/client-ecs'
import { describeChanges, sameTaskDefinition } from '../../src/taskdef/index.js'

const image = '123456789012.dkr.ecr.us-east-1.amazonaws.com/web'

/** What DescribeTaskDefinition returns for `request` below: read-only keys, defaults and empty lists filled in. */
const current = (): TaskDefinition => ({
  taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:7',
  revision: 7,
  status: 'ACTIVE',
  family: 'web',
  networkMode: 'awsvpc',
  cpu: '256',
  memory: '512',
  compatibilities: ['EC2', 'FARGATE'],
  requiresCompatibilities: ['FARGATE'],
  requiresAttributes: [{ name: 'ecs.capability.secrets.ssm.environment-variables' }],
  registeredAt: new Date('2025-03-04T10:21:09Z'),
  volumes: [],
  placementConstraints: [],
  enableFaultInjection: false,
  containerDefinitions: [
    {
      name: 'web',
      image: `${image}:v1`,
      cpu: 0,
      essential: true,
      portMappings: [{ containerPort: 8080, hostPort: 8080, protocol: 'tcp' }],
      healthCheck: { command: ['CMD', 'true'], interval: 30, timeout: 5, retries: 3 },
      environment: [
        { name: 'API_KEY', value: 'k1' },
        { name: 'LOG_LEVEL', value: 'info' },
      ],
      secrets: [{ name: 'DB_PASSWORD', valueFrom: 'arn:aws:ssm:us-east-1:123456789012:parameter/db' }],
      mountPoints: [],
      volumesFrom: [],
    },
  ],
})

const request = (): RegisterTaskDefinitionCommandInput => ({
  family: 'web',
  networkMode: 'awsvpc',
  cpu: '256',
  memory: '512',
  requiresCompatibilities: ['FARGATE'],
  containerDefinitions: [
    {
      name: 'web',
      image: `${image}:v1`,
      portMappings: [{ containerPort: 8080 }],
      healthCheck: { command: ['CMD', 'true'] },
      environment: [
        { name: 'LOG_LEVEL', value: 'info' },
        { name: 'API_KEY', value: 'k1' },
      ],
      secrets: [{ name: 'DB_PASSWORD', valueFrom: 'arn:aws:ssm:us-east-1:123456789012:parameter/db' }],
    },
  ],
})

function changed(change: (request: RegisterTaskDefinitionCommandInput & { containerDefinitions: object[] }) => void) {
  const changedRequest = request() as RegisterTaskDefinitionCommandInput & { containerDefinitions: object[] }
  change(changedRequest)
  return changedRequest
}

describe('sameTaskDefinition', () => {
  it('ignores read-only keys, defaults ECS fills in, empty lists and the order of variables', () => {
    expect(sameTaskDefinition(request(), current())).toBe(true)
    expect(describeChanges(request(), current())).toEqual([])
  })

  it('takes task-level cpu and memory as numbers or strings', () => {
    const numbers = { ...request(), cpu: 256, memory: 512 } as unknown as RegisterTaskDefinitionCommandInput
    expect(sameTaskDefinition(numbers, current())).toBe(true)
  })

  it('compares tags when they are given, in any order', () => {
    const tagged = {
      ...request(),
      tags: [
        { key: 'team', value: 'payments' },
        { key: 'app', value: 'web' },
      ],
    }
    expect(sameTaskDefinition(tagged, current())).toBe(true)
    const reordered = [
      { key: 'app', value: 'web' },
      { key: 'team', value: 'payments' },
    ]
    expect(sameTaskDefinition(tagged, current(), reordered)).toBe(true)
    expect(sameTaskDefinition(tagged, current(), [{ key: 'app', value: 'web' }])).toBe(false)
    expect(sameTaskDefinition(request(), current(), [])).toBe(true)
  })

  it.each<[string, RegisterTaskDefinitionCommandInput, string[]]>([
    [
      'a new image',
      changed((r) => Object.assign(r.containerDefinitions[0]!, { image: `${image}:v2` })),
      [`containerDefinitions[web].image: ${image}:v1 → ${image}:v2`],
    ],
    ['task-level cpu', { ...request(), cpu: '512' }, ['cpu: 256 → 512']],
    [
      'a role',
      { ...request(), taskRoleArn: 'arn:aws:iam::1:role/web' },
      ['taskRoleArn: (none) → arn:aws:iam::1:role/web'],
    ],
    [
      'an environment value, and a secret-looking one without showing it',
      changed((r) =>
        Object.assign(r.containerDefinitions[0]!, {
          environment: [
            { name: 'LOG_LEVEL', value: 'debug' },
            { name: 'API_KEY', value: 'k2' },
          ],
        }),
      ),
      [
        'containerDefinitions[web].environment[API_KEY].value: (changed)',
        'containerDefinitions[web].environment[LOG_LEVEL].value: info → debug',
      ],
    ],
    [
      'variables added and removed',
      changed((r) =>
        Object.assign(r.containerDefinitions[0]!, {
          environment: [
            { name: 'LOG_LEVEL', value: 'info' },
            { name: 'DB_TOKEN', value: 't' },
          ],
        }),
      ),
      [
        'containerDefinitions[web].environment[DB_TOKEN]: added',
        'containerDefinitions[web].environment[API_KEY]: removed',
      ],
    ],
    [
      'variables whose names repeat, without showing any value',
      changed((r) =>
        Object.assign(r.containerDefinitions[0]!, {
          environment: [
            { name: 'LOG_LEVEL', value: 'info' },
            { name: 'LOG_LEVEL', value: 'debug' },
          ],
        }),
      ),
      ['containerDefinitions[web].environment: (changed)'],
    ],
    [
      'a container added',
      changed((r) => r.containerDefinitions.push({ name: 'otel', image: 'otel/collector' })),
      ['containerDefinitions[otel]: added'],
    ],
    [
      'a command',
      changed((r) => Object.assign(r.containerDefinitions[0]!, { command: ['serve', '--port', '8080'] })),
      ['containerDefinitions[web].command: (none) → ["serve","--port","8080"]'],
    ],
    [
      'a port protocol',
      changed((r) =>
        Object.assign(r.containerDefinitions[0]!, { portMappings: [{ containerPort: 8080, protocol: 'udp' }] }),
      ),
      ['containerDefinitions[web].portMappings[0].protocol: tcp → udp'],
    ],
    [
      'a health check interval',
      changed((r) =>
        Object.assign(r.containerDefinitions[0]!, { healthCheck: { command: ['CMD', 'true'], interval: 10 } }),
      ),
      ['containerDefinitions[web].healthCheck.interval: 30 → 10'],
    ],
    [
      'a secret pointing elsewhere, by name only',
      changed((r) =>
        Object.assign(r.containerDefinitions[0]!, {
          secrets: [{ name: 'DB_PASSWORD', valueFrom: 'arn:aws:ssm:us-east-1:123456789012:parameter/db-2' }],
        }),
      ),
      ['containerDefinitions[web].secrets[DB_PASSWORD].valueFrom: (changed)'],
    ],
    [
      'a container no longer essential',
      changed((r) => Object.assign(r.containerDefinitions[0]!, { essential: false })),
      ['containerDefinitions[web].essential: true → false'],
    ],
  ])('notices %s', (_case, changedRequest, changes) => {
    expect(sameTaskDefinition(changedRequest, current())).toBe(false)
    expect(describeChanges(changedRequest, current())).toEqual(changes)
  })
})
