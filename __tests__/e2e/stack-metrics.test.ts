// The local stack's CloudWatch metrics against real traffic: the load generator sends requests through the load
// balancer's listeners to real sample-app containers (a release that fails or is slow by its environment), and the
// real SDK's GetMetricData answers what was sent. A test of the stack, not of the action.
import {
  CloudWatchClient,
  GetMetricDataCommand,
  type GetMetricDataCommandInput,
  type MetricDataQuery,
  type MetricDataResult,
} from '@aws-sdk/client-cloudwatch'
import { ECSClient, RegisterTaskDefinitionCommand, UpdateServiceCommand } from '@aws-sdk/client-ecs'
import {
  givenWebService,
  ScenarioAdmin,
  startLoad,
  useStack,
  waitFor,
  webService,
  webTaskDefinition,
  type LoadResult,
  type StackEnv,
} from './stack.js'

const TG = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef'
const GREEN_TG = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-green/fedcba9876543210'
const RULE =
  'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/prod/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee'
const LB = 'app/prod/50dc6c495c0c9188'
const dims = (targetGroup?: string) => [
  { Name: 'LoadBalancer', Value: LB },
  ...(targetGroup ? [{ Name: 'TargetGroup', Value: `targetgroup/${targetGroup.split(':targetgroup/')[1]}` }] : []),
]

let stack: StackEnv
let admin: ScenarioAdmin
let ecs: ECSClient
let cloudwatch: CloudWatchClient

beforeAll(async () => {
  stack = await useStack()
  admin = new ScenarioAdmin(stack.STACK_SCENARIO_URL)
  ecs = new ECSClient({ region: stack.AWS_REGION })
  cloudwatch = new CloudWatchClient({ region: stack.AWS_REGION })
})

afterAll(() => {
  ecs?.destroy()
  cloudwatch?.destroy()
})

const metric = (id: string, name: string, stat: string, targetGroup?: string, period = 3600): MetricDataQuery => ({
  Id: id,
  MetricStat: {
    Metric: { Namespace: 'AWS/ApplicationELB', MetricName: name, Dimensions: dims(targetGroup) },
    Period: period,
    Stat: stat,
  },
})

/** The stack clock's time now (ms). */
async function stackNow(): Promise<number> {
  const { clock } = (await admin.state()) as { clock: { now: string } }
  return Date.parse(clock.now)
}

/** The last half hour of the stack's clock and the next minute. */
async function window(): Promise<{ StartTime: Date; EndTime: Date }> {
  const now = await stackNow()
  return { StartTime: new Date(now - 30 * 60_000), EndTime: new Date(now + 60_000) }
}

/** GetMetricData over window() (one period of an hour: one point per series), or the times in `more`. */
async function read(queries: MetricDataQuery[], more: Partial<GetMetricDataCommandInput> = {}) {
  return cloudwatch.send(new GetMetricDataCommand({ ...(await window()), MetricDataQueries: queries, ...more }))
}

const total = (result: MetricDataResult | undefined) => (result?.Values ?? []).reduce((a, b) => a + b, 0)
const byId = (results: MetricDataResult[] | undefined, id: string) => results?.find((r) => r.Id === id)

/** Service web (2 tasks, target group TG) on a task definition with this environment, behind the listeners. */
async function givenRelease(environment: Record<string, string>, service: object = {}): Promise<void> {
  await givenWebService(stack, admin, ecs, {
    timeScale: 20,
    service: { loadBalancers: [{ targetGroupArn: TG, containerName: 'web', containerPort: 8080 }], ...service },
  })
  await ecs.send(
    new RegisterTaskDefinitionCommand(
      webTaskDefinition('web', `${stack.STACK_REGISTRY}/web:v2`, {
        environment: Object.entries(environment).map(([name, value]) => ({ name, value })),
      }),
    ),
  )
  await ecs.send(new UpdateServiceCommand({ cluster: 'prod', service: 'web', taskDefinition: 'web:2' }))
  await waitFor('web:2 to complete', async () => (await webService(ecs)).deployments?.length === 1, {
    timeoutMs: 20_000,
  })
  await admin.listeners({ cluster: 'prod', service: 'web' })
}

const sendLoad = (rate: number, seconds: number, count?: number): Promise<LoadResult> =>
  startLoad({ url: `${stack.STACK_LB_URL}/`, rate, seconds, ...(count && { count }) }).done

describe('the local stack serves CloudWatch metrics of the load balancer from its real traffic', () => {
  test('counts, the 5xx share and the response times match what the load generator saw', async () => {
    await givenRelease({ FAIL_PERCENT: '30', SLOW_MS: '200' })
    const seen = await sendLoad(25, 4)
    expect(seen.errors).toBe(0)
    expect(seen.sent).toBeGreaterThan(90) // 25 a second for 4 s: 100 unless the machine is very busy
    const failed = seen.statuses['500'] ?? 0
    expect(failed).toBeGreaterThan(10) // 30 % at random: far from 0 and from all
    expect(failed).toBeLessThan(60)
    expect(Math.min(...seen.latenciesMs)).toBeGreaterThanOrEqual(200)

    const { MetricDataResults: results } = await read([
      metric('requests', 'RequestCount', 'Sum', TG),
      metric('errors', 'HTTPCode_Target_5XX_Count', 'Sum', TG),
      metric('ok', 'HTTPCode_Target_2XX_Count', 'Sum', TG),
      metric('lbRequests', 'RequestCount', 'Sum'),
      metric('p95', 'TargetResponseTime', 'p95', TG),
      metric('p99', 'TargetResponseTime', 'p99', TG),
      metric('fastest', 'TargetResponseTime', 'Minimum', TG),
      metric('average', 'TargetResponseTime', 'Average', TG),
      metric('healthy', 'HealthyHostCount', 'Maximum', TG),
      { Id: 'rate', Expression: 'errors / requests * 100', Label: '5xx %' },
    ])
    expect(total(byId(results, 'requests'))).toBe(seen.sent)
    expect(total(byId(results, 'lbRequests'))).toBe(seen.sent)
    expect(total(byId(results, 'errors'))).toBe(failed)
    expect(total(byId(results, 'ok'))).toBe(seen.statuses['200'])
    expect(byId(results, 'rate')).toMatchObject({ Label: '5xx %', Values: [(failed / seen.sent) * 100] })
    // The target's answer time, in seconds: at least the release's sleep, never more than the client waited.
    const slowest = Math.max(...seen.latenciesMs) / 1000
    for (const id of ['fastest', 'average', 'p95', 'p99']) {
      const [value] = byId(results, id)?.Values ?? []
      expect(value).toBeGreaterThanOrEqual(0.2)
      expect(value).toBeLessThanOrEqual(slowest)
    }
    expect(byId(results, 'p95')?.Values?.[0]).toBeLessThanOrEqual(byId(results, 'p99')?.Values?.[0] ?? 0)
    expect(byId(results, 'healthy')?.Values).toEqual([2])
  })

  test('a good release: no 5xx series at all and fast answers; the default release is unchanged', async () => {
    await givenRelease({})
    const seen = await sendLoad(25, 2)
    expect(seen.statuses).toEqual({ 200: seen.sent })
    const { MetricDataResults: results } = await read([
      metric('requests', 'RequestCount', 'Sum', TG),
      metric('errors', 'HTTPCode_Target_5XX_Count', 'Sum', TG),
      metric('fastest', 'TargetResponseTime', 'Minimum', TG),
      { Id: 'rate', Expression: 'FILL(errors, 0) / requests * 100' },
    ])
    expect(total(byId(results, 'requests'))).toBe(seen.sent)
    // ALB publishes a count only when it is not zero: no data point, not a 0.
    expect(byId(results, 'errors')?.Values).toEqual([])
    expect(byId(results, 'rate')?.Values).toEqual([0])
    // No sleep in the default release (a SLOW_MS=200 one never answers under 0.2 s).
    expect(byId(results, 'fastest')?.Values?.[0]).toBeLessThan(0.2)
  })

  test('periods and timestamps follow the stack clock: one point per minute with traffic, newest first', async () => {
    await givenRelease({})
    await admin.clock({ scale: 1 })
    const first = await sendLoad(20, 1)
    await admin.clock({ advanceSeconds: 180 })
    const second = await sendLoad(20, 1.5)
    const now = await stackNow()
    const { MetricDataResults: results } = await read([metric('requests', 'RequestCount', 'Sum', TG, 60)])
    const minute = (t: number) => Math.floor(t / 60_000) * 60_000
    const [newest, oldest] = byId(results, 'requests')?.Timestamps?.map((t) => t.getTime()) ?? []
    expect(newest).toBe(minute(now))
    expect((newest ?? 0) - (oldest ?? 0)).toBeGreaterThanOrEqual(180_000)
    expect(byId(results, 'requests')?.Values).toEqual([second.sent, first.sent])
    const ascending = await read([metric('requests', 'RequestCount', 'Sum', TG, 60)], {
      ScanBy: 'TimestampAscending',
    })
    expect(ascending.MetricDataResults?.[0]?.Values).toEqual([first.sent, second.sent])
  })

  test('MaxDatapoints pages with NextToken; a token of another request is refused', async () => {
    await givenRelease({})
    await admin.clock({ scale: 1 })
    await sendLoad(10, 5, 5)
    await admin.clock({ advanceSeconds: 60 })
    await sendLoad(10, 5, 5)
    const queries = [metric('requests', 'RequestCount', 'Sum', TG, 60)]
    const times = await window()
    const page1 = await read(queries, { ...times, MaxDatapoints: 1 })
    expect(page1.MetricDataResults?.[0]).toMatchObject({ StatusCode: 'PartialData', Values: [5] })
    expect(page1.NextToken).toBeDefined()
    const page2 = await read(queries, { ...times, MaxDatapoints: 1, NextToken: page1.NextToken })
    expect(page2.MetricDataResults?.[0]).toMatchObject({ StatusCode: 'Complete', Values: [5] })
    expect(page2.NextToken).toBeUndefined()
    await expect(
      read([metric('other', 'RequestCount', 'Sum', TG, 60)], {
        ...times,
        MaxDatapoints: 1,
        NextToken: page1.NextToken,
      }),
    ).rejects.toMatchObject({ name: 'InvalidNextToken', message: 'The next token specified is invalid.' })
  })

  test('ECS-native canary: blue and green are told apart by their target groups', async () => {
    await givenWebService(stack, admin, ecs, {
      timeScale: 20,
      scenarios: [],
      service: {
        loadBalancers: [
          {
            targetGroupArn: TG,
            containerName: 'web',
            containerPort: 8080,
            advancedConfiguration: {
              alternateTargetGroupArn: GREEN_TG,
              productionListenerRule: RULE,
              roleArn: 'arn:aws:iam::123456789012:role/ecsInfrastructureRoleForLoadBalancers',
            },
          },
        ],
      },
    })
    await admin.scenario({
      service: 'web',
      rollout: {
        stages: [
          { stage: 'SCALE_UP' },
          { stage: 'PRODUCTION_TRAFFIC_SHIFT', seconds: 600, productionTrafficWeights: [50] },
        ],
      },
    })
    await ecs.send(
      new RegisterTaskDefinitionCommand(
        webTaskDefinition('web', `${stack.STACK_REGISTRY}/web:v2`, {
          environment: [{ name: 'FAIL_PERCENT', value: '100' }],
        }),
      ),
    )
    await admin.listeners({ cluster: 'prod', service: 'web' })
    await ecs.send(
      new UpdateServiceCommand({
        cluster: 'prod',
        service: 'web',
        taskDefinition: 'web:2',
        deploymentConfiguration: { strategy: 'CANARY', canaryConfiguration: { canaryPercent: 50 } },
      }),
    )
    await waitFor(
      'production traffic on green',
      async () => JSON.stringify(await admin.state()).includes('"requestedProductionTrafficWeight":50'),
      { timeoutMs: 20_000 },
    )
    const seen = await sendLoad(25, 4)
    const { MetricDataResults: results } = await read([
      metric('blue', 'RequestCount', 'Sum', TG),
      metric('green', 'RequestCount', 'Sum', GREEN_TG),
      metric('blueErrors', 'HTTPCode_Target_5XX_Count', 'Sum', TG),
      metric('greenErrors', 'HTTPCode_Target_5XX_Count', 'Sum', GREEN_TG),
      metric('greenHosts', 'HealthyHostCount', 'Maximum', GREEN_TG),
    ])
    const green = total(byId(results, 'green'))
    expect(total(byId(results, 'blue')) + green).toBe(seen.sent)
    expect(green).toBe(seen.statuses['500'])
    expect(total(byId(results, 'greenErrors'))).toBe(green)
    expect(byId(results, 'blueErrors')?.Values).toEqual([])
    expect(green).toBeGreaterThan(20) // half of 100 at random
    expect(byId(results, 'greenHosts')?.Values).toEqual([2])
  })

  test('malformed requests are refused with CloudWatch errors the SDK knows', async () => {
    await givenRelease({})
    const refused = (queries: MetricDataQuery[], more: Partial<GetMetricDataCommandInput> = {}) =>
      read(queries, more).then(
        () => 'answered',
        (error: { name: string; message: string; Code?: string }) => `${error.name} (${error.Code}): ${error.message}`,
      )
    expect(await refused([metric('m1', 'RequestCount', 'Sum', TG, 45)])).toBe(
      'ValidationException (ValidationError): The value 45 for parameter MetricDataQueries.member.1.MetricStat.Period is not a valid period: use 1, 5, 10, 20, 30 or a multiple of 60 seconds.',
    )
    expect(await refused([metric('m1', 'RequestCount', 'p101', TG)])).toBe(
      'ValidationException (ValidationError): The value p101 for parameter MetricDataQueries.member.1.MetricStat.Stat is not a valid statistic.',
    )
    expect(await refused([{ Id: 'e1', Expression: 'RATE(m1)' }, metric('m1', 'RequestCount', 'Sum', TG)])).toMatch(
      /^ValidationException \(ValidationError\): Error in expression e1: the function RATE is not available in the local stack/,
    )
    expect(await refused([{ Id: 'E1', Expression: '1' }, metric('m1', 'RequestCount', 'Sum', TG)])).toMatch(
      /^ValidationException \(ValidationError\): The value E1 for parameter MetricDataQueries.member.1.Id is not valid/,
    )
    const now = new Date()
    expect(await refused([metric('m1', 'RequestCount', 'Sum', TG)], { StartTime: now, EndTime: now })).toBe(
      'ValidationException (ValidationError): The parameter StartTime must not equal parameter EndTime.',
    )
    expect(
      await refused([{ ...metric('m1', 'RequestCount', 'Sum', TG), Expression: 'm1' } as MetricDataQuery]),
    ).toMatch(/^InvalidParameterCombinationException \(InvalidParameterCombination\): Exactly one of the parameters/)
  })
})
