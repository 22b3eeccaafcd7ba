// The CLI (dist/cli/index.js) on the local stack, as TeamCity or CircleCI would run it.
import {
  CreateClusterCommand,
  CreateServiceCommand,
  DescribeServicesCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
} from '@aws-sdk/client-ecs'
import { spawn } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { workspaceDir } from './action.js'
import { registryHas, ScenarioAdmin, useStack, waitFor, type StackEnv } from './stack.js'

const ROOT = path.resolve(import.meta.dirname, '../..')
let stack: StackEnv
let ecs: ECSClient

beforeAll(async () => {
  stack = await useStack()
  ecs = new ECSClient({ region: stack.AWS_REGION })
})
afterAll(() => ecs?.destroy())

interface CliRun {
  code: number
  /** Data only. */
  stdout: string
  /** Logs and progress. */
  stderr: string
  /** Both, as a terminal shows them. */
  out: string
}

/** Runs the CLI in `cwd` with `env`; stdout and stderr kept apart, as `render > td.json` would. */
async function spawnCli(env: NodeJS.ProcessEnv, args: string[], cwd?: string): Promise<CliRun> {
  const child = spawn(process.execPath, ['--no-warnings', path.join(ROOT, 'dist/cli/index.js'), ...args], {
    env,
    ...(cwd !== undefined && { cwd }),
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)))
  return { code, stdout, stderr, out: `${stderr}${stdout}` }
}

/** Runs the CLI with the stack's AWS variables, as a CI shell step would; no GITHUB_* anywhere. */
async function cli(...args: string[]): Promise<CliRun> {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('GITHUB_') && !k.startsWith('INPUT_')),
  )
  return spawnCli(
    { ...env, ...stack, CIRCLE_SHA1: 'feedfacecafebeef000000000000000000000000', CIRCLE_BRANCH: 'main' },
    args,
  )
}

/** The CLI as a TeamCity step runs it in `cwd`: the commit in BUILD_VCS_NUMBER, the branch only when the build exports it. */
async function teamcityCli(cwd: string, env: Record<string, string>, ...args: string[]): Promise<CliRun> {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !k.startsWith('GITHUB_') && !k.startsWith('INPUT_') && !k.startsWith('CIRCLE_'),
    ),
  )
  return spawnCli(
    {
      ...base,
      ...stack,
      TEAMCITY_VERSION: '2025.11',
      BUILD_VCS_NUMBER: 'feedfacecafebeef000000000000000000000000',
      ...env,
    },
    args,
    cwd,
  )
}

async function runningRevision(): Promise<string | undefined> {
  return (
    await ecs.send(new DescribeServicesCommand({ cluster: 'ci', services: ['api'] }))
  ).services?.[0]?.taskDefinition
    ?.split('/')
    .pop()
}

describe('the CLI', () => {
  let template: string
  beforeAll(async () => {
    await new ScenarioAdmin(stack.STACK_SCENARIO_URL).reset({ moto: true, timeScale: 10 })
    await ecs.send(new CreateClusterCommand({ clusterName: 'ci' }))
    await ecs.send(
      new RegisterTaskDefinitionCommand({
        family: 'api',
        containerDefinitions: [{ name: 'api', image: `${stack.STACK_REGISTRY}/api:v1`, memory: 256 }],
      }),
    )
    await ecs.send(
      new CreateServiceCommand({ cluster: 'ci', serviceName: 'api', taskDefinition: 'api', desiredCount: 1 }),
    )
    await waitFor(
      'api running',
      async () =>
        (await ecs.send(new DescribeServicesCommand({ cluster: 'ci', services: ['api'] }))).services?.[0]
          ?.runningCount === 1,
    )
    template = path.join(workspaceDir('cli-'), 'td.json')
    writeFileSync(
      template,
      JSON.stringify({
        family: 'api',
        containerDefinitions: [
          { name: 'api', image: 'x', memory: 256, environment: [{ name: 'SHA', value: '${SHORT_SHA}' }] },
        ],
      }),
    )
  })

  const flags = (image = `${stack.STACK_REGISTRY}/api:v2`) => [
    '--cluster',
    'ci',
    '--service',
    'api',
    '--task-definition',
    template,
    '--image',
    image,
  ]

  test('render prints the final task definition on stdout, nothing else: it pipes into a JSON parser', async () => {
    const { code, stdout, stderr } = await cli('render', ...flags())
    expect(code).toBe(0)
    const json = JSON.parse(stdout) as { containerDefinitions: { image: string; environment: unknown }[] }
    expect(json.containerDefinitions[0]).toMatchObject({
      image: `${stack.STACK_REGISTRY}/api:v2`,
      environment: [{ name: 'SHA', value: 'feedfac' }],
    })
    expect(stderr).not.toContain('"containerDefinitions"')
    expect(await runningRevision()).toBe('api:1')
  })

  test('render with a template works offline; --offline refuses what needs AWS, in flag terms', async () => {
    const offline = await cli('render', ...flags(), '--offline')
    expect(offline.code).toBe(0)
    expect((JSON.parse(offline.stdout) as { family: string }).family).toBe('api')
    const diff = await cli('diff', ...flags(), '--offline')
    expect(diff.code).toBe(2)
    expect(diff.stdout).toBe('')
    expect(diff.stderr).toContain(
      "--offline: diff needs AWS here (the service's current task definition to compare with)",
    )
  })

  test('--version, help <command>, and a repeated single-value flag is an error', async () => {
    const version = await cli('--version')
    expect(version.code).toBe(0)
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/)
    const help = await cli('help', 'status')
    expect(help.stdout).toContain('--service')
    expect(help.stdout).not.toContain('--image')
    const twice = await cli('render', ...flags(), '--cluster', 'other')
    expect(twice.code).toBe(2)
    expect(twice.stderr).toContain('--cluster is given 2 times ("ci", "other"): give it once.')
    const typo = await cli('rendr')
    expect(typo.stderr).toContain('did you mean render?')
  })

  test('diff shows what would change and changes nothing', async () => {
    const { code, out } = await cli('diff', ...flags())
    expect(code).toBe(0)
    expect(out).toContain(
      `containerDefinitions[api].image: ${stack.STACK_REGISTRY}/api:v1 → ${stack.STACK_REGISTRY}/api:v2`,
    )
    expect(await runningRevision()).toBe('api:1')
  })

  test('diff with --build builds and pushes nothing, and names the image it would build', async () => {
    const repository = `cli-dry-${Date.now().toString(36)}`
    const image = `${stack.STACK_REGISTRY}/${repository}`
    const config = path.join(workspaceDir('cli-config-'), 'ecs-deploy.yml')
    writeFileSync(config, "environments:\n  ci: { branches: ['**'], build: { create-repository: true } }\n")
    const { code, out } = await cli('diff', ...flags(image), '--build', stack.STACK_SAMPLE_APP, '--config', config)
    expect(code).toBe(0)
    expect(out).toContain(
      `would build ${image}:feedfacecafebeef000000000000000000000000 from ${stack.STACK_SAMPLE_APP}`,
    )
    expect(out).toContain(
      `containerDefinitions[api].image: ${stack.STACK_REGISTRY}/api:v1 → ${image}:feedfacecafebeef000000000000000000000000`,
    )
    expect(await registryHas(stack, repository, 'feedfacecafebeef000000000000000000000000')).toBe(false)
    expect(await runningRevision()).toBe('api:1')
  })

  test('a setting that moved to the config file is refused as a flag, naming its key; nothing is deployed', async () => {
    const { code, stdout, stderr } = await cli('deploy', ...flags(), '--minimum-healthy-percent', '50', '--dry-run')
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' })
    expect(stderr).toContain(
      'Flag `--minimum-healthy-percent` moved to the config file, key `environments.<name>.service-settings.minimum-healthy-percent`: e.g. `service-settings: { minimum-healthy-percent: 100 }`. The config file is .github/ecs-deploy.yml (or --config); docs/migration.md lists every move.',
    )
    expect(await runningRevision()).toBe('api:1')
  })

  test('deploy rolls out and waits; --json gives the result', async () => {
    const { code, stdout, stderr } = await cli('deploy', ...flags(), '--json')
    expect(code).toBe(0)
    expect(stderr).toContain('▸ Rollout')
    expect(stderr).not.toContain('::group::')
    // On Node 20 the AWS SDK would print its Node-version notice on every run; the CLI silences it.
    expect(stderr).not.toContain('NodeVersionSupportWarning')
    // stdout is the one JSON document; the logs are all on stderr.
    const result = JSON.parse(stdout) as { status: string; services: { taskDefinitionArn: string }[] }
    expect(result.status).toBe('succeeded')
    expect(result.services[0]?.taskDefinitionArn).toMatch(/api:2$/)
    expect(await runningRevision()).toBe('api:2')
  })

  test('status shows the running revision and the deployments', async () => {
    const { code, out } = await cli('status', '--cluster', 'ci', '--service', 'api')
    expect(code).toBe(0)
    expect(out).toMatch(/^api \(ACTIVE\) in ci: running api:2, 1\/1 tasks/)
    expect(out).toContain('PRIMARY')
  })

  test('rollback goes back to the revision before and waits for it', async () => {
    const { code, out } = await cli('rollback', '--cluster', 'ci', '--service', 'api')
    expect(code).toBe(0)
    expect(out).toContain('rolling back from api:2 to api:1')
    expect(await runningRevision()).toBe('api:1')
  })

  test('exit code 2 for bad input, 1 for a failed deployment', async () => {
    expect((await cli('deploy', '--cluster', 'ci', '--service', 'nope', '--image', 'x/y:1')).code).toBe(2)
    await new ScenarioAdmin(stack.STACK_SCENARIO_URL).scenario({
      service: 'api',
      rollout: { outcome: 'crash', exitCode: 4 },
    })
    const failed = await cli('deploy', ...flags(`${stack.STACK_REGISTRY}/api:v3`))
    expect(failed.code).toBe(1)
    expect(failed.out).toContain('exit code 4')
  })

  test('with a config file, an unknown branch or tag stops with exit 2 and says how to pass it; --ref refs/tags/… picks by tag', async () => {
    // Outside any git checkout, so git cannot tell the branch; the CLI's workspace is its working directory, with the template in it.
    const workspace = mkdtempSync(path.join(tmpdir(), 'cli-config-'))
    mkdirSync(path.join(workspace, '.github'))
    writeFileSync(
      path.join(workspace, '.github/ecs-deploy.yml'),
      "environments:\n  prod: { tags: ['v[0-9]+.[0-9]+.[0-9]+'], cluster: ci, services: [api] }\n",
    )
    copyFileSync(template, path.join(workspace, 'td.json'))
    const args = ['render', '--task-definition', 'td.json', '--image', `${stack.STACK_REGISTRY}/api:v2`]
    const unknown = await teamcityCli(workspace, {}, ...args)
    expect(unknown.code).toBe(2)
    expect(unknown.out).toContain(
      'The branch or tag of this run is unknown, and .github/ecs-deploy.yml chooses the environment by it.',
    )
    expect(unknown.out).toContain('env.TEAMCITY_BUILD_BRANCH = %teamcity.build.branch%')
    const tagged = await teamcityCli(workspace, {}, ...args, '--ref', 'refs/tags/v1.2.3')
    expect(tagged.code).toBe(0)
    expect(tagged.out).toContain(
      "Environment prod: ref refs/tags/v1.2.3 matches prod's tag pattern v[0-9]+.[0-9]+.[0-9]+",
    )
    const exported = await teamcityCli(workspace, { TEAMCITY_BUILD_BRANCH: 'refs/tags/v2.0.10' }, ...args)
    expect(exported.code).toBe(0)
    expect(exported.out).toContain("Environment prod: ref refs/tags/v2.0.10 matches prod's tag pattern")
  })
})
