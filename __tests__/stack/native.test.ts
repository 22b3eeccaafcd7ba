// The local stack's ECS-native BLUE_GREEN / CANARY / LINEAR deployments (test/stack/native.mjs) and CodeDeploy
// (test/stack/codedeploy.mjs), without sockets: the World's operations called directly, on a fake clock.
import type {
  CreateDeploymentOutput,
  GetDeploymentOutput,
  GetDeploymentTargetOutput,
  ListDeploymentsOutput,
} from '@aws-sdk/client-codedeploy'
import type {
  DescribeServiceDeploymentsCommandOutput,
  DescribeServicesCommandOutput,
  Service,
  ServiceDeployment,
} from '@aws-sdk/client-ecs'
import { AwsError } from '../../test/stack/protocol.mjs'
import { World } from '../../test/stack/world.mjs'
import { callOperation, CODEDEPLOY, ECS } from './operations.js'

let now = Date.UTC(2026, 0, 1)
let world: World

function advance(seconds: number): void {
  now += seconds * 1000
  world.tick()
}

const ecs = <T>(operation: string, input: object = {}): T => callOperation<T>(world, ECS, operation, input)
const codedeploy = <T>(operation: string, input: object = {}): T =>
  callOperation<T>(world, CODEDEPLOY, operation, input)

function service(): Service {
  return ecs<DescribeServicesCommandOutput>('DescribeServices', { services: ['web'] }).services?.[0] ?? {}
}
function serviceDeployment(): ServiceDeployment {
  const arn = service().currentServiceDeployment
  return (
    ecs<DescribeServiceDeploymentsCommandOutput>('DescribeServiceDeployments', { serviceDeploymentArns: [arn] })
      .serviceDeployments?.[0] ?? {}
  )
}
const summary = (s: Service) =>
  s.deployments?.map((d) => `${d.status} ${d.taskDefinition?.split('/')[1]} ${d.rolloutState} r${d.runningCount}`)
const errorCode = (fn: () => unknown): string => {
  try {
    fn()
  } catch (error) {
    return error instanceof AwsError ? `${error.code}: ${error.message}` : String(error)
  }
  return 'no error'
}

const LB = {
  targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef',
  containerName: 'web',
  containerPort: 8080,
  advancedConfiguration: {
    alternateTargetGroupArn: 'arn:tg/green',
    productionListenerRule: 'arn:rule',
    roleArn: 'arn:role',
  },
}

/** Cluster default, web:1 and web:2, service web (2 tasks) steady on web:1 behind a load balancer set up for blue/green. */
function givenService(extra: object = {}): void {
  world = new World({ now: () => now })
  ecs('CreateCluster', {})
  for (const image of ['web:v1', 'web:v2'])
    ecs('RegisterTaskDefinition', { family: 'web', containerDefinitions: [{ name: 'web', image }] })
  ecs('CreateService', { serviceName: 'web', taskDefinition: 'web:1', desiredCount: 2, loadBalancers: [LB], ...extra })
  advance(10)
}

/** Polls every `step` seconds until the service deployment is done; returns each distinct stage / weights seen. */
function follow(step = 0.25, limit = 1000, onChange: (line: string) => void = () => undefined): string[] {
  const seen: string[] = []
  for (let i = 0; i < limit; i++) {
    const sd = serviceDeployment()
    const t = sd.targetServiceRevision
    const line = `${sd.status} ${sd.lifecycleStage} p${t?.requestedProductionTrafficWeight} t${t?.requestedTestTrafficWeight}`
    if (seen[seen.length - 1] !== line) {
      seen.push(line)
      onChange(line)
    }
    if (!['PENDING', 'IN_PROGRESS', 'ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS'].includes(sd.status ?? '')) return seen
    advance(step)
  }
  throw new Error(`not done: ${seen.join(' | ')}`)
}

const deploy = (deploymentConfiguration: object, stages?: object[]) => {
  if (stages) world.scenarios.add({ rollout: { stages } })
  ecs('UpdateService', { service: 'web', taskDefinition: 'web:2', deploymentConfiguration })
}

describe('ECS-native deployments in the scenario server', () => {
  test('blue/green: green scales up beside blue, test traffic then production traffic, bake time, clean-up', () => {
    givenService()
    deploy({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 1 })
    const during: string[][] = []
    const seen = follow(
      0.1,
      1000,
      (line) => line.includes(' PRODUCTION_TRAFFIC_SHIFT p100') && during.push(summary(service()) ?? []),
    )
    expect(during).toEqual([['PRIMARY web:2 IN_PROGRESS r2', 'ACTIVE web:1 COMPLETED r2']])
    expect(seen).toEqual([
      'PENDING undefined p0 t0',
      'IN_PROGRESS PRE_SCALE_UP p0 t0',
      'IN_PROGRESS SCALE_UP p0 t0',
      'IN_PROGRESS POST_SCALE_UP p0 t0',
      'IN_PROGRESS TEST_TRAFFIC_SHIFT p0 t100',
      'IN_PROGRESS POST_TEST_TRAFFIC_SHIFT p0 t100',
      'IN_PROGRESS PRODUCTION_TRAFFIC_SHIFT p0 t100',
      'IN_PROGRESS PRODUCTION_TRAFFIC_SHIFT p100 t100',
      'IN_PROGRESS POST_PRODUCTION_TRAFFIC_SHIFT p100 t100',
      'IN_PROGRESS BAKE_TIME p100 t100',
      'IN_PROGRESS CLEAN_UP p100 t100',
      'SUCCESSFUL CLEAN_UP p100 t100',
    ])
    expect(summary(service())).toEqual(['PRIMARY web:2 COMPLETED r2'])
    expect(serviceDeployment().sourceServiceRevisions?.[0]).toMatchObject({
      requestedProductionTrafficWeight: 0,
      requestedTestTrafficWeight: 0,
    })
  })

  test('canary from the scenario’s stages: 10 % then 100 %', () => {
    givenService()
    deploy({ strategy: 'CANARY', canaryConfiguration: { canaryPercent: 10 } }, [
      { stage: 'SCALE_UP', seconds: 0 },
      { stage: 'PRODUCTION_TRAFFIC_SHIFT', seconds: 4, productionTrafficWeights: [10, 100] },
      { stage: 'BAKE_TIME', seconds: 1 },
      { stage: 'CLEAN_UP' },
    ])
    expect(follow(0.5)).toEqual([
      'PENDING undefined p0 t0',
      'IN_PROGRESS SCALE_UP p0 t0',
      'IN_PROGRESS PRODUCTION_TRAFFIC_SHIFT p10 t0',
      'IN_PROGRESS BAKE_TIME p100 t0',
      'IN_PROGRESS CLEAN_UP p100 t0',
      'SUCCESSFUL CLEAN_UP p100 t0',
    ])
  })

  test('linear from the configuration: each step in turn', () => {
    givenService()
    deploy({ strategy: 'LINEAR', linearConfiguration: { stepPercent: 25, stepBakeTimeInMinutes: 1 } })
    const weights = follow(5).map((l) => /p(\d+)/.exec(l)?.[1])
    expect([...new Set(weights)]).toEqual(['0', '25', '50', '75', '100'])
  })

  test('linear behind a Network Load Balancer (its listener as productionListenerRule); an ALB listener is refused', () => {
    const ELB = 'arn:aws:elasticloadbalancing:us-east-1:123456789012'
    const behind = (productionListenerRule: string) => ({
      loadBalancers: [{ ...LB, advancedConfiguration: { ...LB.advancedConfiguration, productionListenerRule } }],
    })
    givenService(behind(`${ELB}:listener/net/web/1/2`))
    deploy({ strategy: 'LINEAR', linearConfiguration: { stepPercent: 50, stepBakeTimeInMinutes: 1 } })
    expect([...new Set(follow(5).map((l) => /p(\d+)/.exec(l)?.[1]))]).toEqual(['0', '50', '100'])
    givenService(behind(`${ELB}:listener/app/web/1/2`))
    expect(errorCode(() => deploy({ strategy: 'LINEAR' }))).toBe(
      'InvalidParameterException: productionListenerRule must be a listener rule ARN for an Application Load Balancer, or a listener ARN for a Network Load Balancer.',
    )
  })

  test('behind a Network Load Balancer, ECS adds 10 minutes to each traffic shift stage; behind an ALB, nothing', () => {
    const ELB = 'arn:aws:elasticloadbalancing:us-east-1:123456789012'
    const behind = (productionListenerRule: string) => ({
      loadBalancers: [{ ...LB, advancedConfiguration: { ...LB.advancedConfiguration, productionListenerRule } }],
    })
    // Linear 50 % a minute: test traffic 0.5 s, production 50 % at once and 100 % after 60 s, then the bake (0).
    const linear = { strategy: 'LINEAR', linearConfiguration: { stepPercent: 50, stepBakeTimeInMinutes: 1 } }
    const timeline = (): Record<string, number> => {
      const start = now
      const firstSeen: Record<string, number> = {}
      follow(0.1, 20000, (line) => {
        firstSeen[line] ??= (now - start) / 1000
      })
      return firstSeen
    }
    givenService(behind(`${ELB}:listener/net/web/1/2`))
    deploy(linear)
    const nlb = timeline()
    givenService(behind(`${ELB}:listener-rule/app/web/1/2/3`))
    deploy(linear)
    const alb = timeline()
    const at = (seen: Record<string, number>, prefix: string): number =>
      Object.entries(seen).find(([line]) => line.startsWith(prefix))?.[1] ?? NaN
    // Test traffic shifts as before, but the stage ends 600 s later; the production steps keep their 60 s apart.
    const delay = (stage: string) => at(nlb, stage) - at(alb, stage)
    expect(delay('IN_PROGRESS TEST_TRAFFIC_SHIFT')).toBe(0)
    expect(delay('IN_PROGRESS POST_TEST_TRAFFIC_SHIFT')).toBe(600)
    expect(
      at(nlb, 'IN_PROGRESS PRODUCTION_TRAFFIC_SHIFT p100') - at(nlb, 'IN_PROGRESS PRODUCTION_TRAFFIC_SHIFT p50'),
    ).toBe(60)
    expect(delay('IN_PROGRESS POST_PRODUCTION_TRAFFIC_SHIFT')).toBe(1200)
    expect(delay('SUCCESSFUL')).toBe(1200)
  })

  test('a PAUSE hook waits for ContinueServiceDeployment: CONTINUE goes on, ROLLBACK goes back to blue', () => {
    const pause = { lifecycleHooks: [{ targetType: 'PAUSE', lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT'] }] }
    for (const action of ['CONTINUE', 'ROLLBACK']) {
      givenService()
      deploy({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 0, ...pause })
      advance(30)
      const paused = serviceDeployment()
      expect(paused).toMatchObject({ status: 'IN_PROGRESS', lifecycleStage: 'POST_TEST_TRAFFIC_SHIFT' })
      const [hook] = paused.lifecycleHookDetails ?? []
      expect(hook).toMatchObject({ targetType: 'PAUSE', status: 'AWAITING_ACTION', timeoutAction: 'ROLLBACK' })
      // ECS's default timeout: a day from when it paused.
      expect(hook?.expiresAt?.getTime()).toBeGreaterThan(now + 1439 * 60_000)
      expect(
        errorCode(() =>
          ecs('ContinueServiceDeployment', { serviceDeploymentArn: paused.serviceDeploymentArn, hookId: 'nope' }),
        ),
      ).toMatch(/^InvalidParameterException: The lifecycle hook nope was not found/)
      ecs('ContinueServiceDeployment', {
        serviceDeploymentArn: paused.serviceDeploymentArn,
        hookId: hook?.hookId,
        action,
      })
      const end = follow().pop()
      if (action === 'CONTINUE') {
        expect(end).toBe('SUCCESSFUL CLEAN_UP p100 t100')
        expect(summary(service())).toEqual(['PRIMARY web:2 COMPLETED r2'])
      } else {
        expect(end).toBe('ROLLBACK_SUCCESSFUL POST_TEST_TRAFFIC_SHIFT p0 t0')
        expect(serviceDeployment().rollback?.reason).toBe(
          'Service deployment rolled back by ContinueServiceDeployment (ROLLBACK).',
        )
        advance(5)
        expect(summary(service())).toEqual(['PRIMARY web:1 COMPLETED r2'])
        expect(service().taskDefinition).toMatch(/web:1$/)
      }
    }
  })

  test('an alarm going to ALARM mid-shift rolls back, named in the service deployment', () => {
    givenService()
    deploy({ strategy: 'CANARY', alarms: { alarmNames: ['web-5xx'], enable: true, rollback: true } }, [
      { stage: 'SCALE_UP', seconds: 0 },
      { stage: 'PRODUCTION_TRAFFIC_SHIFT', seconds: 2, productionTrafficWeights: [10], alarm: 'web-5xx' },
    ])
    expect(follow().slice(-2)).toEqual([
      'ROLLBACK_IN_PROGRESS PRODUCTION_TRAFFIC_SHIFT p0 t0',
      'ROLLBACK_SUCCESSFUL PRODUCTION_TRAFFIC_SHIFT p0 t0',
    ])
    expect(serviceDeployment()).toMatchObject({
      alarms: { status: 'TRIGGERED', alarmNames: ['web-5xx'], triggeredAlarmNames: ['web-5xx'] },
      rollback: { reason: 'Service deployment rolled back because the CloudWatch alarm web-5xx is in ALARM state.' },
    })
  })

  test('a Lambda hook that fails is FAILED in lifecycleHookDetails; configured hooks that pass are SUCCEEDED', () => {
    givenService()
    const smoke = 'arn:aws:lambda:us-east-1:123456789012:function:smoke-test'
    const check = 'arn:aws:lambda:us-east-1:123456789012:function:check'
    deploy(
      {
        strategy: 'BLUE_GREEN',
        bakeTimeInMinutes: 0,
        lifecycleHooks: [{ hookTargetArn: check, roleArn: 'arn:role', lifecycleStages: ['POST_SCALE_UP'] }],
      },
      [
        { stage: 'SCALE_UP' },
        { stage: 'POST_SCALE_UP', seconds: 1 },
        { stage: 'POST_TEST_TRAFFIC_SHIFT', seconds: 1, hook: smoke, outcome: 'rollback' },
      ],
    )
    expect(follow().pop()).toBe('ROLLBACK_SUCCESSFUL POST_TEST_TRAFFIC_SHIFT p0 t0')
    expect(
      serviceDeployment().lifecycleHookDetails?.map((h) => `${h.targetArn?.split(':').pop()} ${h.status}`),
    ).toEqual(['check SUCCEEDED', 'smoke-test FAILED'])
    expect(serviceDeployment().rollback?.reason).toBe(
      `Service deployment rolled back because the lifecycle hook ${smoke} failed.`,
    )
  })

  test('green tasks that crash trip the circuit breaker; blue never stopped serving', () => {
    givenService({ deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } } })
    world.scenarios.add({ rollout: { outcome: 'crash' } })
    ecs('UpdateService', {
      service: 'web',
      taskDefinition: 'web:2',
      deploymentConfiguration: { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 0 },
    })
    expect(follow().pop()).toBe('ROLLBACK_SUCCESSFUL SCALE_UP p0 t0')
    expect(serviceDeployment()).toMatchObject({
      deploymentCircuitBreaker: { status: 'TRIGGERED' },
      statusReason: 'ECS deployment circuit breaker: tasks failed to start.',
    })
    advance(5)
    expect(summary(service())).toEqual(['PRIMARY web:1 COMPLETED r2'])
  })

  test('StopServiceDeployment ROLLBACK during bake time goes back to blue', () => {
    givenService()
    deploy({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 10 })
    advance(20)
    expect(serviceDeployment().lifecycleStage).toBe('BAKE_TIME')
    ecs('StopServiceDeployment', { serviceDeploymentArn: service().currentServiceDeployment, stopType: 'ROLLBACK' })
    expect(follow().pop()).toBe('ROLLBACK_SUCCESSFUL BAKE_TIME p0 t0')
  })

  test('a PAUSE at the hook stage PRE_PRODUCTION_TRAFFIC_SHIFT shows the lifecycle stage PRODUCTION_TRAFFIC_SHIFT, no traffic moved', () => {
    givenService()
    deploy({
      strategy: 'BLUE_GREEN',
      bakeTimeInMinutes: 0,
      lifecycleHooks: [{ targetType: 'PAUSE', lifecycleStages: ['PRE_PRODUCTION_TRAFFIC_SHIFT'] }],
    })
    advance(30)
    const paused = serviceDeployment()
    expect(paused).toMatchObject({
      status: 'IN_PROGRESS',
      lifecycleStage: 'PRODUCTION_TRAFFIC_SHIFT',
      lifecycleHookDetails: [{ targetType: 'PAUSE', status: 'AWAITING_ACTION' }],
    })
    expect(paused.targetServiceRevision).toMatchObject({
      requestedProductionTrafficWeight: 0,
      requestedTestTrafficWeight: 100,
    })
  })

  test('UpdateService checks what ECS needs for blue/green', () => {
    givenService({ loadBalancers: [{ ...LB, advancedConfiguration: undefined }] })
    expect(errorCode(() => deploy({ strategy: 'CANARY' }))).toBe(
      'InvalidParameterException: The CANARY deployment strategy requires loadBalancers[].advancedConfiguration with alternateTargetGroupArn, productionListenerRule and roleArn.',
    )
    expect(
      errorCode(() =>
        ecs('UpdateService', {
          service: 'web',
          taskDefinition: 'web:2',
          loadBalancers: [LB],
          deploymentConfiguration: { strategy: 'BLUE_GREEN' },
        }),
      ),
    ).toBe('InvalidParameterException: bakeTimeInMinutes is required with the BLUE_GREEN deployment strategy.')
    const withHooks = (lifecycleHooks: object[]) => () =>
      ecs('UpdateService', {
        service: 'web',
        taskDefinition: 'web:2',
        loadBalancers: [LB],
        deploymentConfiguration: { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 0, lifecycleHooks },
      })
    expect(errorCode(withHooks([{ targetType: 'PAUSE', lifecycleStages: ['PRODUCTION_TRAFFIC_SHIFT'] }]))).toBe(
      'InvalidParameterException: PAUSE hooks cannot be configured at TEST_TRAFFIC_SHIFT or PRODUCTION_TRAFFIC_SHIFT stages.',
    )
    expect(
      errorCode(withHooks([{ hookTargetArn: 'arn:fn', roleArn: 'arn:role', lifecycleStages: ['BAKE_TIME'] }])),
    ).toBe(
      'InvalidParameterException: Invalid lifecycle stage BAKE_TIME; valid stages: RECONCILE_SERVICE, PRE_SCALE_UP, POST_SCALE_UP, TEST_TRAFFIC_SHIFT, ' +
        'POST_TEST_TRAFFIC_SHIFT, PRE_PRODUCTION_TRAFFIC_SHIFT, PRODUCTION_TRAFFIC_SHIFT, POST_PRODUCTION_TRAFFIC_SHIFT.',
    )
  })
})

describe('CodeDeploy in the scenario server', () => {
  const appSpec =
    'version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: web:2\n        LoadBalancerInfo:\n          ContainerName: web\n          ContainerPort: 8080\n'

  function givenGroup(group: object = {}): void {
    givenService({ deploymentController: { type: 'CODE_DEPLOY' } })
    codedeploy('CreateApplication', { applicationName: 'AppECS-default-web', computePlatform: 'ECS' })
    codedeploy('CreateDeploymentGroup', {
      applicationName: 'AppECS-default-web',
      deploymentGroupName: 'DgpECS-default-web',
      ecsServices: [{ clusterName: 'default', serviceName: 'web' }],
      ...group,
    })
  }
  const create = (extra: object = {}) =>
    codedeploy<CreateDeploymentOutput>('CreateDeployment', {
      applicationName: 'AppECS-default-web',
      deploymentGroupName: 'DgpECS-default-web',
      revision: { revisionType: 'AppSpecContent', appSpecContent: { content: appSpec } },
      ...extra,
    }).deploymentId ?? ''
  const status = (deploymentId: string) =>
    codedeploy<GetDeploymentOutput>('GetDeployment', { deploymentId }).deploymentInfo
  const target = (deploymentId: string) =>
    codedeploy<GetDeploymentTargetOutput>('GetDeploymentTarget', { deploymentId, targetId: 'default:web' })
      .deploymentTarget?.ecsTarget

  test('a canary config: the replacement task set takes 10 %, then 100 %, and is PRIMARY only then', () => {
    givenGroup()
    const id = create({ deploymentConfigName: 'CodeDeployDefault.ECSCanary10Percent5Minutes' })
    const weights: string[] = []
    for (let i = 0; i < 400; i++) {
      const sets = target(id)?.taskSetsInfo ?? []
      const line = sets.map((t) => `${t.taskSetLabel} ${t.trafficWeight} ${t.status}`).join(', ')
      if (line && weights[weights.length - 1] !== line) weights.push(line)
      if (status(id)?.status === 'Succeeded') break
      advance(i < 20 ? 0.2 : 10)
    }
    expect(weights).toEqual([
      'Blue 100 PRIMARY, Green 0 ACTIVE',
      'Blue 90 PRIMARY, Green 10 ACTIVE',
      'Blue 0 ACTIVE, Green 100 PRIMARY',
    ])
    expect(status(id)).toMatchObject({
      status: 'Succeeded',
      deploymentConfigName: 'CodeDeployDefault.ECSCanary10Percent5Minutes',
    })
    expect(service().taskDefinition).toMatch(/web:2$/)
  })

  test('a group that waits: Ready before production traffic; ContinueDeployment goes on; ListDeployments finds it', () => {
    givenGroup({
      blueGreenDeploymentConfiguration: {
        deploymentReadyOption: { actionOnTimeout: 'STOP_DEPLOYMENT', waitTimeInMinutes: 30 },
      },
    })
    const id = create()
    advance(5)
    expect(status(id)?.status).toBe('Ready')
    expect(target(id)?.lifecycleEvents?.map((e) => e.status)).toEqual([
      'Succeeded',
      'Succeeded',
      'Succeeded',
      'Succeeded',
      'Succeeded',
      'Pending',
      'Pending',
      'Pending',
    ])
    expect(
      codedeploy<ListDeploymentsOutput>('ListDeployments', {
        applicationName: 'AppECS-default-web',
        deploymentGroupName: 'DgpECS-default-web',
        includeOnlyStatuses: ['Ready'],
      }).deployments,
    ).toEqual([id])
    codedeploy('ContinueDeployment', { deploymentId: id, deploymentWaitType: 'READY_WAIT' })
    advance(5)
    expect(status(id)?.status).toBe('Succeeded')
  })

  test('Ready for longer than the group’s wait time: Stopped', () => {
    givenGroup({
      blueGreenDeploymentConfiguration: {
        deploymentReadyOption: { actionOnTimeout: 'STOP_DEPLOYMENT', waitTimeInMinutes: 1 },
      },
    })
    const id = create()
    advance(70)
    expect(status(id)).toMatchObject({ status: 'Stopped', errorInformation: { code: 'TIMEOUT' } })
  })

  test('a hook’s Lambda that fails: Failed with its diagnostics; the group’s auto-rollback makes a rollback deployment', () => {
    givenGroup({ autoRollbackConfiguration: { enabled: true, events: ['DEPLOYMENT_FAILURE'] } })
    world.scenarios.add({
      rollout: { failAt: 'AfterAllowTestTraffic', reason: 'SmokeTest returned Failed: GET /status answered 500' },
    })
    const id = create()
    advance(5)
    const info = status(id)
    expect(info).toMatchObject({ status: 'Failed', errorInformation: { code: 'HOOK_EXECUTION_FAILURE' } })
    expect(target(id)?.lifecycleEvents?.[4]).toMatchObject({
      lifecycleEventName: 'AfterAllowTestTraffic',
      status: 'Failed',
      diagnostics: { errorCode: 'ScriptFailed', message: 'SmokeTest returned Failed: GET /status answered 500' },
    })
    expect(status(info?.rollbackInfo?.rollbackDeploymentId ?? '')).toMatchObject({
      status: 'Succeeded',
      creator: 'codeDeployRollback',
    })
    expect(service().taskDefinition).toMatch(/web:1$/)
  })

  test('StopDeployment with auto-rollback; unknown configs and a second deployment are refused', () => {
    givenGroup()
    expect(errorCode(() => create({ deploymentConfigName: 'Nope' }))).toBe(
      'DeploymentConfigDoesNotExistException: No deployment configuration found for name: Nope',
    )
    codedeploy('CreateDeploymentConfig', {
      deploymentConfigName: 'Canary20',
      computePlatform: 'ECS',
      trafficRoutingConfig: { type: 'TimeBasedCanary', timeBasedCanary: { canaryPercentage: 20, canaryInterval: 1 } },
    })
    const id = create({ deploymentConfigName: 'Canary20' })
    expect(errorCode(() => create())).toMatch(/^DeploymentLimitExceededException/)
    advance(1)
    codedeploy('StopDeployment', { deploymentId: id, autoRollbackEnabled: true })
    expect(status(id)).toMatchObject({
      status: 'Stopped',
      errorInformation: { code: 'MANUAL_STOP' },
      rollbackInfo: { rollbackDeploymentId: expect.stringMatching(/^d-/) },
    })
  })
})
