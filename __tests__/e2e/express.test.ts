// ECS Express Mode services end to end: an Express service made with CreateExpressGatewayService is deployed by
// dist/index.js from a built image — through UpdateExpressGatewayService, ECS's canary followed to its end — and
// reported with its endpoint; a release whose tasks crash is diagnosed and rolled back by ECS's circuit breaker.
import { CloudWatchLogsClient, CreateLogGroupCommand } from '@aws-sdk/client-cloudwatch-logs'
import {
  CreateClusterCommand,
  CreateExpressGatewayServiceCommand,
  DescribeExpressGatewayServiceCommand,
  ECSClient,
} from '@aws-sdk/client-ecs'
import { runAction as runWithInputs, movedToConfig, withConfig } from './action.js'
import {
  EXECUTION_ROLE,
  givenWebService,
  ScenarioAdmin,
  useStack,
  waitFor,
  webService,
  type StackEnv,
} from './stack.js'

const runAction = (inputs: Record<string, string>, env?: Record<string, string>): ReturnType<typeof runWithInputs> =>
  runWithInputs(movedToConfig(inputs), env)

let stack: StackEnv
let admin: ScenarioAdmin
let ecs: ECSClient
const SERVICE_ARN = 'arn:aws:ecs:us-east-1:123456789012:service/prod/web'

beforeAll(async () => {
  stack = await useStack()
  admin = new ScenarioAdmin(stack.STACK_SCENARIO_URL)
  ecs = new ECSClient({})
})

afterAll(() => ecs?.destroy())

/** Cluster prod with Express service web on web:v1 (two tasks), fronted by the stack's load balancer. */
async function givenExpressService(): Promise<void> {
  // ECS's Express canary: 5 % for 3 minutes, then 100 %, 3 minutes' bake: 6 s at time scale 60.
  await admin.reset({ timeScale: 60, moto: true })
  const logs = new CloudWatchLogsClient({ region: stack.AWS_REGION })
  await logs.send(new CreateLogGroupCommand({ logGroupName: '/ecs/web' })).catch(() => undefined)
  logs.destroy()
  await ecs.send(new CreateClusterCommand({ clusterName: 'prod' }))
  await ecs.send(
    new CreateExpressGatewayServiceCommand({
      cluster: 'prod',
      serviceName: 'web',
      executionRoleArn: EXECUTION_ROLE,
      infrastructureRoleArn: 'arn:aws:iam::123456789012:role/ecsInfrastructureRoleForExpressServices',
      primaryContainer: {
        image: `${stack.STACK_REGISTRY}/web:v1`,
        containerPort: 8080,
        environment: [{ name: 'GREETING', value: 'hello' }],
        awsLogsConfiguration: { logGroup: '/ecs/web', logStreamPrefix: 'ecs' },
      },
      healthCheckPath: '/status',
      scalingTarget: { minTaskCount: 2, maxTaskCount: 4 },
    }),
  )
  await waitFor('web to run 2 tasks', async () => (await webService(ecs)).runningCount === 2, { timeoutMs: 20_000 })
  await admin.listeners({ cluster: 'prod', service: 'web' })
}

/** The scaling target ECS holds for the Express service, read back with DescribeExpressGatewayService. */
const scalingTargets = async () =>
  (
    await ecs.send(new DescribeExpressGatewayServiceCommand({ serviceArn: SERVICE_ARN }))
  ).service?.activeConfigurations?.map((c) => c.scalingTarget)

const SCALING =
  'service-settings: { express-scaling-min-tasks: 3, express-scaling-max-tasks: 6, express-scaling-metric: REQUEST_COUNT_PER_TARGET, express-scaling-target: 200 }'

const versionAt = async (url: string): Promise<string> =>
  ((await (await fetch(`${url}/version`)).json()) as { version: string }).version

describe('an ECS Express Mode service', () => {
  test('is deployed from a built image through its Express configuration, and reported with its endpoint', async () => {
    await givenExpressService()
    const sha = 'e2e0e2e0e2e0e2e0e2e0e2e0e2e0e2e0e2e0e2e0'
    const run = await runAction(
      {
        cluster: 'prod',
        service: 'web',
        build: stack.STACK_SAMPLE_APP,
        image: `${stack.STACK_REGISTRY}/web`,
        'build-args': `COMMIT_HASH=${sha.slice(0, 7)}`,
      },
      { GITHUB_SHA: sha },
    )
    expect(run.errors).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(run.outputs.status).toBe('succeeded')
    expect(run.outputs.image).toMatch(new RegExp(`^${stack.STACK_REGISTRY}/web@sha256:[a-f0-9]{64}$`))
    // ECS registered the revision from the configuration; the action registered none.
    expect(run.outputs['task-definition-arn']).toBe('arn:aws:ecs:us-east-1:123456789012:task-definition/web-express:2')
    expect(run.outputs['environment-url']).toBe(stack.STACK_LB_URL)
    expect(run.stdout).toContain("nothing to register: ECS registers this service's revisions itself")
    expect(run.summary).toContain(
      '| Strategy | Express Mode: its configuration updated, deployed as ECS deploys Express services — canary (ECS): 5 % for 3 min, then 100 %, bake 3 min (`strategy` does not apply) |',
    )
    expect(run.summary).toContain(`| URL | ${stack.STACK_LB_URL} |`)
    // ECS's canary moves production traffic; there is no test listener, so no test traffic is shown.
    expect(run.summary).toContain('| Production traffic |')
    expect(run.summary).not.toContain('Test traffic')
    expect(run.stdout).not.toContain(', test 100 %')
    const { service } = await ecs.send(new DescribeExpressGatewayServiceCommand({ serviceArn: SERVICE_ARN }))
    expect(service?.activeConfigurations?.map((c) => c.primaryContainer?.image)).toEqual([run.outputs.image])
    // The environment the service had is kept; the endpoint answers the new build.
    expect(service?.activeConfigurations?.[0]?.primaryContainer?.environment).toEqual([
      { name: 'GREETING', value: 'hello' },
    ])
    expect(await versionAt(stack.STACK_LB_URL)).toBe(sha.slice(0, 7))
  })

  test('its scaling target is set from service-settings, shown as a change, and ECS holds it afterwards', async () => {
    await givenExpressService()
    const inputs = { cluster: 'prod', service: 'web', image: `${stack.STACK_REGISTRY}/web:v1` }
    const change = 'Express scaling target: 2–4 tasks, AVERAGE_CPU at 60 % → 3–6 tasks, REQUEST_COUNT_PER_TARGET at 200'
    // A dry run shows the change and sends nothing.
    const dry = await runWithInputs(withConfig({ ...inputs, 'dry-run': 'true' }, SCALING))
    expect(dry.errors).toEqual([])
    expect(dry.outputs.status).toBe('planned')
    expect(dry.stdout).toContain(change)
    expect(await scalingTargets()).toEqual([
      { minTaskCount: 2, maxTaskCount: 4, autoScalingMetric: 'AVERAGE_CPU', autoScalingTargetValue: 60 },
    ])
    // The same image: only the scaling target changes, and that is a deployment of its own.
    const run = await runWithInputs(withConfig(inputs, SCALING))
    expect(run.errors).toEqual([])
    expect(run.outputs.status).toBe('succeeded')
    expect(run.stdout).toContain(change)
    expect(await scalingTargets()).toEqual([
      { minTaskCount: 3, maxTaskCount: 6, autoScalingMetric: 'REQUEST_COUNT_PER_TARGET', autoScalingTargetValue: 200 },
    ])
    // Once it is so, a run with the same settings changes nothing.
    const again = await runWithInputs(withConfig(inputs, SCALING))
    expect(again.exitCode).toBe(0)
    expect(again.stdout).not.toContain('Express scaling target:')
    expect(again.stdout).toContain('already runs this image, environment, secrets, cpu, memory and scaling target')
    expect(await scalingTargets()).toHaveLength(1)
  })

  test('the scaling target given for a service that is no Express service is refused, naming why', async () => {
    await givenWebService(stack, admin, ecs)
    const run = await runWithInputs(
      withConfig({ cluster: 'prod', service: 'web', image: `${stack.STACK_REGISTRY}/web:v2` }, SCALING),
    )
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toContain(
      'Service setting `express-scaling-min-tasks`, `express-scaling-max-tasks`, `express-scaling-metric`, `express-scaling-target`: service "web" is not an ECS Express Mode service',
    )
    expect((await webService(ecs)).taskDefinition).toMatch(/\/web:1$/)
  })

  test('a release that fails verification after ECS completed it: the configuration before is brought back, followed to its end', async () => {
    await givenExpressService()
    const run = await runWithInputs(
      withConfig(
        { cluster: 'prod', service: 'web', image: `${stack.STACK_REGISTRY}/web:v3` },
        `verify: { url: "${stack.STACK_LB_URL}/version", expect: "$.version == v9", timeout: 3, interval: 0.5 }`,
      ),
    )
    expect(run.exitCode).toBe(1)
    expect(run.outputs.status).toBe('failed')
    expect(run.errors.join('\n')).toContain('verification failed (production)')
    expect(run.stdout).toContain(
      'asked ECS to bring back the Express configuration of web-express:1 (image, environment, secrets); ECS registered web-express:3 from it',
    )
    // Reported once ECS reached it: the revision ECS made from the configuration before, rolled out.
    expect(run.summary).toMatch(/ECS rolled the service back to web-express:3 \(2 of 2 tasks running\)/)
    const { service } = await ecs.send(new DescribeExpressGatewayServiceCommand({ serviceArn: SERVICE_ARN }))
    expect(service?.activeConfigurations?.map((c) => c.primaryContainer?.image)).toEqual([
      `${stack.STACK_REGISTRY}/web:v1`,
    ])
    expect(await versionAt(stack.STACK_LB_URL)).toBe('v1')
  })

  test('a strategy given for it is refused, naming why, and nothing changes', async () => {
    await givenExpressService()
    const run = await runAction({
      cluster: 'prod',
      service: 'web',
      image: `${stack.STACK_REGISTRY}/web:v2`,
      strategy: 'linear',
    })
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toMatch(
      /^::error::`strategy`: service .web. is an ECS Express Mode service, whose deployment/,
    )
    expect((await webService(ecs)).taskDefinition).toMatch(/\/web-express:1$/)
  })

  test('service settings it cannot take are refused by the plan, a dry run too, naming each key; nothing changes', async () => {
    const REFUSED =
      '`desired-count`, `service-settings.minimum-healthy-percent`: service "web" is an ECS Express Mode service, whose deployment (canary (ECS): 5 % for 3 min, then 100 %, bake 3 min) and service settings ECS manages itself; UpdateExpressGatewayService takes only the primary container (image, environment, secrets), cpu, memory and the scaling target (`service-settings` express-scaling-*), so they would be ignored. Remove them for this service (an environment of its own in the config file); its task count is its scaling target\'s bounds instead (`service-settings: { express-scaling-min-tasks: 2, express-scaling-max-tasks: 10 }`). Nothing was changed.'
    await givenExpressService()
    const keys = 'desired-count: 3\nservice-settings: { minimum-healthy-percent: 50, express-scaling-max-tasks: 6 }'
    const inputs = { cluster: 'prod', service: 'web', image: `${stack.STACK_REGISTRY}/web:v2` }
    for (const run of [
      await runWithInputs(withConfig({ ...inputs, 'dry-run': 'true' }, keys)),
      await runWithInputs(withConfig(inputs, keys)),
    ]) {
      expect(run.exitCode).toBe(1)
      // The runner's error command, with % escaped as workflow commands escape it.
      expect(run.errors[0]).toBe(`::error::${REFUSED.replaceAll('%', '%25')}`)
    }
    expect((await webService(ecs)).taskDefinition).toMatch(/\/web-express:1$/)
    expect(await scalingTargets()).toEqual([
      { minTaskCount: 2, maxTaskCount: 4, autoScalingMetric: 'AVERAGE_CPU', autoScalingTargetValue: 60 },
    ])
  })

  test('a release whose tasks crash is diagnosed (exit code, log lines) and ECS rolls it back', async () => {
    await givenExpressService()
    await admin.scenario({
      service: 'web',
      rollout: {
        outcome: 'crash',
        exitCode: 3,
        logLines: ['listening on 8080', 'Error: DATABASE_URL is not set'],
        // At time scale 60: each step takes a real second, so the action's polls see the rollout fail.
        taskStartSeconds: 60,
        crashAfterSeconds: 60,
        drainSeconds: 120,
      },
    })
    const run = await runAction({ cluster: 'prod', service: 'web', image: `${stack.STACK_REGISTRY}/web:v3` })
    expect(run.exitCode).toBe(1)
    // ECS's circuit breaker (on for Express services) rolls it back; the action says so, not success.
    expect(run.outputs.status).toBe('rolled-back')
    expect(run.errors[0]).toMatch(/circuit breaker/)
    expect(run.summary).toContain('exit code 3')
    expect(run.summary).toContain('Error: DATABASE_URL is not set')
    expect(run.summary).toContain('Express Mode')
    await waitFor(
      'web back on web-express:1',
      async () => (await webService(ecs)).taskDefinition?.endsWith('/web-express:1'),
      {
        timeoutMs: 30_000,
      },
    )
    expect(await versionAt(stack.STACK_LB_URL)).toBe('v1')
  })
})
