// The local stack's ECS Express Mode operations (test/stack/express.mjs), without sockets: the World's operations
// called directly, on a fake clock.
import type {
  CreateExpressGatewayServiceCommandOutput,
  DescribeExpressGatewayServiceCommandOutput,
  DescribeServicesCommandOutput,
  Service,
  UpdateExpressGatewayServiceCommandOutput,
} from '@aws-sdk/client-ecs'
import { AwsError } from '../../test/stack/protocol.mjs'
import { World } from '../../test/stack/world.mjs'
import { callOperation, ECS } from './operations.js'

let now = Date.UTC(2026, 0, 1)
let world: World
const ARN = 'arn:aws:ecs:us-east-1:123456789012:service/default/web'
const ENDPOINT = 'http://127.0.0.1:8000'

/** Moves the clock `seconds` on, one second at a time, as the server's own ticks would. */
function advance(seconds: number): void {
  for (let i = 0; i < seconds; i++) {
    now += 1000
    world.tick()
  }
}

const ecs = <T>(operation: string, input: object = {}): T => callOperation<T>(world, ECS, operation, input)
const service = (): Service =>
  ecs<DescribeServicesCommandOutput>('DescribeServices', { services: ['web'] }).services?.[0] ?? {}
const express = () =>
  ecs<DescribeExpressGatewayServiceCommandOutput>('DescribeExpressGatewayService', { serviceArn: ARN }).service
const errorOf = (fn: () => unknown): string => {
  try {
    fn()
  } catch (error) {
    return error instanceof AwsError ? `${error.code}: ${error.message}` : String(error)
  }
  return 'no error'
}

const CREATE = {
  serviceName: 'web',
  infrastructureRoleArn: 'arn:aws:iam::123456789012:role/ecsInfrastructureRoleForExpressServices',
  primaryContainer: { image: 'web:v1', containerPort: 8080, environment: [{ name: 'GREETING', value: 'hello' }] },
  scalingTarget: { minTaskCount: 2, maxTaskCount: 4 },
}

function givenExpressService(): CreateExpressGatewayServiceCommandOutput {
  world = new World({ now: () => now, endpoint: ENDPOINT })
  ecs('CreateCluster', {})
  const created = ecs<CreateExpressGatewayServiceCommandOutput>('CreateExpressGatewayService', CREATE)
  advance(10)
  return created
}

describe('local stack: ECS Express Mode', () => {
  test('CreateExpressGatewayService makes an ECS-managed service with a task definition, a canary and an endpoint', () => {
    const created = givenExpressService()
    expect(created.service?.activeConfigurations?.[0]).toMatchObject({
      taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web-express:1',
      cpu: '256',
      memory: '512',
      healthCheckPath: '/ping',
      scalingTarget: { minTaskCount: 2, maxTaskCount: 4, autoScalingMetric: 'AVERAGE_CPU', autoScalingTargetValue: 60 },
      ingressPaths: [{ accessType: 'PUBLIC', endpoint: ENDPOINT }],
    })
    const s = service()
    expect(s).toMatchObject({
      resourceManagementType: 'ECS',
      launchType: 'FARGATE',
      desiredCount: 2,
      runningCount: 2,
      taskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web-express:1',
      deploymentConfiguration: {
        strategy: 'CANARY',
        canaryConfiguration: { canaryPercent: 5, canaryBakeTimeInMinutes: 3 },
        bakeTimeInMinutes: 3,
      },
    })
    const td = ecs<{ taskDefinition: { containerDefinitions: { name: string; image: string }[] } }>(
      'DescribeTaskDefinition',
      { taskDefinition: 'web-express:1' },
    )
    expect(td.taskDefinition.containerDefinitions.map((c) => `${c.name} ${c.image}`)).toEqual(['Main web:v1'])
  })

  test('UpdateExpressGatewayService registers a revision and deploys it as a canary: two active configurations, then one', () => {
    givenExpressService()
    const updated = ecs<UpdateExpressGatewayServiceCommandOutput>('UpdateExpressGatewayService', {
      serviceArn: ARN,
      primaryContainer: { image: 'web:v2', environment: [{ name: 'GREETING', value: 'hello' }] },
    })
    const target = 'arn:aws:ecs:us-east-1:123456789012:task-definition/web-express:2'
    expect(updated.service?.targetConfiguration).toMatchObject({
      taskDefinitionArn: target,
      primaryContainer: { image: 'web:v2', containerPort: 8080 },
      scalingTarget: { minTaskCount: 2 },
    })
    expect(service().deployments?.[0]).toMatchObject({ status: 'PRIMARY', taskDefinition: target })
    advance(5)
    expect(express()?.activeConfigurations?.map((c) => c.taskDefinitionArn?.split('/')[1])).toEqual([
      'web-express:1',
      'web-express:2',
    ])
    // 3 minutes at 5 %, then 100 %, and 3 minutes' bake before the old tasks go.
    advance(400)
    expect(service().deployments?.map((d) => `${d.status} ${d.rolloutState}`)).toEqual(['PRIMARY COMPLETED'])
    expect(express()?.activeConfigurations?.map((c) => c.primaryContainer?.image)).toEqual(['web:v2'])
  })

  test('errors as ECS answers them', () => {
    givenExpressService()
    expect(errorOf(() => ecs('CreateExpressGatewayService', { ...CREATE, infrastructureRoleArn: undefined }))).toBe(
      'InvalidParameterException: infrastructureRoleArn must be specified.',
    )
    expect(
      errorOf(() => ecs('UpdateExpressGatewayService', { serviceArn: ARN, primaryContainer: { containerPort: 80 } })),
    ).toBe('InvalidParameterException: primaryContainer.image must be specified.')
    expect(errorOf(() => ecs('DescribeExpressGatewayService', { serviceArn: `${ARN}-gone` }))).toMatch(
      /^ResourceNotFoundException: /,
    )
    ecs('RegisterTaskDefinition', { family: 'api', containerDefinitions: [{ name: 'api', image: 'api:v1' }] })
    ecs('CreateService', { serviceName: 'api', taskDefinition: 'api:1', desiredCount: 1 })
    expect(
      errorOf(() =>
        ecs('UpdateExpressGatewayService', {
          serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/default/api',
          primaryContainer: { image: 'api:v2' },
        }),
      ),
    ).toMatch(/^ServiceNotFoundException: /)
  })
})
