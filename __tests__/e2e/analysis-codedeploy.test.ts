// The canary analysis of a CodeDeploy canary, end to end: dist/index.js deploys a CODE_DEPLOY service on the local stack
// while the bounded load generator sends real requests through the load balancer; the stack routes them to each task
// set's target group of the deployment group's pair (made in moto, as the action reads them by name) and its CloudWatch
// answers GetMetricData from that traffic. A good release passes; one answering 500 on 10 % of its requests is
// stopped with a rollback before all production traffic moved, and the next deployment's replacement task set is
// compared in the other target group of the pair.
import {
  CodeDeployClient,
  CreateApplicationCommand,
  CreateDeploymentCommand,
  CreateDeploymentConfigCommand,
  CreateDeploymentGroupCommand,
  GetDeploymentCommand,
} from '@aws-sdk/client-codedeploy'
import { CreateSubnetCommand, CreateVpcCommand, EC2Client } from '@aws-sdk/client-ec2'
import { ECSClient, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs'
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2'
import { runAction, withConfig } from './action.js'
import {
  givenWebService,
  ScenarioAdmin,
  startLoad,
  useStack,
  waitFor,
  webService,
  webTaskDefinition,
  type StackEnv,
} from './stack.js'
import type { Load } from '../../test/stack/load.mjs'

let stack: StackEnv
let admin: ScenarioAdmin
let ecs: ECSClient
let codedeploy: CodeDeployClient
let elbv2: ElasticLoadBalancingV2Client
let ec2: EC2Client
let load: Load | undefined

beforeAll(async () => {
  stack = await useStack()
  admin = new ScenarioAdmin(stack.STACK_SCENARIO_URL)
  ecs = new ECSClient({})
  codedeploy = new CodeDeployClient({})
  elbv2 = new ElasticLoadBalancingV2Client({ region: stack.AWS_REGION })
  ec2 = new EC2Client({ region: stack.AWS_REGION })
})

afterEach(async () => {
  await load?.stop()
  load = undefined
})

afterAll(() => {
  for (const client of [ecs, codedeploy, elbv2, ec2]) client?.destroy()
})

/** The CloudWatch dimension values of a load balancer's ARN (`app/prod/ID`) and a target group's (`targetgroup/web/ID`). */
const lbDimension = (arn: string): string => arn.slice(arn.indexOf(':loadbalancer/') + ':loadbalancer/'.length)
const tgDimension = (arn: string): string => arn.slice(arn.indexOf(':targetgroup/') + 1)

interface LoadBalancer {
  /** target group name → its ARN, as moto's ELBv2 made it */
  targetGroups: Record<'web' | 'web-green', string>
  loadBalancer: string
}

/** In moto: an ALB with a production listener forwarding to target group web and a test listener to web-green. */
async function givenLoadBalancer(): Promise<LoadBalancer & { listeners: string[] }> {
  const vpc = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }))).Vpc?.VpcId ?? ''
  const subnets: string[] = []
  for (const [i, az] of ['a', 'b'].entries()) {
    const subnet = await ec2.send(
      new CreateSubnetCommand({ VpcId: vpc, CidrBlock: `10.0.${i}.0/24`, AvailabilityZone: `us-east-1${az}` }),
    )
    subnets.push(subnet.Subnet?.SubnetId ?? '')
  }
  const lb = await elbv2.send(new CreateLoadBalancerCommand({ Name: 'prod', Subnets: subnets, Type: 'application' }))
  const loadBalancer = lb.LoadBalancers?.[0]?.LoadBalancerArn ?? ''
  const targetGroup = async (name: string): Promise<string> =>
    (
      await elbv2.send(
        new CreateTargetGroupCommand({ Name: name, Protocol: 'HTTP', Port: 8080, VpcId: vpc, TargetType: 'ip' }),
      )
    ).TargetGroups?.[0]?.TargetGroupArn ?? ''
  const targetGroups = { web: await targetGroup('web'), 'web-green': await targetGroup('web-green') }
  const listeners: string[] = []
  for (const [port, group] of [
    [80, targetGroups.web],
    [8080, targetGroups['web-green']],
  ] as const) {
    const listener = await elbv2.send(
      new CreateListenerCommand({
        LoadBalancerArn: loadBalancer,
        Protocol: 'HTTP',
        Port: port,
        DefaultActions: [{ Type: 'forward', TargetGroupArn: group }],
      }),
    )
    listeners.push(listener.Listeners?.[0]?.ListenerArn ?? '')
  }
  return { targetGroups, loadBalancer, listeners }
}

/**
 * web:1 behind target group web, deployed by CodeDeploy (application AppECS-prod-web, group DgpECS-prod-web with the
 * pair web / web-green, rolling back on failure and on a stop); canary configs of 20 % for 5 and 20 minutes; the clock
 * 10× faster (30 s and 120 s); the listeners fronting it, with real traffic (bounded: 25 requests/s for 150 s).
 */
async function givenCodeDeployCanary(): Promise<LoadBalancer> {
  let lb: LoadBalancer & { listeners: string[] } = {
    targetGroups: { web: '', 'web-green': '' },
    loadBalancer: '',
    listeners: [],
  }
  await givenWebService(stack, admin, ecs, {
    timeScale: 10,
    service: { deploymentController: { type: 'CODE_DEPLOY' } },
    afterReset: async () => {
      lb = await givenLoadBalancer()
      return { loadBalancers: [{ targetGroupArn: lb.targetGroups.web, containerName: 'web', containerPort: 8080 }] }
    },
  })
  await admin.listeners({ cluster: 'prod', service: 'web', loadBalancer: lbDimension(lb.loadBalancer) })
  await codedeploy.send(new CreateApplicationCommand({ applicationName: 'AppECS-prod-web', computePlatform: 'ECS' }))
  for (const [name, minutes] of [
    ['Canary20Percent5Minutes', 5],
    ['Canary20Percent20Minutes', 20],
  ] as const)
    await codedeploy.send(
      new CreateDeploymentConfigCommand({
        deploymentConfigName: name,
        computePlatform: 'ECS',
        trafficRoutingConfig: {
          type: 'TimeBasedCanary',
          timeBasedCanary: { canaryPercentage: 20, canaryInterval: minutes },
        },
      }),
    )
  await codedeploy.send(
    new CreateDeploymentGroupCommand({
      applicationName: 'AppECS-prod-web',
      deploymentGroupName: 'DgpECS-prod-web',
      serviceRoleArn: 'arn:aws:iam::123456789012:role/ecsCodeDeployRole',
      ecsServices: [{ clusterName: 'prod', serviceName: 'web' }],
      deploymentStyle: { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
      loadBalancerInfo: {
        targetGroupPairInfoList: [
          {
            targetGroups: [{ name: 'web' }, { name: 'web-green' }],
            prodTrafficRoute: { listenerArns: [lb.listeners[0] ?? ''] },
            testTrafficRoute: { listenerArns: [lb.listeners[1] ?? ''] },
          },
        ],
      },
      autoRollbackConfiguration: { enabled: true, events: ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_REQUEST'] },
    }),
  )
  load = startLoad({ url: `${stack.STACK_LB_URL}/`, rate: 25, seconds: 150 })
  return lb
}

/** The action deploys `image` with CodeDeploy config `config`, the analysis read every 2 s from 50 requests on. */
const deploy = (image: string, config: string, environment: Record<string, string> = {}) =>
  runAction(
    withConfig(
      { cluster: 'prod', service: 'web', image: `${stack.STACK_REGISTRY}/${image}`, 'timeout-minutes': '4' },
      [
        'strategy: canary',
        `codedeploy: { config: ${config} }`,
        `environment-variables: ${JSON.stringify(environment)}`,
        'analysis: { checks: ["5xx-rate < 1%", "p50 < 250ms"], interval: 2, min-requests: 50, inconclusive: rollback }',
      ].join('\n'),
    ),
  )

/** A deployment of web:2 (v2) made straight through CodeDeploy, all at once, waited for until it succeeded. */
async function deployedBefore(): Promise<void> {
  await ecs.send(new RegisterTaskDefinitionCommand(webTaskDefinition('web', `${stack.STACK_REGISTRY}/web:v2`)))
  const content = `version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: web:2\n        LoadBalancerInfo:\n          ContainerName: web\n          ContainerPort: 8080\n`
  const { deploymentId } = await codedeploy.send(
    new CreateDeploymentCommand({
      applicationName: 'AppECS-prod-web',
      deploymentGroupName: 'DgpECS-prod-web',
      deploymentConfigName: 'CodeDeployDefault.ECSAllAtOnce',
      revision: { revisionType: 'AppSpecContent', appSpecContent: { content } },
    }),
  )
  await waitFor(
    'the first deployment to succeed',
    async () =>
      (await codedeploy.send(new GetDeploymentCommand({ deploymentId }))).deploymentInfo?.status === 'Succeeded',
  )
}

/** The 5xx answers the stack recorded per target group (by name), from the listeners' real traffic. */
async function target5xxByGroup(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const series of await admin.metrics())
    if (series.metricName === 'HTTPCode_Target_5XX_Count' && series.dimensions.TargetGroup)
      counts[series.dimensions.TargetGroup] = series.sum
  return counts
}

describe('canary analysis of a CodeDeploy canary through dist/index.js', () => {
  test("a good release passes the analysis and succeeds, judged on the task sets' two target groups", async () => {
    const lb = await givenCodeDeployCanary()
    const result = await deploy('web:v2', 'Canary20Percent5Minutes')
    expect(result.errors).toEqual([])
    expect(result.outputs.status).toBe('succeeded')
    expect(result.stdout).toContain('strategy: CodeDeploy Canary20Percent5Minutes')
    expect(result.stdout).toMatch(/task sets: blue 80 % \(2\/2 running\), green 20 %/)
    expect(result.stdout).toContain('canary analysis passed: every check held')
    expect(result.summary).toContain('#### Canary analysis')
    // The replacement task set went to the target group production was not on.
    expect(result.summary).toContain('target group web-green (replacement task set) against web (original task set)')
    expect((await webService(ecs)).taskDefinition).toMatch(/\/web:2$/)
    // Each task set's requests were recorded under its own target group's dimension, as moto's ELBv2 names it.
    const requests = (await admin.metrics()).filter((s) => s.metricName === 'RequestCount' && s.dimensions.TargetGroup)
    const byGroup = Object.fromEntries(requests.map((s) => [s.dimensions.TargetGroup, s.sum]))
    for (const arn of Object.values(lb.targetGroups)) expect(byGroup[tgDimension(arn)]).toBeGreaterThan(50)
  }, 150_000)

  test('after a success, a release answering 500 on 10 % of its requests is stopped with a rollback before all traffic moved; its replacement task set was in the other target group', async () => {
    const lb = await givenCodeDeployCanary()
    // Production is on web-green now: the next replacement task set goes to web.
    await deployedBefore()
    const result = await deploy('web:v3', 'Canary20Percent20Minutes', { FAIL_PERCENT: '10' })
    expect(result.exitCode).not.toBe(0)
    expect(result.outputs.status).toBe('failed')
    expect(result.summary).toContain('target group web (replacement task set) against web-green (original task set)')
    expect(result.summary).toMatch(/canary analysis failed: 5xx-rate &lt; 1%: [\d.]+ % on the new revision/)
    expect(result.summary).toContain('| roll back (fail) |')
    expect(result.stdout).toMatch(/task sets: blue 80 % \(2\/2 running\), green 20 %/)
    expect(result.stdout).not.toMatch(/green 100 %/)
    expect(result.stdout).toMatch(/stopped CodeDeploy deployment d-\w+ with a rollback to \S*web:2/)
    const { deploymentInfo } = await codedeploy.send(
      new GetDeploymentCommand({ deploymentId: result.outputs['deployment-id'] }),
    )
    expect(deploymentInfo?.status).toBe('Stopped')
    expect(deploymentInfo?.rollbackInfo?.rollbackDeploymentId).toMatch(/^d-/)
    await waitFor('web to be back on web:2', async () => /\/web:2$/.test((await webService(ecs)).taskDefinition ?? ''))
    // The failing answers came from the replacement task set only, in target group web; the original served from web-green.
    const failures = await target5xxByGroup()
    expect(Object.keys(failures)).toEqual([tgDimension(lb.targetGroups.web)])
    const original = (await admin.metrics()).find(
      (s) => s.metricName === 'RequestCount' && s.dimensions.TargetGroup === tgDimension(lb.targetGroups['web-green']),
    )
    expect(original?.sum).toBeGreaterThan(50)
  }, 150_000)
})
