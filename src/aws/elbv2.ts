// The Elastic Load Balancing calls the action makes (preview environments, environment URLs), each named by the IAM
// action it needs; failures are explained (errors.ts), and what does not exist is a NotFound or undefined.
import type {
  CreateRuleCommandInput,
  CreateTargetGroupCommandInput,
  DescribeListenersCommandInput,
  DescribeRulesCommandInput,
  DescribeTargetGroupsCommandInput,
  ElasticLoadBalancingV2Client,
  Listener,
  LoadBalancer,
  Rule,
  TagDescription,
  TargetGroup,
} from '@aws-sdk/client-elastic-load-balancing-v2'
import { awsCall, unlessNotFound } from './errors.js'
import { everyPage } from './pages.js'

/** The SDK package, loaded by the first call (clients.ts). */
const sdk = () => import('@aws-sdk/client-elastic-load-balancing-v2')

const LISTENER = { ListenerNotFoundException: 'listener' }
const TARGET_GROUP = { TargetGroupNotFoundException: 'target group' }
const MARKER = { sent: 'Marker', answered: 'NextMarker' } as const
/** DescribeTags takes at most 20 resources. */
const TAGS_PER_CALL = 20

/** Every rule of a listener; undefined when the listener does not exist. */
export async function describeRules(
  elbv2: ElasticLoadBalancingV2Client,
  listenerArn: string,
): Promise<Rule[] | undefined> {
  const read = awsCall(
    'elasticloadbalancing:DescribeRules',
    async () => {
      const rules: Rule[] = []
      const { DescribeRulesCommand } = await sdk()
      const call = (input: DescribeRulesCommandInput) => elbv2.send(new DescribeRulesCommand(input))
      for await (const page of everyPage(call, { ListenerArn: listenerArn, PageSize: 100 }, MARKER))
        rules.push(...(page.Rules ?? []))
      return rules
    },
    { missing: LISTENER },
  )
  return unlessNotFound(read)
}

/** One listener rule by ARN (the production rule of a blue/green service), or undefined when there is none. */
export async function describeRule(elbv2: ElasticLoadBalancingV2Client, ruleArn: string): Promise<Rule | undefined> {
  const found = await unlessNotFound(
    awsCall(
      'elasticloadbalancing:DescribeRules',
      async () => elbv2.send(new (await sdk()).DescribeRulesCommand({ RuleArns: [ruleArn] })),
      {
        missing: { RuleNotFoundException: 'listener rule' },
      },
    ),
  )
  return found?.Rules?.[0]
}

/** The listeners of a load balancer, or the one named; none when it does not exist. */
export async function describeListeners(
  elbv2: ElasticLoadBalancingV2Client,
  query: { loadBalancerArn: string } | { listenerArn: string },
): Promise<Listener[]> {
  const input =
    'loadBalancerArn' in query ? { LoadBalancerArn: query.loadBalancerArn } : { ListenerArns: [query.listenerArn] }
  const read = awsCall(
    'elasticloadbalancing:DescribeListeners',
    async () => {
      const listeners: Listener[] = []
      const { DescribeListenersCommand } = await sdk()
      const call = (input: DescribeListenersCommandInput) => elbv2.send(new DescribeListenersCommand(input))
      for await (const page of everyPage(call, input, MARKER)) listeners.push(...(page.Listeners ?? []))
      return listeners
    },
    { missing: { ...LISTENER, LoadBalancerNotFoundException: 'load balancer' } },
  )
  return (await unlessNotFound(read)) ?? []
}

/** One target group by ARN or name, or undefined when there is none. */
export async function describeTargetGroup(
  elbv2: ElasticLoadBalancingV2Client,
  query: { arn: string } | { name: string },
): Promise<TargetGroup | undefined> {
  const input = 'arn' in query ? { TargetGroupArns: [query.arn] } : { Names: [query.name] }
  const found = await unlessNotFound(
    awsCall(
      'elasticloadbalancing:DescribeTargetGroups',
      async () => elbv2.send(new (await sdk()).DescribeTargetGroupsCommand(input)),
      {
        missing: TARGET_GROUP,
      },
    ),
  )
  return found?.TargetGroups?.[0]
}

/** Every target group of the account and region. */
export async function describeAllTargetGroups(elbv2: ElasticLoadBalancingV2Client): Promise<TargetGroup[]> {
  return awsCall('elasticloadbalancing:DescribeTargetGroups', async () => {
    const groups: TargetGroup[] = []
    const { DescribeTargetGroupsCommand } = await sdk()
    const call = (input: DescribeTargetGroupsCommandInput) => elbv2.send(new DescribeTargetGroupsCommand(input))
    for await (const page of everyPage(call, { PageSize: 400 }, MARKER)) groups.push(...(page.TargetGroups ?? []))
    return groups
  })
}

/** The tags of these resources (any number, asked 20 at a time). */
export async function describeTags(elbv2: ElasticLoadBalancingV2Client, arns: string[]): Promise<TagDescription[]> {
  const descriptions: TagDescription[] = []
  for (let i = 0; i < arns.length; i += TAGS_PER_CALL) {
    const ResourceArns = arns.slice(i, i + TAGS_PER_CALL)
    const answer = await awsCall('elasticloadbalancing:DescribeTags', async () =>
      elbv2.send(new (await sdk()).DescribeTagsCommand({ ResourceArns })),
    )
    descriptions.push(...(answer.TagDescriptions ?? []))
  }
  return descriptions
}

/** A load balancer, or undefined when it does not exist. */
export async function describeLoadBalancer(
  elbv2: ElasticLoadBalancingV2Client,
  loadBalancerArn: string,
): Promise<LoadBalancer | undefined> {
  const found = await unlessNotFound(
    awsCall(
      'elasticloadbalancing:DescribeLoadBalancers',
      async () => elbv2.send(new (await sdk()).DescribeLoadBalancersCommand({ LoadBalancerArns: [loadBalancerArn] })),
      {
        missing: { LoadBalancerNotFoundException: 'load balancer' },
      },
    ),
  )
  return found?.LoadBalancers?.[0]
}

export async function createTargetGroup(
  elbv2: ElasticLoadBalancingV2Client,
  input: CreateTargetGroupCommandInput,
): Promise<TargetGroup | undefined> {
  return (
    await awsCall('elasticloadbalancing:CreateTargetGroup', async () =>
      elbv2.send(new (await sdk()).CreateTargetGroupCommand(input)),
    )
  ).TargetGroups?.[0]
}

/** Creates a listener rule; AWS's refusals (PriorityInUseException, TooManyRulesException) are told apart by awsErrorName. */
export async function createRule(
  elbv2: ElasticLoadBalancingV2Client,
  input: CreateRuleCommandInput,
): Promise<Rule | undefined> {
  return (
    await awsCall('elasticloadbalancing:CreateRule', async () => elbv2.send(new (await sdk()).CreateRuleCommand(input)))
  ).Rules?.[0]
}

/** Deletes a rule; false when it was already gone. */
export async function deleteRule(elbv2: ElasticLoadBalancingV2Client, ruleArn: string): Promise<boolean> {
  const deleted = await unlessNotFound(
    awsCall(
      'elasticloadbalancing:DeleteRule',
      async () => elbv2.send(new (await sdk()).DeleteRuleCommand({ RuleArn: ruleArn })),
      {
        missing: { RuleNotFoundException: 'rule' },
      },
    ),
  )
  return deleted !== undefined
}

/** Deletes a target group; false when it was already gone. */
export async function deleteTargetGroup(elbv2: ElasticLoadBalancingV2Client, targetGroupArn: string): Promise<boolean> {
  const deleted = await unlessNotFound(
    awsCall(
      'elasticloadbalancing:DeleteTargetGroup',
      async () => elbv2.send(new (await sdk()).DeleteTargetGroupCommand({ TargetGroupArn: targetGroupArn })),
      { missing: TARGET_GROUP },
    ),
  )
  return deleted !== undefined
}

/** Whether a rule (or a listener's default actions) sends traffic to the target group. */
export function forwardsTo(actions: Rule['Actions'], targetGroupArn: string): boolean {
  return (actions ?? []).some(
    (a) =>
      a.Type === 'forward' &&
      (a.TargetGroupArn === targetGroupArn ||
        !!a.ForwardConfig?.TargetGroups?.some((t) => t.TargetGroupArn === targetGroupArn)),
  )
}

export async function loadBalancerDnsName(
  elbv2: ElasticLoadBalancingV2Client,
  loadBalancerArn: string,
): Promise<string | undefined> {
  return (await describeLoadBalancer(elbv2, loadBalancerArn))?.DNSName
}
