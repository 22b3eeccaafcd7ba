// The canary analysis end to end: dist/index.js deploys an ECS-native canary on the local stack while the bounded load
// generator sends real requests through the load balancer to real sample-app containers; the stack's CloudWatch
// answers GetMetricData from that traffic. A good release passes; one that fails 10 % of its requests, or answers
// 300 ms late, is rolled back by the analysis before the canary completes, the metric named in the summary.
import { ECSClient, type LoadBalancer } from '@aws-sdk/client-ecs'
import { runAction, withConfig } from './action.js'
import {
  givenWebService,
  ScenarioAdmin,
  startLoad,
  useStack,
  waitFor,
  webService,
  type StackEnv,
  type StagePlan,
} from './stack.js'
import type { Load } from '../../test/stack/load.mjs'

let stack: StackEnv
let admin: ScenarioAdmin
let ecs: ECSClient
let load: Load | undefined

beforeAll(async () => {
  stack = await useStack()
  admin = new ScenarioAdmin(stack.STACK_SCENARIO_URL)
  ecs = new ECSClient({})
})

afterEach(async () => {
  await load?.stop()
  load = undefined
})

afterAll(() => ecs?.destroy())

const BLUE_GREEN: LoadBalancer = {
  targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef',
  containerName: 'web',
  containerPort: 8080,
  advancedConfiguration: {
    alternateTargetGroupArn:
      'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-green/fedcba9876543210',
    productionListenerRule:
      'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/prod/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee',
    roleArn: 'arn:aws:iam::123456789012:role/ecsInfrastructureRoleForLoadBalancers',
  },
}

/** At time scale 10: the 20 % canary step lasts `canarySeconds` / 10 real seconds, then 100 %, a short bake, clean-up. */
const stages = (canarySeconds: number): StagePlan[] => [
  { stage: 'PRE_SCALE_UP', seconds: 1 },
  { stage: 'SCALE_UP', seconds: 1 },
  { stage: 'PRODUCTION_TRAFFIC_SHIFT', seconds: canarySeconds, productionTrafficWeights: [20, 100] },
  { stage: 'BAKE_TIME', seconds: 20 },
  { stage: 'CLEAN_UP' },
]

/** Service web behind both target groups, the listeners fronting it, and real traffic on it (bounded: 25/s, 150 s). */
async function givenCanary(canarySeconds: number): Promise<void> {
  await givenWebService(stack, admin, ecs, { timeScale: 10, service: { loadBalancers: [BLUE_GREEN] } })
  await admin.scenario({ service: 'web', rollout: { stages: stages(canarySeconds) } })
  await admin.listeners({ cluster: 'prod', service: 'web' })
  load = startLoad({ url: `${stack.STACK_LB_URL}/`, rate: 25, seconds: 150 })
}

const CANARY = ['strategy: canary', 'canary-percent: 20', 'canary-bake-minutes: 1', 'bake-minutes: 0']

/** The environment: a 20 % canary (or `strategy`), the analysis read every 2 s once the new revision served 50 requests. */
const run = (
  environment: Record<string, string>,
  analysis: { input?: string; checks?: string },
  strategy: string[] = CANARY,
) =>
  runAction(
    withConfig(
      {
        cluster: 'prod',
        service: 'web',
        image: `${stack.STACK_REGISTRY}/web:v2`,
        'timeout-minutes': '4',
        ...(analysis.input && { analysis: analysis.input }),
      },
      [
        ...strategy,
        `environment-variables: ${JSON.stringify(environment)}`,
        `analysis: { ${analysis.checks ? `checks: ${analysis.checks}, ` : ''}interval: 2, min-requests: 50, inconclusive: rollback }`,
      ].join('\n'),
    ),
  )

// The median, not p99: the stack starts a revision's container on its first request, so the new revision's first
// answers include docker's start (ECS would have the tasks running before any traffic).
const CHECKS = '["5xx-rate < 1%", "p50 < 250ms"]'

describe('canary analysis through dist/index.js', () => {
  test('a good release passes the analysis and completes; the summary charts each metric', async () => {
    await givenCanary(300)
    const result = await run({}, { input: '5xx-rate < 1%, p50 < 250ms' })
    expect(result.errors).toEqual([])
    expect(result.outputs.status).toBe('succeeded')
    expect(result.stdout).toContain('canary analysis passed: every check held')
    expect(result.summary).toContain('#### Canary analysis')
    expect(result.summary).toContain('target group web-green (new revision) against web (old revision)')
    expect(result.summary).toContain('title "5xx-rate < 1%"')
    expect(result.summary).toContain('title "p50 < 250ms"')
    expect(result.summary).toContain('xychart-beta')
    expect((await webService(ecs)).taskDefinition).toMatch(/\/web:2$/)
  }, 150_000)

  test.each([
    [
      'answers 500 on 10 % of its requests',
      { FAIL_PERCENT: '10' },
      /canary analysis failed: 5xx-rate &lt; 1%: [\d.]+ % on the new revision/,
    ],
    [
      'answers 300 ms late',
      { SLOW_MS: '300' },
      /canary analysis failed: p50 &lt; 250ms: [\d.]+ ms on the new revision/,
    ],
  ])(
    'a release that %s is rolled back before the canary completes, the metric named',
    async (_what, env, named) => {
      // A canary step of 120 s (real) that the analysis must cut short.
      await givenCanary(1200)
      const result = await run(env, { checks: CHECKS })
      expect(result.exitCode).not.toBe(0)
      expect(result.outputs.status).toBe('failed')
      expect(result.summary).toMatch(named)
      expect(result.summary).toContain('| roll back (fail) |')
      expect(result.stdout).toContain('requested a rollback to web:1 (StopServiceDeployment ROLLBACK)')
      expect(result.stdout).not.toContain('traffic on the new revision: production 100 %')
      await waitFor(
        'web to be back on web:1',
        async () => /\/web:1$/.test((await webService(ecs)).taskDefinition ?? ''),
        {
          timeoutMs: 30_000,
        },
      )
    },
    150_000,
  )

  test('linear: a release that fails 10 % of its requests is rolled back at a step, before all traffic moved', async () => {
    // ECS's own stages from the service's linear configuration: 25 % steps 2 min apart (12 s each at time scale 10).
    await givenWebService(stack, admin, ecs, { timeScale: 10, service: { loadBalancers: [BLUE_GREEN] } })
    await admin.listeners({ cluster: 'prod', service: 'web' })
    load = startLoad({ url: `${stack.STACK_LB_URL}/`, rate: 25, seconds: 120 })
    const linear = ['strategy: linear', 'step-percent: 25', 'step-bake-minutes: 2', 'bake-minutes: 0']
    const result = await run({ FAIL_PERCENT: '10' }, { checks: CHECKS }, linear)
    expect(result.exitCode).not.toBe(0)
    expect(result.outputs.status).toBe('failed')
    expect(result.summary).toContain('target group web-green (new revision) against web (old revision)')
    expect(result.summary).toMatch(/canary analysis failed: 5xx-rate &lt; 1%: [\d.]+ % on the new revision/)
    expect(result.stdout).toMatch(/traffic on the new revision: production (25|50|75) %/)
    expect(result.stdout).not.toContain('traffic on the new revision: production 100 %')
    expect(result.stdout).toContain('requested a rollback to web:1 (StopServiceDeployment ROLLBACK)')
    await waitFor(
      'web to be back on web:1',
      async () => /\/web:1$/.test((await webService(ecs)).taskDefinition ?? ''),
      {
        timeoutMs: 30_000,
      },
    )
  }, 150_000)
})
