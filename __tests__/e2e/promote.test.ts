// Promotion and per-environment build settings through dist/index.js on the local stack: dev builds with its own
// Dockerfile and build args; qa is promoted from dev and runs the very digest dev runs, with nothing built.
import {
  CreateClusterCommand,
  CreateServiceCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs'
import { DescribeImagesCommand, ECRClient } from '@aws-sdk/client-ecr'
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { runAction, workspaceDir } from './action.js'
import { ScenarioAdmin, useStack, waitFor, webTaskDefinition, type StackEnv } from './stack.js'

let stack: StackEnv
let admin: ScenarioAdmin
let ecs: ECSClient
const dir = workspaceDir('e2e-promote-')
// A new commit each run: the registry keeps its images between runs, and this commit's must be built.
const SHA = randomBytes(20).toString('hex')

beforeAll(async () => {
  stack = await useStack()
  admin = new ScenarioAdmin(stack.STACK_SCENARIO_URL)
  ecs = new ECSClient({ region: stack.AWS_REGION })
})

afterAll(() => ecs?.destroy())

async function service(cluster: string) {
  const { services } = await ecs.send(new DescribeServicesCommand({ cluster, services: ['web'] }))
  if (!services?.[0]) throw new Error(`service web of ${cluster} is missing`)
  return services[0]
}

async function containerOf(taskDefinition: string) {
  const described = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition }))
  return described.taskDefinition?.containerDefinitions?.[0]
}

/** Clusters dev and qa, each with service web on web:v1, qa's container knowing it is qa; the config file. */
async function givenDevAndQa(): Promise<string> {
  await admin.reset({ moto: true })
  for (const cluster of ['dev', 'qa']) {
    await ecs.send(new CreateClusterCommand({ clusterName: cluster }))
    await ecs.send(
      new RegisterTaskDefinitionCommand(
        webTaskDefinition(`web-${cluster}`, `${stack.STACK_REGISTRY}/web:v1`, {
          environment: [{ name: 'STAGE_NAME', value: cluster }],
        }),
      ),
    )
    await ecs.send(
      new CreateServiceCommand({
        cluster,
        serviceName: 'web',
        taskDefinition: `web-${cluster}`,
        desiredCount: 2,
        launchType: 'FARGATE',
      }),
    )
  }
  for (const cluster of ['dev', 'qa'])
    await waitFor(`${cluster}'s web to run 2 tasks`, async () => (await service(cluster)).runningCount === 2, {
      timeoutMs: 20_000,
    })
  // dev's own Dockerfile: the sample app, with the stage it was built for baked in from a build arg.
  const dockerfile = path.join(dir, 'dev.Dockerfile')
  writeFileSync(
    dockerfile,
    [
      'FROM scratch',
      'ARG STAGE=none',
      'ENV STAGE=${STAGE} PORT=8080',
      'COPY busybox /bin/busybox',
      'COPY app/ /app/',
      'ENTRYPOINT ["/bin/busybox", "sh", "/app/start.sh"]',
    ].join('\n'),
  )
  const config = path.join(dir, 'ecs-deploy.yml')
  writeFileSync(
    config,
    [
      'environments:',
      '  dev:',
      '    branches: [develop]',
      '    cluster: dev',
      '    services: [web]',
      `    image: ${stack.STACK_REGISTRY}/web-promote`,
      `    dockerfile: ${dockerfile}`,
      '    build-args: { STAGE: dev }',
      '    build: { create-repository: true }',
      '    environment-variables: { GREETING: hello-dev }',
      '  qa:',
      "    branches: ['release/*']",
      '    cluster: qa',
      '    services: [web]',
      '    promote-from: dev',
    ].join('\n'),
  )
  return config
}

const build = () => ({ build: stack.STACK_SAMPLE_APP })

describe('promote-from through dist/index.js', () => {
  test('dev builds with its own Dockerfile and build args; qa is promoted from dev: the same digest, nothing built', async () => {
    const config = await givenDevAndQa()
    const dev = await runAction({ config, ...build() }, { GITHUB_REF: 'refs/heads/develop', GITHUB_SHA: SHA })
    expect(dev.errors).toEqual([])
    expect(dev.exitCode).toBe(0)
    const image = dev.outputs.image ?? ''
    expect(image).toMatch(new RegExp(`^${stack.STACK_REGISTRY}/web-promote@sha256:[a-f0-9]{64}$`))
    expect(dev.result['image-digest']).toBe(image.split('@')[1])
    // The environment's build arg is in the image it built.
    const { stdout: env } = await promisify(execFile)('docker', [
      'image',
      'inspect',
      '--format',
      '{{json .Config.Env}}',
      image,
    ])
    expect(JSON.parse(env)).toContain('STAGE=dev')
    const devContainer = await containerOf((await service('dev')).taskDefinition ?? '')
    expect(devContainer?.image).toBe(image)
    expect(devContainer?.environment).toEqual([
      { name: 'STAGE_NAME', value: 'dev' },
      { name: 'GREETING', value: 'hello-dev' },
    ])

    const qa = await runAction({ config }, { GITHUB_REF: 'refs/heads/release/1.4', GITHUB_SHA: SHA })
    expect(qa.errors).toEqual([])
    expect(qa.exitCode).toBe(0)
    expect(qa.result).toMatchObject({
      status: 'succeeded',
      'promoted-from': 'dev',
      'promoted-images': `web=${image}`,
      image,
    })
    // Nothing built or pushed: no build outputs, no build in the log.
    expect(qa.result['image-digest']).toBeUndefined()
    expect(qa.result['build-seconds']).toBeUndefined()
    expect(qa.stdout).not.toMatch(/Building with|legacy docker builder|Pushed /)
    expect(qa.stdout).toContain(
      'Promoting from dev: reading what its services run in cluster dev (us-east-1); nothing is built.',
    )
    expect(qa.summary).toContain('| Promoted from | dev (web, web-dev:2) |')
    expect(qa.summary).toContain(`| Images | web: \`${image}\` |`)
    // qa runs dev's digest, and keeps its own settings.
    const running = await containerOf((await service('qa')).taskDefinition ?? '')
    expect(running?.image).toBe(image)
    expect(running?.environment).toEqual([{ name: 'STAGE_NAME', value: 'qa' }])
  })

  test("a source that runs a tag is promoted by the digest behind it, pinned in qa's task definition", async () => {
    const config = await givenDevAndQa()
    const ecr = new ECRClient({ region: stack.AWS_REGION })
    const described = await ecr.send(
      new DescribeImagesCommand({ repositoryName: 'web', imageIds: [{ imageTag: 'v1' }] }),
    )
    ecr.destroy()
    const digest = described.imageDetails?.[0]?.imageDigest ?? ''
    expect(digest).toMatch(/^sha256:[a-f0-9]{64}$/)

    // A dry run reads and shows the promotion, and changes nothing.
    const before = await service('qa')
    const dry = await runAction({ config, 'dry-run': 'true' }, { GITHUB_REF: 'refs/heads/release/1.4' })
    expect(dry.errors).toEqual([])
    expect(dry.result).toMatchObject({ status: 'planned', 'promoted-from': 'dev' })
    expect(dry.result.diff).toContain(`${stack.STACK_REGISTRY}/web@${digest}`)
    expect((await service('qa')).taskDefinition).toBe(before.taskDefinition)

    const qa = await runAction({ config }, { GITHUB_REF: 'refs/heads/release/1.4' })
    expect(qa.errors).toEqual([])
    expect(qa.result).toMatchObject({ 'promoted-from': 'dev', image: `${stack.STACK_REGISTRY}/web@${digest}` })
    expect((await containerOf((await service('qa')).taskDefinition ?? ''))?.image).toBe(
      `${stack.STACK_REGISTRY}/web@${digest}`,
    )
  })

  test('a promotion from an environment mid-rollout is refused, and qa is left as it was', async () => {
    const config = await givenDevAndQa()
    await admin.scenario({ cluster: 'dev', service: 'web', rollout: { outcome: 'stuck-pending' } })
    await ecs.send(new UpdateServiceCommand({ cluster: 'dev', service: 'web', forceNewDeployment: true }))
    await waitFor('dev to roll out', async () => ((await service('dev')).deployments?.length ?? 0) > 1)
    const before = await service('qa')

    const qa = await runAction({ config }, { GITHUB_REF: 'refs/heads/release/1.4' })
    expect(qa.exitCode).toBe(1)
    expect(qa.errors).toEqual([
      expect.stringMatching(
        /^::error::Cannot promote from dev: dev's service web \(cluster dev, us-east-1\) is mid-rollout \(PRIMARY web-dev:1 IN_PROGRESS, ACTIVE web-dev:1 COMPLETED\)\. Nothing was changed; promote once dev runs one revision, settled \(its deployment COMPLETED\)\.$/,
      ),
    ])
    const after = await service('qa')
    expect(after.taskDefinition).toBe(before.taskDefinition)
    expect(after.deployments).toHaveLength(1)
  })

  test('a source pinned to a digest ECR no longer has is refused before anything changes', async () => {
    const config = await givenDevAndQa()
    const gone = `sha256:${'0'.repeat(64)}`
    await ecs.send(
      new RegisterTaskDefinitionCommand(webTaskDefinition('web-dev', `${stack.STACK_REGISTRY}/web@${gone}`)),
    )
    await ecs.send(new UpdateServiceCommand({ cluster: 'dev', service: 'web', taskDefinition: 'web-dev:2' }))
    await waitFor(
      'dev to settle on web-dev:2',
      async () => {
        const dev = await service('dev')
        const [only, ...others] = dev.deployments ?? []
        return (
          dev.runningCount === 2 &&
          !others.length &&
          only?.rolloutState === 'COMPLETED' &&
          only.taskDefinition?.endsWith('/web-dev:2')
        )
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    )
    const before = await service('qa')
    const qa = await runAction({ config }, { GITHUB_REF: 'refs/heads/release/1.4' })
    expect(qa.exitCode).toBe(1)
    expect(qa.errors).toEqual([
      `::error::Cannot promote from dev: dev's service web (cluster dev, us-east-1)'s container web runs ${stack.STACK_REGISTRY}/web@${gone}, which ECR no longer has (repository web): the rollout would fail pulling it. Nothing was changed; promote once dev runs one revision, settled (its deployment COMPLETED).`,
    ])
    expect((await service('qa')).taskDefinition).toBe(before.taskDefinition)
  })
})
