import { UserError } from '../../src/common/errors.js'
import type { TaskDefinition } from '@aws-sdk/client-ecs'
import { renderTaskDefinition, sameTaskDefinition } from '../../src/taskdef/index.js'
import { fixtures, workspace, writeTemplate } from './helpers.js'

const ecr = '123456789012.dkr.ecr.us-east-1.amazonaws.com'
const placeholders = {
  GITHUB_SHA: 'f00dfeed',
  SHORT_SHA: 'f00d',
  REF_NAME: 'main',
  RUN_NUMBER: '42',
  ENVIRONMENT: 'prod',
  CPU: '512',
  GREETING: 'hi',
}

describe('renderTaskDefinition', () => {
  const originalWorkspace = process.env.GITHUB_WORKSPACE
  beforeEach(() => {
    process.env.GITHUB_WORKSPACE = fixtures
  })
  afterAll(() => {
    process.env.GITHUB_WORKSPACE = originalWorkspace
  })

  it('renders describe-task-definition output with a new image', async () => {
    const rendered = await renderTaskDefinition({
      templatePath: 'describe-output.json',
      image: `${ecr}/web@sha256:${'0123'.repeat(16)}`,
      environment: [{ name: 'LOG_LEVEL', value: 'debug' }],
      placeholders,
    })
    expect(rendered.containers).toEqual(['web'])
    expect(rendered.notes).toEqual([
      'dropped read-only keys: taskDefinitionArn, revision, status, requiresAttributes, compatibilities, registeredAt, registeredBy',
      `the image goes to web: the container(s) running ${ecr}/web`,
    ])
    expect(rendered.request).toMatchObject({ family: 'web', cpu: '256', tags: [{ key: 'team', value: 'payments' }] })
    expect(rendered.request.containerDefinitions?.[0]).toMatchObject({
      image: `${ecr}/web@sha256:${'0123'.repeat(16)}`,
      environment: [{ name: 'LOG_LEVEL', value: 'debug' }],
    })
    expect(rendered.request.containerDefinitions?.[1]?.image).toBe(
      'public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0',
    )
    expect(rendered.request).not.toHaveProperty('taskDefinitionArn')
  })

  it('renders the same request from the JSON and the YAML template', async () => {
    const [json, yaml] = await Promise.all(
      ['td.json', 'td.yaml'].map((templatePath) => renderTaskDefinition({ templatePath, placeholders })),
    )
    expect(json?.request).toMatchObject({ family: 'web-prod', cpu: '512', memory: '1024' })
    expect(yaml?.request).toEqual(json?.request)
    expect(json?.containers).toEqual([])
    expect(json?.notes).toEqual([])
  })

  it("takes a template's missing family from the service's current revision, and says so", async () => {
    const dir = workspace()
    process.env.GITHUB_WORKSPACE = dir
    writeTemplate(dir, 'td.yaml', 'containerDefinitions:\n  - name: web\n    image: nginx\n')
    const current: TaskDefinition = { family: 'web', revision: 41, containerDefinitions: [{ name: 'web', image: 'x' }] }
    const rendered = await renderTaskDefinition({ templatePath: 'td.yaml', current, placeholders })
    expect(rendered.request.family).toBe('web')
    expect(rendered.notes).toContain("family: web, from the service's current revision web:41 (td.yaml names none)")
    // A family in the template is the template's: nothing is taken, nothing said.
    writeTemplate(dir, 'named.yaml', 'family: other\ncontainerDefinitions:\n  - name: web\n    image: nginx\n')
    const named = await renderTaskDefinition({ templatePath: 'named.yaml', current, placeholders })
    expect(named.request.family).toBe('other')
    expect(named.notes.join('\n')).not.toContain('family')
    // Offline (no service to read), a template without family is refused as before.
    await expect(renderTaskDefinition({ templatePath: 'td.yaml', placeholders })).rejects.toThrow('family')
  })

  it('starts from the current task definition and its tags', async () => {
    const current = (await renderTaskDefinition({ templatePath: 'describe-output.json', placeholders })).request
    const described = { ...current, taskDefinitionArn: 'arn:…:task-definition/web:41', revision: 41, status: 'ACTIVE' }
    const tags = [{ key: 'team', value: 'payments' }]
    const rendered = await renderTaskDefinition({
      current: described as TaskDefinition,
      currentTags: tags,
      image: `${ecr}/web:v2`,
      containers: ['web'],
      placeholders: {},
    })
    expect(rendered.notes).toEqual(['dropped read-only keys: taskDefinitionArn, revision, status'])
    expect(rendered.request.tags).toEqual(tags)
    expect(rendered.request.containerDefinitions?.[0]?.image).toBe(`${ecr}/web:v2`)
    expect(sameTaskDefinition(rendered.request, described as TaskDefinition, tags)).toBe(false)

    const unchanged = await renderTaskDefinition({
      current: described as TaskDefinition,
      currentTags: tags,
      placeholders: {},
    })
    expect(sameTaskDefinition(unchanged.request, described as TaskDefinition, tags)).toBe(true)
  })

  it('names the file and the line in validation errors', async () => {
    const dir = workspace()
    process.env.GITHUB_WORKSPACE = dir
    const text = 'family: web\ncontainerDefinitions:\n  - name: web\n    image: nginx\n    healthcheck: {}\n'
    writeTemplate(dir, 'td.yaml', text)
    await expect(renderTaskDefinition({ templatePath: 'td.yaml', placeholders })).rejects.toThrow(
      'task definition td.yaml, line 5, containerDefinitions[0] (web).healthcheck: unknown key; did you mean healthCheck?',
    )
  })

  it("carries each problem's file and line as data: the key, or for a missing key its parent; JSON and wrapped too", async () => {
    const dir = workspace()
    process.env.GITHUB_WORKSPACE = dir
    const wrapped = {
      taskDefinition: {
        family: 'web',
        containerDefinitions: [
          { name: 'a', image: 'nginx' },
          { image: 'nginx', cpu: 'x' },
        ],
      },
    }
    writeTemplate(dir, 'td.json', JSON.stringify(wrapped, null, 2))
    const error = await renderTaskDefinition({ templatePath: 'td.json', placeholders }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UserError)
    expect((error as UserError).locations).toEqual([
      {
        file: 'td.json',
        line: 11,
        message: 'task definition td.json, containerDefinitions[1].cpu: expected a number, found the string "x"',
      },
      {
        file: 'td.json',
        line: 9,
        message: 'task definition td.json, containerDefinitions[1].name: missing (required)',
      },
    ])
  })

  it('refuses what ECS would refuse once the changes are applied: the image input on Fargate without an execution role', async () => {
    const dir = workspace()
    process.env.GITHUB_WORKSPACE = dir
    const text =
      'family: web\nrequiresCompatibilities: [FARGATE]\nnetworkMode: awsvpc\ncpu: 256\nmemory: 512\ncontainerDefinitions:\n  - name: web\n'
    writeTemplate(dir, 'td.yaml', text)
    await expect(
      renderTaskDefinition({ templatePath: 'td.yaml', image: `${ecr}/web:v2`, placeholders }),
    ).rejects.toThrow(
      'task definition td.yaml, containerDefinitions[0] (web).image: ECS needs a task execution role for pulling a private ECR image on Fargate; ' +
        'set executionRoleArn (e.g. the ARN of ecsTaskExecutionRole)',
    )
  })

  it('holds the current task definition to the same rules, and an EC2 one to no Fargate rule', async () => {
    const ec2 = {
      family: 'web',
      revision: 3,
      networkMode: 'bridge',
      containerDefinitions: [{ name: 'web', image: `${ecr}/web:v1`, memory: 128 }],
    }
    const rendered = await renderTaskDefinition({
      current: ec2 as TaskDefinition,
      image: `${ecr}/web:v2`,
      placeholders: {},
    })
    expect(rendered.request.containerDefinitions?.[0]?.image).toBe(`${ecr}/web:v2`)
    const fargate = { ...ec2, requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '256', memory: '1024' }
    await expect(renderTaskDefinition({ current: fargate as TaskDefinition, placeholders: {} })).rejects.toThrow(
      'current task definition web:3, containerDefinitions[0] (web).image: ECS needs a task execution role for pulling a private ECR image on Fargate; ' +
        'set executionRoleArn (e.g. the ARN of ecsTaskExecutionRole)',
    )
  })

  it.each([
    [
      'an environment variable set twice, with both positions',
      '    environment:\n      - { name: LOG_LEVEL, value: info }\n      - { name: PORT, value: "80" }\n      - { name: LOG_LEVEL, value: debug }\n',
      'task definition td.yaml, containerDefinitions[0] (web).environment: LOG_LEVEL is set twice, at [0] and [2]; ECS would keep only one, silently: remove the others',
    ],
    [
      'a secret named three times',
      '    secrets:\n      - { name: DB, valueFrom: a }\n      - { name: DB, valueFrom: b }\n      - { name: DB, valueFrom: c }\n',
      'task definition td.yaml, containerDefinitions[0] (web).secrets: DB is set 3 times, at [0], [1] and [2]; ECS would keep only one, silently: remove the others',
    ],
  ])('refuses %s', async (_case, lines, message) => {
    const dir = workspace()
    process.env.GITHUB_WORKSPACE = dir
    writeTemplate(dir, 'td.yaml', `family: web\ncontainerDefinitions:\n  - name: web\n    image: nginx\n${lines}`)
    await expect(renderTaskDefinition({ templatePath: 'td.yaml', placeholders })).rejects.toThrow(message)
  })

  it("checks every container's image against the reference grammar, naming the container", async () => {
    const dir = workspace()
    process.env.GITHUB_WORKSPACE = dir
    writeTemplate(
      dir,
      'td.yaml',
      'family: web\ncontainerDefinitions:\n  - name: web\n    image: web\n  - name: log\n    image: Fluent/Bit:2\n',
    )
    await expect(
      renderTaskDefinition({ templatePath: 'td.yaml', placeholders, image: `${ecr}/web:v1`, containers: ['web'] }),
    ).rejects.toThrow(
      'task definition td.yaml, containerDefinitions[1] (log).image "Fluent/Bit:2" is not a valid image reference: repository names must be lowercase ("Fluent")',
    )
  })

  it('needs a template or the current definition', async () => {
    await expect(renderTaskDefinition({ placeholders })).rejects.toThrow(
      'renderTaskDefinition needs templatePath or current',
    )
  })
})
