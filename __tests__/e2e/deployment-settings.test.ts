// The circuit breaker's threshold and early success, set from the config file's service-settings, through
// dist/index.js on the local stack: ECS (the stack) decides with them, and the action reports when ECS does.
import {
  DescribeServiceDeploymentsCommand,
  ECSClient,
  ListServiceDeploymentsCommand,
  type ServiceDeployment,
} from '@aws-sdk/client-ecs'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { runAction } from './action.js'
import { givenWebService, ScenarioAdmin, useStack, webService, type RolloutPlan, type StackEnv } from './stack.js'

let stack: StackEnv
let admin: ScenarioAdmin
let ecs: ECSClient

beforeAll(async () => {
  stack = await useStack()
  admin = new ScenarioAdmin(stack.STACK_SCENARIO_URL)
  ecs = new ECSClient({ region: stack.AWS_REGION })
})

afterAll(() => ecs?.destroy())

/** A workspace whose .github/ecs-deploy.yml gives environment prod (branch main) these service-settings lines. */
function workspace(settings: string[], environment: string[] = []): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ecs-deploy-settings-'))
  mkdirSync(path.join(dir, '.github'))
  writeFileSync(
    path.join(dir, '.github/ecs-deploy.yml'),
    [
      'environments:',
      '  prod:',
      '    branches: [main]',
      '    cluster: prod',
      '    services: [web]',
      ...environment.map((line) => `    ${line}`),
      '    service-settings:',
    ]
      .concat(settings.map((line) => `      ${line}`))
      .join('\n'),
  )
  return dir
}

async function deployWith(
  settings: string[],
  rollout: RolloutPlan,
  breaker = { enable: true, rollback: true },
  environment: string[] = [],
) {
  // Real time: the scale a previous file left would make these rollouts outrun the polls.
  await givenWebService(stack, admin, ecs, { circuitBreaker: breaker, timeScale: 1 })
  await admin.scenario({ service: 'web', rollout })
  const run = await runAction(
    { image: `${stack.STACK_REGISTRY}/web:v2` },
    { GITHUB_WORKSPACE: workspace(settings, environment), GITHUB_REF: 'refs/heads/main' },
  )
  return { run, endedAt: Date.now() }
}

async function latestServiceDeployment(): Promise<ServiceDeployment> {
  const { serviceDeployments } = await ecs.send(new ListServiceDeploymentsCommand({ cluster: 'prod', service: 'web' }))
  const arn = serviceDeployments?.[0]?.serviceDeploymentArn
  const described = await ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn ?? ''] }))
  return described.serviceDeployments?.[0] ?? {}
}

describe('the circuit breaker threshold', () => {
  test('a threshold of 2 failed tasks rolls back after 2 (the default would be 3), and the action reports it then', async () => {
    const { run, endedAt } = await deployWith(['circuit-breaker-threshold: 2'], { outcome: 'crash', exitCode: 3 })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.status).toBe('rolled-back')
    expect(run.errors[0]).toMatch(/circuit breaker/)
    expect(run.stdout).toContain(
      'service circuit breaker threshold: default (50 % of the desired count, 3–200 tasks) → 2 failed tasks',
    )
    const web = await webService(ecs)
    expect(web.deploymentConfiguration?.deploymentCircuitBreaker).toEqual({
      enable: true,
      rollback: true,
      thresholdConfiguration: { type: 'COUNT', value: 2 },
    })
    const sd = await latestServiceDeployment()
    expect(sd.deploymentCircuitBreaker).toMatchObject({ status: 'TRIGGERED', failureCount: 2, threshold: 2 })
    // ECS decided at its rollback; the action knew within a poll or two (its polls are at most 5 s apart).
    expect(endedAt - (sd.rollback?.startedAt?.getTime() ?? 0)).toBeLessThan(8000)
  })

  test("with the breaker off, the action's own crash-loop rule gives up at the configured threshold", async () => {
    const { run } = await deployWith(
      ['circuit-breaker-threshold: 2'],
      { outcome: 'crash', exitCode: 3 },
      { enable: false, rollback: false },
    )
    expect(run.exitCode).toBe(1)
    expect(run.outputs.status).toBe('failed')
    expect(run.errors[0]).toMatch(/keep stopping \(2 failed to start or crashed\) and ECS's circuit breaker is off/)
  })
})

describe('early success criteria', () => {
  test('healthyPercent 50: reported succeeded when ECS completes the deployment, with a task still starting', async () => {
    const { run, endedAt } = await deployWith(
      ['minimum-healthy-percent: 50', 'early-success-healthy-percent: 50', 'early-success-cleanup: DEFERRED'],
      { taskStartSeconds: 2, taskStartStaggerSeconds: 12 },
    )
    expect(run.errors).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(run.outputs.status).toBe('succeeded')
    expect(run.stdout).toContain('service early success: off → at 50 % healthy (old tasks removed after)')
    expect(run.summary).toMatch(
      /ECS completed the deployment early, at 50 % healthy \(early success criteria\): 1 of 2 new tasks running, 1 still starting/,
    )
    const sd = await latestServiceDeployment()
    expect(sd.status).toBe('SUCCESSFUL')
    expect(endedAt - (sd.finishedAt?.getTime() ?? 0)).toBeLessThan(6000)
    // The second new task starts 12 s after the first: the run ended before it did.
    const primary = (await webService(ecs)).deployments?.find((d) => d.status === 'PRIMARY')
    expect(primary?.runningCount).toBe(1)
  })

  // AWS: with alarm-based rollback, ECS completes at healthyPercent only once the alarms' bake time has elapsed.
  const early = ['minimum-healthy-percent: 50', 'early-success-healthy-percent: 50', 'early-success-cleanup: DEFERRED']
  const alarms = ['deployment-alarms: [web-5xx]']

  test('with deployment alarms, ECS bakes first: the action reports success when ECS completes, after the bake', async () => {
    const started = Date.now()
    const { run, endedAt } = await deployWith(
      early,
      { taskStartSeconds: 2, taskStartStaggerSeconds: 30, alarmBakeSeconds: 8 },
      undefined,
      alarms,
    )
    expect(run.errors).toEqual([])
    expect(run.outputs.status).toBe('succeeded')
    const sd = await latestServiceDeployment()
    expect(sd).toMatchObject({ status: 'SUCCESSFUL', alarms: { status: 'MONITORING_COMPLETE' } })
    // The first task is healthy after about 2 s; the bake holds the deployment 8 s more; the run did not end before it.
    expect((sd.finishedAt?.getTime() ?? 0) - (sd.startedAt?.getTime() ?? 0)).toBeGreaterThanOrEqual(8000)
    expect(endedAt).toBeGreaterThanOrEqual(sd.finishedAt?.getTime() ?? Infinity)
    expect(endedAt - started).toBeLessThan(60_000)
  })

  test('an alarm in the bake after the early success criteria were met rolls back, and the action names it', async () => {
    const { run } = await deployWith(
      early,
      {
        taskStartSeconds: 2,
        taskStartStaggerSeconds: 30,
        alarmBakeSeconds: 20,
        alarm: 'web-5xx',
        alarmAfterSeconds: 8,
      },
      undefined,
      alarms,
    )
    expect(run.exitCode).toBe(1)
    expect(run.outputs.status).toBe('rolled-back')
    expect(run.errors[0]).toContain('CloudWatch alarm web-5xx went to ALARM')
    expect(await latestServiceDeployment()).toMatchObject({
      alarms: { status: 'TRIGGERED', triggeredAlarmNames: ['web-5xx'] },
    })
  })
})
