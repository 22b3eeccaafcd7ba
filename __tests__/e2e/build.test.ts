// Building the image through dist/index.js on the local stack: a build secret the Dockerfile reads, labels, and
// docker/metadata-action's full references as tags.
//
// The stack's docker is Debian's docker.io (20.10): its client builds with BuildKit (which mounts secrets) when
// DOCKER_BUILDKIT=1, without buildx. A docker client of 23 or later (like the one this machine may have first on
// PATH) does BuildKit only through buildx, which Debian bookworm does not package: the second test checks the
// action's error for that case, the first puts Debian's client first on PATH, as a runner with docker.io would have.
import { DescribeTaskDefinitionCommand, ECSClient } from '@aws-sdk/client-ecs'
import { execFile, spawn } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { runAction as runWithInputs, workspaceDir, movedToConfig } from './action.js'
import {
  givenWebService,
  registryHas,
  ScenarioAdmin,
  useStack,
  webService,
  webTaskDefinition,
  type StackEnv,
} from './stack.js'

/** Runs the action with the settings that moved to the config file written there (issue 22). */
const runAction = (inputs: Record<string, string>, env?: Record<string, string>): ReturnType<typeof runWithInputs> =>
  runWithInputs(movedToConfig(inputs), env)

const run = promisify(execFile)
const DEBIAN_DOCKER = '/usr/bin/docker'
const ROOT = path.resolve(import.meta.dirname, '../..')

let stack: StackEnv
let admin: ScenarioAdmin
let ecs: ECSClient
const dir = workspaceDir('e2e-build-')

beforeAll(async () => {
  stack = await useStack()
  admin = new ScenarioAdmin(stack.STACK_SCENARIO_URL)
  ecs = new ECSClient({ region: stack.AWS_REGION })
})

afterAll(() => ecs?.destroy())

/** The sample app's context, with a step that reads build secret `token` and keeps only its sha256 in the image. */
function contextReadingSecret(): string {
  const context = path.join(dir, `app-${randomBytes(4).toString('hex')}`)
  cpSync(stack.STACK_SAMPLE_APP, context, { recursive: true })
  writeFileSync(
    path.join(context, 'Dockerfile'),
    [
      'FROM scratch',
      'ARG COMMIT_HASH=unknown',
      'ENV COMMIT_HASH=${COMMIT_HASH} PORT=8080',
      'COPY busybox /bin/busybox',
      'COPY app/ /app/',
      'RUN --mount=type=secret,id=token,required=true ["/bin/busybox", "sh", "-c", "/bin/busybox sha256sum /run/secrets/token | /bin/busybox cut -c1-64 > /app/token.sha256"]',
      'EXPOSE 8080',
      'ENTRYPOINT ["/bin/busybox", "sh", "/app/start.sh"]',
      '',
    ].join('\n'),
  )
  return context
}

/** A config file whose one environment (every branch) creates the ECR repository a build pushes to. */
function createRepositoryConfig(): string {
  const file = path.join(workspaceDir('e2e-config-'), 'ecs-deploy.yml')
  writeFileSync(file, "environments:\n  ci: { branches: ['**'], build: { create-repository: true } }\n")
  return file
}

function template(): string {
  const file = path.join(dir, `td-${randomBytes(4).toString('hex')}.json`)
  writeFileSync(file, JSON.stringify(webTaskDefinition('web', `${stack.STACK_REGISTRY}/web:placeholder`), null, 2))
  return file
}

/** A PATH whose `docker` is Debian's docker.io client. */
function debianDockerPath(): string {
  const bin = path.join(dir, 'bin')
  if (!existsSync(bin)) {
    mkdirSync(bin)
    symlinkSync(DEBIAN_DOCKER, path.join(bin, 'docker'))
  }
  return `${bin}:${process.env.PATH ?? ''}`
}

async function dockerOutput(...args: string[]): Promise<string> {
  return (await run('docker', args)).stdout.trim()
}

/**
 * The sha256 of the secret that the image's RUN step wrote (contextReadingSecret). The engine that built and pushed
 * the image knows it by its pushed digest; no pull, which after the CLI's logout would need credentials.
 */
async function secretHashIn(image: string): Promise<string> {
  const container = await dockerOutput('create', image)
  const copied = path.join(dir, `token-${randomBytes(4).toString('hex')}.sha256`)
  await run('docker', ['cp', `${container}:/app/token.sha256`, copied])
  await run('docker', ['rm', container])
  return readFileSync(copied, 'utf8').trim()
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex')

describe('building the image through dist/index.js', () => {
  test('a build secret reaches the RUN step that mounts it, never the log; labels and metadata-action tags are pushed', async () => {
    await givenWebService(stack, admin, ecs)
    const secret = `s3cr3t-${randomBytes(8).toString('hex')}`
    const sha = randomBytes(20).toString('hex')
    const repo = `${stack.STACK_REGISTRY}/web`
    const result = await runAction(
      {
        cluster: 'prod',
        service: 'web',
        'task-definition': template(),
        build: contextReadingSecret(),
        image: repo,
        'create-repository': 'true',
        'build-secrets': `token=${secret}`,
        // docker/metadata-action's outputs, as a workflow passes them on
        // and a tag with the template's placeholders, as the old pipelines' short-commit tag
        tags: `${repo}:sha-${sha.slice(0, 7)}\n${repo}:e2e-build\nshort-\${SHORT_SHA}`,
        labels: 'org.opencontainers.image.title=web\norg.opencontainers.image.description=built with a secret',
        provenance: 'false',
        'no-cache': 'true',
      },
      { GITHUB_SHA: sha, PATH: debianDockerPath() },
    )
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(result.result['image-tags']).toMatch(
      new RegExp(`^sha-${sha.slice(0, 7)},e2e-build,short-${sha.slice(0, 7)},${sha}-[a-f0-9]{12}$`),
    )
    expect(await registryHas(stack, 'web', `sha-${sha.slice(0, 7)}`)).toBe(true)
    expect(await registryHas(stack, 'web', 'e2e-build')).toBe(true)
    expect(await registryHas(stack, 'web', `short-${sha.slice(0, 7)}`)).toBe(true)

    // The value is only ever handed to the runner to mask; the command line names the variable docker reads it from.
    const shown = result.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::'))
    expect(shown.filter((line) => line.includes(secret))).toEqual([])
    expect(result.stdout).toContain(`::add-mask::${secret}`)
    expect(result.stdout).toMatch(
      /\[command\]docker build --progress=plain .*--secret id=token,env=ECS_DEPLOY_BUILD_SECRET_0/,
    )

    // What is deployed is the pushed image: it carries the labels, and the secret's hash that the RUN step wrote.
    const image = result.outputs.image ?? ''
    const { taskDefinition } = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'web:2' }))
    expect(taskDefinition?.containerDefinitions?.[0]?.image).toBe(image)
    const labels = JSON.parse(await dockerOutput('image', 'inspect', '--format', '{{json .Config.Labels}}', image))
    expect(labels).toMatchObject({
      'org.opencontainers.image.title': 'web',
      'org.opencontainers.image.description': 'built with a secret',
      'org.opencontainers.image.revision': sha,
    })
    expect(await secretHashIn(image)).toBe(sha256(secret))
    const history = await dockerOutput('history', '--no-trunc', '--format', '{{.CreatedBy}}', image)
    expect(history).not.toContain(secret)
  })

  test('the CLI: a build secret named by id alone comes from the environment, off the command line and the log', async () => {
    await givenWebService(stack, admin, ecs)
    const secret = `cli-${randomBytes(8).toString('hex')}`
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !k.startsWith('GITHUB_') && !k.startsWith('INPUT_')),
    )
    const args = [
      'deploy',
      '--cluster',
      'prod',
      '--service',
      'web',
      '--task-definition',
      template(),
      '--build',
      contextReadingSecret(),
      '--image',
      `${stack.STACK_REGISTRY}/web`,
      '--config',
      createRepositoryConfig(),
      '--build-secrets',
      'token',
    ]
    const child = spawn(process.execPath, ['--no-warnings', path.join(ROOT, 'dist/cli/index.js'), ...args], {
      cwd: ROOT,
      env: {
        ...env,
        ...stack,
        PATH: debianDockerPath(),
        CIRCLE_SHA1: randomBytes(20).toString('hex'),
        CIRCLE_BRANCH: 'main',
        token: secret,
      },
    })
    let out = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (out += d.toString()))
    const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)))
    expect({ code, out }).toMatchObject({ code: 0 })
    expect(out).not.toContain(secret)
    const service = await webService(ecs)
    const { taskDefinition } = await ecs.send(
      new DescribeTaskDefinitionCommand({ taskDefinition: service.taskDefinition }),
    )
    expect(await secretHashIn(taskDefinition?.containerDefinitions?.[0]?.image ?? '')).toBe(sha256(secret))
  })

  test('a secret file outside the workspace: one error naming the input, nothing built, registered or deployed', async () => {
    await givenWebService(stack, admin, ecs)
    const before = await webService(ecs)
    const sha = randomBytes(20).toString('hex')
    const result = await runAction(
      {
        cluster: 'prod',
        service: 'web',
        'task-definition': template(),
        build: contextReadingSecret(),
        image: `${stack.STACK_REGISTRY}/web`,
        'create-repository': 'true',
        'build-secret-files': 'token=/etc/hostname',
      },
      { GITHUB_SHA: sha, PATH: debianDockerPath() },
    )
    expect(result.exitCode).toBe(1)
    expect(result.errors).toEqual([
      `::error::Config key \`build.secret-files\` must name a path inside the workspace (${ROOT}); /etc/hostname leads outside it.`,
    ])
    expect(result.stdout).not.toContain('[command]docker build')
    expect(await registryHas(stack, 'web', sha)).toBe(false)
    const after = await webService(ecs)
    expect(after.taskDefinition).toBe(before.taskDefinition)
    expect(after.deployments).toHaveLength(1)
  })

  const noBuildKitWithoutBuildx = async (): Promise<boolean> => {
    const buildx = await run('docker', ['buildx', 'version']).then(
      () => true,
      () => false,
    )
    const client = await dockerOutput('version', '--format', '{{.Client.Version}}').catch(() => '')
    return !buildx && Number(client.split('.')[0]) >= 23
  }

  test('a docker that does BuildKit only through buildx, which is missing: one error naming the input, the service untouched', async () => {
    if (!(await noBuildKitWithoutBuildx())) {
      console.warn('skipped: the docker first on PATH is older than 23 or has buildx')
      return
    }
    await givenWebService(stack, admin, ecs)
    const before = await webService(ecs)
    const result = await runAction(
      {
        cluster: 'prod',
        service: 'web',
        'task-definition': template(),
        build: contextReadingSecret(),
        image: `${stack.STACK_REGISTRY}/web`,
        'build-secrets': 'token=abc',
      },
      { GITHUB_SHA: randomBytes(20).toString('hex') },
    )
    expect(result.exitCode).toBe(1)
    expect(result.errors).toEqual([
      "::error::build-secrets needs docker buildx: this runner's docker builds with BuildKit (which mounts secrets and SSH) only through buildx, which is not installed. Add docker/setup-buildx-action before this step.",
    ])
    const after = await webService(ecs)
    expect(after.taskDefinition).toBe(before.taskDefinition)
    expect(after.deployments).toHaveLength(1)
  })
})
