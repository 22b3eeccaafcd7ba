// planStrategy / startStrategy / continueStrategy: what is checked before anything changes, and the calls made.
import {
  CodeDeployClient,
  ContinueDeploymentCommand,
  CreateDeploymentCommand,
  GetApplicationCommand,
  GetDeploymentCommand,
  GetDeploymentConfigCommand,
  GetDeploymentGroupCommand,
  ListDeploymentsCommand,
  StopDeploymentCommand,
  type DeploymentGroupInfo,
} from '@aws-sdk/client-codedeploy'
import {
  ContinueServiceDeploymentCommand,
  DescribeServiceDeploymentsCommand,
  DescribeServicesCommand,
  ECSClient,
  ListServiceDeploymentsCommand,
  UpdateServiceCommand,
  type LoadBalancer,
} from '@aws-sdk/client-ecs'
import { mockClient } from 'aws-sdk-client-mock'
import {
  continueStrategy,
  planStrategy,
  rollingPlan,
  startStrategy,
  type StrategyInputs,
  type WaitContext,
} from '../../src/mechanisms/index.js'
import { fakeClock } from '../helpers/clock.js'
import { deployment, NEW_ID, NEW_TD, OLD_TD, oldDeployment, service } from '../helpers/ecs.js'

const ecsMock = mockClient(ECSClient)
const cdMock = mockClient(CodeDeployClient)
const clients = {
  ecs: new ECSClient({ region: 'us-east-1' }),
  codedeploy: new CodeDeployClient({ region: 'us-east-1' }),
}
const inputs = (overrides: Partial<StrategyInputs> = {}): StrategyInputs => ({
  deploymentAlarms: [],
  onBusy: 'wait',
  ...overrides,
})
const request = {
  cluster: 'prod',
  taskDefinitionArn: NEW_TD,
  forceNewDeployment: false,
  deploymentCircuitBreaker: 'keep' as const,
}
const SD_ARN = 'arn:aws:ecs:us-east-1:123456789012:service-deployment/prod/web/abc'
const HOOK = 'ecs-pause-1'
const balancer: LoadBalancer = {
  targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef',
  containerName: 'web',
  containerPort: 8080,
  advancedConfiguration: {
    alternateTargetGroupArn: 'arn:tg/green',
    productionListenerRule: 'arn:rule',
    roleArn: 'arn:role',
  },
}
const codeDeployService = service({
  deploymentController: { type: 'CODE_DEPLOY' },
  loadBalancers: [balancer],
  deployments: [oldDeployment({ status: 'PRIMARY' })],
})
const group: DeploymentGroupInfo = {
  applicationName: 'AppECS-prod-web',
  deploymentGroupName: 'DgpECS-prod-web',
  deploymentConfigName: 'CodeDeployDefault.ECSAllAtOnce',
  ecsServices: [{ clusterName: 'prod', serviceName: 'web' }],
  blueGreenDeploymentConfiguration: {
    deploymentReadyOption: { actionOnTimeout: 'STOP_DEPLOYMENT', waitTimeInMinutes: 30 },
  },
}

function context(lines: string[] = []): WaitContext & { clock: ReturnType<typeof fakeClock> } {
  return { clock: fakeClock(), timeoutMs: 10 * 60_000, log: (l) => lines.push(l) }
}

beforeEach(() => {
  ecsMock.reset()
  cdMock.reset()
  cdMock.on(GetApplicationCommand).resolves({ application: { applicationName: 'AppECS-prod-web' } })
  cdMock.on(GetDeploymentGroupCommand).resolves({ deploymentGroupInfo: group })
  cdMock.on(ListDeploymentsCommand).resolves({ deployments: [] })
})

describe('planStrategy: ECS services', () => {
  test('canary on a service set up for it: the configuration, its description and what changes', async () => {
    const plan = await planStrategy(
      clients,
      'prod',
      service({ loadBalancers: [balancer] }),
      inputs({
        strategy: 'canary',
        canaryPercent: 10,
        canaryBakeMinutes: 5,
        deploymentAlarms: ['web-5xx'],
        waitUntil: 'POST_TEST_TRAFFIC_SHIFT',
      }),
    )
    expect(plan).toMatchObject({
      mechanism: 'ecs-native',
      description: 'canary (ECS): 10 % for 5 min, then 100 %, pausing at POST_TEST_TRAFFIC_SHIFT',
      configuration: {
        strategy: 'CANARY',
        canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 5 },
        alarms: { alarmNames: ['web-5xx'], enable: true, rollback: true },
      },
    })
    expect(plan.changes).toEqual([
      'service deployment strategy: rolling update (ECS) → canary (ECS): 10 % for 5 min, then 100 %',
      'service deployment alarms: none → web-5xx (roll back on ALARM)',
      'service deployment PAUSE hooks: none → POST_TEST_TRAFFIC_SHIFT',
    ])
  })

  test('linear behind a Network Load Balancer: accepted, and the plan says what ECS adds', async () => {
    const nlb = {
      ...balancer,
      advancedConfiguration: {
        ...balancer.advancedConfiguration,
        productionListenerRule: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/net/web/1/2',
      },
    }
    const plan = await planStrategy(clients, 'prod', service({ loadBalancers: [nlb] }), inputs({ strategy: 'linear' }))
    expect(plan).toMatchObject({
      mechanism: 'ecs-native',
      description:
        'linear (ECS): 10 % more every 6 min; behind a Network Load Balancer, ECS adds 10 min to each traffic shift stage',
    })
  })

  test('no strategy input: the service’s own, nothing changed', async () => {
    const plan = await planStrategy(clients, 'prod', service(), inputs())
    expect(plan).toMatchObject({ mechanism: 'rolling', description: 'rolling update (ECS)', changes: [] })
  })

  test.each([
    [
      inputs({ strategy: 'blue-green' }),
      'Service "web" cannot use `strategy: blue-green`: it has neither a load balancer nor Service Connect',
    ],
    [
      inputs({ appspec: 'appspec.yml' }),
      'Config key `codedeploy.appspec` applies to services with the CODE_DEPLOY deployment controller; service "web" uses ECS (for ECS\'s own blue/green, canary or linear, set `strategy`).',
    ],
    [
      inputs({ codedeployConfig: 'X' }),
      'Config key `codedeploy.config` applies to services with the CODE_DEPLOY deployment controller',
    ],
  ])('refuses %j', async (given, message) => {
    await expect(planStrategy(clients, 'prod', service(), given)).rejects.toThrow(message)
  })
})

describe('planStrategy: CODE_DEPLOY services', () => {
  test('finds the group by the console’s names, maps canary to its predefined config and makes the AppSpec from the load balancer', async () => {
    const plan = await planStrategy(
      clients,
      'arn:aws:ecs:us-east-1:123456789012:cluster/prod',
      codeDeployService,
      inputs({ strategy: 'canary' }),
    )
    expect(cdMock).toHaveReceivedCommandWith(GetDeploymentGroupCommand, {
      applicationName: 'AppECS-prod-web',
      deploymentGroupName: 'DgpECS-prod-web',
    })
    expect(plan).toMatchObject({
      mechanism: 'codedeploy',
      description:
        'CodeDeploy CodeDeployDefault.ECSCanary10Percent5Minutes: application AppECS-prod-web, deployment group DgpECS-prod-web',
      codedeploy: {
        config: 'CodeDeployDefault.ECSCanary10Percent5Minutes',
        appSpec: { containerName: 'web', containerPort: 8080 },
      },
    })
  })

  test.each([
    [{ strategy: 'blue-green' as const }, 'CodeDeployDefault.ECSAllAtOnce'],
    [{ strategy: 'canary' as const, canaryBakeMinutes: 15 }, 'CodeDeployDefault.ECSCanary10Percent15Minutes'],
    [{ strategy: 'linear' as const }, 'CodeDeployDefault.ECSLinear10PercentEvery1Minutes'],
    [
      { strategy: 'linear' as const, stepPercent: 10, stepBakeMinutes: 3 },
      'CodeDeployDefault.ECSLinear10PercentEvery3Minutes',
    ],
    [{}, undefined],
  ])('%j → %s', async (given, config) => {
    const plan = await planStrategy(clients, 'prod', codeDeployService, inputs(given))
    expect(plan.codedeploy?.config).toBe(config)
  })

  test('a named config is checked to exist for ECS', async () => {
    cdMock
      .on(GetDeploymentConfigCommand)
      .resolves({ deploymentConfigInfo: { deploymentConfigName: 'Canary20', computePlatform: 'ECS' } })
    await expect(
      planStrategy(clients, 'prod', codeDeployService, inputs({ codedeployConfig: 'Canary20' })),
    ).resolves.toMatchObject({ codedeploy: { config: 'Canary20' } })
    cdMock.on(GetDeploymentConfigCommand).rejects(
      Object.assign(new Error('No deployment configuration found for name: Nope'), {
        name: 'DeploymentConfigDoesNotExistException',
      }),
    )
    await expect(
      planStrategy(clients, 'prod', codeDeployService, inputs({ codedeployConfig: 'Nope' })),
    ).rejects.toThrow(
      'CodeDeploy deployment config "Nope" does not exist: check `codedeploy.config`; the predefined ECS configs are CodeDeployDefault.ECSAllAtOnce, ECSCanary10Percent5Minutes',
    )
  })

  test.each([
    [
      'application not found by the console’s name',
      () =>
        cdMock.on(GetApplicationCommand).rejects(
          Object.assign(new Error('No application found for name: AppECS-prod-web'), {
            name: 'ApplicationDoesNotExistException',
          }),
        ),
      inputs(),
      'CodeDeploy application "AppECS-prod-web" (the name the ECS console gives it for service web in cluster prod) was not found: set `codedeploy.application` and `codedeploy.deployment-group` in the config to the ones that deploy service web.',
    ],
    [
      'application input not found',
      () =>
        cdMock
          .on(GetApplicationCommand)
          .rejects(Object.assign(new Error('missing'), { name: 'ApplicationDoesNotExistException' })),
      inputs({ codedeployApplication: 'web-app' }),
      'CodeDeploy application "web-app" was not found: check `codedeploy.application` in the config (and the region).',
    ],
    [
      'group input not found',
      () =>
        cdMock
          .on(GetDeploymentGroupCommand)
          .rejects(Object.assign(new Error('missing'), { name: 'DeploymentGroupDoesNotExistException' })),
      inputs({ codedeployDeploymentGroup: 'web-dg' }),
      'CodeDeploy deployment group "web-dg" was not found in application "AppECS-prod-web": check `codedeploy.deployment-group` in the config.',
    ],
    [
      'a group of another service',
      () =>
        cdMock
          .on(GetDeploymentGroupCommand)
          .resolves({ deploymentGroupInfo: { ...group, ecsServices: [{ clusterName: 'prod', serviceName: 'api' }] } }),
      inputs(),
      'CodeDeploy deployment group "DgpECS-prod-web" deploys prod/api, not prod/web: set `codedeploy.deployment-group` to the group of this service.',
    ],
    [
      'rolling',
      () => undefined,
      inputs({ strategy: 'rolling' }),
      'This service uses the CODE_DEPLOY deployment controller: CodeDeploy deploys blue/green (all at once, canary or linear), never rolling.',
    ],
    [
      'a canary no predefined config has',
      () => undefined,
      inputs({ strategy: 'canary', canaryPercent: 20 }),
      "CodeDeploy has no predefined config for canary 20 % for 5 min (its ECS configs shift 10 % for 5 or 15 minutes). Create one — aws deploy create-deployment-config --deployment-config-name my-config --compute-platform ECS --traffic-routing-config 'type=TimeBasedCanary,timeBasedCanary={canaryPercentage=20,canaryInterval=5}' — and name it in `codedeploy-config`.",
    ],
    [
      'a config and steps',
      () => undefined,
      inputs({ strategy: 'linear', codedeployConfig: 'X', stepPercent: 20 }),
      'Config keys `codedeploy.config` and `step-percent` exclude each other: the deployment config sets the traffic steps.',
    ],
    [
      'alarms',
      () => undefined,
      inputs({ deploymentAlarms: ['web-5xx'] }),
      'Config key `deployment-alarms` sets ECS deployment alarms, which CODE_DEPLOY services do not use: add the alarms to the CodeDeploy deployment group',
    ],
    [
      'a bake time',
      () => undefined,
      inputs({ strategy: 'blue-green', bakeMinutes: 5 }),
      "Config key `bake-minutes` is for ECS's own blue/green",
    ],
    [
      'a stage CodeDeploy cannot wait at',
      () => undefined,
      inputs({ waitUntil: 'POST_SCALE_UP' }),
      'Config key `wait-until`: a CodeDeploy deployment can wait only at Ready, once test traffic reaches the new task set, not at POST_SCALE_UP: set `wait-until: ready`.',
    ],
    [
      'a group that never waits at Ready',
      () =>
        cdMock
          .on(GetDeploymentGroupCommand)
          .resolves({ deploymentGroupInfo: { ...group, blueGreenDeploymentConfiguration: {} } }),
      inputs({ waitUntil: 'POST_TEST_TRAFFIC_SHIFT' }),
      'Config key `wait-until`: deployment group "DgpECS-prod-web" reroutes traffic by itself (deploymentReadyOption CONTINUE_DEPLOYMENT), so its deployments never wait at Ready. Set the group\'s blueGreenDeploymentConfiguration.deploymentReadyOption to actionOnTimeout STOP_DEPLOYMENT with waitTimeInMinutes (how long it may wait), or drop `wait-until`.',
    ],
  ])('refuses: %s', async (_name, arrange, given, message) => {
    arrange()
    await expect(planStrategy(clients, 'prod', codeDeployService, given)).rejects.toThrow(message)
  })

  test('a circuit breaker setting has no meaning for CodeDeploy', async () => {
    await expect(
      planStrategy(clients, 'prod', codeDeployService, inputs(), { circuitBreaker: 'rollback' }),
    ).rejects.toThrow(
      'Config key `service-settings.deployment-circuit-breaker` applies to ECS rolling updates; a CODE_DEPLOY service rolls back through its deployment group (autoRollbackConfiguration).',
    )
  })
})

describe('startStrategy: ECS', () => {
  test('updates the service with the new revision and the strategy’s configuration', async () => {
    const current = service({ loadBalancers: [balancer] })
    const plan = await planStrategy(clients, 'prod', current, inputs({ strategy: 'blue-green', bakeMinutes: 5 }))
    ecsMock.on(UpdateServiceCommand).resolves({
      service: service({ deployments: [deployment(), oldDeployment()], currentServiceDeployment: SD_ARN }),
    })
    const rollout = await startStrategy(clients, context(), plan, current, request)
    expect(rollout).toMatchObject({
      deploymentId: NEW_ID,
      serviceDeploymentArn: SD_ARN,
      mechanism: 'ecs-native',
      started: true,
    })
    expect(ecsMock).toHaveReceivedCommandWith(UpdateServiceCommand, {
      taskDefinition: NEW_TD,
      deploymentConfiguration: {
        maximumPercent: 200,
        minimumHealthyPercent: 100,
        deploymentCircuitBreaker: { enable: true, rollback: true },
        strategy: 'BLUE_GREEN',
        bakeTimeInMinutes: 5,
      },
    })
  })

  const busy = service({
    deployments: [
      deployment({
        taskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:8',
        createdAt: new Date(Date.UTC(2026, 0, 1)),
      }),
      oldDeployment(),
    ],
  })

  test('on-busy fail: another deployment in flight is named; nothing changes', async () => {
    const plan = await planStrategy(clients, 'prod', busy, inputs({ onBusy: 'fail' }))
    await expect(startStrategy(clients, context(), plan, busy, request)).rejects.toThrow(
      'Service "web" is busy with deployment ecs-svc/1111111111111111111 of web:8 (IN_PROGRESS since 2026-01-01T00:00:00.000Z): nothing was changed. Run again once it has finished, or set `on-busy: wait` to have the action wait for it.',
    )
    expect(ecsMock).not.toHaveReceivedCommand(UpdateServiceCommand)
  })

  test('on-busy wait: waits for it to finish, then deploys', async () => {
    const plan = await planStrategy(clients, 'prod', busy, inputs())
    ecsMock
      .on(DescribeServicesCommand)
      .resolvesOnce({ services: [busy] })
      .resolves({ services: [service({ taskDefinition: 'web:8' })] })
    ecsMock.on(UpdateServiceCommand).resolves({ service: service({ deployments: [deployment(), oldDeployment()] }) })
    const lines: string[] = []
    const ctx = context(lines)
    await startStrategy(clients, ctx, plan, busy, request)
    expect(lines).toEqual([
      'web: deployment ecs-svc/1111111111111111111 of web:8 (IN_PROGRESS since 2026-01-01T00:00:00.000Z) is in flight; waiting for it to finish (on-busy: wait)',
    ])
    expect(ctx.clock.sleeps).toEqual([5000, 5000])
    expect(ecsMock).toHaveReceivedCommandTimes(UpdateServiceCommand, 1)
  })

  test('on-busy wait gives up at the timeout, having changed nothing', async () => {
    const plan = await planStrategy(clients, 'prod', busy, inputs())
    ecsMock.on(DescribeServicesCommand).resolves({ services: [busy] })
    await expect(startStrategy(clients, { ...context(), timeoutMs: 60_000 }, plan, busy, request)).rejects.toThrow(
      'Service "web" was still busy with deployment ecs-svc/1111111111111111111 of web:8 (IN_PROGRESS since 2026-01-01T00:00:00.000Z) after 1 min (on-busy: wait): nothing was changed.',
    )
  })

  test('a deployment paused by an earlier run is never waited for', async () => {
    const native = {
      ...busy,
      deploymentConfiguration: { strategy: 'BLUE_GREEN' as const },
      loadBalancers: [balancer],
      currentServiceDeployment: SD_ARN,
    }
    const plan = await planStrategy(clients, 'prod', native, inputs())
    ecsMock.on(DescribeServiceDeploymentsCommand).resolves({
      serviceDeployments: [
        {
          serviceDeploymentArn: SD_ARN,
          status: 'IN_PROGRESS',
          lifecycleStage: 'POST_TEST_TRAFFIC_SHIFT',
          lifecycleHookDetails: [{ hookId: HOOK, targetType: 'PAUSE', status: 'AWAITING_ACTION' }],
        },
      ],
    })
    await expect(startStrategy(clients, context(), plan, native, request)).rejects.toThrow(
      'Service "web" has deployment ecs-svc/1111111111111111111 of web:8 (IN_PROGRESS since 2026-01-01T00:00:00.000Z), paused at POST_TEST_TRAFFIC_SHIFT (an earlier run\'s `wait-until`?): nothing was changed. Resolve it first: run this action with `mode: continue` or `mode: rollback-paused`.',
    )
  })
})

describe('continueStrategy: ECS', () => {
  const paused = service({
    deploymentConfiguration: { strategy: 'BLUE_GREEN' },
    loadBalancers: [balancer],
    taskDefinition: NEW_TD,
    deployments: [deployment(), oldDeployment()],
  })

  test.each([
    ['continue', 'CONTINUE'],
    ['rollback', 'ROLLBACK'],
  ] as const)('%s: ContinueServiceDeployment on the paused hook', async (action, ecsAction) => {
    ecsMock.on(ListServiceDeploymentsCommand).resolves({ serviceDeployments: [{ serviceDeploymentArn: SD_ARN }] })
    ecsMock.on(DescribeServiceDeploymentsCommand).resolves({
      serviceDeployments: [
        {
          serviceDeploymentArn: SD_ARN,
          status: 'IN_PROGRESS',
          lifecycleStage: 'POST_TEST_TRAFFIC_SHIFT',
          lifecycleHookDetails: [{ hookId: HOOK, targetType: 'PAUSE', status: 'AWAITING_ACTION' }],
        },
      ],
    })
    const plan = await planStrategy(clients, 'prod', paused, inputs({ continueAction: action }))
    const rollout = await continueStrategy(clients, 'prod', plan, paused, 1000)
    expect(ecsMock).toHaveReceivedCommandWith(ContinueServiceDeploymentCommand, {
      serviceDeploymentArn: SD_ARN,
      hookId: HOOK,
      action: ecsAction,
    })
    expect(rollout).toEqual({
      deploymentId: NEW_ID,
      serviceDeploymentArn: SD_ARN,
      mechanism: 'ecs-native',
      resumed: HOOK,
      previousTaskDefinition: OLD_TD,
      started: true,
      startedAt: 1000,
      targetTaskDefinition: NEW_TD,
    })
    expect(ecsMock).not.toHaveReceivedCommand(UpdateServiceCommand)
  })

  test('a dry run finds the paused hook and changes nothing', async () => {
    ecsMock.on(ListServiceDeploymentsCommand).resolves({ serviceDeployments: [{ serviceDeploymentArn: SD_ARN }] })
    ecsMock.on(DescribeServiceDeploymentsCommand).resolves({
      serviceDeployments: [
        {
          serviceDeploymentArn: SD_ARN,
          status: 'IN_PROGRESS',
          lifecycleStage: 'POST_TEST_TRAFFIC_SHIFT',
          lifecycleHookDetails: [{ hookId: HOOK, targetType: 'PAUSE', status: 'AWAITING_ACTION' }],
        },
      ],
    })
    const plan = await planStrategy(clients, 'prod', paused, inputs({ continueAction: 'rollback' }))
    const rollout = await continueStrategy(clients, 'prod', plan, paused, 1000, true)
    expect(rollout).toMatchObject({ deploymentId: NEW_ID, resumed: HOOK, started: false })
    expect(ecsMock).not.toHaveReceivedCommand(ContinueServiceDeploymentCommand)
  })

  test('nothing paused: says so, changes nothing', async () => {
    ecsMock.on(ListServiceDeploymentsCommand).resolves({ serviceDeployments: [] })
    const plan = await planStrategy(clients, 'prod', paused, inputs({ continueAction: 'continue' }))
    await expect(continueStrategy(clients, 'prod', plan, paused, 1000)).rejects.toThrow(
      '`mode: continue`: service "web" has no deployment paused at a lifecycle hook (it has no deployment in flight): nothing was changed.',
    )
    expect(ecsMock).not.toHaveReceivedCommand(ContinueServiceDeploymentCommand)
  })
})

describe('startStrategy / continueStrategy: CodeDeploy', () => {
  test('CreateDeployment with the AppSpec content, the new task definition set in, and the config', async () => {
    cdMock.on(CreateDeploymentCommand).resolves({ deploymentId: 'd-NEW000001' })
    const plan = await planStrategy(clients, 'prod', codeDeployService, inputs({ strategy: 'linear' }))
    const rollout = await startStrategy(clients, context(), plan, codeDeployService, {
      ...request,
      containers: [{ name: 'web', portMappings: [{ containerPort: 8080 }] }],
    })
    expect(rollout).toMatchObject({
      deploymentId: 'd-NEW000001',
      mechanism: 'codedeploy',
      started: true,
      previousTaskDefinition: OLD_TD,
    })
    const input = cdMock.commandCalls(CreateDeploymentCommand)[0]?.args[0].input
    expect(input).toMatchObject({
      applicationName: 'AppECS-prod-web',
      deploymentGroupName: 'DgpECS-prod-web',
      deploymentConfigName: 'CodeDeployDefault.ECSLinear10PercentEvery1Minutes',
      description: 'ecs-deploy-action: web:7',
    })
    expect(input?.revision?.revisionType).toBe('AppSpecContent')
    expect(input?.revision?.appSpecContent?.content).toContain(`TaskDefinition: ${NEW_TD}`)
  })

  test('a re-run while the same revision deploys follows that deployment', async () => {
    cdMock.on(ListDeploymentsCommand).resolves({ deployments: ['d-RUNNING01'] })
    cdMock.on(GetDeploymentCommand).resolves({
      deploymentInfo: {
        deploymentId: 'd-RUNNING01',
        status: 'InProgress',
        createTime: new Date(500),
        revision: {
          appSpecContent: {
            content: `Resources:\n  - TargetService:\n      Properties:\n        TaskDefinition: ${NEW_TD}\n`,
          },
        },
      },
    })
    const plan = await planStrategy(clients, 'prod', codeDeployService, inputs())
    const rollout = await startStrategy(clients, context(), plan, codeDeployService, request)
    expect(rollout).toMatchObject({ deploymentId: 'd-RUNNING01', started: false, startedAt: 500 })
    expect(cdMock).not.toHaveReceivedCommand(CreateDeploymentCommand)
  })

  test.each([
    [
      'InProgress',
      'fail',
      'Service "web" is busy with CodeDeploy deployment d-OTHER0001 of web:8 (InProgress): nothing was changed.',
    ],
    ['Ready', 'wait', 'Service "web" has CodeDeploy deployment d-OTHER0001 of web:8 (Ready), paused at Ready'],
  ] as const)('another deployment %s (on-busy %s) is refused', async (status, onBusy, message) => {
    cdMock.on(ListDeploymentsCommand).resolves({ deployments: ['d-OTHER0001'] })
    cdMock.on(GetDeploymentCommand).resolves({
      deploymentInfo: {
        deploymentId: 'd-OTHER0001',
        status,
        revision: {
          appSpecContent: {
            content:
              'Resources:\n  - T:\n      Properties:\n        TaskDefinition: arn:aws:ecs:us-east-1:123456789012:task-definition/web:8\n',
          },
        },
      },
    })
    const plan = await planStrategy(clients, 'prod', codeDeployService, inputs({ onBusy }))
    await expect(startStrategy(clients, context(), plan, codeDeployService, request)).rejects.toThrow(message)
    expect(cdMock).not.toHaveReceivedCommand(CreateDeploymentCommand)
  })

  test('nothing to deploy when the service already runs the revision', async () => {
    const plan = await planStrategy(clients, 'prod', codeDeployService, inputs())
    const rollout = await startStrategy(clients, context(), plan, codeDeployService, {
      ...request,
      taskDefinitionArn: OLD_TD,
    })
    expect(rollout).toMatchObject({ started: false, unchangedReason: 'the service already runs this task definition' })
    expect(rollout.deploymentId).toBeUndefined()
  })

  test('continue: ContinueDeployment of the Ready one; rollback: StopDeployment with auto-rollback', async () => {
    cdMock.on(ListDeploymentsCommand, { includeOnlyStatuses: ['Ready'] }).resolves({ deployments: ['d-READY0001'] })
    cdMock.on(GetDeploymentCommand).resolves({
      deploymentInfo: {
        deploymentId: 'd-READY0001',
        status: 'Ready',
        revision: {
          appSpecContent: { content: `Resources:\n  - T:\n      Properties:\n        TaskDefinition: ${NEW_TD}\n` },
        },
      },
    })
    const go = await continueStrategy(
      clients,
      'prod',
      await planStrategy(clients, 'prod', codeDeployService, inputs({ continueAction: 'continue' })),
      codeDeployService,
      1000,
    )
    expect(go).toMatchObject({
      deploymentId: 'd-READY0001',
      resumed: 'ready',
      mechanism: 'codedeploy',
      targetTaskDefinition: NEW_TD,
    })
    expect(cdMock).toHaveReceivedCommandWith(ContinueDeploymentCommand, {
      deploymentId: 'd-READY0001',
      deploymentWaitType: 'READY_WAIT',
    })
    await continueStrategy(
      clients,
      'prod',
      await planStrategy(clients, 'prod', codeDeployService, inputs({ continueAction: 'rollback' })),
      codeDeployService,
      1000,
    )
    expect(cdMock).toHaveReceivedCommandWith(StopDeploymentCommand, {
      deploymentId: 'd-READY0001',
      autoRollbackEnabled: true,
    })
  })

  test('a dry run finds the Ready deployment and neither continues nor stops it', async () => {
    cdMock.on(ListDeploymentsCommand, { includeOnlyStatuses: ['Ready'] }).resolves({ deployments: ['d-READY0001'] })
    cdMock.on(GetDeploymentCommand).resolves({ deploymentInfo: { deploymentId: 'd-READY0001', status: 'Ready' } })
    for (const continueAction of ['continue', 'rollback'] as const) {
      const plan = await planStrategy(clients, 'prod', codeDeployService, inputs({ continueAction }))
      const rollout = await continueStrategy(clients, 'prod', plan, codeDeployService, 1000, true)
      expect(rollout).toMatchObject({ deploymentId: 'd-READY0001', started: false })
    }
    expect(cdMock).not.toHaveReceivedCommand(ContinueDeploymentCommand)
    expect(cdMock).not.toHaveReceivedCommand(StopDeploymentCommand)
  })

  test('continue with nothing at Ready says so', async () => {
    const plan = await planStrategy(clients, 'prod', codeDeployService, inputs({ continueAction: 'continue' }))
    await expect(continueStrategy(clients, 'prod', plan, codeDeployService, 1000)).rejects.toThrow(
      '`mode: continue`: deployment group "DgpECS-prod-web" has no deployment waiting at Ready for service "web": nothing was changed.',
    )
  })
})

describe('rollingPlan', () => {
  test('a preview rolls whatever the strategy inputs say, keeping on-busy', () => {
    expect(
      rollingPlan(
        inputs({ strategy: 'canary', waitUntil: 'POST_TEST_TRAFFIC_SHIFT', deploymentAlarms: ['a'], onBusy: 'fail' }),
      ),
    ).toEqual({
      mechanism: 'rolling',
      description: 'rolling update (ECS)',
      inputs: { deploymentAlarms: [], onBusy: 'fail' },
      changes: [],
    })
  })
})
