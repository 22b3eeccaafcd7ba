// The order of a run: everything that can be checked is checked before anything changes, and a dry run changes nothing.
import { jest } from '@jest/globals'
import {
  CreateRepositoryCommand,
  DescribeImagesCommand,
  DescribeRepositoriesCommand,
  ECRClient,
  GetAuthorizationTokenCommand,
  ImageNotFoundException,
  RepositoryNotFoundException,
} from '@aws-sdk/client-ecr'
import {
  DescribeExpressGatewayServiceCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ECSClient,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  UpdateExpressGatewayServiceCommand,
  UpdateServiceCommand,
  type TaskDefinition,
} from '@aws-sdk/client-ecs'
import { mockClient } from 'aws-sdk-client-mock'
import 'aws-sdk-client-mock-jest'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { ExecOptions, ExecResult } from '../src/common/exec.js'
import { configWith } from './helpers/config-file.js'
import { fakeClock } from './helpers/clock.js'
import { deployment, NEW_TD, OLD_TD, oldDeployment, service } from './helpers/ecs.js'

const outputs: Record<string, string> = {}
const result = (): Record<string, string> => JSON.parse(outputs.result ?? '{}') as Record<string, string>
const failures: string[] = []
const logs: string[] = []
let inputs: Record<string, string> = {}

jest.unstable_mockModule('@actions/core', () => ({
  getInput: (name: string) => inputs[name] ?? '',
  setOutput: (name: string, value: string) => (outputs[name] = value),
  setFailed: (message: string) => failures.push(message),
  saveState: () => undefined,
  getState: () => '',
  setSecret: () => undefined,
  info: (line: string) => logs.push(line),
  warning: (line: string) => logs.push(`warning: ${line}`),
  // A failure in a file is the step's error annotation on that file (the step fails by its exit code).
  error: (message: string, properties?: { file?: string }) => void (properties?.file && failures.push(message)),
  debug: () => undefined,
  group: async <T>(_name: string, fn: () => Promise<T>) => fn(),
  summary: { addRaw: () => ({ write: async () => undefined }) },
}))
afterEach(() => {
  process.exitCode = undefined
})

const DIGEST = `sha256:${'d'.repeat(64)}`
const HOST = '123456789012.dkr.ecr.us-east-1.amazonaws.com'
const REPO = `${HOST}/web`
/** Every docker command the run gives, with a plausible answer (legacy builder). */
const docker = jest.fn(async (_command: string, args: string[], _options?: ExecOptions): Promise<ExecResult> => {
  const answers: Record<string, string> = {
    version: '28.2.2',
    login: 'Login Succeeded',
    build: 'Successfully built 1a2b3c',
    push: `${args[1]?.split(':').pop()}: digest: ${DIGEST} size: 528`,
  }
  const answer = answers[args[0] ?? '']
  return answer === undefined
    ? { exitCode: 1, stdout: '', stderr: 'unknown command' }
    : { exitCode: 0, stdout: answer, stderr: '' }
})
jest.unstable_mockModule('../src/common/exec.js', () => ({ execCommand: docker }))

const { run } = await import('../src/action/main.js')
const ecsMock = mockClient(ECSClient)
const ecrMock = mockClient(ECRClient)
const dockerVerbs = () => docker.mock.calls.map((call) => call[1][0])

const current: TaskDefinition = {
  taskDefinitionArn: OLD_TD,
  family: 'web',
  revision: 6,
  status: 'ACTIVE',
  networkMode: 'awsvpc',
  requiresCompatibilities: ['FARGATE'],
  cpu: '256',
  memory: '512',
  containerDefinitions: [
    {
      name: 'web',
      image: `${REPO}:old`,
      portMappings: [{ containerPort: 3000, hostPort: 3000, protocol: 'tcp' }],
      essential: true,
    },
  ],
}

let context: string

beforeEach(() => {
  delete process.env.GITHUB_REF
  ecsMock.reset()
  ecrMock.reset()
  docker.mockClear()
  for (const k of Object.keys(outputs)) delete outputs[k]
  failures.length = 0
  logs.length = 0
  context = mkdtempSync(path.join(tmpdir(), 'pipeline-context-'))
  writeFileSync(path.join(context, 'Dockerfile'), 'FROM scratch\n')
  // Not waiting: what matters here is what the run sends before the rollout, not how it ends.
  inputs = {
    service: 'web',
    cluster: 'prod',
    image: `${REPO}:v2`,
    'task-definition': '__tests__/fixtures/web-td.json',
    wait: 'false',
  }
  process.env.AWS_REGION = 'us-east-1'
  process.env.GITHUB_SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678'
  process.env.GITHUB_WORKSPACE = path.resolve(import.meta.dirname, '..')
  ecsMock.on(DescribeServicesCommand).resolves({ services: [service()] })
  ecsMock.on(DescribeTaskDefinitionCommand).resolves({ taskDefinition: current, tags: [] })
  ecsMock.on(ListTasksCommand).resolves({ taskArns: [] })
  ecsMock
    .on(RegisterTaskDefinitionCommand)
    .resolves({ taskDefinition: { ...current, taskDefinitionArn: NEW_TD, revision: 7 } })
  ecsMock.on(UpdateServiceCommand).resolves({
    service: service({ deployments: [deployment({ rolloutState: 'COMPLETED', runningCount: 2 }), oldDeployment()] }),
  })
  ecrMock.on(GetAuthorizationTokenCommand).resolves({
    authorizationData: [
      { authorizationToken: Buffer.from('AWS:pw').toString('base64'), proxyEndpoint: `https://${HOST}` },
    ],
  })
  ecrMock
    .on(DescribeRepositoriesCommand)
    .resolves({ repositories: [{ repositoryName: 'web', imageTagMutability: 'MUTABLE' }] })
  ecrMock.on(DescribeImagesCommand).rejects(new ImageNotFoundException({ message: 'not found', $metadata: {} }))
  ecrMock
    .on(DescribeImagesCommand, { imageIds: [{ imageTag: 'v2' }] })
    .resolves({ imageDetails: [{ imageDigest: DIGEST, imageTags: ['v2'] }] })
  ecrMock
    .on(DescribeImagesCommand, { imageIds: [{ imageDigest: DIGEST }] })
    .resolves({ imageDetails: [{ imageDigest: DIGEST, imageTags: ['v2'] }] })
})

const building = () => ({ build: context, image: REPO })

describe('dry run', () => {
  test('with build: builds, pushes, creates and registers nothing, updates no service; says what it would build', async () => {
    ecrMock.on(DescribeRepositoriesCommand).rejects(new RepositoryNotFoundException({ message: 'no', $metadata: {} }))
    inputs = { ...inputs, ...building(), ...configWith('build: { create-repository: true }'), 'dry-run': 'true' }
    await run(fakeClock())
    expect(failures).toEqual([])
    expect(outputs.status).toBe('planned')
    expect(docker).not.toHaveBeenCalled()
    expect(ecrMock).not.toHaveReceivedCommand(CreateRepositoryCommand)
    expect(ecsMock).not.toHaveReceivedCommand(RegisterTaskDefinitionCommand)
    expect(ecsMock).not.toHaveReceivedCommand(UpdateServiceCommand)
    const sha = process.env.GITHUB_SHA
    expect(result().diff).toContain(`containerDefinitions[web].image: ${REPO}:old → ${REPO}:${sha}`)
    expect(logs).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^would build ${REPO}:${sha} from ${context} and push it as ${sha}, ${sha}-[a-f0-9]{12}; would create the ECR repository web; nothing built or pushed \\(dry run\\)$`,
        ),
      ),
    )
  })

  test("tags take the template's placeholders; an unknown one stops the run before anything is built", async () => {
    inputs = { ...inputs, ...building(), tags: 'short-${SHORT_SHA}\n${CLUSTER}-${AWS_REGION}', 'dry-run': 'true' }
    await run(fakeClock())
    expect(failures).toEqual([])
    const sha = process.env.GITHUB_SHA ?? ''
    expect(logs).toContainEqual(
      expect.stringMatching(new RegExp(`push it as short-${sha.slice(0, 7)}, ${inputs.cluster}-us-east-1[,;]`)),
    )
    inputs = { ...inputs, tags: 'v-${NOPE}', 'dry-run': 'false' }
    await run(fakeClock())
    expect(failures.join('\n')).toContain('Input `tags`: unknown placeholder ${NOPE}.')
    expect(docker).not.toHaveBeenCalled()
  })

  test('with build and an image of this commit built the same way: would deploy that one', async () => {
    const reuseTag = new RegExp(`^${process.env.GITHUB_SHA}-[a-f0-9]{12}$`)
    ecrMock.on(DescribeImagesCommand).callsFake((input: { imageIds: { imageTag?: string }[] }) => {
      if (reuseTag.test(input.imageIds[0]?.imageTag ?? '')) return { imageDetails: [{ imageDigest: DIGEST }] }
      throw new ImageNotFoundException({ message: 'not found', $metadata: {} })
    })
    inputs = { ...inputs, ...building(), 'dry-run': 'true' }
    await run(fakeClock())
    expect(failures).toEqual([])
    expect(docker).not.toHaveBeenCalled()
    expect(result().diff).toContain(`containerDefinitions[web].image: ${REPO}:old → ${REPO}@${DIGEST}`)
    expect(logs).toContain(
      `would deploy ${REPO}@${DIGEST}, already built from this commit the same way (skip-build-if-exists); nothing built`,
    )
  })
})

describe('dry run, a service busy with another deployment', () => {
  test('does not wait: the report says what a deploy would do', async () => {
    const other = 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:5'
    ecsMock.on(DescribeServicesCommand).resolves({
      services: [service({ deployments: [deployment({ id: 'ecs-svc/5', taskDefinition: other }), oldDeployment()] })],
    })
    inputs = { ...inputs, 'dry-run': 'true' }
    const clock = fakeClock()
    const result = await run(clock)
    expect(failures).toEqual([])
    expect(clock.sleeps).toEqual([])
    expect(result.report?.services[0]?.notes).toContain(
      'busy with deployment ecs-svc/5 of web:5 (IN_PROGRESS): a deploy would wait for it (on-busy: wait)',
    )
  })
})

describe('checks before changes', () => {
  const busy = () =>
    service({
      deployments: [
        deployment({ id: 'ecs-svc/5', taskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:5' }),
        oldDeployment(),
      ],
    })
  const busyMessage =
    'Service "web" is busy with deployment ecs-svc/5 of web:5 (IN_PROGRESS): nothing was changed. Run again once it has finished, or set `on-busy: wait` to have the action wait for it.'

  test('on-busy: fail stops before any registration', async () => {
    ecsMock.on(DescribeServicesCommand).resolves({ services: [busy()] })
    inputs = { ...inputs, ...configWith('on-busy: fail') }
    await run(fakeClock())
    expect(failures).toEqual([busyMessage])
    expect(ecsMock).not.toHaveReceivedCommand(RegisterTaskDefinitionCommand)
    expect(ecsMock).not.toHaveReceivedCommand(UpdateServiceCommand)
  })

  test('on-busy: fail with build stops before docker runs or the repository is created', async () => {
    ecsMock.on(DescribeServicesCommand).resolves({ services: [busy()] })
    ecrMock.on(DescribeRepositoriesCommand).rejects(new RepositoryNotFoundException({ message: 'no', $metadata: {} }))
    inputs = {
      ...inputs,
      ...building(),
      ...configWith('on-busy: fail\nbuild: { create-repository: true }'),
    }
    await run(fakeClock())
    expect(failures).toEqual([busyMessage])
    expect(docker).not.toHaveBeenCalled()
    expect(ecrMock).not.toHaveReceivedCommand(CreateRepositoryCommand)
    expect(ecsMock).not.toHaveReceivedCommand(RegisterTaskDefinitionCommand)
  })

  test('on-busy: wait waits for the other deployment before building, then deploys without waiting again', async () => {
    const idle = service({
      deployments: [
        oldDeployment({
          status: 'PRIMARY',
          taskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:5',
        }),
      ],
    })
    ecsMock
      .on(DescribeServicesCommand)
      .resolvesOnce({ services: [busy()] })
      .resolves({ services: [idle] })
    inputs = { ...inputs, ...building() }
    const clock = fakeClock()
    await run(clock)
    expect(failures).toEqual([])
    expect(clock.sleeps).toEqual([5000])
    const waited = logs.indexOf(
      'web: deployment ecs-svc/5 of web:5 (IN_PROGRESS) is in flight; waiting for it to finish (on-busy: wait)',
    )
    expect(waited).toBeGreaterThanOrEqual(0)
    expect(waited).toBeLessThan(logs.findIndex((line) => line.startsWith('Image ')))
    expect(ecsMock).toHaveReceivedCommand(UpdateServiceCommand)
  })

  test('a template error stops the run before docker build', async () => {
    const template = path.join(context, 'td.json')
    writeFileSync(
      template,
      JSON.stringify({
        family: 'web',
        containerDefinitions: [{ name: 'web', image: 'x', memory: 256, healthcheck: { command: ['CMD', 'true'] } }],
      }),
    )
    // Templates are read only inside the workspace.
    process.env.GITHUB_WORKSPACE = context
    inputs = { ...inputs, ...building(), 'task-definition': 'td.json' }
    await run(fakeClock())
    expect(failures).toHaveLength(1)
    expect(failures[0]).toMatch(/healthcheck: unknown key; did you mean healthCheck\?/)
    expect(docker).not.toHaveBeenCalled()
    expect(ecsMock).not.toHaveReceivedCommand(RegisterTaskDefinitionCommand)
  })

  test('with build: the template is rendered with the tag to be pushed, then registered with the pushed digest', async () => {
    inputs = { ...inputs, ...building() }
    await run(fakeClock())
    expect(failures).toEqual([])
    expect(dockerVerbs()).toEqual(['version', 'buildx', 'login', 'build', 'push', 'push'])
    expect(ecsMock).toHaveReceivedCommandWith(RegisterTaskDefinitionCommand, {
      containerDefinitions: [expect.objectContaining({ image: `${REPO}@${DIGEST}` })],
    })
    expect(outputs.image).toBe(`${REPO}@${DIGEST}`)
  })
})

describe('the image to deploy exists', () => {
  test.each([
    [
      'a tag',
      `${REPO}:v3`,
      `The image ${REPO}:v3 does not exist: ECR repository web (${REPO} in 123456789012/us-east-1) has no tag v3. Check the tag, push it first, or set \`build\` to build and push it in this run.`,
    ],
    [
      'no tag (latest)',
      REPO,
      `The image ${REPO} does not exist: ECR repository web (${REPO} in 123456789012/us-east-1) has no tag latest. Check the tag, push it first, or set \`build\` to build and push it in this run.`,
    ],
    [
      'a digest',
      `${REPO}@sha256:${'e'.repeat(64)}`,
      `The image ${REPO}@sha256:${'e'.repeat(64)} does not exist: ECR repository web (${REPO} in 123456789012/us-east-1) has no digest sha256:${'e'.repeat(64)}. Check the tag, push it first, or set \`build\` to build and push it in this run.`,
    ],
  ])(
    'an ECR image with %s that is not there: one clear error before anything changes',
    async (_name, image, message) => {
      inputs = { ...inputs, image }
      await run(fakeClock())
      expect(failures).toEqual([message])
      expect(ecsMock).not.toHaveReceivedCommand(RegisterTaskDefinitionCommand)
      expect(ecsMock).not.toHaveReceivedCommand(UpdateServiceCommand)
    },
  )

  test('a missing repository is named', async () => {
    ecrMock.on(DescribeImagesCommand).rejects(new RepositoryNotFoundException({ message: 'no', $metadata: {} }))
    inputs = { ...inputs, image: `${HOST}/api:v1` }
    await run(fakeClock())
    expect(failures).toEqual([
      `The image ${HOST}/api:v1 does not exist: there is no ECR repository api in 123456789012/us-east-1. Create it and push it first, or set \`build\` to build and push it in this run.`,
    ])
    expect(ecsMock).not.toHaveReceivedCommand(RegisterTaskDefinitionCommand)
  })

  test('an ECR image that is there is deployed: by tag or by digest', async () => {
    await run(fakeClock())
    expect(failures).toEqual([])
    expect(ecrMock).toHaveReceivedCommandWith(DescribeImagesCommand, {
      repositoryName: 'web',
      registryId: '123456789012',
      imageIds: [{ imageTag: 'v2' }],
    })
    inputs = { ...inputs, image: `${REPO}@${DIGEST}` }
    await run(fakeClock())
    expect(failures).toEqual([])
    expect(ecrMock).toHaveReceivedCommandWith(DescribeImagesCommand, { imageIds: [{ imageDigest: DIGEST }] })
  })

  test('another registry: not checked, and the log says so', async () => {
    inputs = { ...inputs, image: 'ghcr.io/acme/web:v2' }
    await run(fakeClock())
    expect(failures).toEqual([])
    expect(logs).toContain(
      'ghcr.io/acme/web:v2 is not in ECR: whether it exists was not checked (ghcr.io is another registry).',
    )
    expect(ecrMock).not.toHaveReceivedCommand(DescribeImagesCommand)
    expect(ecsMock).toHaveReceivedCommand(UpdateServiceCommand)
  })

  test('not allowed to look: a warning, and the deploy goes on', async () => {
    ecrMock
      .on(DescribeImagesCommand)
      .rejects(
        Object.assign(new Error('not authorized to perform: ecr:DescribeImages'), { name: 'AccessDeniedException' }),
      )
    await run(fakeClock())
    expect(failures).toEqual([])
    expect(logs).toContain(
      `warning: Could not check that ${REPO}:v2 exists (AWS denied ecr:DescribeImages on 123456789012/us-east-1: not authorized to perform: ecr:DescribeImages. Grant ecr:DescribeImages to the role this workflow uses (README, "IAM permissions").); deploying it unchecked.`,
    )
  })
})

describe('an ECS Express Mode service', () => {
  const EXPRESS_TD = 'arn:aws:ecs:us-east-1:123456789012:task-definition/web-express:2'
  const express = (overrides = {}) =>
    service({
      resourceManagementType: 'ECS',
      deploymentConfiguration: { strategy: 'CANARY', canaryConfiguration: { canaryPercent: 5 } },
      ...overrides,
    })

  const EXECUTION_ROLE = 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole'

  test("registers nothing: its configuration is updated, ECS's revision is reported, its endpoint is the URL", async () => {
    const main = {
      ...current,
      executionRoleArn: EXECUTION_ROLE,
      containerDefinitions: [{ ...current.containerDefinitions?.[0], name: 'Main' }],
    }
    ecsMock.on(DescribeTaskDefinitionCommand).resolves({ taskDefinition: main, tags: [] })
    let updated = false
    ecsMock.on(DescribeServicesCommand).callsFake(() => ({
      services: [
        updated
          ? express({
              taskDefinition: EXPRESS_TD,
              deployments: [deployment({ taskDefinition: EXPRESS_TD }), oldDeployment()],
            })
          : express(),
      ],
    }))
    ecsMock.on(DescribeExpressGatewayServiceCommand).resolves({
      service: {
        activeConfigurations: [
          {
            taskDefinitionArn: OLD_TD,
            cpu: '256',
            memory: '512',
            primaryContainer: { image: `${REPO}:old`, containerPort: 3000 },
            ingressPaths: [{ accessType: 'PUBLIC', endpoint: 'web-1a2b.ecs.us-east-1.on.aws' }],
          },
        ],
      },
    })
    ecsMock.on(UpdateExpressGatewayServiceCommand).callsFake(() => {
      updated = true
      return { service: { targetConfiguration: { taskDefinitionArn: EXPRESS_TD } } }
    })
    inputs = { ...inputs, 'task-definition': '' }
    await run(fakeClock())
    expect(failures).toEqual([])
    expect(ecsMock).not.toHaveReceivedCommand(RegisterTaskDefinitionCommand)
    expect(ecsMock).not.toHaveReceivedCommand(UpdateServiceCommand)
    expect(ecsMock).toHaveReceivedCommandWith(UpdateExpressGatewayServiceCommand, {
      serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/prod/web',
      primaryContainer: { image: `${REPO}:v2`, containerPort: 3000 },
    })
    expect(result()['task-definition-arn']).toBe(EXPRESS_TD)
    expect(outputs['environment-url']).toBe('https://web-1a2b.ecs.us-east-1.on.aws')
  })

  test('a dry run refuses the service settings it cannot take, naming each by its config key; nothing is read further', async () => {
    ecsMock.on(DescribeServicesCommand).resolves({ services: [express()] })
    inputs = {
      ...inputs,
      'dry-run': 'true',
      ...configWith(
        'desired-count: 3\nservice-settings: { minimum-healthy-percent: 50, express-scaling-max-tasks: 6 }',
      ),
    }
    await run(fakeClock())
    expect(failures).toEqual([
      expect.stringMatching(
        /^`desired-count`, `service-settings\.minimum-healthy-percent`: service "web" is an ECS Express Mode service, .* Nothing was changed\.$/,
      ),
    ])
    expect(outputs.status).toBe('failed')
    expect(ecsMock).not.toHaveReceivedCommand(DescribeExpressGatewayServiceCommand)
    expect(ecsMock).not.toHaveReceivedCommand(UpdateExpressGatewayServiceCommand)
    expect(ecsMock).not.toHaveReceivedCommand(RegisterTaskDefinitionCommand)
  })

  describe('its preview (a plain copy of it)', () => {
    /** A config file whose dev environment (develop) has these keys and is the previews' base; a pull request event. */
    const previewOf = (keys: string): Record<string, string> => {
      mkdirSync(path.resolve(import.meta.dirname, '../build'), { recursive: true })
      const dir = mkdtempSync(path.resolve(import.meta.dirname, '../build/express-preview-'))
      const config = path.join(dir, 'ecs-deploy.yml')
      writeFileSync(
        config,
        `environments:\n  dev: { branches: [develop], cluster: prod, services: [web], ${keys} }\npreviews: { base: dev }\n`,
      )
      const event = path.join(dir, 'event.json')
      writeFileSync(event, JSON.stringify({ number: 7, pull_request: { number: 7, base: { ref: 'develop' } } }))
      process.env.GITHUB_EVENT_NAME = 'pull_request'
      process.env.GITHUB_EVENT_PATH = event
      process.env.GITHUB_REF = 'refs/pull/7/merge'
      const { service: _service, cluster: _cluster, ...rest } = inputs
      return {
        ...rest,
        config: path.relative(path.resolve(import.meta.dirname, '..'), config),
        preview: 'deploy',
        'dry-run': 'true',
      }
    }
    afterEach(() => {
      delete process.env.GITHUB_EVENT_NAME
      delete process.env.GITHUB_EVENT_PATH
    })

    test('leaves its scaling target out, saying so, and deploys as a plain service', async () => {
      const main = {
        ...current,
        executionRoleArn: EXECUTION_ROLE,
        containerDefinitions: [{ ...current.containerDefinitions?.[0], name: 'Main' }],
      }
      ecsMock.on(DescribeTaskDefinitionCommand).resolves({ taskDefinition: main, tags: [] })
      ecsMock.on(DescribeServicesCommand).resolves({ services: [express()] })
      inputs = previewOf('service-settings: { express-scaling-min-tasks: 2, express-scaling-max-tasks: 6 }')
      await run(fakeClock())
      expect(failures).toEqual([])
      expect(outputs.status).toBe('planned')
      expect(logs).toContain(
        "  `service-settings.express-scaling-min-tasks`, `service-settings.express-scaling-max-tasks`: not applied to the preview, a plain copy of the service that runs 1 task (`previews.desired-count`); an Express service's scaling target is its own",
      )
      expect(logs).toContain('  strategy: rolling update (ECS)')
    })
  })
})
