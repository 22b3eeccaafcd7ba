// Zero-downtime strategies end to end: ECS-native blue/green and canary, pausing and continuing, alarms, and
// CodeDeploy with an appspec — dist/index.js against the local stack, plus the stack's own side through the SDK.
import {
  CodeDeployClient,
  ContinueDeploymentCommand,
  CreateApplicationCommand,
  CreateDeploymentCommand,
  CreateDeploymentConfigCommand,
  CreateDeploymentGroupCommand,
  GetDeploymentCommand,
  GetDeploymentTargetCommand,
  ListDeploymentsCommand,
  StopDeploymentCommand,
  type CreateDeploymentGroupCommandInput,
} from '@aws-sdk/client-codedeploy'
import {
  ContinueServiceDeploymentCommand,
  DescribeServiceDeploymentsCommand,
  ECSClient,
  ListTaskDefinitionsCommand,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
  type LoadBalancer,
  type Service,
  type ServiceDeployment,
} from '@aws-sdk/client-ecs'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { runAction as runWithInputs, workspaceDir, movedToConfig } from './action.js'
import {
  givenWebService,
  ScenarioAdmin,
  useStack,
  waitFor,
  webService,
  webTaskDefinition,
  type StackEnv,
  type StagePlan,
} from './stack.js'

/** Runs the action with the settings that moved to the config file written there (issue 22). */
const runAction = (inputs: Record<string, string>, env?: Record<string, string>): ReturnType<typeof runWithInputs> =>
  runWithInputs(movedToConfig(inputs), env)

let stack: StackEnv
let admin: ScenarioAdmin
let ecs: ECSClient
let codedeploy: CodeDeployClient
const dir = workspaceDir('e2e-strategies-')

beforeAll(async () => {
  stack = await useStack()
  admin = new ScenarioAdmin(stack.STACK_SCENARIO_URL)
  ecs = new ECSClient({})
  codedeploy = new CodeDeployClient({})
})

afterAll(() => {
  ecs?.destroy()
  codedeploy?.destroy()
})

const TARGET_GROUP = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef'
const READY_FOR_BLUE_GREEN: LoadBalancer = {
  targetGroupArn: TARGET_GROUP,
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

/** The seeds' appspec shape: version 0.0, one TargetService with TaskDefinition and LoadBalancerInfo, hooks. */
const SEED_APPSPEC = `version: 0.0
Resources:
  - TargetService:
      Type: AWS::ECS::Service
      Properties:
        TaskDefinition: <TASK_DEFINITION>
        LoadBalancerInfo:
          ContainerName: "web"
          ContainerPort: 8080
Hooks:
  - AfterAllowTestTraffic: "SmokeTest"
`

/**
 * A fresh stack (time `timeScale`× faster) with cluster prod and service web on web:1 (two tasks) behind a target
 * group: set up for ECS's blue/green unless told otherwise, or deployed by CodeDeploy.
 */
async function givenService(
  options: {
    timeScale?: number
    loadBalancer?: LoadBalancer
    codedeploy?: Partial<CreateDeploymentGroupCommandInput>
  } = {},
): Promise<void> {
  await givenWebService(stack, admin, ecs, {
    timeScale: options.timeScale ?? 10,
    service: {
      loadBalancers: [options.loadBalancer ?? READY_FOR_BLUE_GREEN],
      ...(options.codedeploy && { deploymentController: { type: 'CODE_DEPLOY' } }),
    },
  })
  if (options.codedeploy) {
    await codedeploy.send(new CreateApplicationCommand({ applicationName: 'AppECS-prod-web', computePlatform: 'ECS' }))
    await codedeploy.send(
      new CreateDeploymentGroupCommand({
        applicationName: 'AppECS-prod-web',
        deploymentGroupName: 'DgpECS-prod-web',
        serviceRoleArn: 'arn:aws:iam::123456789012:role/ecsCodeDeployRole',
        ecsServices: [{ clusterName: 'prod', serviceName: 'web' }],
        ...options.codedeploy,
      }),
    )
  }
}

function currentService(): Promise<Service> {
  return webService(ecs)
}

async function currentServiceDeployment(): Promise<ServiceDeployment> {
  const arn = (await currentService()).currentServiceDeployment
  const { serviceDeployments } = await ecs.send(
    new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn ?? ''] }),
  )
  return serviceDeployments?.[0] ?? {}
}

const revisions = async (): Promise<string[]> =>
  (await ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: 'web' }))).taskDefinitionArns ?? []

const inputs = (overrides: Record<string, string> = {}) => ({
  cluster: 'prod',
  service: 'web',
  image: `${stack.STACK_REGISTRY}/web:v2`,
  ...overrides,
})

/** A canary's stages on the stack, slow enough (at time scale 10) for the action to see each traffic step. */
const CANARY_STAGES: StagePlan[] = [
  { stage: 'PRE_SCALE_UP', seconds: 1 },
  { stage: 'SCALE_UP', seconds: 1 },
  // Long enough (3 s at time scale 10) for a poll to land in it even on a busy machine.
  { stage: 'TEST_TRAFFIC_SHIFT', seconds: 30, testTrafficWeight: 100 },
  { stage: 'PRODUCTION_TRAFFIC_SHIFT', seconds: 40, productionTrafficWeights: [10, 100] },
  { stage: 'BAKE_TIME', seconds: 30 },
  { stage: 'CLEAN_UP' },
]

describe('ECS-native strategies through dist/index.js', () => {
  test('blue/green: the service is switched to BLUE_GREEN and the new revision takes all traffic', async () => {
    await givenService()
    const run = await runAction(inputs({ strategy: 'blue-green', 'bake-minutes': '0' }))
    expect(run.errors).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(run.outputs.status).toBe('succeeded')
    expect(run.stdout).toContain('strategy: blue/green (ECS): all traffic at once')
    expect(run.summary).toContain('| Strategy | blue/green (ECS): all traffic at once |')
    expect(run.summary).toMatch(/\| Production traffic \| .*100 % \(\d+:\d\d\)/)
    const service = await currentService()
    expect(service.taskDefinition).toMatch(/\/web:2$/)
    expect(service.deploymentConfiguration).toMatchObject({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 0 })
    expect(await currentServiceDeployment()).toMatchObject({ status: 'SUCCESSFUL', lifecycleStage: 'CLEAN_UP' })
  })

  test('canary: 10 % of production traffic, then 100 %, each shown once and in the summary with its time', async () => {
    await givenService()
    await admin.scenario({ service: 'web', rollout: { stages: CANARY_STAGES } })
    const run = await runAction(
      inputs({
        strategy: 'canary',
        'canary-percent': '10',
        'canary-bake-minutes': '1',
        'bake-minutes': '0',
        'deployment-alarms': 'web-5xx',
      }),
    )
    expect(run.errors).toEqual([])
    expect(run.outputs.status).toBe('succeeded')
    const traffic = run.stdout.split('\n').filter((l) => l.includes('traffic on the new revision: production'))
    expect(traffic.map((l) => l.replace(/^.*traffic on the new revision: /, ''))).toEqual(
      expect.arrayContaining([
        'production 0 %, test 100 %',
        'production 10 %, test 100 %',
        'production 100 %, test 100 %',
      ]),
    )
    expect(run.stdout.indexOf('production 10 %')).toBeLessThan(run.stdout.indexOf('production 100 %'))
    expect(run.stdout).toContain('alarms web-5xx: MONITORING')
    expect(run.summary).toContain('| Strategy | canary (ECS): 10 % for 1 min, then 100 % |')
    expect(run.summary).toMatch(/\| Production traffic \| 0 % → 10 % \(\d+:\d\d\) → 100 % \(\d+:\d\d\) \|/)
    expect(run.summary).toContain('| Alarms | web-5xx |')
    expect(run.summary).toContain('PRODUCTION_TRAFFIC_SHIFT')
    expect((await currentService()).deploymentConfiguration).toMatchObject({
      strategy: 'CANARY',
      canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 1 },
      alarms: { alarmNames: ['web-5xx'], enable: true, rollback: true },
    })
  })

  test('an alarm firing mid-shift: rolled back, the alarm named, the old revision serving', async () => {
    await givenService()
    await admin.scenario({
      service: 'web',
      rollout: {
        stages: [
          { stage: 'SCALE_UP', seconds: 1 },
          { stage: 'PRODUCTION_TRAFFIC_SHIFT', seconds: 20, productionTrafficWeights: [10], alarm: 'web-5xx' },
        ],
      },
    })
    const run = await runAction(
      inputs({ strategy: 'canary', 'canary-percent': '10', 'bake-minutes': '0', 'deployment-alarms': 'web-5xx' }),
    )
    expect(run.exitCode).toBe(1)
    expect(run.outputs.status).toBe('rolled-back')
    expect(run.errors[0]).toContain('CloudWatch alarm web-5xx went to ALARM during PRODUCTION_TRAFFIC_SHIFT.')
    expect(run.summary).toContain('| Alarms | web-5xx → ALARM |')
    await waitFor('web back on web:1', async () => (await currentService()).taskDefinition?.endsWith('/web:1'), {
      timeoutMs: 20_000,
    })
  })

  test('wait-until: paused after test traffic; a new deploy is refused; continue: true finishes it', async () => {
    await givenService()
    const paused = await runAction(
      inputs({ strategy: 'blue-green', 'bake-minutes': '0', 'wait-until': 'test-traffic-shifted' }),
    )
    expect(paused.errors).toEqual([])
    expect(paused.exitCode).toBe(0)
    expect(paused.outputs.status).toBe('paused')
    expect(paused.summary).toContain('## ⏸️ ECS deploy: web paused')
    expect(paused.summary).toMatch(
      /\| Paused at \| POST_TEST_TRAFFIC_SHIFT \(hook ecs-pause-\w+\); ROLLBACK at .* unless continued \|/,
    )
    const sd = await currentServiceDeployment()
    expect(sd).toMatchObject({
      status: 'IN_PROGRESS',
      lifecycleStage: 'POST_TEST_TRAFFIC_SHIFT',
      lifecycleHookDetails: [{ targetType: 'PAUSE', status: 'AWAITING_ACTION' }],
    })
    expect(sd.targetServiceRevision).toMatchObject({
      requestedTestTrafficWeight: 100,
      requestedProductionTrafficWeight: 0,
    })

    // Another revision is registered, but the service is left alone: nobody's paused deployment is overrun.
    const another = await runAction(inputs({ image: `${stack.STACK_REGISTRY}/web:v3` }))
    expect(another.exitCode).toBe(1)
    expect(another.errors[0]).toContain('paused at POST_TEST_TRAFFIC_SHIFT')
    expect(another.errors[0]).toContain('run this action with `mode: continue` or `mode: rollback-paused`')
    expect(await currentServiceDeployment()).toMatchObject({
      serviceDeploymentArn: sd.serviceDeploymentArn,
      status: 'IN_PROGRESS',
    })

    // A dry run says what it would continue, and leaves the deployment paused.
    const dry = await runAction({ cluster: 'prod', service: 'web', continue: 'true', 'dry-run': 'true' })
    expect(dry.errors).toEqual([])
    expect(dry.outputs.status).toBe('planned')
    expect(dry.stdout).toMatch(/web: Dry run: would continue deployment \S+ of web:2; nothing was changed\./)
    expect(await currentServiceDeployment()).toMatchObject({
      serviceDeploymentArn: sd.serviceDeploymentArn,
      status: 'IN_PROGRESS',
      lifecycleHookDetails: [{ targetType: 'PAUSE', status: 'AWAITING_ACTION' }],
    })

    const resumed = await runAction({ cluster: 'prod', service: 'web', continue: 'true' })
    expect(resumed.errors).toEqual([])
    expect(resumed.outputs.status).toBe('succeeded')
    expect(resumed.stdout).toContain('web: continuing deployment')
    expect((await currentService()).taskDefinition).toMatch(/\/web:2$/)
  })

  test('continue: rollback sends the paused deployment back to the old revision', async () => {
    await givenService()
    const paused = await runAction(inputs({ strategy: 'blue-green', 'bake-minutes': '0', 'wait-until': 'ready' }))
    expect(paused.outputs.status).toBe('paused')
    const back = await runAction({ cluster: 'prod', service: 'web', continue: 'rollback' })
    expect(back.exitCode).toBe(1)
    expect(back.outputs.status).toBe('rolled-back')
    expect(back.errors[0]).toContain('Service deployment rolled back by ContinueServiceDeployment (ROLLBACK).')
    await waitFor('web back on web:1', async () => (await currentService()).taskDefinition?.endsWith('/web:1'), {
      timeoutMs: 20_000,
    })
  })

  test('a service without what blue/green needs is refused before anything is registered, saying what to set', async () => {
    await givenService({ loadBalancer: { targetGroupArn: TARGET_GROUP, containerName: 'web', containerPort: 8080 } })
    const run = await runAction(inputs({ strategy: 'canary' }))
    expect(run.exitCode).toBe(1)
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]).toContain(
      'Service "web" cannot use `strategy: canary`: ECS shifts traffic through loadBalancers[].advancedConfiguration, and target group web/0123456789abcdef lacks alternateTargetGroupArn, productionListenerRule, roleArn.',
    )
    expect(await revisions()).toHaveLength(1)
  })

  test('continue with nothing paused says so and changes nothing', async () => {
    await givenService()
    const run = await runAction({ cluster: 'prod', service: 'web', continue: 'true' })
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toContain('`mode: continue`: service "web" has no deployment paused at a lifecycle hook')
  })
})

describe('CodeDeploy through dist/index.js', () => {
  const appspec = (text = SEED_APPSPEC): string => {
    const file = path.join(dir, `appspec-${Math.random().toString(36).slice(2)}.yml`)
    writeFileSync(file, text)
    return file
  }

  test('the seeds’ appspec, a custom canary config: 10 % then 100 %, the new task definition set in', async () => {
    await givenService({ timeScale: 20, codedeploy: {} })
    await codedeploy.send(
      new CreateDeploymentConfigCommand({
        deploymentConfigName: 'Canary10Percent1Minute',
        computePlatform: 'ECS',
        trafficRoutingConfig: { type: 'TimeBasedCanary', timeBasedCanary: { canaryPercentage: 10, canaryInterval: 1 } },
      }),
    )
    const run = await runAction(inputs({ appspec: appspec(), 'codedeploy-config': 'Canary10Percent1Minute' }))
    expect(run.errors).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(run.outputs['deployment-id']).toMatch(/^d-[A-Z0-9]{9}$/)
    expect(run.stdout).toContain(
      'strategy: CodeDeploy Canary10Percent1Minute: application AppECS-prod-web, deployment group DgpECS-prod-web, hooks AfterAllowTestTraffic → SmokeTest',
    )
    expect(run.stdout).toContain('AfterAllowTestTraffic: Succeeded')
    expect(run.stdout).toMatch(/task sets: blue 90 % \(2\/2 running\), green 10 % \(2\/2 running\)/)
    expect(run.summary).toMatch(/\| Production traffic \| 0 % → 10 % \(\d+:\d\d\) → 100 % \(\d+:\d\d\) \|/)
    const { deploymentInfo } = await codedeploy.send(
      new GetDeploymentCommand({ deploymentId: run.outputs['deployment-id'] }),
    )
    expect(deploymentInfo?.revision?.appSpecContent?.content).toContain(
      `TaskDefinition: ${run.outputs['task-definition-arn']}`,
    )
    expect(deploymentInfo?.revision?.appSpecContent?.content).toContain('- AfterAllowTestTraffic: "SmokeTest"')
    expect((await currentService()).taskDefinition).toBe(run.outputs['task-definition-arn'])
  })

  test('a canary whose group waits an hour to terminate the original task set: succeeded once all traffic has shifted, nothing stopped', async () => {
    const terminateAfterAnHour = {
      terminateBlueInstancesOnDeploymentSuccess: { action: 'TERMINATE' as const, terminationWaitTimeInMinutes: 60 },
    }
    await givenService({ timeScale: 20, codedeploy: { blueGreenDeploymentConfiguration: terminateAfterAnHour } })
    await codedeploy.send(
      new CreateDeploymentConfigCommand({
        deploymentConfigName: 'Canary10Percent1Minute',
        computePlatform: 'ECS',
        trafficRoutingConfig: { type: 'TimeBasedCanary', timeBasedCanary: { canaryPercentage: 10, canaryInterval: 1 } },
      }),
    )
    // At time scale 20 the canary takes 3 s, the termination wait 180 s: far beyond the action's 15 s.
    const run = await runAction(
      inputs({ appspec: appspec(), 'codedeploy-config': 'Canary10Percent1Minute', 'timeout-minutes': '0.25' }),
    )
    expect(run.errors).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(run.outputs.status).toBe('succeeded')
    expect(run.stdout).toContain(
      "shifted all production traffic to the new task set and every lifecycle hook succeeded; CodeDeploy terminates the original task set after 60 min (the deployment group's termination wait), then marks the deployment Succeeded.",
    )
    expect(run.stdout).not.toContain('StopDeployment')
    const { deploymentInfo } = await codedeploy.send(
      new GetDeploymentCommand({ deploymentId: run.outputs['deployment-id'] }),
    )
    expect(deploymentInfo?.status).toBe('InProgress')
    expect(deploymentInfo?.rollbackInfo).toBeUndefined()
    expect((await currentService()).taskDefinition).toBe(run.outputs['task-definition-arn'])
  })

  test('a hook’s Lambda failing: rolled back by the group, with the failing event’s diagnostics', async () => {
    await givenService({ codedeploy: { autoRollbackConfiguration: { enabled: true, events: ['DEPLOYMENT_FAILURE'] } } })
    await admin.scenario({
      service: 'web',
      rollout: { failAt: 'AfterAllowTestTraffic', reason: 'SmokeTest returned Failed: GET /status answered 500' },
    })
    const run = await runAction(inputs({ strategy: 'blue-green', appspec: appspec() }))
    expect(run.exitCode).toBe(1)
    expect(run.outputs.status).toBe('rolled-back')
    expect(run.errors[0]).toMatch(
      /CodeDeploy deployment d-\w+ failed: AfterAllowTestTraffic failed: SmokeTest returned Failed: GET \/status answered 500\. \[HOOK_EXECUTION_FAILURE\] CodeDeploy rolled back \(deployment d-\w+\)/,
    )
    expect((await currentService()).taskDefinition).toMatch(/\/web:1$/)
  })

  test('wait-until ready, then continue: true reroutes production traffic', async () => {
    await givenService({
      codedeploy: {
        blueGreenDeploymentConfiguration: {
          deploymentReadyOption: { actionOnTimeout: 'STOP_DEPLOYMENT', waitTimeInMinutes: 60 },
        },
      },
    })
    const paused = await runAction(inputs({ strategy: 'blue-green', 'wait-until': 'ready' }))
    expect(paused.errors).toEqual([])
    expect(paused.outputs.status).toBe('paused')
    expect(paused.summary).toContain('| Paused at | Ready; STOP after 60 min unless continued |')
    const resumed = await runAction({ cluster: 'prod', service: 'web', continue: 'true' })
    expect(resumed.errors).toEqual([])
    expect(resumed.outputs.status).toBe('succeeded')
    expect((await currentService()).taskDefinition).toMatch(/\/web:2$/)
  })

  test.each([
    [
      'an appspec with a misspelt key',
      () => ({ appspec: appspec(SEED_APPSPEC.replace('ContainerPort', 'ContainerPrt')) }),
      'Resources[0].TargetService.Properties.LoadBalancerInfo.ContainerPrt: unknown key; did you mean ContainerPort?',
    ],
    [
      'a deployment group that is not there',
      () => ({ 'codedeploy-deployment-group': 'web-dg' }),
      'CodeDeploy deployment group "web-dg" was not found in application "AppECS-prod-web": check `codedeploy.deployment-group` in the config.',
    ],
    [
      'rolling',
      () => ({ strategy: 'rolling' }),
      'CodeDeploy deploys blue/green (all at once, canary or linear), never rolling.',
    ],
  ])('%s is refused before anything is registered', async (_name, bad, message) => {
    await givenService({ codedeploy: {} })
    const run = await runAction(inputs(bad()))
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toContain(message)
    expect(await revisions()).toHaveLength(1)
  })
})

describe('local stack: ECS-native strategies and CodeDeploy through the SDK', () => {
  test('a canary pauses at its PAUSE hook, shows its traffic and hook, and goes on after ContinueServiceDeployment', async () => {
    await givenService({ timeScale: 20 })
    await ecs.send(new RegisterTaskDefinitionCommand(webTaskDefinition('web', `${stack.STACK_REGISTRY}/web:v2`)))
    await ecs.send(
      new UpdateServiceCommand({
        cluster: 'prod',
        service: 'web',
        taskDefinition: 'web:2',
        deploymentConfiguration: {
          strategy: 'CANARY',
          bakeTimeInMinutes: 0,
          canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 0 },
          lifecycleHooks: [{ targetType: 'PAUSE', lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT'] }],
        },
      }),
    )
    const paused = await waitFor('the PAUSE hook', async () => {
      const sd = await currentServiceDeployment()
      return sd.lifecycleHookDetails?.[0]?.status === 'AWAITING_ACTION' && sd
    })
    expect(paused.lifecycleStage).toBe('POST_TEST_TRAFFIC_SHIFT')
    expect(paused.lifecycleHookDetails?.[0]?.expiresAt).toBeInstanceOf(Date)
    expect(paused.sourceServiceRevisions?.[0]).toMatchObject({
      requestedProductionTrafficWeight: 100,
      requestedTestTrafficWeight: 0,
    })
    await ecs.send(
      new ContinueServiceDeploymentCommand({
        serviceDeploymentArn: paused.serviceDeploymentArn,
        hookId: paused.lifecycleHookDetails?.[0]?.hookId,
        action: 'CONTINUE',
      }),
    )
    const done = await waitFor('SUCCESSFUL', async () => {
      const sd = await currentServiceDeployment()
      return sd.status === 'SUCCESSFUL' && sd
    })
    expect(done.targetServiceRevision).toMatchObject({ requestedProductionTrafficWeight: 100 })
    expect((await currentService()).deployments?.map((d) => d.taskDefinition?.split('/').pop())).toEqual(['web:2'])
  })

  test('a CodeDeploy deployment waits at Ready with its task sets, and ListDeployments finds it there', async () => {
    await givenService({
      timeScale: 20,
      codedeploy: {
        blueGreenDeploymentConfiguration: {
          deploymentReadyOption: { actionOnTimeout: 'STOP_DEPLOYMENT', waitTimeInMinutes: 60 },
        },
      },
    })
    await ecs.send(new RegisterTaskDefinitionCommand(webTaskDefinition('web', `${stack.STACK_REGISTRY}/web:v2`)))
    const { deploymentId } = await codedeploy.send(
      new CreateDeploymentCommand({
        applicationName: 'AppECS-prod-web',
        deploymentGroupName: 'DgpECS-prod-web',
        revision: {
          revisionType: 'AppSpecContent',
          appSpecContent: { content: SEED_APPSPEC.replace('<TASK_DEFINITION>', 'web:2') },
        },
      }),
    )
    await waitFor(
      'Ready',
      async () =>
        (await codedeploy.send(new GetDeploymentCommand({ deploymentId }))).deploymentInfo?.status === 'Ready',
    )
    const ready = await codedeploy.send(
      new ListDeploymentsCommand({
        applicationName: 'AppECS-prod-web',
        deploymentGroupName: 'DgpECS-prod-web',
        includeOnlyStatuses: ['Ready'],
      }),
    )
    expect(ready.deployments).toEqual([deploymentId])
    const { deploymentTarget } = await codedeploy.send(
      new GetDeploymentTargetCommand({ deploymentId, targetId: 'prod:web' }),
    )
    expect(deploymentTarget?.ecsTarget?.taskSetsInfo?.map((t) => `${t.taskSetLabel} ${t.trafficWeight}`)).toEqual([
      'Blue 100',
      'Green 0',
    ])
    await codedeploy.send(new ContinueDeploymentCommand({ deploymentId, deploymentWaitType: 'READY_WAIT' }))
    await waitFor(
      'Succeeded',
      async () =>
        (await codedeploy.send(new GetDeploymentCommand({ deploymentId }))).deploymentInfo?.status === 'Succeeded',
    )
    expect((await currentService()).taskDefinition).toMatch(/\/web:2$/)
  })

  test('a CodeDeploy deployment stays InProgress through the termination wait after the shift, then succeeds; stopped in it, traffic goes back', async () => {
    const terminateAfter = {
      terminateBlueInstancesOnDeploymentSuccess: { action: 'TERMINATE' as const, terminationWaitTimeInMinutes: 5 },
    }
    await givenService({ timeScale: 20, codedeploy: { blueGreenDeploymentConfiguration: terminateAfter } })
    await ecs.send(new RegisterTaskDefinitionCommand(webTaskDefinition('web', `${stack.STACK_REGISTRY}/web:v2`)))
    const deploy = async (taskDefinition: string): Promise<string> => {
      const content = SEED_APPSPEC.replace('<TASK_DEFINITION>', taskDefinition)
      const { deploymentId } = await codedeploy.send(
        new CreateDeploymentCommand({
          applicationName: 'AppECS-prod-web',
          deploymentGroupName: 'DgpECS-prod-web',
          revision: { revisionType: 'AppSpecContent', appSpecContent: { content } },
        }),
      )
      return deploymentId ?? ''
    }
    const shifted = async (deploymentId: string): Promise<boolean> => {
      const { deploymentTarget } = await codedeploy.send(
        new GetDeploymentTargetCommand({ deploymentId, targetId: 'prod:web' }),
      )
      const events = deploymentTarget?.ecsTarget?.lifecycleEvents ?? []
      return events.length > 0 && events.every((e) => e.status === 'Succeeded')
    }
    const status = async (deploymentId: string) =>
      (await codedeploy.send(new GetDeploymentCommand({ deploymentId }))).deploymentInfo?.status

    const first = await deploy('web:2')
    await waitFor('every lifecycle event done', () => shifted(first))
    expect(await status(first)).toBe('InProgress')
    expect((await currentService()).taskDefinition).toMatch(/\/web:2$/)
    await admin.clock({ advanceSeconds: 5 * 60 })
    await waitFor('Succeeded after the termination wait', async () => (await status(first)) === 'Succeeded')

    await ecs.send(new RegisterTaskDefinitionCommand(webTaskDefinition('web', `${stack.STACK_REGISTRY}/web:v3`)))
    const second = await deploy('web:3')
    await waitFor('every lifecycle event done', () => shifted(second))
    expect((await currentService()).taskDefinition).toMatch(/\/web:3$/)
    await codedeploy.send(new StopDeploymentCommand({ deploymentId: second, autoRollbackEnabled: true }))
    expect(await status(second)).toBe('Stopped')
    expect((await currentService()).taskDefinition).toMatch(/\/web:2$/)
  })
})
