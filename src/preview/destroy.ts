import type { ECSClient } from '@aws-sdk/client-ecs'
import type { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2'
import { taskDefinitionFamily, taskDefinitionRevision } from '../aws/arn.js'
import { deleteService, deregisterTaskDefinition, listTaskDefinitions, updateService } from '../aws/ecs.js'
import { unlessNotFound } from '../aws/errors.js'
import {
  deleteRule,
  deleteTargetGroup,
  describeListeners,
  describeRules,
  describeTargetGroup,
  forwardsTo,
} from '../aws/elbv2.js'
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

/**
 * Removes one preview: the service (scaled to 0, then deleted), its listener rules, its target group, and
 * the task definition revisions of its own family. What is already gone is skipped, so it can run again.
 * Returns what it removed, one line each.
 */
export async function destroyPreview(r: PreviewRemoval): Promise<string[]> {
  const removed: string[] = []
  const service = await describeService(r.ecs, r.cluster, r.serviceName)
  if (service?.status === 'ACTIVE') {
    await unlessNotFound(updateService(r.ecs, { cluster: r.cluster, service: r.serviceName, desiredCount: 0 }))
    const deleted = await unlessNotFound(deleteService(r.ecs, r.cluster, r.serviceName).then(() => true))
    if (deleted) removed.push(`service ${r.serviceName}`)
  }
  removed.push(...(await removeTargetGroup(r)))
  const family = service?.taskDefinition && taskDefinitionFamily(service.taskDefinition)
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
        if (await deleteRule(r.elbv2, rule.RuleArn as string))
          removed.push(`listener rule ${rule.RuleArn} (priority ${rule.Priority})`)
      }
    }
  }
  if (await deleteTargetGroup(r.elbv2, arn)) removed.push(`target group ${name}`)
  return removed
}

/** Deregisters every ACTIVE revision of the preview's own family (the prefix search also finds longer families). */
async function deregisterFamily(ecs: ECSClient, family: string): Promise<string[]> {
  const arns = (await listTaskDefinitions(ecs, { familyPrefix: family, status: 'ACTIVE' })).filter(
    (arn) => taskDefinitionFamily(arn) === family,
  )
  const removed: string[] = []
  for (const arn of arns) {
    await deregisterTaskDefinition(ecs, arn)
    removed.push(`task definition ${taskDefinitionRevision(arn)}`)
  }
  return removed
}
