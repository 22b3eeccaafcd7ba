import { checkedRequest } from '../../src/taskdef/validate.js'
import { ProblemsError } from '../../src/common/problems.js'

const source = 'task definition td.json'
const web = { name: 'web', image: 'nginx' }

function problem(definition: Record<string, unknown>): string {
  try {
    checkedRequest(definition, source)
  } catch (error) {
    expect((error as Error).name).toBe('UserError')
    return (error as Error).message
  }
  throw new Error('expected a problem')
}

describe('checkedRequest', () => {
  it.each([
    [
      'an unknown key, by case',
      { family: 'web', containerDefinitions: [{ ...web, healthcheck: { command: ['true'] } }] },
      'containerDefinitions[0] (web).healthcheck: unknown key; did you mean healthCheck?',
    ],
    [
      'an unknown key, by spelling',
      { family: 'web', containerDefinitions: [{ ...web, memoryReservaton: 128 }] },
      'containerDefinitions[0] (web).memoryReservaton: unknown key; did you mean memoryReservation?',
    ],
    [
      'an unknown key nothing is close to',
      { family: 'web', containerDefinitions: [web], replicas: 2 },
      'replicas: unknown key; valid keys: family, containerDefinitions, taskRoleArn, executionRoleArn, networkMode, ' +
        'volumes, placementConstraints, requiresCompatibilities, cpu, memory, tags, pidMode, ipcMode, ' +
        'proxyConfiguration, inferenceAccelerators, ephemeralStorage, runtimePlatform, enableFaultInjection, trustedExecutionConfiguration',
    ],
    [
      'an unknown key deep down',
      { family: 'web', containerDefinitions: [{ ...web, logConfiguration: { logDriver: 'awslogs', option: {} } }] },
      'containerDefinitions[0] (web).logConfiguration.option: unknown key; did you mean options?',
    ],
    [
      'a quoted number',
      { family: 'web', containerDefinitions: [{ ...web, cpu: '256' }] },
      'containerDefinitions[0] (web).cpu: expected a number, found the string "256"; remove the quotes',
    ],
    [
      'a word where a number goes',
      { family: 'web', containerDefinitions: [{ ...web, memory: 'lots' }] },
      'containerDefinitions[0] (web).memory: expected a number, found the string "lots"',
    ],
    [
      'a value that could be a secret is named by its kind, not quoted',
      { family: 'web', containerDefinitions: [{ ...web, memory: 'ghp_s3cr3tT0ken' }] },
      'containerDefinitions[0] (web).memory: expected a number, found a string',
    ],
    [
      'a number where a string goes',
      { family: 'web', containerDefinitions: [{ ...web, environment: [{ name: 'PORT', value: 8080 }] }] },
      'containerDefinitions[0] (web).environment[0] (PORT).value: expected a string, found the number 8080; put it in quotes',
    ],
    [
      'a quoted boolean',
      { family: 'web', containerDefinitions: [{ ...web, essential: 'true' }] },
      'containerDefinitions[0] (web).essential: expected a boolean, found the string "true"; remove the quotes',
    ],
    [
      'an object where a list goes',
      { family: 'web', containerDefinitions: web },
      'containerDefinitions: expected a list, found an object',
    ],
    [
      'a list where an object goes',
      { family: 'web', containerDefinitions: [{ ...web, dockerLabels: ['a=b'] }] },
      'containerDefinitions[0] (web).dockerLabels: expected an object, found a list',
    ],
    [
      'a null in a list',
      { family: 'web', containerDefinitions: [{ ...web, command: ['echo', null] }] },
      'containerDefinitions[0] (web).command[1]: expected a string, found null',
    ],
    ['a missing family', { containerDefinitions: [web] }, 'family: missing (required)'],
    ['a null family', { family: null, containerDefinitions: [web] }, 'family: missing (required)'],
    [
      'a container without a name',
      { family: 'web', containerDefinitions: [{ image: 'nginx' }] },
      'containerDefinitions[0].name: missing (required)',
    ],
    [
      'a health check without a command',
      { family: 'web', containerDefinitions: [{ ...web, healthCheck: { interval: 30 } }] },
      'containerDefinitions[0] (web).healthCheck.command: missing (required)',
    ],
    [
      'a secret without valueFrom',
      {
        family: 'web',
        containerDefinitions: [{ ...web, secrets: [{ name: 'DB_PASSWORD', valueFrom: 'arn', value: 'x' }] }],
      },
      'containerDefinitions[0] (web).secrets[0] (DB_PASSWORD).value: unknown key; did you mean valueFrom?',
    ],
    [
      'a shortened key',
      { family: 'web', containerDefinitions: [{ ...web, env: [] }] },
      'containerDefinitions[0] (web).env: unknown key; did you mean environment?',
    ],
    [
      'no containers',
      { family: 'web', containerDefinitions: [] },
      'containerDefinitions: empty; add at least one container',
    ],
  ])('reports %s', (_case, definition, message) => {
    expect(problem(definition)).toBe(`${source}, ${message}`)
  })

  it('reports every problem at once', () => {
    const definition = {
      containerDefinitions: [
        { ...web, Image: 'x', cpu: '1' },
        { name: 'sidecar', secrets: [{ name: 'A' }] },
      ],
    }
    expect(problem(definition)).toBe(
      'task definition td.json has 4 problems:\n' +
        '  - containerDefinitions[0] (web).Image: unknown key; did you mean image?\n' +
        '  - containerDefinitions[0] (web).cpu: expected a number, found the string "1"; remove the quotes\n' +
        '  - containerDefinitions[1] (sidecar).secrets[0] (A).valueFrom: missing (required)\n' +
        '  - family: missing (required)',
    )
  })

  it('accepts any key in maps of strings', () => {
    const container = {
      ...web,
      dockerLabels: { 'com.example/any key': 'x' },
      logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/web' } },
    }
    const request = checkedRequest({ family: 'web', containerDefinitions: [container] }, source)
    expect(request.containerDefinitions).toEqual([container])
  })

  it('turns task-level cpu and memory numbers into the strings the API takes, keeps "" and drops null', () => {
    const request = checkedRequest(
      {
        family: 'web',
        cpu: 256,
        memory: 512,
        taskRoleArn: null,
        containerDefinitions: [
          { ...web, cpu: 128, environment: [{ name: 'EMPTY', value: '' }], dockerLabels: { a: null } },
        ],
      },
      source,
    )
    expect(request).toEqual({
      family: 'web',
      cpu: '256',
      memory: '512',
      containerDefinitions: [{ ...web, cpu: 128, environment: [{ name: 'EMPTY', value: '' }], dockerLabels: {} }],
    })
  })
})

test('each problem carries its JSON path apart from its message (one Problem type with the config and the AppSpec)', () => {
  try {
    checkedRequest({ family: 'web', containerDefinitions: [{ ...web, healthcheck: {} }], cpu: [] }, source)
    throw new Error('accepted')
  } catch (error) {
    expect(error).toBeInstanceOf(ProblemsError)
    expect((error as ProblemsError).problems).toEqual([
      { path: 'containerDefinitions[0] (web).healthcheck', message: 'unknown key; did you mean healthCheck?' },
      { path: 'cpu', message: 'expected a string, found a list' },
    ])
  }
})
