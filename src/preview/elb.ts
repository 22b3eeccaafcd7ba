// What previews and environment URLs read from a load balancer, on top of the ELB gateway.
import type { ElasticLoadBalancingV2Client, Rule } from '@aws-sdk/client-elastic-load-balancing-v2'
import { describeLoadBalancer } from '../aws/elbv2.js'

export { describeListeners, describeRules, describeTargetGroup } from '../aws/elbv2.js'

/** Whether a rule (or a listener's default actions) sends traffic to the target group. */
export function forwardsTo(actions: Rule['Actions'], targetGroupArn: string): boolean {
  return (actions ?? []).some(
    (a) => a.Type === 'forward' && (a.TargetGroupArn === targetGroupArn || !!a.ForwardConfig?.TargetGroups?.some((t) => t.TargetGroupArn === targetGroupArn)),
  )
}

export async function loadBalancerDnsName(elbv2: ElasticLoadBalancingV2Client, loadBalancerArn: string): Promise<string | undefined> {
  return (await describeLoadBalancer(elbv2, loadBalancerArn))?.DNSName
}
