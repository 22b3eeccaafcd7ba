import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { ProblemsError } from '../../src/common/problems.js'
import {
  appSpecContent,
  appSpecTaskDefinition,
  checkContainer,
  generateAppSpec,
  loadAppSpec,
  parseAppSpec,
} from '../../src/mechanisms/codedeploy/appspec.js'
import { NEW_TD, service } from '../helpers/ecs.js'

/** The shape the seeds ship (and CodePipeline's ECS blue/green action reads). */
const SEED = `version: 0.0
Resources:
  - TargetService:
      Type: AWS::ECS::Service
      Properties:
        TaskDefinition: <TASK_DEFINITION>
        LoadBalancerInfo:
          ContainerName: "web"
          ContainerPort: 8080
# Lambda functions CodeDeploy calls between the steps
Hooks:
  - BeforeInstall: "ValidateBeforeInstall"
  - AfterAllowTestTraffic: "SmokeTest"
`

describe('parseAppSpec', () => {
  test('reads the seeds’ appspec: container, port and hooks; sets the task definition, keeping the rest as written', () => {
    const spec = parseAppSpec(SEED, 'appspec appspec.yml')
    expect(spec).toMatchObject({
      resource: 'TargetService',
      containerName: 'web',
      containerPort: 8080,
      hooks: [
        { event: 'BeforeInstall', function: 'ValidateBeforeInstall' },
        { event: 'AfterAllowTestTraffic', function: 'SmokeTest' },
      ],
    })
    const content = appSpecContent(spec, NEW_TD)
    expect(content).toContain(`TaskDefinition: ${NEW_TD}`)
    expect(content).toContain('version: 0.0')
    expect(content).toContain('# Lambda functions CodeDeploy calls between the steps')
    expect(appSpecTaskDefinition(content)).toBe(NEW_TD)
    // The parsed document is not changed: the next service gets its own task definition.
    expect(appSpecContent(spec, 'web:9')).toContain('TaskDefinition: web:9')
  })

  test('reads JSON too', () => {
    const json = JSON.stringify({
      version: '0.0',
      Resources: [
        {
          TargetService: {
            Type: 'AWS::ECS::Service',
            Properties: { TaskDefinition: 'x', LoadBalancerInfo: { ContainerName: 'web', ContainerPort: 80 } },
          },
        },
      ],
    })
    const spec = parseAppSpec(json, 'appspec appspec.json')
    expect(appSpecTaskDefinition(appSpecContent(spec, NEW_TD))).toBe(NEW_TD)
  })

  test.each([
    [
      'broken YAML',
      'version: 0.0\nResources: [',
      'appspec a.yml, line 2, not valid YAML or JSON: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ],
    [
      'a misspelt key',
      SEED.replace('LoadBalancerInfo', 'LoadBalancerinfo'),
      'appspec a.yml, Resources[0].TargetService.Properties.LoadBalancerinfo: unknown key; did you mean LoadBalancerInfo?',
    ],
    [
      'a port as a word',
      SEED.replace('8080', 'eighty'),
      'appspec a.yml, Resources[0].TargetService.Properties.LoadBalancerInfo.ContainerPort: expected a port number (1-65535), found the string "eighty"',
    ],
    [
      'another resource type',
      SEED.replace('AWS::ECS::Service', 'AWS::Lambda::Function'),
      'Resources[0].TargetService.Type: expected one of AWS::ECS::Service, found the string "AWS::Lambda::Function"',
    ],
    [
      'an unknown hook',
      SEED.replace('BeforeInstall:', 'BeforeAllowTestTraffic:'),
      'Hooks[0].BeforeAllowTestTraffic: not an ECS lifecycle hook; did you mean BeforeAllowTraffic?',
    ],
    [
      'no task definition',
      SEED.replace('        TaskDefinition: <TASK_DEFINITION>\n', ''),
      'appspec a.yml, Resources[0].TargetService.Properties.TaskDefinition: missing (required)',
    ],
    [
      'the wrong version',
      SEED.replace('version: 0.0', 'version: 1'),
      'appspec a.yml, version: expected 0.0, found the number 1',
    ],
    [
      'two services',
      SEED.replace('Hooks:', '  - Other: {}\nHooks:'),
      'Resources: expected a list with the one ECS service (- TargetService: …), found 2 entries',
    ],
    [
      'a hook without a function',
      SEED.replace('"SmokeTest"', '""'),
      'Hooks[1].AfterAllowTestTraffic: expected a string, found an empty string',
    ],
    [
      'a value that could be a secret is named by its kind, not quoted',
      SEED.replace('version: 0.0', 'version: s3cr3t/T0ken'),
      'appspec a.yml, version: expected 0.0, found a string',
    ],
    ['not an object', '- a\n- b\n', 'appspec a.yml, the top level: expected an object, found a list'],
    [
      'a plain string, not quoted',
      'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI\n',
      'appspec a.yml, the top level: expected an object, found a string',
    ],
  ])('%s', (_name, text, message) => {
    expect(() => parseAppSpec(text, 'appspec a.yml')).toThrow(message)
  })

  test('every problem at once, with the reference to read', () => {
    const text = SEED.replace('8080', '0').replace('version: 0.0', 'version: 2').replace('Hooks:', 'Hook:')
    expect(() => parseAppSpec(text, 'appspec a.yml')).toThrow(
      'appspec a.yml has 3 problems:\n  - version: expected 0.0, found the number 2\n  - Resources[0].TargetService.Properties.LoadBalancerInfo.ContainerPort: expected a port number (1-65535), found the number 0\n  - Hook: unknown key; did you mean Hooks?\nSee the AppSpec reference for ECS',
    )
  })
})

describe('loadAppSpec', () => {
  test('reads the file relative to the workspace; a missing one names the input', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'appspec-'))
    writeFileSync(path.join(dir, 'appspec.yml'), SEED)
    await expect(loadAppSpec('appspec.yml', dir)).resolves.toMatchObject({
      source: 'appspec appspec.yml',
      containerName: 'web',
    })
    await expect(loadAppSpec('.aws/appspec.yml', dir)).rejects.toThrow(
      `appspec .aws/appspec.yml not found at ${path.join(dir, '.aws/appspec.yml')}. Config key \`codedeploy.appspec\` is relative to the workspace: check the path, or leave it out to have the AppSpec made from the service's load balancer.`,
    )
  })

  test('a path out of the workspace is refused, naming the input', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'appspec-'))
    writeFileSync(path.join(tmpdir(), 'appspec-outside.yml'), SEED)
    await expect(loadAppSpec('../appspec-outside.yml', dir)).rejects.toThrow(
      `Config key \`codedeploy.appspec\` must name a path inside the workspace (${dir}); ../appspec-outside.yml leads outside it.`,
    )
  })

  test('a YAML alias bomb is refused with the file and line', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'appspec-'))
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      '',
    ].join('\n')
    writeFileSync(path.join(dir, 'appspec.yml'), bomb)
    await expect(loadAppSpec('appspec.yml', dir)).rejects.toThrow(
      'appspec appspec.yml:2: its YAML aliases expand more than 100 times',
    )
  })
})

describe('generateAppSpec', () => {
  test('from the service’s load balancer, as the ECS console writes it', () => {
    const spec = generateAppSpec(
      service({ loadBalancers: [{ targetGroupArn: 'arn:tg', containerName: 'web', containerPort: 8080 }] }),
    )
    expect(appSpecContent(spec, NEW_TD)).toBe(
      `version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: ${NEW_TD}\n        LoadBalancerInfo:\n          ContainerName: web\n          ContainerPort: 8080\n`,
    )
  })

  test('needs a load balancer to take the container and port from', () => {
    expect(() => generateAppSpec(service())).toThrow(
      'Service "web" has no load balancer with a container name and port to write the AppSpec from: give the `appspec` input (an appspec.yml with Resources → TargetService → Properties → LoadBalancerInfo).',
    )
  })
})

describe('checkContainer', () => {
  const spec = parseAppSpec(SEED, 'appspec appspec.yml')
  test.each([
    [[{ name: 'web', portMappings: [{ containerPort: 8080 }] }], undefined],
    [
      [{ name: 'app', portMappings: [{ containerPort: 8080 }] }],
      'appspec appspec.yml, Resources[0].TargetService.Properties.LoadBalancerInfo.ContainerName: the task definition has no container "web" (it has app).',
    ],
    [
      [{ name: 'web', portMappings: [{ containerPort: 80 }] }],
      'appspec appspec.yml, Resources[0].TargetService.Properties.LoadBalancerInfo.ContainerPort: container web maps no port 8080 (it maps 80).',
    ],
  ])('%j', (containers, message) => {
    if (message) expect(() => checkContainer(spec, containers)).toThrow(message)
    else expect(() => checkContainer(spec, containers)).not.toThrow()
  })
})

test('each AppSpec problem carries its path apart from its message (one Problem type with the config and the task definition)', () => {
  try {
    parseAppSpec(SEED.replace('version: 0.0', 'version: 2').replace('Hooks:', 'Hook:'), 'appspec a.yml')
    throw new Error('accepted')
  } catch (error) {
    expect(error).toBeInstanceOf(ProblemsError)
    expect((error as ProblemsError).problems).toEqual([
      { path: 'version', message: 'expected 0.0, found the number 2' },
      { path: 'Hook', message: 'unknown key; did you mean Hooks?' },
    ])
  }
})
