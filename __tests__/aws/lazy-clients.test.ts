import { CodeDeployClient, GetApplicationCommand } from '@aws-sdk/client-codedeploy'
import { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch'
import {
  DescribeListenersCommand,
  DescribeRulesCommand,
  DescribeTargetGroupsCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2'
import { mockClient } from 'aws-sdk-client-mock'
import { createClients } from '../../src/aws/clients.js'
import { getMetricData } from '../../src/aws/cloudwatch.js'
import { describeAllTargetGroups, describeListeners, describeRules } from '../../src/aws/elbv2.js'

test("a client loaded on its first request is made once, in the action's region, and serves every later request", async () => {
  const codedeploy = mockClient(CodeDeployClient).on(GetApplicationCommand).resolves({ application: {} })
  const clients = createClients('eu-central-1')
  await clients.codedeploy.send(new GetApplicationCommand({ applicationName: 'a' }))
  await clients.codedeploy.send(new GetApplicationCommand({ applicationName: 'b' }))
  const [first, second] = [0, 1].map((i) => codedeploy.call(i).thisValue as CodeDeployClient)
  expect(first).toBeInstanceOf(CodeDeployClient)
  expect(second).toBe(first)
  await expect(first?.config.region()).resolves.toBe('eu-central-1')
  codedeploy.restore()
})

test('paged calls on clients loaded on their first request follow every page (the SDK paginators refuse such clients)', async () => {
  const elbv2 = mockClient(ElasticLoadBalancingV2Client)
  elbv2
    .on(DescribeRulesCommand, { ListenerArn: 'l', Marker: undefined })
    .resolves({ Rules: [{ RuleArn: 'r1' }], NextMarker: 'm2' })
    .on(DescribeRulesCommand, { ListenerArn: 'l', Marker: 'm2' })
    .resolves({ Rules: [{ RuleArn: 'r2' }] })
    .on(DescribeListenersCommand)
    .resolves({ Listeners: [{ ListenerArn: 'l' }] })
    .on(DescribeTargetGroupsCommand, { Marker: undefined })
    .resolves({ TargetGroups: [{ TargetGroupArn: 't1' }], NextMarker: 'n' })
    .on(DescribeTargetGroupsCommand, { Marker: 'n' })
    .resolves({ TargetGroups: [{ TargetGroupArn: 't2' }], NextMarker: 'n' })
  const cloudwatch = mockClient(CloudWatchClient)
    .on(GetMetricDataCommand, { NextToken: undefined })
    .resolves({ MetricDataResults: [{ Id: 'q', Values: [3] }], NextToken: 'p2' })
    .on(GetMetricDataCommand, { NextToken: 'p2' })
    .resolves({ MetricDataResults: [{ Id: 'q', Values: [1] }] })
  const clients = createClients('eu-central-1')

  expect((await describeRules(clients.elbv2, 'l'))?.map((r) => r.RuleArn)).toEqual(['r1', 'r2'])
  expect((await describeListeners(clients.elbv2, { listenerArn: 'l' })).map((l) => l.ListenerArn)).toEqual(['l'])
  // A page that answers the token it was asked with is the last (no endless loop on a repeating marker).
  expect((await describeAllTargetGroups(clients.elbv2)).map((t) => t.TargetGroupArn)).toEqual(['t1', 't2'])
  const metrics = await getMetricData(clients.cloudwatch, {
    queries: [{ Id: 'q' }],
    start: new Date(0),
    end: new Date(1),
  })
  expect(metrics.get('q')?.Values).toEqual([3, 1])
  expect(elbv2.commandCalls(DescribeRulesCommand)[0]?.args[0].input.PageSize).toBe(100)
  elbv2.restore()
  cloudwatch.restore()
})
