import {
  DeleteServiceCommand,
  DeregisterTaskDefinitionCommand,
  ListTaskDefinitionsCommand,
  UpdateServiceCommand,
  type ECSClient,
} from '@aws-sdk/client-ecs'
import { DeleteRuleCommand, DeleteTargetGroupCommand, type ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2'
import { awsCall } from '../aws-errors.js'
import { awsCallIfExists, describeListeners, describeRules, describeTargetGroup, forwardsTo } from './elb.js'
import { describeService } from './find.js'
import { isPreviewFamily, targetGroupName } from './names.js'

export interface PreviewRemoval {
  ecs: ECSClient
  elbv2: ElasticLoadBalancingV2Client
  cluster: string
  /** The preview service: previewServiceName(baseService, pr). */
  serviceName: string
  pr: number
}

const SERVICE_GONE = ['ServiceNotFoundException', 'ServiceNotActiveException']

/**
 * Removes one preview: the service (scaled to 0, then deleted), its listener rules, its target group, and
 * the task definition revisions of its own family. What is already gone is skipped, so it can run again.
 * Returns what it removed, one line each.
 */
export async function destroyPreview(r: PreviewRemoval): Promise<string[]> {
  const removed: string[] = []
  const service = await describeService(r.ecs, r.cluster, r.serviceName)
  if (service?.status === 'ACTIVE') {
    await awsCallIfExists('ecs:UpdateService', SERVICE_GONE, () => r.ecs.send(new UpdateServiceCommand({ cluster: r.cluster, service: r.serviceName, desiredCount: 0 })))
    const deleted = await awsCallIfExists('ecs:DeleteService', SERVICE_GONE, () => r.ecs.send(new DeleteServiceCommand({ cluster: r.cluster, service: r.serviceName, force: true })))
    if (deleted) removed.push(`service ${r.serviceName}`)
  }
  removed.push(...(await removeTargetGroup(r)))
  const family = service?.taskDefinition?.split('/').pop()?.replace(/:\d+$/, '')
  if (family && isPreviewFamily(family, r.pr)) removed.push(...(await deregisterFamily(r.ecs, family)))
  return removed
}

/**
 * Deletes the rules forwarding to the preview's target group, then the group. Only the group with the
 * preview's own name is touched, never the base service's.
 */
async function removeTargetGroup(r: PreviewRemoval): Promise<string[]> {
  const name = targetGroupName(r.cluster, r.serviceName, r.pr)
  const group = await describeTargetGroup(r.elbv2, { name })
  const arn = group?.TargetGroupArn
  if (!arn) return []
  const removed: string[] = []
  for (const loadBalancerArn of group.LoadBalancerArns ?? []) {
    for (const listener of await describeListeners(r.elbv2, { loadBalancerArn })) {
      const rules = listener.ListenerArn ? ((await describeRules(r.elbv2, listener.ListenerArn)) ?? []) : []
      for (const rule of rules.filter((rule) => !rule.IsDefault && rule.RuleArn && forwardsTo(rule.Actions, arn))) {
        const deleted = await awsCallIfExists('elasticloadbalancing:DeleteRule', ['RuleNotFoundException'], () =>
          r.elbv2.send(new DeleteRuleCommand({ RuleArn: rule.RuleArn })),
        )
        if (deleted) removed.push(`listener rule ${rule.RuleArn} (priority ${rule.Priority})`)
      }
    }
  }
  const deleted = await awsCallIfExists('elasticloadbalancing:DeleteTargetGroup', ['TargetGroupNotFoundException'], () =>
    r.elbv2.send(new DeleteTargetGroupCommand({ TargetGroupArn: arn })),
  )
  if (deleted) removed.push(`target group ${name}`)
  return removed
}

/** Deregisters every ACTIVE revision of the preview's own family (the prefix search also finds longer families). */
async function deregisterFamily(ecs: ECSClient, family: string): Promise<string[]> {
  const arns: string[] = []
  let nextToken: string | undefined
  do {
    const page = await awsCall('ecs:ListTaskDefinitions', () =>
      ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: family, status: 'ACTIVE', maxResults: 100, ...(nextToken && { nextToken }) })),
    )
    arns.push(...(page.taskDefinitionArns ?? []).filter((arn) => arn.split('/').pop()?.replace(/:\d+$/, '') === family))
    nextToken = page.nextToken
  } while (nextToken)
  const removed: string[] = []
  for (const arn of arns) {
    await awsCall('ecs:DeregisterTaskDefinition', () => ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: arn })))
    removed.push(`task definition ${arn.split('/').pop()}`)
  }
  return removed
}
