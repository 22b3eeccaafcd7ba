import {
  CreateRuleCommand,
  CreateTargetGroupCommand,
  DeleteTargetGroupCommand,
  DescribeRulesCommand,
  TooManyRulesException,
} from '@aws-sdk/client-elastic-load-balancing-v2'
import { CreateServiceCommand, UpdateServiceCommand } from '@aws-sdk/client-ecs'
import type { PreviewConfig } from '../../src/config/types.js'
import { UserError } from '../../src/common/errors.js'
import { deployPreview, type PreviewDeployment } from '../../src/preview/deploy-preview.js'
import { targetGroupName } from '../../src/preview/names.js'
import { ecsTags, elbTags, previewTags } from '../../src/preview/preview-tags.js'
import { baseService, BASE_TG, fakeAws, HTTPS_LISTENER, PREVIEWS, TD, type FakeAws } from './fake-aws.js'

const NOW = new Date('2026-01-05T10:00:00.000Z')
const previews: PreviewConfig = { ...PREVIEWS, max: 3 }
const TG_NAME = targetGroupName('dev', 'web-pr-12', 12)
const TAGS = previewTags({ repository: 'octo/app', pr: 12, createdAt: NOW, cluster: 'dev', service: 'web-pr-12' })

let aws: FakeAws
beforeEach(() => (aws = fakeAws()))

function deployment(overrides: Partial<PreviewDeployment> = {}): PreviewDeployment {
  return {
    ecs: aws.ecs,
    elbv2: aws.elbv2,
    cluster: 'dev',
    baseService: 'web',
    pr: 12,
    repository: 'octo/app',
    taskDefinitionArn: TD('web-pr-12', 1),
    previews,
    now: NOW,
    ...overrides,
  }
}

/** Another pull request's preview service, as an earlier run left it. */
function existingPreview(pr: number, repository = 'octo/app', status = 'ACTIVE'): void {
  const name = `web-pr-${pr}`
  aws.services.get('dev')?.set(name, {
    serviceName: name,
    serviceArn: `arn:aws:ecs:us-east-1:123456789012:service/dev/${name}`,
    status,
    tags: ecsTags(previewTags({ repository, pr, createdAt: NOW, cluster: 'dev', service: name })),
  })
}

describe('a new preview', () => {
  test('gets a target group like the base one, a host rule at the lowest free priority, and a copy of the service', async () => {
    const result = await deployPreview(deployment())
    expect(result).toEqual({
      serviceName: 'web-pr-12',
      created: true,
      url: 'https://pr-12.preview.example.com/',
      targetGroupArn: `arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/${TG_NAME}/1`,
      rulePriority: 2,
    })
    expect(aws.elbMock).toHaveReceivedCommandWith(CreateTargetGroupCommand, {
      Name: TG_NAME,
      Protocol: 'HTTP',
      ProtocolVersion: 'HTTP1',
      Port: 3000,
      VpcId: 'vpc-1',
      TargetType: 'ip',
      IpAddressType: 'ipv4',
      HealthCheckEnabled: true,
      HealthCheckProtocol: 'HTTP',
      HealthCheckPort: 'traffic-port',
      HealthCheckPath: '/health',
      HealthCheckIntervalSeconds: 15,
      HealthCheckTimeoutSeconds: 5,
      HealthyThresholdCount: 2,
      UnhealthyThresholdCount: 3,
      Matcher: { HttpCode: '200-299' },
      Tags: elbTags(TAGS),
    })
    expect(aws.elbMock).toHaveReceivedCommandWith(CreateRuleCommand, {
      ListenerArn: HTTPS_LISTENER,
      Priority: 2,
      Conditions: [{ Field: 'host-header', HostHeaderConfig: { Values: ['pr-12.preview.example.com'] } }],
      Actions: [{ Type: 'forward', TargetGroupArn: result.targetGroupArn }],
      Tags: elbTags(TAGS),
    })
    const created = aws.services.get('dev')?.get('web-pr-12')
    expect(created).toMatchObject({
      taskDefinition: TD('web-pr-12', 1),
      desiredCount: 1,
      launchType: 'FARGATE',
      loadBalancers: [{ targetGroupArn: result.targetGroupArn, containerName: 'web', containerPort: 3000 }],
      tags: [{ key: 'team', value: 'payments' }, ...ecsTags(TAGS)],
    })
  })

  test('path routing: a /pr-<N>/ rule, reached on the load balancer name', async () => {
    const { domain: _domain, ...pathPreviews } = previews
    const result = await deployPreview(deployment({ previews: { ...pathPreviews, routing: 'path' } }))
    expect(aws.elbMock).toHaveReceivedCommandWith(CreateRuleCommand, {
      Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/pr-12', '/pr-12/*'] } }],
    })
    expect(result.url).toBe('https://dev-alb-123.us-east-1.elb.amazonaws.com/pr-12/')
  })

  test('a service without a load balancer (a worker) gets no target group, rule or URL', async () => {
    aws.services.get('dev')?.set('worker', baseService({ serviceName: 'worker', loadBalancers: [] }))
    await expect(
      deployPreview(deployment({ baseService: 'worker', taskDefinitionArn: TD('worker-pr-12', 1) })),
    ).resolves.toEqual({ serviceName: 'worker-pr-12', created: true })
    expect(aws.elbMock).not.toHaveReceivedCommand(CreateTargetGroupCommand)
    expect(aws.elbMock).not.toHaveReceivedCommand(CreateRuleCommand)
    expect(aws.services.get('dev')?.get('worker-pr-12')).not.toHaveProperty('loadBalancers')
  })

  test('a priority taken by another run at the same moment: looks again and takes the next', async () => {
    aws.stolenPriorities.push(2)
    await expect(deployPreview(deployment())).resolves.toMatchObject({ rulePriority: 4 })
    expect(aws.elbMock).toHaveReceivedCommandTimes(CreateRuleCommand, 2)
  })

  test('priorities taken three times in a row: the AWS error is reported', async () => {
    aws.stolenPriorities.push(2, 4, 5)
    await expect(deployPreview(deployment())).rejects.toMatchObject({
      name: 'AwsError',
      message: "elasticloadbalancing:CreateRule failed (PriorityInUseException): Priority '5' is currently in use",
    })
  })

  test('a target group left by an interrupted run is used, not created again', async () => {
    aws.targetGroups.push({ TargetGroupArn: 'arn:tg/left', TargetGroupName: TG_NAME })
    await expect(deployPreview(deployment())).resolves.toMatchObject({ targetGroupArn: 'arn:tg/left' })
    expect(aws.elbMock).not.toHaveReceivedCommand(CreateTargetGroupCommand)
  })

  test('previews of other repositories, of this pull request, and inactive ones do not count toward max', async () => {
    existingPreview(1)
    existingPreview(2)
    existingPreview(3, 'octo/other')
    existingPreview(4, 'octo/app', 'DRAINING')
    await expect(deployPreview(deployment())).resolves.toMatchObject({ created: true })
  })
})

describe('an existing preview', () => {
  test('is updated with the new task definition; nothing is created twice', async () => {
    const first = await deployPreview(deployment())
    aws.ecsMock.resetHistory()
    aws.elbMock.resetHistory()
    const second = await deployPreview(deployment({ taskDefinitionArn: TD('web-pr-12', 2) }))
    expect(second).toEqual({
      serviceName: 'web-pr-12',
      created: false,
      url: first.url,
      targetGroupArn: first.targetGroupArn,
    })
    expect(aws.ecsMock).toHaveReceivedCommandWith(UpdateServiceCommand, {
      cluster: 'dev',
      service: 'web-pr-12',
      taskDefinition: TD('web-pr-12', 2),
      desiredCount: 1,
    })
    expect(aws.ecsMock).not.toHaveReceivedCommand(CreateServiceCommand)
    expect(aws.elbMock).not.toHaveReceivedCommand(CreateTargetGroupCommand)
    expect(aws.elbMock).not.toHaveReceivedCommand(CreateRuleCommand)
    expect(
      aws.rules.get(HTTPS_LISTENER)?.filter((r) => r.Actions?.[0]?.TargetGroupArn === first.targetGroupArn),
    ).toHaveLength(1)
  })

  test('is updated even when max previews exist', async () => {
    await deployPreview(deployment())
    for (const pr of [1, 2, 3]) existingPreview(pr)
    await expect(deployPreview(deployment())).resolves.toMatchObject({ created: false })
  })
})

describe('refusals', () => {
  test('max previews: says how many exist, which, and how to make room', async () => {
    for (const pr of [7, 3, 5]) existingPreview(pr)
    await expect(deployPreview(deployment())).rejects.toThrow(
      new UserError(
        'There are already 3 preview environments of octo/app in cluster "dev" (pull requests #3, #5, #7), as many as previews.max allows (3). Raise previews.max in the config file (or the preview-max input), or remove old previews with a preview: sweep run.',
      ),
    )
    expect(aws.elbMock).not.toHaveReceivedCommand(CreateTargetGroupCommand)
  })

  test.each([
    ['missing', undefined, 'MISSING'],
    ['draining', 'DRAINING', 'DRAINING'],
  ])('a %s base service', async (_name, status, said) => {
    if (status) aws.services.get('dev')?.set('web', baseService({ status }))
    else aws.services.get('dev')?.delete('web')
    await expect(deployPreview(deployment())).rejects.toThrow(
      new UserError(
        `Service "web", which the previews copy, is not active in cluster "dev" (${said}): check previews.base and that environment's services.`,
      ),
    )
  })

  test('a missing cluster', async () => {
    await expect(deployPreview(deployment({ cluster: 'nope' }))).rejects.toThrow(
      new UserError(
        'Cluster "nope" was not found: check the cluster of the previews.base environment, and AWS_REGION.',
      ),
    )
  })

  test('a preview still being deleted', async () => {
    existingPreview(12, 'octo/app', 'DRAINING')
    await expect(deployPreview(deployment())).rejects.toThrow(
      new UserError(
        'Preview service "web-pr-12" in cluster "dev" is still being deleted (DRAINING); run the job again in a few minutes.',
      ),
    )
  })

  test('a load-balanced base without previews.listener-arn', async () => {
    const { listenerArn: _l, ...noListener } = previews
    await expect(deployPreview(deployment({ previews: noListener }))).rejects.toThrow(
      new UserError(
        'Service "web" sits behind a load balancer, so its preview needs a listener rule: add previews.listener-arn (and previews.domain) to the config file.',
      ),
    )
  })

  test('a listener that does not exist: nothing is created', async () => {
    const listenerArn = HTTPS_LISTENER.replace('f2f7dc8efc522ab2', 'aaaaaaaaaaaaaaaa')
    await expect(deployPreview(deployment({ previews: { ...previews, listenerArn } }))).rejects.toThrow(
      new UserError(
        `The listener in previews.listener-arn was not found (${listenerArn}): check the ARN, and that AWS_REGION is the load balancer's region.`,
      ),
    )
    expect(aws.elbMock).not.toHaveReceivedCommand(CreateTargetGroupCommand)
  })

  test('a listener with every priority taken', async () => {
    aws.elbMock
      .on(DescribeRulesCommand)
      .resolves({ Rules: Array.from({ length: 50_000 }, (_, i) => ({ Priority: String(i + 1) })) })
    await expect(deployPreview(deployment())).rejects.toThrow(
      new UserError(
        `Listener ${HTTPS_LISTENER} has no free rule priority (1 to 50000 are all taken): delete unused rules, or remove old previews with a preview: sweep run.`,
      ),
    )
  })

  test('a load balancer with as many rules as its quota allows', async () => {
    aws.elbMock
      .on(CreateRuleCommand)
      .rejects(new TooManyRulesException({ message: 'You have reached the maximum number of rules', $metadata: {} }))
    await expect(deployPreview(deployment())).rejects.toThrow(
      new UserError(
        `The load balancer of ${HTTPS_LISTENER} has as many rules as it may (TooManyRules): remove old previews with a preview: sweep run, lower previews.max, or raise the "Rules per Application Load Balancer" quota.`,
      ),
    )
  })

  test('a failure after the target group was made removes it: TooManyRules leaves nothing behind', async () => {
    const before = aws.targetGroups.map((g) => g.TargetGroupName)
    aws.elbMock
      .on(CreateRuleCommand)
      .rejects(new TooManyRulesException({ message: 'You have reached the maximum number of rules', $metadata: {} }))
    await expect(deployPreview(deployment())).rejects.toThrow('(TooManyRules)')
    expect(aws.elbMock).toHaveReceivedCommandWith(CreateTargetGroupCommand, { Name: TG_NAME })
    expect(aws.elbMock).toHaveReceivedCommand(DeleteTargetGroupCommand)
    expect(aws.targetGroups.map((g) => g.TargetGroupName)).toEqual(before)
  })

  test('a failing CreateService removes the rule and target group this run made, and says why it failed', async () => {
    const rulesBefore = (await aws.elbv2.send(new DescribeRulesCommand({ ListenerArn: HTTPS_LISTENER }))).Rules
    aws.ecsMock.on(CreateServiceCommand).rejects(new Error('subnet-0 does not exist'))
    await expect(deployPreview(deployment())).rejects.toThrow('subnet-0 does not exist')
    expect(aws.targetGroups.map((g) => g.TargetGroupName)).not.toContain(TG_NAME)
    const rulesAfter = (await aws.elbv2.send(new DescribeRulesCommand({ ListenerArn: HTTPS_LISTENER }))).Rules
    expect(rulesAfter).toEqual(rulesBefore)
  })

  test('a target group an earlier run left is not removed when this run fails', async () => {
    await expect(deployPreview(deployment())).resolves.toMatchObject({ created: true })
    aws.services.get('dev')?.delete('web-pr-12')
    aws.ecsMock.on(CreateServiceCommand).rejects(new Error('subnet-0 does not exist'))
    await expect(deployPreview(deployment())).rejects.toThrow('subnet-0 does not exist')
    expect(aws.targetGroups.map((g) => g.TargetGroupName)).toContain(TG_NAME)
  })

  test("the base service's target group is gone", async () => {
    aws.targetGroups = aws.targetGroups.filter((g) => g.TargetGroupArn !== BASE_TG)
    await expect(deployPreview(deployment())).rejects.toThrow(
      new UserError(
        `Target group ${BASE_TG} of service "web" was not found, so the preview cannot copy it: check the service's load balancer settings.`,
      ),
    )
  })
})
