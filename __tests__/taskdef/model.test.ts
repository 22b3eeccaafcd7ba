import { ContainerDefinition$ } from '@aws-sdk/client-ecs'
import { READ_ONLY_KEYS, REQUEST_SHAPE, shapeOf } from '../../src/taskdef/model.js'

describe('the ECS API model', () => {
  it('decodes RegisterTaskDefinitionRequest', () => {
    expect(REQUEST_SHAPE.name).toBe('RegisterTaskDefinitionRequest')
    expect(REQUEST_SHAPE.members).toEqual(
      expect.arrayContaining(['family', 'containerDefinitions', 'inferenceAccelerators', 'tags']),
    )
    expect(REQUEST_SHAPE.required).toEqual(['family', 'containerDefinitions'])
  })

  it('derives the read-only keys from what DescribeTaskDefinition has and RegisterTaskDefinition does not', () => {
    expect([...READ_ONLY_KEYS].sort()).toEqual([
      'compatibilities',
      'deleteRequestedAt',
      'deregisteredAt',
      'registeredAt',
      'registeredBy',
      'requiresAttributes',
      'revision',
      'status',
      'taskDefinitionArn',
    ])
  })

  it('decodes container definitions, following lazy references and member wrappers', () => {
    const containerDefinitions = shapeOf(
      REQUEST_SHAPE.memberSchemas[REQUEST_SHAPE.members.indexOf('containerDefinitions')],
    )
    expect(containerDefinitions.kind).toBe('list')
    const container = containerDefinitions.kind === 'list' ? shapeOf(containerDefinitions.member) : undefined
    expect(container).toMatchObject({ kind: 'struct', name: 'ContainerDefinition', required: ['name'] })
    const member = (name: string): unknown => {
      const shape = shapeOf(ContainerDefinition$)
      return shape.kind === 'struct' ? shapeOf(shape.memberSchemas[shape.members.indexOf(name)]) : undefined
    }
    expect(member('cpu')).toEqual({ kind: 'number' })
    expect(member('essential')).toEqual({ kind: 'boolean' })
    expect(member('command')).toEqual({ kind: 'list', member: 0 })
    expect(member('dockerLabels')).toEqual({ kind: 'map', value: 0 })
    expect(member('healthCheck')).toMatchObject({ kind: 'struct', name: 'HealthCheck', required: ['command'] })
    expect(member('repositoryCredentials')).toMatchObject({ kind: 'struct', required: ['credentialsParameter'] })
  })

  it.each([
    [0, { kind: 'string' }],
    [1, { kind: 'number' }],
    [2, { kind: 'boolean' }],
    [4, { kind: 'any' }],
    [65, { kind: 'list', member: 1 }],
    [128, { kind: 'map', value: 0 }],
    [[0, 'ns', 'SensitiveString', 8, 0], { kind: 'string' }],
    [() => [1, 'ns', 'Names', 0, 0], { kind: 'list', member: 0 }],
    [[() => [2, 'ns', 'Labels', 0, 0, 1], 0], { kind: 'map', value: 1 }],
  ])('decodes %p', (schema, shape) => {
    expect(shapeOf(schema)).toEqual(shape)
  })
})
