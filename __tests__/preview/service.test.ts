import { previewServiceRequest, type PreviewServiceSpec } from '../../src/preview/service-request.js'
import { baseService, TD } from './fake-aws.js'

const spec: PreviewServiceSpec = {
  cluster: 'dev',
  serviceName: 'web-pr-12',
  taskDefinitionArn: TD('web-pr-12', 1),
  desiredCount: 1,
  targetGroupArn: 'arn:tg/pr-12',
  tags: { 'ecs-deploy-action:pr': '12' },
}

test('a Fargate service behind a load balancer: its network, platform, exec, tags; our target group', () => {
  expect(previewServiceRequest(baseService(), spec)).toEqual({
    cluster: 'dev',
    serviceName: 'web-pr-12',
    taskDefinition: TD('web-pr-12', 1),
    desiredCount: 1,
    launchType: 'FARGATE',
    platformVersion: 'LATEST',
    networkConfiguration: {
      awsvpcConfiguration: { subnets: ['subnet-1', 'subnet-2'], securityGroups: ['sg-1'], assignPublicIp: 'DISABLED' },
    },
    enableExecuteCommand: true,
    loadBalancers: [{ targetGroupArn: 'arn:tg/pr-12', containerName: 'web', containerPort: 3000 }],
    healthCheckGracePeriodSeconds: 30,
    propagateTags: 'SERVICE',
    enableECSManagedTags: true,
    deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } },
    tags: [
      { key: 'team', value: 'payments' },
      { key: 'ecs-deploy-action:pr', value: '12' },
    ],
  })
})

test('a capacity provider strategy is copied instead of the launch type', () => {
  const strategy = [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }]
  const request = previewServiceRequest(baseService({ capacityProviderStrategy: strategy }), spec)
  expect(request.capacityProviderStrategy).toEqual(strategy)
  expect(request.launchType).toBeUndefined()
})

test('an EC2 bridge-mode service: its own IAM role and placement are copied', () => {
  const request = previewServiceRequest(
    baseService({
      launchType: 'EC2',
      platformVersion: undefined,
      networkConfiguration: undefined,
      roleArn: 'arn:aws:iam::123456789012:role/ecsServiceRole',
      placementConstraints: [{ type: 'distinctInstance' }],
      placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }],
      propagateTags: 'NONE',
    }),
    spec,
  )
  expect(request).toMatchObject({
    launchType: 'EC2',
    role: 'arn:aws:iam::123456789012:role/ecsServiceRole',
    placementConstraints: [{ type: 'distinctInstance' }],
    placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }],
  })
  expect(request).not.toHaveProperty('platformVersion')
  expect(request).not.toHaveProperty('propagateTags')
})

test('without a target group (a worker): no load balancer, no grace period', () => {
  const { targetGroupArn: _tg, ...noTarget } = spec
  const request = previewServiceRequest(baseService({ loadBalancers: [] }), noTarget)
  expect(request).not.toHaveProperty('loadBalancers')
  expect(request).not.toHaveProperty('healthCheckGracePeriodSeconds')
})

test('service discovery and Service Connect are not copied (the copy would share them)', () => {
  const request = previewServiceRequest(
    baseService({
      serviceRegistries: [{ registryArn: 'arn:sd' }],
      deployments: [{ serviceConnectConfiguration: { enabled: true } }],
    }),
    spec,
  )
  expect(request).not.toHaveProperty('serviceRegistries')
  expect(request).not.toHaveProperty('serviceConnectConfiguration')
})

test('tags stay within the 50 ECS allows, ours first to keep', () => {
  const many = Array.from({ length: 60 }, (_, i) => ({ key: `k${i}`, value: 'v' }))
  const tags = previewServiceRequest(baseService({ tags: many }), spec).tags ?? []
  expect(tags).toHaveLength(50)
  expect(tags[49]).toEqual({ key: 'ecs-deploy-action:pr', value: '12' })
})
