// The validator takes its model from the installed @aws-sdk/client-ecs, so a key ECS added is accepted as soon as the
// SDK is updated: every member of the newest RegisterTaskDefinition model, at every depth, passes the check.
import { createRequire } from 'node:module'
import { RegisterTaskDefinitionRequest$ } from '@aws-sdk/client-ecs'
import { REQUEST_SHAPE, shapeOf } from '../../src/taskdef/model.js'
import { checkedRequest } from '../../src/taskdef/validate.js'

/** A value with every member of the shape set, as deep as the model goes (a cycle is cut after a few levels). */
function sample(reference: unknown, depth = 0): unknown {
  const shape = shapeOf(reference)
  switch (shape.kind) {
    case 'struct':
      return depth > 8
        ? {}
        : Object.fromEntries(shape.members.map((m, i) => [m, sample(shape.memberSchemas[i], depth + 1)]))
    case 'list':
      return [sample(shape.member, depth + 1)]
    case 'map':
      return { key: sample(shape.value, depth + 1) }
    case 'number':
      return 1
    case 'boolean':
      return true
    default:
      return 'x'
  }
}

describe('the newest ECS model, from the SDK', () => {
  test('a task definition with every member of RegisterTaskDefinitionRequest, at every depth, is accepted', () => {
    const everything = sample(RegisterTaskDefinitionRequest$) as Record<string, unknown>
    expect(Object.keys(everything)).toEqual(REQUEST_SHAPE.members)
    expect(() => checkedRequest(everything, 'task-definition.json')).not.toThrow()
  })

  test('trustedExecutionConfiguration (new in @aws-sdk/client-ecs 3.1178) is a valid key', () => {
    const sdk = createRequire(import.meta.url)('@aws-sdk/client-ecs/package.json') as { version: string }
    expect(Number(sdk.version.split('.')[1])).toBeGreaterThanOrEqual(1178)
    const request = checkedRequest(
      {
        family: 'web',
        containerDefinitions: [{ name: 'web', image: 'nginx' }],
        trustedExecutionConfiguration: { isolationMode: 'ISOLATED_SANDBOX' },
      },
      'task-definition.json',
    )
    expect(request.trustedExecutionConfiguration).toEqual({ isolationMode: 'ISOLATED_SANDBOX' })
  })
})
