// Verifying the release over HTTP, end to end: dist/index.js against the local stack, whose load balancer listeners
// proxy to real containers of the sample app (its /version answers the commit it was built from).
import { ECSClient, ListTaskDefinitionsCommand, type LoadBalancer } from '@aws-sdk/client-ecs'
import { randomBytes } from 'node:crypto'
import { runAction, withConfig } from './action.js'
import {
  givenWebService,
  ScenarioAdmin,
  useStack,
  waitFor,
  webService,
  type StackEnv,
  type StagePlan,
} from './stack.js'

let stack: StackEnv
let admin: ScenarioAdmin
let ecs: ECSClient

beforeAll(async () => {
  stack = await useStack()
  admin = new ScenarioAdmin(stack.STACK_SCENARIO_URL)
  ecs = new ECSClient({})
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
      'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee',
    testListenerRule:
      'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2/1234567890abcdef',
    roleArn: 'arn:aws:iam::123456789012:role/ecsInfrastructureRoleForLoadBalancers',
  },
}

/** Blue/green stages slow enough (at time scale 10) to be seen: 10 s with test traffic on green before production shifts. */
const SLOW_TEST_TRAFFIC: StagePlan[] = [
  { stage: 'SCALE_UP', seconds: 1 },
  { stage: 'TEST_TRAFFIC_SHIFT', seconds: 5, testTrafficWeight: 100 },
  { stage: 'POST_TEST_TRAFFIC_SHIFT', seconds: 100 },
  { stage: 'PRODUCTION_TRAFFIC_SHIFT', seconds: 5, productionTrafficWeights: [100] },
  { stage: 'BAKE_TIME', seconds: 5 },
  { stage: 'CLEAN_UP' },
]

async function givenService(options: { blueGreen?: boolean; stages?: StagePlan[] } = {}): Promise<void> {
  await givenWebService(stack, admin, ecs, {
    timeScale: 10,
    ...(options.blueGreen && { service: { loadBalancers: [BLUE_GREEN] } }),
  })
  // After CreateService: the first deployment would take it otherwise.
  if (options.stages) await admin.scenario({ service: 'web', rollout: { stages: options.stages } })
  await admin.listeners({ cluster: 'prod', service: 'web' })
}

const version = async (url: string): Promise<string> => (await fetch(`${url}/version`)).text()

const revisions = async (): Promise<string[]> =>
  (await ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: 'web' }))).taskDefinitionArns ?? []

const backOnTheOldRevision = (): Promise<boolean> =>
  waitFor('web back on web:1', async () => (await webService(ecs)).taskDefinition?.endsWith('/web:1'), {
    timeoutMs: 30_000,
  })

const commit = (): string => randomBytes(20).toString('hex')

describe('verify-url after a rolling deployment', () => {
  test('a release built from this commit answers /version with it: verified, in the log and the summary', async () => {
    await givenService()
    const sha = commit()
    const run = await runAction(
      withConfig(
        {
          cluster: 'prod',
          service: 'web',
          build: stack.STACK_SAMPLE_APP,
          'build-args': `COMMIT_HASH=${sha}`,
          image: `${stack.STACK_REGISTRY}/web`,
        },
        `vars: { ENDPOINT: version }\nverify: { url: "${stack.STACK_LB_URL}/\${ENDPOINT}", expect: "$.version == \${GITHUB_SHA}", timeout: 20, interval: 0.5 }`,
      ),
      { GITHUB_SHA: sha },
    )
    expect(run.errors).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(run.outputs.status).toBe('succeeded')
    const expected = `a 2xx JSON answer with $.version == ${sha}`
    expect(run.stdout).toContain(`verified ${stack.STACK_LB_URL}/version (production): ${expected}`)
    expect(run.summary).toContain(`verified \`${stack.STACK_LB_URL}/version\` (production)`)
    expect(await version(stack.STACK_LB_URL)).toBe(`{"version":"${sha}"}\n`)
  })

  test('a release answering another commit fails with the URL, its answer and the expectation, and is rolled back', async () => {
    await givenService()
    const sha = commit()
    const run = await runAction(
      withConfig(
        { cluster: 'prod', service: 'web', image: `${stack.STACK_REGISTRY}/web:v3` },
        `verify: { url: "${stack.STACK_LB_URL}/version", expect: "$.version == \${GITHUB_SHA}", timeout: 3, interval: 0.5 }`,
      ),
      { GITHUB_SHA: sha },
    )
    expect(run.exitCode).toBe(1)
    expect(run.outputs.status).toBe('failed')
    const reason = `verification failed (production): ${stack.STACK_LB_URL}/version answered HTTP 200 "{"version":"v3"}" (expected a 2xx JSON answer with $.version == ${sha};`
    expect(run.errors.join('\n')).toContain(reason)
    // Reported once ECS reached it, not when it was asked for: the run follows the rollback to its end.
    expect(run.stdout).toContain('asked ECS to roll the service back to web:1 by redeploying it')
    expect(run.stdout).toMatch(/ECS rolled the service back to web:1 \(2 of 2 tasks running\)/)
    expect(run.summary).toContain('verification failed (production)')
    expect(run.summary).toContain('ECS rolled the service back to web:1 (2 of 2 tasks running)')
    const after = await webService(ecs)
    expect(after.taskDefinition).toMatch(/\/web:1$/)
    expect(after.deployments?.map((d) => [d.status, d.rolloutState])).toEqual([['PRIMARY', 'COMPLETED']])
    await waitFor(
      'the load balancer to answer v1 again',
      async () => (await version(stack.STACK_LB_URL)).includes('"v1"'),
      {
        timeoutMs: 30_000,
      },
    )
  })

  test('verify-command runs after the URL checks with VERIFY_URL and DEPLOYED_IMAGE; its failure fails the run', async () => {
    await givenService()
    const image = `${stack.STACK_REGISTRY}/web:v2`
    const inputs = { cluster: 'prod', service: 'web', image }
    const verify = `verify: { url: "${stack.STACK_LB_URL}/status", expect: ok, command: "bash -c 'echo \\"smoke $VERIFY_STAGE $VERIFY_URL $DEPLOYED_IMAGE\\"; exit \\"$CODE\\"'" }`
    const passed = await runAction(withConfig(inputs, `vars: { CODE: "0" }\n${verify}`))
    expect(passed.exitCode).toBe(0)
    expect(passed.stdout).toContain(`smoke production ${stack.STACK_LB_URL}/status ${image}`)
    expect(passed.stdout).toContain('verify-command passed (production)')

    const failed = await runAction(
      withConfig(
        { ...inputs, 'force-new-deployment': 'true' },
        `vars: { CODE: "3" }\nrollback-on-failure: false\n${verify}`,
      ),
    )
    expect(failed.exitCode).toBe(1)
    expect(failed.errors.join('\n')).toContain(
      `verification failed (production): verify-command exited with code 3; its last output: smoke production ${stack.STACK_LB_URL}/status ${image}`,
    )
  })

  test('a malformed verify-url or verify-expect is refused before anything is registered', async () => {
    await givenService()
    const base = { cluster: 'prod', service: 'web', image: `${stack.STACK_REGISTRY}/web:v2` }
    const badUrl = await runAction(withConfig(base, 'verify: { url: "ftp://example.com/version" }'))
    expect(badUrl.exitCode).toBe(1)
    expect(badUrl.errors.join('\n')).toContain(
      'line 4, environments.test.verify.url: must be an http(s) URL like https://${ENVIRONMENT}.example.com/version, not a string',
    )
    const badExpect = await runAction(
      withConfig(base, `verify: { url: "${stack.STACK_LB_URL}/version", expect: "$.version = v2" }`),
    )
    expect(badExpect.errors.join('\n')).toContain(
      'Config key `verify.expect`: "$.version = v2" is not a JSON path check. Write it as `$.field.sub[0] == value`.',
    )
    const noWait = await runAction(
      withConfig({ ...base, wait: 'false' }, `verify: { url: "${stack.STACK_LB_URL}/version" }`),
    )
    expect(noWait.errors.join('\n')).toContain(
      "The environment's `verify` block (`verify.url`, …) needs `wait: true`: the release is checked once the deployment reaches it.",
    )
    const rolling = await runAction(withConfig(base, `verify: { test-url: "${stack.STACK_LB_TEST_URL}/version" }`))
    expect(rolling.errors.join('\n')).toMatch(
      /Config key `verify.test-url`: web rolls \(rolling[^)]*\)\)?, so no test listener ever routes to the new revision\. Use `verify.url`, or a blue-green, canary, linear or CodeDeploy strategy\./,
    )
    expect(await revisions()).toHaveLength(1)
  })
})

describe('verify-test-url during an ECS-native blue/green deployment', () => {
  const keys = () =>
    `strategy: blue-green\nbake-minutes: 0\nverify: { test-url: "${stack.STACK_LB_TEST_URL}/version", url: "${stack.STACK_LB_URL}/version", expect: "$.version == v2", timeout: 3, interval: 0.5 }`
  const inputs = (image: string, more = '') =>
    withConfig({ cluster: 'prod', service: 'web', image: `${stack.STACK_REGISTRY}/web:${image}` }, `${keys()}\n${more}`)

  test('the test listener answers the new release before production shifts, and production after', async () => {
    await givenService({ blueGreen: true, stages: SLOW_TEST_TRAFFIC })
    const run = await runAction(inputs('v2'))
    expect(run.errors).toEqual([])
    expect(run.exitCode).toBe(0)
    const test = run.stdout.indexOf(`verified ${stack.STACK_LB_TEST_URL}/version (test listener)`)
    const shift = run.stdout.indexOf('traffic on the new revision: production 100 %')
    const production = run.stdout.indexOf(`verified ${stack.STACK_LB_URL}/version (production)`)
    expect(test).toBeGreaterThan(-1)
    expect(shift).toBeGreaterThan(test)
    expect(production).toBeGreaterThan(shift)
  })

  test('paused after test traffic: verified through the test listener while production still answers the old release; continue verifies production', async () => {
    await givenService({ blueGreen: true })
    const paused = await runAction(inputs('v2', 'wait-until: test-traffic-shifted'))
    expect(paused.errors).toEqual([])
    expect(paused.outputs.status).toBe('paused')
    expect(paused.stdout).toContain(`verified ${stack.STACK_LB_TEST_URL}/version (test listener)`)
    expect(paused.stdout).not.toContain('(production)')
    expect(await version(stack.STACK_LB_URL)).toBe('{"version":"v1"}\n')
    expect(await version(stack.STACK_LB_TEST_URL)).toBe('{"version":"v2"}\n')

    const resumed = await runAction(withConfig({ cluster: 'prod', service: 'web', mode: 'continue' }, keys()))
    expect(resumed.errors).toEqual([])
    expect(resumed.outputs.status).toBe('succeeded')
    expect(resumed.stdout).toContain(`verified ${stack.STACK_LB_URL}/version (production)`)
  })

  test('a release the test listener shows broken is rolled back before any production traffic reaches it', async () => {
    await givenService({ blueGreen: true, stages: SLOW_TEST_TRAFFIC })
    const run = await runAction(inputs('v3'))
    expect(run.exitCode).toBe(1)
    expect(run.errors.join('\n')).toContain(
      `verification failed (test listener): ${stack.STACK_LB_TEST_URL}/version answered HTTP 200 "{"version":"v3"}" (expected a 2xx JSON answer with $.version == v2;`,
    )
    expect(run.stdout).toContain('requested a rollback to web:1 (StopServiceDeployment ROLLBACK)')
    expect(run.stdout).not.toContain('production 100 %')
    await backOnTheOldRevision()
    expect(await version(stack.STACK_LB_URL)).toBe('{"version":"v1"}\n')
  })
})
