import type { ECSClient, Service } from '@aws-sdk/client-ecs'
import type { ElasticLoadBalancingV2Client, TargetGroup } from '@aws-sdk/client-elastic-load-balancing-v2'
import { describeServices, describeServicesByName, listServices } from '../aws/ecs.js'
import { describeAllTargetGroups, describeTags } from '../aws/elbv2.js'
import { isNotFound } from '../aws/errors.js'
import { UserError } from '../common/errors.js'
import { shortName } from './names.js'
import { readPreviewTags, type PreviewIdentity } from './preview-tags.js'

/** A preview found by its tags: its ECS service, or only its target group when the service is gone. */
export interface FoundPreview extends PreviewIdentity {
  serviceName: string
  ecsService?: Service
  targetGroup?: TargetGroup
}

/** The call's answer; a missing cluster is said in terms of the previews' config. */
async function inCluster<T>(cluster: string, call: Promise<T>): Promise<T> {
  try {
    return await call
  } catch (error) {
    if (!isNotFound(error, 'cluster')) throw error
    throw new UserError(
      `Cluster "${cluster}" was not found: check the cluster of the previews.base environment, and AWS_REGION.`,
    )
  }
}

/** One service by name, with its tags; undefined when the cluster has no such service (or no longer). */
export async function describeService(ecs: ECSClient, cluster: string, name: string): Promise<Service | undefined> {
  const service = (await inCluster(cluster, describeServices(ecs, { cluster, services: [name], include: ['TAGS'] })))
    .services?.[0]
  return service && service.status !== 'INACTIVE' ? service : undefined
}

/** The ACTIVE preview services of `repository` in the cluster, found by their tags. */
export async function listPreviewServices(
  ecs: ECSClient,
  cluster: string,
  repository: string,
): Promise<FoundPreview[]> {
  const arns = await inCluster(cluster, listServices(ecs, cluster))
  const found: FoundPreview[] = []
  for (const service of await describeServicesByName(ecs, cluster, arns, ['TAGS'])) {
    const identity = service.status === 'ACTIVE' ? readPreviewTags(service.tags, repository) : undefined
    if (identity && service.serviceName)
      found.push({ ...identity, serviceName: service.serviceName, ecsService: service })
  }
  return found
}

/** The preview target groups of `repository` for the cluster, found by their tags (ELB reads tags 20 at a time). */
export async function listPreviewTargetGroups(
  elbv2: ElasticLoadBalancingV2Client,
  cluster: string,
  repository: string,
): Promise<FoundPreview[]> {
  const groups = (await describeAllTargetGroups(elbv2)).filter(
    (g) => g.TargetGroupArn && g.TargetGroupName?.startsWith('pr-'),
  )
  const found: FoundPreview[] = []
  for (const description of await describeTags(
    elbv2,
    groups.map((g) => g.TargetGroupArn as string),
  )) {
    const identity = readPreviewTags(description.Tags, repository)
    const targetGroup = groups.find((g) => g.TargetGroupArn === description.ResourceArn)
    if (identity?.service && identity.cluster === shortName(cluster) && targetGroup)
      found.push({ ...identity, serviceName: identity.service, targetGroup })
  }
  return found
}
