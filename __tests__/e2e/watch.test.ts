// The watch loop against what real ECS does (test/stack scenario flags): eventual consistency after UpdateService,
// a stale currentServiceDeployment, another actor deploying over the rollout, and a policy missing permissions.
import { ECSClient, RegisterTaskDefinitionCommand, UpdateServiceCommand } from '@aws-sdk/client-ecs'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { runAction, workspaceDir } from './action.js'
import {
  givenWebService,
  ScenarioAdmin,
  useStack,
  waitFor,
  webService,
  webTaskDefinition,
  type Scenario,
  type Service,
  type StackEnv,
} from './stack.js'

let stack: StackEnv
let admin: ScenarioAdmin
let ecs: ECSClient
const dir = workspaceDir('e2e-watch-')

beforeAll(async () => {
  stack = await useStack()
  admin = new ScenarioAdmin(stack.STACK_SCENARIO_URL)
  ecs = new ECSClient({ region: stack.AWS_REGION })
})

afterAll(() => ecs?.destroy())

/** A fresh stack (real time) with service web on web:1 (two tasks, circuit breaker with rollback); `scenarios` set first. */
function givenService(scenarios: Scenario[] = []): Promise<void> {
  return givenWebService(stack, admin, ecs, {
    timeScale: 1,
    scenarios,
    circuitBreaker: { enable: true, rollback: true },
  })
}

function currentService(): Promise<Service> {
  return webService(ecs)
}

function inputs(overrides: Record<string, string> = {}): Record<string, string> {
  const file = path.join(dir, `td-${Math.random().toString(36).slice(2)}.json`)
  writeFileSync(file, JSON.stringify(webTaskDefinition('web', `${stack.STACK_REGISTRY}/web:placeholder`)))
  return {
    cluster: 'prod',
    service: 'web',
    'task-definition': file,
    image: `${stack.STACK_REGISTRY}/web:v2`,
    ...overrides,
  }
}

describe('the watch loop against real ECS behaviour', () => {
  test('the new deployment is not visible for a few seconds after UpdateService: the action waits and succeeds', async () => {
    await givenService()
    await admin.scenario({ service: 'web', rollout: { visibilityDelaySeconds: 3 } })
    const run = await runAction(inputs())
    expect(run.errors).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(run.outputs.status).toBe('succeeded')
    expect(run.stdout).toMatch(
      /ECS does not list deployment ecs-svc\/\d+ yet \(it is eventually consistent\); waiting for it/,
    )
    expect((await currentService()).taskDefinition).toMatch(/\/web:2$/)
  })

  test('a stale currentServiceDeployment does not make a failing rollout a success: it is reported rolled back', async () => {
    await givenService()
    await admin.scenario({
      service: 'web',
      rollout: { staleCurrentServiceDeploymentSeconds: 4, outcome: 'crash', crashAfterSeconds: 1 },
    })
    const run = await runAction(inputs())
    expect(run.exitCode).toBe(1)
    expect(run.outputs.status).toBe('rolled-back')
    expect(run.errors[0]).toMatch(/circuit breaker/)
    await waitFor('web back on web:1', async () => (await currentService()).taskDefinition?.endsWith('/web:1'), {
      timeoutMs: 20_000,
    })
  })

  test('a re-run following the rollout in flight is not fooled by a stale currentServiceDeployment: it reports the rollback', async () => {
    await givenService()
    // An earlier run registered and started exactly what this run renders (web:2); this run follows it.
    await ecs.send(new RegisterTaskDefinitionCommand(webTaskDefinition('web', `${stack.STACK_REGISTRY}/web:v2`)))
    await admin.scenario({
      service: 'web',
      rollout: { staleCurrentServiceDeploymentSeconds: 4, outcome: 'crash', crashAfterSeconds: 1 },
    })
    await ecs.send(new UpdateServiceCommand({ cluster: 'prod', service: 'web', taskDefinition: 'web:2' }))
    const run = await runAction(inputs())
    expect(run.stdout).toMatch(/following deployment ecs-svc\/\d+, already rolling out web:2/)
    expect(run.exitCode).toBe(1)
    expect(run.outputs.status).toBe('rolled-back')
  })

  test("another actor deploys the same revision over this run's rollout (no service deployments): a prompt failure, theirs left alone", async () => {
    // In order: the service's creation, this run's rollout (replaced after 2 s), and the other actor's deployment.
    await givenService([
      { service: 'web', rollout: { serviceDeployments: false } },
      { service: 'web', rollout: { serviceDeployments: false, taskStartSeconds: 30, replacedAfterSeconds: 2 } },
      { service: 'web', times: 0, rollout: { serviceDeployments: false } },
    ])
    const started = Date.now()
    const run = await runAction(inputs({ 'timeout-minutes': '1' }))
    expect(run.exitCode).toBe(1)
    expect(run.outputs.status).toBe('failed')
    expect(run.errors[0]).toMatch(
      /another deployment replaced this one: ecs-svc\/\d+ of web:2 is now the service's primary deployment, started by someone else; nothing was rolled back/,
    )
    expect(Date.now() - started).toBeLessThan(30_000)
    expect(run.summary).not.toMatch(/Rollback:/)
    const service = await currentService()
    expect(service.taskDefinition).toMatch(/\/web:2$/)
    expect(service.deployments?.find((d) => d.status === 'PRIMARY')?.taskDefinition).toMatch(/\/web:2$/)
  })

  test('a policy without ecs:StopServiceDeployment: the rollback of a timed-out rollout redeploys the previous revision', async () => {
    await givenService()
    await admin.deny(['ecs:StopServiceDeployment'])
    await admin.scenario({ service: 'web', rollout: { outcome: 'stuck-pending' } })
    const run = await runAction(inputs({ 'timeout-minutes': '0.1' }))
    expect(run.exitCode).toBe(1)
    expect(run.outputs.status).toBe('timed-out')
    expect(run.summary).toContain(
      'AWS denied ecs:StopServiceDeployment, so asked ECS to roll the service back to web:1 by redeploying it',
    )
    await waitFor('web back on web:1', async () => (await currentService()).taskDefinition?.endsWith('/web:1'), {
      timeoutMs: 20_000,
    })
  })

  test('a policy without the service-deployment permissions: one warning, the rollout still followed to success', async () => {
    await givenService()
    await admin.deny(['ecs:ListServiceDeployments', 'ecs:DescribeServiceDeployments'])
    const run = await runAction(inputs())
    expect(run.exitCode).toBe(0)
    expect(run.outputs.status).toBe('succeeded')
    const warnings = run.stdout.split('\n').filter((l) => l.startsWith('::warning'))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain(
      'AWS denied ecs:DescribeServiceDeployments: following the rollout through DescribeServices alone',
    )
    expect(run.stdout).not.toContain('could not read the rollout')
  })
})
