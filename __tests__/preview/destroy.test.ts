import { DeleteServiceCommand, UpdateServiceCommand } from '@aws-sdk/client-ecs'
import { DeleteTargetGroupCommand } from '@aws-sdk/client-elastic-load-balancing-v2'
import type { PreviewConfig } from '../../src/config/types.js'
import { deployPreview } from '../../src/preview/deploy-preview.js'
import { destroyPreview, type PreviewRemoval } from '../../src/preview/destroy.js'
import { targetGroupName } from '../../src/preview/names.js'
import { BASE_TG, fakeAws, HTTPS_LISTENER, PREVIEWS, TD, type FakeAws } from './fake-aws.js'

const previews: PreviewConfig = { ...PREVIEWS }
const TG_NAME = targetGroupName('dev', 'web-pr-12', 12)

let aws: FakeAws
let removal: PreviewRemoval
beforeEach(async () => {
  aws = fakeAws()
  removal = { ecs: aws.ecs, elbv2: aws.elbv2, cluster: 'dev', serviceName: 'web-pr-12', pr: 12 }
  aws.taskDefinitions.push(
    { arn: TD('web', 6), status: 'ACTIVE' },
    { arn: TD('web-pr-12', 1), status: 'ACTIVE' },
    { arn: TD('web-pr-12', 2), status: 'ACTIVE' },
    { arn: TD('web-pr-123', 1), status: 'ACTIVE' },
  )
})

const deploy = (taskDefinitionArn = TD('web-pr-12', 2)) =>
  deployPreview({
    ecs: aws.ecs,
    elbv2: aws.elbv2,
    cluster: 'dev',
    baseService: 'web',
    pr: 12,
    repository: 'octo/app',
    taskDefinitionArn,
    previews,
    now: new Date(),
  })

test('removes the service, its rule, its target group and its own task definition revisions', async () => {
  const { targetGroupArn } = await deploy()
  await expect(destroyPreview(removal)).resolves.toEqual([
    'service web-pr-12',
    `listener rule ${HTTPS_LISTENER}/rule-2 (priority 2)`,
    `target group ${TG_NAME}`,
    'task definition web-pr-12:1',
    'task definition web-pr-12:2',
  ])
  expect(aws.ecsMock.commandCalls(UpdateServiceCommand).map((c) => c.args[0].input)).toEqual([
    { cluster: 'dev', service: 'web-pr-12', desiredCount: 0 },
  ])
  expect(aws.ecsMock).toHaveReceivedCommandWith(DeleteServiceCommand, {
    cluster: 'dev',
    service: 'web-pr-12',
    force: true,
  })
  expect(aws.services.get('dev')?.get('web-pr-12')?.status).toBe('DRAINING')
  expect(aws.targetGroups.map((g) => g.TargetGroupArn)).toEqual([BASE_TG])
  expect(aws.rules.get(HTTPS_LISTENER)?.some((r) => r.Actions?.[0]?.TargetGroupArn === targetGroupArn)).toBe(false)
  expect(aws.taskDefinitions.filter((t) => t.status === 'ACTIVE').map((t) => t.arn)).toEqual([
    TD('web', 6),
    TD('web-pr-123', 1),
  ])
})

test('a second run finds nothing left to remove', async () => {
  await deploy()
  await destroyPreview(removal)
  aws.services.get('dev')?.delete('web-pr-12')
  await expect(destroyPreview(removal)).resolves.toEqual([])
})

test('a service still draining is not deleted again; what is left around it is', async () => {
  await deploy()
  await destroyPreview(removal)
  aws.ecsMock.resetHistory()
  await expect(destroyPreview(removal)).resolves.toEqual([])
  expect(aws.ecsMock).not.toHaveReceivedCommand(DeleteServiceCommand)
})

test('the service already gone: the rule and target group left behind are removed', async () => {
  await deploy()
  aws.services.get('dev')?.delete('web-pr-12')
  await expect(destroyPreview(removal)).resolves.toEqual([
    `listener rule ${HTTPS_LISTENER}/rule-2 (priority 2)`,
    `target group ${TG_NAME}`,
  ])
})

test("a preview running the base family keeps the base's revisions", async () => {
  await deploy(TD('web', 6))
  const removed = await destroyPreview(removal)
  expect(removed.filter((line) => line.startsWith('task definition'))).toEqual([])
  expect(aws.taskDefinitions.every((t) => t.status === 'ACTIVE')).toBe(true)
})

test("never touches a target group but the preview's own", async () => {
  aws.services.get('dev')?.set('web-pr-12', {
    serviceName: 'web-pr-12',
    status: 'ACTIVE',
    desiredCount: 1,
    taskDefinition: TD('web', 6),
    loadBalancers: [{ targetGroupArn: BASE_TG, containerName: 'web', containerPort: 3000 }],
  })
  await expect(destroyPreview(removal)).resolves.toEqual(['service web-pr-12'])
  expect(aws.elbMock).not.toHaveReceivedCommand(DeleteTargetGroupCommand)
})

test('a service deleted between the lookup and the delete is fine', async () => {
  await deploy()
  aws.ecsMock.on(DeleteServiceCommand).callsFake(() => {
    throw Object.assign(new Error('Service not found.'), { name: 'ServiceNotFoundException' })
  })
  await expect(destroyPreview(removal)).resolves.not.toContain('service web-pr-12')
})
