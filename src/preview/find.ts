import { DescribeServicesCommand, ListServicesCommand, type ECSClient, type Service } from '@aws-sdk/client-ecs'
import { DescribeTagsCommand, DescribeTargetGroupsCommand, type ElasticLoadBalancingV2Client, type TargetGroup } from '@aws-sdk/client-elastic-load-balancing-v2'
import { awsCall } from '../aws-errors.js'
import { UserError } from '../errors.js'
import { awsCallIfExists } from './elb.js'
import { shortName } from './names.js'
import { readPreviewTags, type PreviewIdentity } from './tags.js'

/** A preview found by its tags: its ECS service, or only its target group when the service is gone. */
export interface FoundPreview extends PreviewIdentity {
  serviceName: string
  ecsService?: Service
  targetGroup?: TargetGroup
}

function missingCluster(cluster: string): UserError {
  return new UserError(`Cluster "${cluster}" was not found: check the cluster of the previews.base environment, and AWS_REGION.`)
}

/** One service by name, with its tags; undefined when the cluster has no such service (or no longer). */
export async function describeService(ecs: ECSClient, cluster: string, name: string): Promise<Service | undefined> {
  const response = await awsCallIfExists('ecs:DescribeServices', ['ClusterNotFoundException'], () =>
    ecs.send(new DescribeServicesCommand({ cluster, services: [name], include: ['TAGS'] })),
  )
  if (!response) throw missingCluster(cluster)
  const service = response.services?.[0]
  return service && service.status !== 'INACTIVE' ? service : undefined
}

/** The ACTIVE preview services of `repository` in the cluster, found by their tags. */
export async function listPreviewServices(ecs: ECSClient, cluster: string, repository: string): Promise<FoundPreview[]> {
  const arns: string[] = []
  let nextToken: string | undefined
  do {
    const page = await awsCallIfExists('ecs:ListServices', ['ClusterNotFoundException'], () =>
      ecs.send(new ListServicesCommand({ cluster, maxResults: 100, ...(nextToken && { nextToken }) })),
    )
    if (!page) throw missingCluster(cluster)
    arns.push(...(page.serviceArns ?? []))
    nextToken = page.nextToken
  } while (nextToken)
  const found: FoundPreview[] = []
  for (let i = 0; i < arns.length; i += 10) {
    const { services = [] } = await awsCall('ecs:DescribeServices', () =>
      ecs.send(new DescribeServicesCommand({ cluster, services: arns.slice(i, i + 10), include: ['TAGS'] })),
    )
    for (const service of services) {
      const identity = service.status === 'ACTIVE' ? readPreviewTags(service.tags, repository) : undefined
      if (identity && service.serviceName) found.push({ ...identity, serviceName: service.serviceName, ecsService: service })
    }
  }
  return found
}

/** The preview target groups of `repository` for the cluster, found by their tags (ELB reads tags 20 at a time). */
export async function listPreviewTargetGroups(elbv2: ElasticLoadBalancingV2Client, cluster: string, repository: string): Promise<FoundPreview[]> {
  const groups: TargetGroup[] = []
  let marker: string | undefined
  do {
    const page = await awsCall('elasticloadbalancing:DescribeTargetGroups', () =>
      elbv2.send(new DescribeTargetGroupsCommand({ PageSize: 400, ...(marker && { Marker: marker }) })),
    )
    groups.push(...(page.TargetGroups ?? []).filter((g) => g.TargetGroupArn && g.TargetGroupName?.startsWith('pr-')))
    marker = page.NextMarker
  } while (marker)
  const found: FoundPreview[] = []
  for (let i = 0; i < groups.length; i += 20) {
    const batch = groups.slice(i, i + 20)
    const { TagDescriptions = [] } = await awsCall('elasticloadbalancing:DescribeTags', () =>
      elbv2.send(new DescribeTagsCommand({ ResourceArns: batch.map((g) => g.TargetGroupArn as string) })),
    )
    for (const description of TagDescriptions) {
      const identity = readPreviewTags(description.Tags, repository)
      const targetGroup = batch.find((g) => g.TargetGroupArn === description.ResourceArn)
      if (identity?.service && identity.cluster === shortName(cluster) && targetGroup) found.push({ ...identity, serviceName: identity.service, targetGroup })
    }
  }
  return found
}
