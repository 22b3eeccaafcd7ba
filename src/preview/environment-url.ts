import type { ElasticLoadBalancingV2Client, Listener, Rule } from '@aws-sdk/client-elastic-load-balancing-v2'
import type { Service } from '@aws-sdk/client-ecs'
import { describeListeners, describeRules, describeTargetGroup, forwardsTo, loadBalancerDnsName } from '../aws/elbv2.js'

/**
 * Where people reach the service: through the load balancer of its (first) target group, on the host of
 * the listener rule that forwards to it (or the load balancer's DNS name), `https://` behind an HTTPS
 * listener. Undefined when no load balancer forwards to it.
 */
export async function environmentUrl(
  elbv2: ElasticLoadBalancingV2Client,
  service: Pick<Service, 'loadBalancers'>,
): Promise<string | undefined> {
  const targetGroupArn = service.loadBalancers?.find((lb) => lb.targetGroupArn)?.targetGroupArn
  if (!targetGroupArn) return undefined
  const loadBalancerArn = (await describeTargetGroup(elbv2, { arn: targetGroupArn }))?.LoadBalancerArns?.[0]
  if (!loadBalancerArn) return undefined
  const dnsName = await loadBalancerDnsName(elbv2, loadBalancerArn)
  const listeners = (await describeListeners(elbv2, { loadBalancerArn })).sort(byPreference)
  for (const listener of listeners) {
    const rules = listener.ListenerArn ? ((await describeRules(elbv2, listener.ListenerArn)) ?? []) : []
    const route = routeTo(rules, listener, targetGroupArn)
    const host = route?.host ?? dnsName
    if (route && host) return listenerUrl(listener, host, route.path)
  }
  return undefined
}

/** HTTPS listeners first, then by port, so the URL people should use comes out. */
function byPreference(a: Listener, b: Listener): number {
  return Number(b.Protocol === 'HTTPS') - Number(a.Protocol === 'HTTPS') || (a.Port ?? 0) - (b.Port ?? 0)
}

/** The host and path of the first rule (by priority) forwarding to the target group; `{}` for the default action. */
function routeTo(
  rules: Rule[],
  listener: Listener,
  targetGroupArn: string,
): { host?: string; path: string } | undefined {
  const ordered = [...rules].sort((a, b) => priorityOf(a) - priorityOf(b))
  const rule = ordered.find((r) => forwardsTo(r.Actions, targetGroupArn))
  if (!rule) return forwardsTo(listener.DefaultActions, targetGroupArn) ? { path: '/' } : undefined
  const values = (field: string): string[] => {
    const condition = rule.Conditions?.find((c) => c.Field === field)
    return condition?.HostHeaderConfig?.Values ?? condition?.PathPatternConfig?.Values ?? condition?.Values ?? []
  }
  const host = values('host-header').find((h) => !/[*?]/.test(h))
  const pattern = values('path-pattern').find((p) => p.endsWith('/*')) ?? values('path-pattern')[0]
  const path = pattern ? pattern.replace(/\*.*$/, '').replace(/\/?$/, '/') : '/'
  return { ...(host && { host }), path }
}

function priorityOf(rule: Rule): number {
  return rule.IsDefault || !rule.Priority || !/^\d+$/.test(rule.Priority)
    ? Number.MAX_SAFE_INTEGER
    : Number(rule.Priority)
}

function listenerUrl(listener: Listener, host: string, path: string): string {
  const scheme = listener.Protocol === 'HTTPS' ? 'https' : 'http'
  const defaultPort = scheme === 'https' ? 443 : 80
  const port = listener.Port && listener.Port !== defaultPort ? `:${listener.Port}` : ''
  return `${scheme}://${host}${port}${path}`
}
