import type { ECSClient, Service } from '@aws-sdk/client-ecs'
import type { ElasticLoadBalancingV2Client, Rule, RuleCondition } from '@aws-sdk/client-elastic-load-balancing-v2'
import { createService, updateService } from '../aws/ecs.js'
import * as elb from '../aws/elbv2.js'
import { awsErrorName } from '../aws/errors.js'
import type { PreviewConfig } from '../config/types.js'
import { UserError } from '../common/errors.js'
import { environmentUrl } from './environment-url.js'
import { describeService, listPreviewServices } from './find.js'
import { previewHost, previewPathPatterns, previewServiceName, shortName, targetGroupName } from './names.js'
import { freePriority } from './priority.js'
import { previewServiceRequest } from './service-request.js'
import { elbTags, previewTags } from './preview-tags.js'

export interface PreviewDeployment {
  ecs: ECSClient
  elbv2: ElasticLoadBalancingV2Client
  /** The base environment's cluster; the preview runs there too. */
  cluster: string
  /** The base environment's service that is copied. */
  baseService: string
  pr: number
  /** owner/name, recorded in the tags that find previews again. */
  repository: string
  /** Rendered and registered by the usual pipeline (best in the preview's own family: previewFamily()). */
  taskDefinitionArn: string
  previews: PreviewConfig
  now: Date
}

export interface PreviewResult {
  serviceName: string
  /** False when an existing preview was updated. */
  created: boolean
  url?: string
  targetGroupArn?: string
  /** The rule priority when this run created the rule. */
  rulePriority?: number
}

const RULE_ATTEMPTS = 3

/**
 * Creates or updates the pull request's preview of one base service: `<service>-pr-<N>` in the base's
 * cluster, with its own target group and listener rule when the base sits behind a load balancer.
 * Running it again updates the preview (new task definition) and repairs what is missing.
 */
export async function deployPreview(d: PreviewDeployment): Promise<PreviewResult> {
  const serviceName = previewServiceName(d.baseService, d.pr)
  const base = await describeService(d.ecs, d.cluster, d.baseService)
  if (base?.status !== 'ACTIVE') {
    throw new UserError(
      `Service "${d.baseService}", which the previews copy, is not active in cluster "${d.cluster}" (${base?.status ?? 'MISSING'}): check previews.base and that environment's services.`,
    )
  }
  const existing = await describeService(d.ecs, d.cluster, serviceName)
  if (existing?.status === 'DRAINING') {
    throw new UserError(
      `Preview service "${serviceName}" in cluster "${d.cluster}" is still being deleted (DRAINING); run the job again in a few minutes.`,
    )
  }
  if (!existing) await checkRoomForPreview(d)

  const tags = previewTags({
    repository: d.repository,
    pr: d.pr,
    createdAt: d.now,
    cluster: shortName(d.cluster),
    service: serviceName,
  })
  // What this run creates is removed again when a later step fails, so a failed preview leaves nothing behind.
  const created: Created = {}
  try {
    return await deployService(d, base, existing, serviceName, tags, created)
  } catch (error) {
    await removeCreated(d.elbv2, created)
    throw error
  }
}

/** The load balancer resources a run created, for the cleanup when a later step fails. */
interface Created {
  targetGroupArn?: string
  ruleArn?: string
}

/** Best effort: the step's own error is the one the user sees. */
async function removeCreated(elbv2: ElasticLoadBalancingV2Client, created: Created): Promise<void> {
  if (created.ruleArn) await elb.deleteRule(elbv2, created.ruleArn).catch(() => false)
  if (created.targetGroupArn) await elb.deleteTargetGroup(elbv2, created.targetGroupArn).catch(() => false)
}

async function deployService(
  d: PreviewDeployment,
  base: Service,
  existing: Service | undefined,
  serviceName: string,
  tags: Record<string, string>,
  created: Created,
): Promise<PreviewResult> {
  const routing = base.loadBalancers?.some((lb) => lb.targetGroupArn)
    ? await ensureRouting(d, base, serviceName, tags, created)
    : undefined

  if (existing) {
    await updateService(d.ecs, {
      cluster: d.cluster,
      service: serviceName,
      taskDefinition: d.taskDefinitionArn,
      desiredCount: d.previews.desiredCount,
    })
  } else {
    const request = previewServiceRequest(base, {
      cluster: d.cluster,
      serviceName,
      taskDefinitionArn: d.taskDefinitionArn,
      desiredCount: d.previews.desiredCount,
      tags,
      ...(routing && { targetGroupArn: routing.targetGroupArn }),
    })
    await createService(d.ecs, request)
  }
  const url =
    routing && (await environmentUrl(d.elbv2, { loadBalancers: [{ targetGroupArn: routing.targetGroupArn }] }))
  return {
    serviceName,
    created: !existing,
    ...(url && { url }),
    ...(routing && { targetGroupArn: routing.targetGroupArn }),
    ...(routing?.priority !== undefined && { rulePriority: routing.priority }),
  }
}

/** Refuses a new preview when `previews.max` pull requests already have one. */
async function checkRoomForPreview(d: PreviewDeployment): Promise<void> {
  const others = new Set(
    (await listPreviewServices(d.ecs, d.cluster, d.repository)).map((p) => p.pr).filter((pr) => pr !== d.pr),
  )
  if (others.size < d.previews.max) return
  const prs = [...others].sort((a, b) => a - b).map((pr) => `#${pr}`)
  throw new UserError(
    `There are already ${others.size} preview environments of ${d.repository} in cluster "${d.cluster}" (pull requests ${prs.join(', ')}), as many as previews.max allows (${d.previews.max}). Raise previews.max in the config file (or the preview-max input), or remove old previews with a preview: sweep run.`,
  )
}

async function ensureRouting(
  d: PreviewDeployment,
  base: Service,
  serviceName: string,
  tags: Record<string, string>,
  created: Created,
): Promise<{ targetGroupArn: string; priority?: number }> {
  const listenerArn = d.previews.listenerArn
  if (!listenerArn) {
    throw new UserError(
      `Service "${d.baseService}" sits behind a load balancer, so its preview needs a listener rule: add previews.listener-arn (and previews.domain) to the config file.`,
    )
  }
  const rules = await listenerRules(d, listenerArn)
  const targetGroupArn = await ensureTargetGroup(d, base, serviceName, tags, created)
  const priority = await ensureRule(d, listenerArn, targetGroupArn, tags, rules, created)
  return { targetGroupArn, ...(priority !== undefined && { priority }) }
}

async function listenerRules(d: PreviewDeployment, listenerArn: string): Promise<Rule[]> {
  const rules = await elb.describeRules(d.elbv2, listenerArn)
  if (rules) return rules
  throw new UserError(
    `The listener in previews.listener-arn was not found (${listenerArn}): check the ARN, and that AWS_REGION is the load balancer's region.`,
  )
}

/** The preview's target group: found by its name, or created like the base service's. */
async function ensureTargetGroup(
  d: PreviewDeployment,
  base: Service,
  serviceName: string,
  tags: Record<string, string>,
  created: Created,
): Promise<string> {
  const name = targetGroupName(d.cluster, serviceName, d.pr)
  const existing = await elb.describeTargetGroup(d.elbv2, { name })
  if (existing?.TargetGroupArn) return existing.TargetGroupArn
  const baseArn = base.loadBalancers?.find((lb) => lb.targetGroupArn)?.targetGroupArn as string
  const model = await elb.describeTargetGroup(d.elbv2, { arn: baseArn })
  if (!model)
    throw new UserError(
      `Target group ${baseArn} of service "${d.baseService}" was not found, so the preview cannot copy it: check the service's load balancer settings.`,
    )
  const group = await elb.createTargetGroup(d.elbv2, {
    Name: name,
    Protocol: model.Protocol,
    ProtocolVersion: model.ProtocolVersion,
    Port: model.Port,
    VpcId: model.VpcId,
    TargetType: base.networkConfiguration?.awsvpcConfiguration ? 'ip' : model.TargetType,
    IpAddressType: model.IpAddressType,
    HealthCheckEnabled: model.HealthCheckEnabled,
    HealthCheckProtocol: model.HealthCheckProtocol,
    HealthCheckPort: model.HealthCheckPort,
    HealthCheckPath: model.HealthCheckPath,
    HealthCheckIntervalSeconds: model.HealthCheckIntervalSeconds,
    HealthCheckTimeoutSeconds: model.HealthCheckTimeoutSeconds,
    HealthyThresholdCount: model.HealthyThresholdCount,
    UnhealthyThresholdCount: model.UnhealthyThresholdCount,
    Matcher: model.Matcher,
    Tags: elbTags(tags),
  })
  if (group?.TargetGroupArn) created.targetGroupArn = group.TargetGroupArn
  return group?.TargetGroupArn as string
}

/**
 * A listener rule forwarding the preview's host (or path) to its target group, at the lowest free
 * priority; kept when one already forwards there. Another run may take the same priority at the same
 * time, so a taken priority is looked up again. Returns the priority of a rule it created.
 */
async function ensureRule(
  d: PreviewDeployment,
  listenerArn: string,
  targetGroupArn: string,
  tags: Record<string, string>,
  rules: Rule[],
  created: Created,
): Promise<number | undefined> {
  for (let attempt = 1; ; attempt++) {
    if (rules.some((r) => elb.forwardsTo(r.Actions, targetGroupArn))) return undefined
    const priority = freePriority(rules)
    if (priority === undefined) {
      throw new UserError(
        `Listener ${listenerArn} has no free rule priority (1 to 50000 are all taken): delete unused rules, or remove old previews with a preview: sweep run.`,
      )
    }
    const rule = await createRule(d, listenerArn, targetGroupArn, priority, tags, attempt < RULE_ATTEMPTS)
    if (rule) {
      if (rule.RuleArn) created.ruleArn = rule.RuleArn
      return priority
    }
    rules = await listenerRules(d, listenerArn)
  }
}

/** Creates the rule; undefined when its priority was taken meanwhile and `retry` allows another try. */
async function createRule(
  d: PreviewDeployment,
  listenerArn: string,
  targetGroupArn: string,
  priority: number,
  tags: Record<string, string>,
  retry: boolean,
): Promise<Rule | undefined> {
  const { domain, routing } = d.previews
  const condition: RuleCondition =
    routing === 'host' && domain
      ? { Field: 'host-header', HostHeaderConfig: { Values: [previewHost(d.pr, domain)] } }
      : { Field: 'path-pattern', PathPatternConfig: { Values: previewPathPatterns(d.pr) } }
  try {
    return (
      (await elb.createRule(d.elbv2, {
        ListenerArn: listenerArn,
        Priority: priority,
        Conditions: [condition],
        Actions: [{ Type: 'forward', TargetGroupArn: targetGroupArn }],
        Tags: elbTags(tags),
      })) ?? {}
    )
  } catch (error) {
    if (retry && awsErrorName(error) === 'PriorityInUseException') return undefined
    if (awsErrorName(error) !== 'TooManyRulesException') throw error
    throw new UserError(
      `The load balancer of ${listenerArn} has as many rules as it may (TooManyRules): remove old previews with a preview: sweep run, lower previews.max, or raise the "Rules per Application Load Balancer" quota.`,
    )
  }
}
