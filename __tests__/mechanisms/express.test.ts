// ECS Express Mode services: recognised by what ECS marks on them, planned without a strategy, deployed by updating
// their Express configuration, the deployment ECS starts for it followed.
import {
  DescribeExpressGatewayServiceCommand,
  DescribeServicesCommand,
  ECSClient,
  UpdateExpressGatewayServiceCommand,
  UpdateServiceCommand,
  type ExpressGatewayServiceConfiguration,
} from '@aws-sdk/client-ecs'
import { CodeDeployClient } from '@aws-sdk/client-codedeploy'
import { mockClient } from 'aws-sdk-client-mock'
import { express, expressUpdate } from '../../src/mechanisms/express.js'
import { mechanismFor } from '../../src/mechanisms/registry.js'
import { ecsNative } from '../../src/mechanisms/ecs-native.js'
import { strategyRows } from '../../src/mechanisms/strategy-rows.js'
import type { StrategyInputs } from '../../src/mechanisms/strategy-types.js'
import type { PlanOptions } from '../../src/mechanisms/mechanism.js'
import { UserError } from '../../src/common/errors.js'
import { fakeClock } from '../helpers/clock.js'
import { deployment, NEW_ID, NEW_TD, OLD_TD, oldDeployment, service } from '../helpers/ecs.js'

const ecsMock = mockClient(ECSClient)
const clients = { ecs: new ECSClient({}), codedeploy: new CodeDeployClient({}) }
const inputs = (more: Partial<StrategyInputs> = {}): StrategyInputs => ({
  deploymentAlarms: [],
  onBusy: 'wait',
  ...more,
})
const IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/web@sha256:' + 'a'.repeat(64)
const NEW_IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/web@sha256:' + 'b'.repeat(64)

const expressService = (overrides = {}) =>
  service({
    resourceManagementType: 'ECS',
    deploymentConfiguration: {
      strategy: 'CANARY',
      canaryConfiguration: { canaryPercent: 5, canaryBakeTimeInMinutes: 3 },
      bakeTimeInMinutes: 3,
    },
    ...overrides,
  })

const configuration = (more: Partial<ExpressGatewayServiceConfiguration> = {}): ExpressGatewayServiceConfiguration => ({
  serviceRevisionArn: 'arn:aws:ecs:us-east-1:123456789012:service-revision/prod/web/1',
  taskDefinitionArn: OLD_TD,
  cpu: '256',
  memory: '512',
  primaryContainer: { image: IMAGE, containerPort: 8080, environment: [{ name: 'LOG', value: 'info' }] },
  ingressPaths: [{ accessType: 'PUBLIC', endpoint: 'we-1a2b3c.ecs.us-east-1.on.aws' }],
  ...more,
})

const ctx = () => ({ clock: fakeClock(), signal: new AbortController().signal, timeoutMs: 60_000, log: () => {} })

beforeEach(() => ecsMock.reset())

describe('which services are Express services', () => {
  test('ECS marks them resourceManagementType ECS: the express mechanism deploys them, whatever strategy is asked', () => {
    expect(mechanismFor(expressService(), inputs()).name).toBe('express')
    expect(mechanismFor(expressService(), inputs({ strategy: 'canary' })).name).toBe('express')
    expect(mechanismFor(service({ resourceManagementType: 'CUSTOMER' }), inputs()).name).toBe('rolling')
    expect(mechanismFor(service(), inputs({ strategy: 'canary' })).name).toBe('ecs-native')
  })
})

describe('planning an Express deployment', () => {
  test("says how ECS deploys it, the endpoint as the run's URL, from the configuration it runs now", async () => {
    ecsMock.on(DescribeExpressGatewayServiceCommand).resolves({
      service: {
        serviceArn: expressService().serviceArn,
        activeConfigurations: [configuration(), configuration({ taskDefinitionArn: NEW_TD, createdAt: new Date(0) })],
      },
    })
    const plan = await express.plan(clients, 'prod', expressService(), inputs(), {})
    expect(plan.description).toBe(
      'Express Mode: its configuration updated, deployed as ECS deploys Express services — canary (ECS): 5 % for 3 min, then 100 %, bake 3 min (`strategy` does not apply)',
    )
    expect(plan.url).toBe('https://we-1a2b3c.ecs.us-east-1.on.aws')
    expect(plan.express?.taskDefinitionArn).toBe(OLD_TD)
    expect(ecsMock).toHaveReceivedCommandWith(DescribeExpressGatewayServiceCommand, {
      serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/prod/web',
    })
  })

  const refused = (given: PlanOptions['given'], strategy = inputs()) =>
    express.plan(clients, 'prod', expressService(), strategy, { given })

  test('every deployment setting it cannot take is refused in one error, by its config key, before anything is read', async () => {
    await expect(
      refused({
        desiredCount: 3,
        deploymentCircuitBreaker: 'rollback',
        serviceDefinition: '.aws/service.json',
        serviceSettings: {
          minimumHealthyPercent: 50,
          enableExecuteCommand: true,
          circuitBreakerThreshold: { type: 'COUNT', value: 3 },
          earlySuccess: { enable: true, healthyPercent: 100, sourceServiceRevisionCleanup: 'BLOCKING' },
          expressScaling: { minTaskCount: 2 },
        },
      }),
    ).rejects.toThrow(
      new UserError(
        '`service-definition`, `desired-count`, `service-settings.deployment-circuit-breaker`, `service-settings.minimum-healthy-percent`, `service-settings.enable-execute-command`, `service-settings.circuit-breaker-threshold`, `service-settings.early-success-healthy-percent`: service "web" is an ECS Express Mode service, whose deployment (canary (ECS): 5 % for 3 min, then 100 %, bake 3 min) and service settings ECS manages itself; UpdateExpressGatewayService takes only the primary container (image, environment, secrets), cpu, memory and the scaling target (`service-settings` express-scaling-*), so they would be ignored. Remove them for this service (an environment of its own in the config file); its task count is its scaling target\'s bounds instead (`service-settings: { express-scaling-min-tasks: 2, express-scaling-max-tasks: 10 }`). Nothing was changed.',
      ),
    )
    expect(ecsMock.calls()).toHaveLength(0)
  })

  test.each<[string, PlanOptions['given'], Partial<StrategyInputs>]>([
    ['`strategy`, `canary-percent`', {}, { strategy: 'canary', canaryPercent: 10 }],
    ['`deployment-alarms`', {}, { deploymentAlarms: ['web-5xx'] }],
    ['`wait-until`', {}, { waitUntil: 'POST_SCALE_UP' }],
    ['`codedeploy.appspec`, `codedeploy.application`', {}, { codedeployApplication: 'app', appspec: 'appspec.yml' }],
    ['`service-settings.maximum-percent`', { serviceSettings: { maximumPercent: 200 } }, {}],
    ['`service-settings.health-check-grace-period`', { serviceSettings: { healthCheckGracePeriodSeconds: 60 } }, {}],
    ['`service-settings.propagate-tags`', { serviceSettings: { propagateTags: 'SERVICE' } }, {}],
    ['`service-settings.volume-configurations`', { serviceSettings: { volumeConfigurations: [] } }, {}],
    [
      '`service-settings.circuit-breaker-reset-on-healthy-task`',
      { serviceSettings: { resetOnHealthyTask: false } },
      {},
    ],
  ])('%s: refused, and says it would be ignored', async (names, given, strategy) => {
    const message = `${names}: service "web" is an ECS Express Mode service`
    await expect(refused(given, inputs(strategy))).rejects.toThrow(message)
    await expect(refused(given, inputs(strategy))).rejects.toThrow(
      /, so (it|they) would be ignored\. Remove (it|them) for this service \(an environment of its own in the config file\)\. Nothing was changed\.$/,
    )
    expect(ecsMock.calls()).toHaveLength(0)
  })

  test('what it takes is not refused: its scaling target, on-busy, and the circuit breaker left as it is', async () => {
    ecsMock.on(DescribeExpressGatewayServiceCommand).resolves({ service: { activeConfigurations: [configuration()] } })
    const given = {
      deploymentCircuitBreaker: 'keep' as const,
      serviceSettings: { expressScaling: { maxTaskCount: 6 } },
    }
    await expect(refused(given, inputs({ onBusy: 'fail' }))).resolves.toMatchObject({ mechanism: 'express' })
  })

  describe('with a scaling target given (service-settings express-scaling-*)', () => {
    const scalingTarget = {
      minTaskCount: 2,
      maxTaskCount: 4,
      autoScalingMetric: 'AVERAGE_CPU' as const,
      autoScalingTargetValue: 60,
    }
    const live = () =>
      ecsMock.on(DescribeExpressGatewayServiceCommand).resolves({
        service: { activeConfigurations: [configuration({ scalingTarget })] },
      })

    test('the plan shows what changes from the live target, and nothing when it is already so', async () => {
      live()
      const changed = await express.plan(clients, 'prod', expressService(), inputs(), {
        given: { serviceSettings: { expressScaling: { maxTaskCount: 10, autoScalingTargetValue: 70 } } },
      })
      expect(changed.changes).toEqual([
        'Express scaling target: 2–4 tasks, AVERAGE_CPU at 60 % → 2–10 tasks, AVERAGE_CPU at 70 %',
      ])
      const same = await express.plan(clients, 'prod', expressService(), inputs(), {
        given: { serviceSettings: { expressScaling: { minTaskCount: 2 } } },
      })
      expect(same.changes).toEqual([])
    })

    test('a target the live one makes wrong (a maximum below its minimum) is refused, changing nothing', async () => {
      live()
      await expect(
        express.plan(clients, 'prod', expressService(), inputs(), {
          given: { serviceSettings: { expressScaling: { maxTaskCount: 1 } } },
        }),
      ).rejects.toThrow(
        'Service setting `express-scaling-min-tasks`: with Express service "web"\'s own scaling target (2–4 tasks, AVERAGE_CPU at 60 %) beside the given one, 2 is above express-scaling-max-tasks (1); the minimum task count must not exceed the maximum. Give the other member too. Nothing was changed.',
      )
      expect(ecsMock).toHaveReceivedCommandTimes(UpdateExpressGatewayServiceCommand, 0)
    })
  })

  test('an Express service without an active configuration is refused', async () => {
    ecsMock.on(DescribeExpressGatewayServiceCommand).resolves({ service: { activeConfigurations: [] } })
    await expect(express.plan(clients, 'prod', expressService(), inputs(), {})).rejects.toThrow(
      'Express service "web" has no active configuration',
    )
  })
})

describe('the Express update', () => {
  const request = (image: string, more = {}) => ({
    cluster: 'prod',
    taskDefinitionArn: OLD_TD,
    forceNewDeployment: false,
    deploymentCircuitBreaker: 'keep' as const,
    containers: [{ name: 'Main', image, environment: [{ name: 'LOG', value: 'info' }] }],
    cpu: '256',
    memory: '512',
    ...more,
  })

  test('sets the image, environment and secrets of the primary container, and cpu/memory where they change', () => {
    const update = expressUpdate(expressService(), configuration(), {
      ...request(NEW_IMAGE),
      containers: [
        {
          name: 'Main',
          image: NEW_IMAGE,
          environment: [{ name: 'LOG', value: 'debug' }],
          secrets: [{ name: 'DB', valueFrom: 'arn:aws:ssm:us-east-1:123456789012:parameter/db' }],
        },
      ],
      memory: '1024',
    })
    expect(update).toEqual({
      serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/prod/web',
      primaryContainer: {
        image: NEW_IMAGE,
        containerPort: 8080,
        environment: [{ name: 'LOG', value: 'debug' }],
        secrets: [{ name: 'DB', valueFrom: 'arn:aws:ssm:us-east-1:123456789012:parameter/db' }],
      },
      memory: '1024',
    })
  })

  test('nothing to update when the service already runs it', () => {
    expect(expressUpdate(expressService(), configuration(), request(IMAGE))).toBeUndefined()
  })

  test('the scaling target is sent, whole, only where it differs from the live one', () => {
    const scalingTarget = { minTaskCount: 2, maxTaskCount: 4 }
    const running = configuration({ scalingTarget })
    const asked = (expressScaling: object) => request(IMAGE, { settings: { expressScaling } })
    expect(expressUpdate(expressService(), running, asked({ maxTaskCount: 4 }))).toBeUndefined()
    expect(expressUpdate(expressService(), running, asked({ maxTaskCount: 6 }))).toEqual({
      serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/prod/web',
      primaryContainer: configuration().primaryContainer,
      scalingTarget: { minTaskCount: 2, maxTaskCount: 6 },
    })
    // With a new image, a target already so is not sent.
    expect(
      expressUpdate(expressService(), running, { ...request(NEW_IMAGE), settings: { expressScaling: scalingTarget } }),
    ).not.toHaveProperty('scalingTarget')
  })

  test('a task definition without the Main container (and more than one) is refused', () => {
    expect(() =>
      expressUpdate(expressService(), configuration(), {
        ...request(IMAGE),
        containers: [
          { name: 'app', image: IMAGE },
          { name: 'log-router', image: IMAGE },
        ],
      }),
    ).toThrow('Express service "web": its task definition has no container named Main')
  })

  test('starts through UpdateExpressGatewayService (never UpdateService) and follows the deployment ECS started', async () => {
    ecsMock.on(UpdateExpressGatewayServiceCommand).resolves({
      service: { targetConfiguration: configuration({ taskDefinitionArn: NEW_TD }) },
    })
    const started = expressService({
      taskDefinition: NEW_TD,
      currentServiceDeployment: 'arn:aws:ecs:us-east-1:123456789012:service-deployment/prod/web/new',
      deployments: [deployment({ createdAt: new Date(5000) }), oldDeployment()],
    })
    // ECS shows the deployment a moment after answering.
    ecsMock
      .on(DescribeServicesCommand)
      .resolvesOnce({ services: [expressService()] })
      .resolves({ services: [started] })
    const plan = {
      mechanism: 'express' as const,
      description: '',
      inputs: inputs(),
      express: configuration(),
      changes: [],
    }
    const rollout = await express.start(clients, ctx(), plan, expressService(), request(NEW_IMAGE))
    expect(rollout).toMatchObject({
      deploymentId: NEW_ID,
      serviceDeploymentArn: 'arn:aws:ecs:us-east-1:123456789012:service-deployment/prod/web/new',
      mechanism: 'express',
      started: true,
      since: 5000,
      previousTaskDefinition: OLD_TD,
      targetTaskDefinition: NEW_TD,
      // What a failed verification after ECS's success brings back: the configuration before, as it was.
      restore: {
        serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/prod/web',
        primaryContainer: configuration().primaryContainer,
      },
    })
    expect(ecsMock).toHaveReceivedCommandTimes(UpdateExpressGatewayServiceCommand, 1)
    expect(ecsMock).toHaveReceivedCommandTimes(UpdateServiceCommand, 0)
  })

  test('ECS registers the revisions: the run registers none', () => {
    expect(express.registersRevisions).toBe(false)
  })
})

describe('following it', () => {
  const watchOf = (mechanism: typeof express) =>
    mechanism.watch({
      ecs: clients.ecs,
      cluster: 'prod',
      service: 'web',
      rollout: { previousTaskDefinition: OLD_TD, started: true, startedAt: 0 },
      targetTaskDefinition: NEW_TD,
    })
  const canary = {
    status: 'IN_PROGRESS' as const,
    lifecycleStage: 'PRODUCTION_TRAFFIC_SHIFT' as const,
    targetServiceRevision: { requestedProductionTrafficWeight: 5, requestedTestTrafficWeight: 100 },
  }

  test('no test traffic is shown (it has no test listener): neither in the log nor as a summary row', () => {
    const watch = watchOf(express)
    expect(watch.track(canary, 42_000)).toEqual(['traffic on the new revision: production 5 %'])
    expect(strategyRows(watch.progress, 0)).toEqual([
      ['Production traffic', '0 % → 5 % (0:42)'],
      ['Stages', 'PRODUCTION_TRAFFIC_SHIFT 0:42'],
    ])
    // An ECS-native canary behind a test listener shows both.
    const native = watchOf(ecsNative)
    native.track(canary, 42_000)
    expect(strategyRows(native.progress, 0).map(([row]) => row)).toContain('Test traffic')
  })
})

describe('continue and rollback', () => {
  test('`mode: continue` is refused: ECS pauses no Express deployment', async () => {
    const plan = { mechanism: 'express' as const, description: '', inputs: inputs(), changes: [] }
    await expect(express.resume(clients, 'prod', plan, expressService(), 0, false)).rejects.toThrow(
      '`mode: continue`: service "web" is an ECS Express Mode service: ECS pauses none of its deployments',
    )
  })

  test('`rollback` without a deployment in flight is refused, changing nothing', async () => {
    await expect(
      express.rollBackService(clients, expressService(), { cluster: 'prod', now: 0, log: () => {} }),
    ).rejects.toThrow('`rollback`: service "web" is an ECS Express Mode service with no deployment in flight')
    expect(ecsMock.calls()).toHaveLength(0)
  })
})
