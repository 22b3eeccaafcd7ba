import {
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeRulesCommand,
  DescribeTargetGroupsCommand,
  type ElasticLoadBalancingV2Client,
  type Listener,
  type Rule,
  type TargetGroup,
} from '@aws-sdk/client-elastic-load-balancing-v2'
import { awsCall } from '../aws-errors.js'

/** Like awsCall, but an error named in `missing` means the thing is not there: undefined, not a failure. */
export async function awsCallIfExists<T>(permission: string, missing: readonly string[], call: () => Promise<T>): Promise<T | undefined> {
  return awsCall(permission, async () => {
    try {
      return await call()
    } catch (error) {
      if (missing.includes((error as Error).name)) return undefined
      throw error
    }
  })
}

/** Every rule of a listener (pages of 100); undefined when the listener does not exist. */
export async function describeRules(elbv2: ElasticLoadBalancingV2Client, listenerArn: string): Promise<Rule[] | undefined> {
  const rules: Rule[] = []
  let marker: string | undefined
  do {
    const page = await awsCallIfExists('elasticloadbalancing:DescribeRules', ['ListenerNotFoundException'], () =>
      elbv2.send(new DescribeRulesCommand({ ListenerArn: listenerArn, PageSize: 100, ...(marker && { Marker: marker }) })),
    )
    if (!page) return undefined
    rules.push(...(page.Rules ?? []))
    marker = page.NextMarker
  } while (marker)
  return rules
}

/** Whether a rule (or a listener's default actions) sends traffic to the target group. */
export function forwardsTo(actions: Rule['Actions'], targetGroupArn: string): boolean {
  return (actions ?? []).some(
    (a) => a.Type === 'forward' && (a.TargetGroupArn === targetGroupArn || !!a.ForwardConfig?.TargetGroups?.some((t) => t.TargetGroupArn === targetGroupArn)),
  )
}

export async function describeTargetGroup(elbv2: ElasticLoadBalancingV2Client, query: { arn: string } | { name: string }): Promise<TargetGroup | undefined> {
  const found = await awsCallIfExists('elasticloadbalancing:DescribeTargetGroups', ['TargetGroupNotFoundException'], () =>
    elbv2.send(new DescribeTargetGroupsCommand('arn' in query ? { TargetGroupArns: [query.arn] } : { Names: [query.name] })),
  )
  return found?.TargetGroups?.[0]
}

export async function describeListeners(elbv2: ElasticLoadBalancingV2Client, query: { loadBalancerArn: string } | { listenerArn: string }): Promise<Listener[]> {
  const listeners: Listener[] = []
  let marker: string | undefined
  do {
    const page = await awsCallIfExists('elasticloadbalancing:DescribeListeners', ['ListenerNotFoundException', 'LoadBalancerNotFoundException'], () =>
      elbv2.send(
        new DescribeListenersCommand({
          ...('loadBalancerArn' in query ? { LoadBalancerArn: query.loadBalancerArn } : { ListenerArns: [query.listenerArn] }),
          ...(marker && { Marker: marker }),
        }),
      ),
    )
    listeners.push(...(page?.Listeners ?? []))
    marker = page?.NextMarker
  } while (marker)
  return listeners
}

export async function loadBalancerDnsName(elbv2: ElasticLoadBalancingV2Client, loadBalancerArn: string): Promise<string | undefined> {
  const found = await awsCallIfExists('elasticloadbalancing:DescribeLoadBalancers', ['LoadBalancerNotFoundException'], () =>
    elbv2.send(new DescribeLoadBalancersCommand({ LoadBalancerArns: [loadBalancerArn] })),
  )
  return found?.LoadBalancers?.[0]?.DNSName
}
