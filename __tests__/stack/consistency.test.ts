// The local stack's eventual-consistency, other-actor and IAM-deny knobs (test/stack/README.md), on a fake clock.
import type {
  DescribeServiceDeploymentsCommandOutput,
  DescribeServicesCommandOutput,
  ListServiceDeploymentsCommandOutput,
  Service,
  UpdateServiceCommandOutput,
} from '@aws-sdk/client-ecs'
import { World } from '../../test/stack/world.mjs'
import { callOperation, ECS } from './operations.js'
import { AwsError } from '../../test/stack/protocol.mjs'

let now = Date.UTC(2026, 0, 1)
let world: World

function advance(seconds: number): void {
  now += seconds * 1000
  world.tick()
}

const ecs = <T>(operation: string, input: object = {}): T => callOperation<T>(world, ECS, operation, input)

function service(): Service {
  return ecs<DescribeServicesCommandOutput>('DescribeServices', { services: ['web'] }).services?.[0] ?? {}
}

const deployments = (s: Service) =>
  s.deployments?.map((d) => `${d.id === undefined ? '?' : d.status} ${d.taskDefinition?.split('/')[1]}`)

function givenService(rollout?: object): void {
  world = new World({ now: () => now })
  if (rollout) world.scenarios.add({ service: 'web', times: 0, rollout })
  ecs('CreateCluster', {})
  for (const image of ['web:v1', 'web:v2'])
    ecs('RegisterTaskDefinition', { family: 'web', containerDefinitions: [{ name: 'web', image }] })
  ecs('CreateService', { serviceName: 'web', taskDefinition: 'web:1', desiredCount: 2 })
  advance(10)
}

describe('eventual consistency and other actors on the stack', () => {
  test('visibilityDelaySeconds: UpdateService answers with the new deployment; the reads show it only after the delay', () => {
    givenService()
    world.scenarios.add({ service: 'web', rollout: { visibilityDelaySeconds: 3 } })
    const before = service().currentServiceDeployment
    const updated =
      ecs<UpdateServiceCommandOutput>('UpdateService', { service: 'web', taskDefinition: 'web:2' }).service ?? {}
    expect(deployments(updated)).toEqual(['PRIMARY web:2', 'ACTIVE web:1'])
    const arn = updated.currentServiceDeployment
    expect(arn).not.toBe(before)
    advance(1)
    expect(deployments(service())).toEqual(['PRIMARY web:1'])
    expect(service()).toMatchObject({
      taskDefinition: expect.stringMatching(/web:1$/),
      currentServiceDeployment: before,
    })
    expect(
      ecs<ListServiceDeploymentsCommandOutput>('ListServiceDeployments', { service: 'web' }).serviceDeployments?.map(
        (sd) => sd.serviceDeploymentArn,
      ),
    ).toEqual([before])
    expect(
      ecs<DescribeServiceDeploymentsCommandOutput>('DescribeServiceDeployments', { serviceDeploymentArns: [arn] }),
    ).toMatchObject({ serviceDeployments: [], failures: [{ arn, reason: 'MISSING' }] })
    advance(2.5)
    expect(deployments(service())?.[0]).toBe('PRIMARY web:2')
    expect(service().currentServiceDeployment).toBe(arn)
  })

  test('staleCurrentServiceDeploymentSeconds: currentServiceDeployment names the previous one for a while, UpdateService included', () => {
    givenService()
    const before = service().currentServiceDeployment
    world.scenarios.add({ service: 'web', rollout: { staleCurrentServiceDeploymentSeconds: 2 } })
    const updated =
      ecs<UpdateServiceCommandOutput>('UpdateService', { service: 'web', taskDefinition: 'web:2' }).service ?? {}
    expect(updated.currentServiceDeployment).toBe(before)
    expect(deployments(service())?.[0]).toBe('PRIMARY web:2')
    advance(2.5)
    expect(service().currentServiceDeployment).not.toBe(before)
  })

  test('serviceDeployments: false: none is named, listed or described', () => {
    givenService({ serviceDeployments: false })
    ecs('UpdateService', { service: 'web', taskDefinition: 'web:2' })
    advance(1)
    expect(service().currentServiceDeployment).toBeUndefined()
    expect(
      ecs<ListServiceDeploymentsCommandOutput>('ListServiceDeployments', { service: 'web' }).serviceDeployments,
    ).toEqual([])
  })

  test('replacedAfterSeconds: someone else deploys the same revision over the rollout', () => {
    givenService()
    world.scenarios.add({ service: 'web', rollout: { replacedAfterSeconds: 1, taskStartSeconds: 5 } })
    const id = ecs<UpdateServiceCommandOutput>('UpdateService', { service: 'web', taskDefinition: 'web:2' }).service
      ?.deployments?.[0]?.id
    advance(1.5)
    const [primary, ours] = service().deployments ?? []
    expect(primary).toMatchObject({ status: 'PRIMARY', taskDefinition: expect.stringMatching(/web:2$/) })
    expect(primary?.id).not.toBe(id)
    expect(ours).toMatchObject({ id, status: 'ACTIVE' })
  })

  test('deny: the operation answers AccessDeniedException as IAM does, until allowed again', () => {
    givenService()
    world.deny(['StopServiceDeployment'])
    const arn = service().currentServiceDeployment
    expect(() => ecs('StopServiceDeployment', { serviceDeploymentArn: arn })).toThrow(AwsError)
    try {
      ecs('StopServiceDeployment', { serviceDeploymentArn: arn })
    } catch (error) {
      expect(error).toMatchObject({
        code: 'AccessDeniedException',
        message: expect.stringContaining('is not authorized to perform: ecs:StopServiceDeployment'),
      })
    }
    world.deny([])
    expect(() => ecs('DescribeServices', { services: ['web'] })).not.toThrow()
  })
})
