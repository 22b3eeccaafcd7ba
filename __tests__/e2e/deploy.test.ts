// The bundled action (dist/index.js) against the local stack, as the runner starts it.
import { DescribeTaskDefinitionCommand, ECSClient, ListTaskDefinitionsCommand } from '@aws-sdk/client-ecs'
import { DescribeRepositoriesCommand, ECRClient } from '@aws-sdk/client-ecr'
import { writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { runAction as runWithInputs, workspaceDir, movedToConfig } from './action.js'
import {
  givenWebService,
  registryHas,
  ScenarioAdmin,
  useStack,
  waitFor,
  webService,
  webTaskDefinition,
  type Service,
  type StackEnv,
} from './stack.js'

/** Runs the action with the settings that moved to the config file written there (issue 22). */
const runAction = (inputs: Record<string, string>, env?: Record<string, string>): ReturnType<typeof runWithInputs> =>
  runWithInputs(movedToConfig(inputs), env)

let stack: StackEnv
let admin: ScenarioAdmin
let ecs: ECSClient
const dir = workspaceDir('e2e-td-')
// A new commit each run: the registry keeps its images between runs, and this commit's must be built.
const SHA_2 = randomBytes(20).toString('hex')

beforeAll(async () => {
  stack = await useStack()
  admin = new ScenarioAdmin(stack.STACK_SCENARIO_URL)
  ecs = new ECSClient({ region: stack.AWS_REGION })
})

afterAll(() => ecs?.destroy())

function template(extra: Record<string, unknown> = {}, container: Record<string, unknown> = {}): string {
  const file = path.join(dir, `td-${Math.random().toString(36).slice(2)}.json`)
  const base = webTaskDefinition('web', `${stack.STACK_REGISTRY}/web:placeholder`, {
    environment: [{ name: 'COMMIT', value: '${SHORT_SHA}' }],
    logConfiguration: {
      logDriver: 'awslogs',
      options: { 'awslogs-group': '/ecs/web', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'ecs' },
    },
  })
  const definition = {
    ...base,
    containerDefinitions: base.containerDefinitions?.map((c) => ({ ...c, ...container })),
    ...extra,
  }
  writeFileSync(file, JSON.stringify(definition, null, 2))
  return file
}

/** A fresh stack with cluster `prod` and service `web` running web:1 with two tasks, logging to /ecs/web. */
function givenService(circuitBreaker: { enable: boolean; rollback: boolean }): Promise<void> {
  return givenWebService(stack, admin, ecs, { logGroup: true, circuitBreaker })
}

function currentService(): Promise<Service> {
  return webService(ecs)
}

async function revisions(): Promise<string[]> {
  return (await ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: 'web' }))).taskDefinitionArns ?? []
}

const inputs = (overrides: Record<string, string> = {}) => ({
  cluster: 'prod',
  service: 'web',
  'task-definition': template(),
  image: `${stack.STACK_REGISTRY}/web:v2`,
  ...overrides,
})

describe('deploy through dist/index.js', () => {
  test('a first deploy registers the rendered template, rolls out and reports success', async () => {
    await givenService({ enable: true, rollback: true })
    const run = await runAction(inputs())
    expect(run.errors).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(run.result).toMatchObject({
      status: 'succeeded',
      'task-definition-revision': '2',
      image: `${stack.STACK_REGISTRY}/web:v2`,
    })
    expect(run.outputs['deployment-id']).toMatch(/^ecs-svc\/\d+$/)
    expect(run.summary).toContain('## ✅ ECS deploy: web succeeded')
    expect(run.summary).toContain('| Task definition | web:1 → web:2 (registered by this run) |')
    expect(run.stdout).toMatch(/has reached a steady state/)
    const service = await currentService()
    expect(service.taskDefinition).toMatch(/task-definition\/web:2$/)
    const { taskDefinition } = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'web:2' }))
    expect(taskDefinition?.containerDefinitions?.[0]?.environment).toEqual([{ name: 'COMMIT', value: 'a1b2c3d' }])

    // Re-running the same commit registers nothing and deploys nothing.
    const again = await runAction(inputs())
    expect(again.exitCode).toBe(0)
    expect(again.result).toMatchObject({ status: 'succeeded', 'task-definition-revision': '2', 'deployment-id': '' })
    expect(again.summary).toContain('Nothing to deploy')
    expect(await revisions()).toHaveLength(2)
  })

  test('build, push and deploy a changed commit by digest; a re-run reuses the pushed image', async () => {
    await givenService({ enable: true, rollback: true })
    const build = { build: stack.STACK_SAMPLE_APP, image: `${stack.STACK_REGISTRY}/web`, 'create-repository': 'true' }
    const run = await runAction(inputs(build), { GITHUB_SHA: SHA_2 })
    expect(run.errors).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(run.outputs.image).toMatch(new RegExp(`^${stack.STACK_REGISTRY}/web@sha256:[a-f0-9]{64}$`))
    // The third tag finds this commit's image built the same way again (skip-build-if-exists).
    expect(run.result['image-tags']).toMatch(new RegExp(`^${SHA_2},main,${SHA_2}-[a-f0-9]{12}$`))
    const { taskDefinition } = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'web:2' }))
    expect(taskDefinition?.containerDefinitions?.[0]?.image).toBe(run.outputs.image)
    expect(run.summary).toContain('### Image')
    expect(run.summary).toContain('with docker')

    const rerun = await runAction(inputs(build), { GITHUB_SHA: SHA_2 })
    expect(rerun.exitCode).toBe(0)
    expect(rerun.outputs.image).toBe(run.outputs.image)
    expect(rerun.outputs.status).toBe('succeeded')
    expect(rerun.summary).toContain('Nothing to deploy')
    expect(rerun.summary).toContain('skipped: the image for this commit was already pushed, and is reused')
    expect(await revisions()).toHaveLength(2)
  })

  test('a dry run with build changes nothing: no repository, no image pushed, nothing registered, the service untouched', async () => {
    await givenService({ enable: true, rollback: true })
    const sha = randomBytes(20).toString('hex')
    const repository = `dry-${sha.slice(0, 8)}`
    const run = await runAction(
      inputs({
        build: stack.STACK_SAMPLE_APP,
        image: `${stack.STACK_REGISTRY}/${repository}`,
        'create-repository': 'true',
        'dry-run': 'true',
      }),
      {
        GITHUB_SHA: sha,
      },
    )
    expect(run.errors).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(run.outputs.status).toBe('planned')
    expect(run.stdout).toContain(
      `would build ${stack.STACK_REGISTRY}/${repository}:${sha} from ${stack.STACK_SAMPLE_APP}`,
    )
    expect(run.result.diff).toContain(`→ ${stack.STACK_REGISTRY}/${repository}:${sha}`)
    expect(await registryHas(stack, repository, sha)).toBe(false)
    const ecr = new ECRClient({ region: stack.AWS_REGION })
    await expect(ecr.send(new DescribeRepositoriesCommand({ repositoryNames: [repository] }))).rejects.toMatchObject({
      name: 'RepositoryNotFoundException',
    })
    ecr.destroy()
    expect((await currentService()).taskDefinition).toMatch(/\/web:1$/)
    expect(await revisions()).toHaveLength(1)
  })

  test('an image tag that does not exist fails before anything is registered, naming the image and the repository', async () => {
    await givenService({ enable: true, rollback: true })
    const image = `${stack.STACK_REGISTRY}/web:no-such-tag`
    const run = await runAction(inputs({ image }))
    expect(run.exitCode).toBe(1)
    expect(run.errors).toEqual([
      `::error::The image ${image} does not exist: ECR repository web (${stack.STACK_REGISTRY}/web in ${stack.STACK_REGISTRY}/${stack.AWS_REGION}) has no tag no-such-tag. Check the tag, push it first, or set \`build\` to build and push it in this run.`,
    ])
    expect(run.outputs.status).toBe('failed')
    expect((await currentService()).taskDefinition).toMatch(/\/web:1$/)
    expect(await revisions()).toHaveLength(1)
  })

  test('tasks that crash without a circuit breaker fail fast, name the exit code and the log lines, and roll back', async () => {
    await givenService({ enable: false, rollback: false })
    await admin.scenario({
      service: 'web',
      rollout: { outcome: 'crash', exitCode: 3, logLines: ['listening on 8080', 'Error: DATABASE_URL is not set'] },
    })
    const started = Date.now()
    const run = await runAction(inputs())
    expect(run.exitCode).toBe(1)
    expect(run.outputs.status).toBe('failed')
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]).toMatch(/keep stopping/)
    expect(run.summary).toContain('exit code 3')
    expect(run.summary).toContain('Error: DATABASE_URL is not set')
    expect(Date.now() - started).toBeLessThan(60_000)
    await waitFor('web back on web:1', async () => (await currentService()).taskDefinition?.endsWith('/web:1'), {
      timeoutMs: 20_000,
    })
  })

  test("the failing container's log lines are read in its awslogs-region, not the action's", async () => {
    await givenService({ enable: false, rollback: false })
    await admin.scenario({
      service: 'web',
      rollout: { outcome: 'crash', exitCode: 3, logLines: ['Error: DATABASE_URL is not set'] },
    })
    const elsewhere = {
      logConfiguration: {
        logDriver: 'awslogs',
        options: { 'awslogs-group': '/ecs/web', 'awslogs-region': 'eu-west-1', 'awslogs-stream-prefix': 'ecs' },
      },
    }
    const run = await runAction(inputs({ 'task-definition': template({}, elsewhere) }))
    expect(run.outputs.status).toBe('failed')
    expect(run.summary).toContain('Error: DATABASE_URL is not set')
    expect(run.summary).not.toContain('could not read the log stream')
  })

  test('tasks stopped for failed ELB health checks (then killed, exit 137) are named so, not out of memory', async () => {
    await givenService({ enable: true, rollback: true })
    await admin.scenario({
      service: 'web',
      rollout: {
        outcome: 'unhealthy',
        healthCheckSeconds: 1,
        targetGroup: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef',
      },
    })
    const run = await runAction(inputs())
    expect(run.exitCode).toBe(1)
    expect(run.summary).toContain("Tasks failed the load balancer's health checks in target group web.")
    expect(run.summary).not.toContain('out of memory')
  })

  test('a circuit-breaker rollback is reported as rolled-back, not success', async () => {
    await givenService({ enable: true, rollback: true })
    await admin.scenario({
      service: 'web',
      rollout: { outcome: 'crash', exitCode: 137, reason: 'OutOfMemoryError: Container killed due to memory usage' },
    })
    const run = await runAction(inputs())
    expect(run.exitCode).toBe(1)
    expect(run.outputs.status).toBe('rolled-back')
    expect(run.errors[0]).toMatch(/circuit breaker/)
    expect(run.summary).toContain('A container ran out of memory and was killed.')
  })

  test('a rollout that never finishes times out and is rolled back', async () => {
    await givenService({ enable: true, rollback: true })
    await admin.scenario({ service: 'web', rollout: { outcome: 'stuck-pending' } })
    const run = await runAction(inputs({ 'timeout-minutes': '0.1' }))
    expect(run.exitCode).toBe(1)
    expect(run.outputs.status).toBe('timed-out')
    expect(run.summary).toMatch(/Rollback: requested a rollback to web:1|Rollback: rolled the service back to web:1/)
    await waitFor('web back on web:1', async () => (await currentService()).taskDefinition?.endsWith('/web:1'), {
      timeoutMs: 20_000,
    })
  })

  test.each([
    [
      'a misspelt key in the template',
      () => ({ 'task-definition': template({}, { healthcheck: { command: ['CMD', 'true'] } }) }),
      /healthcheck: unknown key; did you mean healthCheck\?/,
    ],
    ['an unknown container', () => ({ container: 'api' }), /api/],
    ['a service that does not exist', () => ({ service: 'wbe' }), /Service "wbe" was not found in cluster "prod"/],
    ['a cluster that does not exist', () => ({ cluster: 'prdo' }), /Cluster "prdo" was not found/],
    [
      'an unknown placeholder',
      () => ({ 'task-definition': template({}, { command: ['${START_COMMAND}'] }) }),
      /unknown placeholder \$\{START_COMMAND\}/,
    ],
  ])('%s fails with one clear error and leaves the service as it was', async (_name, bad, message) => {
    await givenService({ enable: true, rollback: true })
    const run = await runAction(inputs(bad()))
    expect(run.exitCode).toBe(1)
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]).toMatch(message)
    expect(run.outputs.status).toBe('failed')
    expect((await currentService()).taskDefinition).toMatch(/\/web:1$/)
    expect(await revisions()).toHaveLength(1)
  })

  test('a template or config file error is an annotation on that file and line, the path workspace-relative', async () => {
    await givenService({ enable: true, rollback: true })
    const td = path.join(dir, 'td-annotated.json')
    const definition = { family: 'web', containerDefinitions: [{ name: 'web', image: '$' + '{NOPE}' }] }
    writeFileSync(td, JSON.stringify(definition, null, 2))
    const config = path.join(dir, 'annotated.yml')
    writeFileSync(
      config,
      'environments:\n  prod:\n    branches: [main]\n    cluster: prod\n    services: [web]\n    stratgy: canary\n',
    )
    const workspaceRelative = (file: string) => path.relative(path.resolve(import.meta.dirname, '../..'), file)
    const badTemplate = await runAction(inputs({ 'task-definition': td }))
    expect(badTemplate.errors).toEqual([
      expect.stringMatching(
        new RegExp(`^::error file=${workspaceRelative(td)},line=6::task definition .*, line 6, unknown placeholder`),
      ),
    ])
    const misspelt = path.join(dir, 'td-misspelt.json')
    writeFileSync(
      misspelt,
      JSON.stringify({ ...definition, containerDefinitions: [{ name: 'web', image: 'nginx', imag: 'x' }] }, null, 2),
    )
    const badKey = await runAction(inputs({ 'task-definition': misspelt }))
    expect(badKey.errors[0]).toMatch(
      new RegExp(
        `^::error file=${workspaceRelative(misspelt)},line=7::task definition .*, line 7, containerDefinitions\\[0\\] \\(web\\)\\.imag: unknown key`,
      ),
    )
    const badConfig = await runAction({ config: workspaceRelative(config), image: `${stack.STACK_REGISTRY}/web:v2` })
    expect(badConfig.errors).toEqual([
      `::error file=${workspaceRelative(config)},line=6::${workspaceRelative(config)}, line 6, environments.prod.stratgy: unknown key; did you mean strategy?`,
    ])
    expect(await revisions()).toHaveLength(1)
  })

  test('a one-off task runs from the new revision before the rollout; when it fails, the service is left as it was', async () => {
    await givenService({ enable: true, rollback: true })
    await admin.scenario({
      family: 'web',
      rollout: { exitAfterSeconds: 1, exitCode: 0, logLines: ['migrated 3 tables'] },
    })
    const ok = await runAction(inputs({ 'run-task': 'npm run migrate' }))
    expect(ok.errors).toEqual([])
    expect(ok.stdout).toContain('one-off task')
    expect(ok.stdout).toContain('│ migrated 3 tables')
    expect((await currentService()).taskDefinition).toMatch(/\/web:2$/)

    await givenService({ enable: true, rollback: true })
    await admin.scenario({
      family: 'web',
      rollout: {
        outcome: 'crash',
        exitCode: 3,
        crashAfterSeconds: 1,
        logLines: ['Error: relation "users" already exists'],
      },
    })
    const bad = await runAction(inputs({ 'run-task': 'npm run migrate' }))
    expect(bad.exitCode).toBe(1)
    expect(bad.errors[0]).toMatch(
      /The one-off task \(npm run migrate\) failed, so the rollout did not start: web: exit code 3/,
    )
    expect(bad.summary).toContain('relation')
    expect((await currentService()).taskDefinition).toMatch(/\/web:1$/)
  })
})
