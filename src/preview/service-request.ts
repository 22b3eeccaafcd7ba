import type { CreateServiceCommandInput, Service } from '@aws-sdk/client-ecs'
import { copiedTags, ecsTags } from './preview-tags.js'

const ECS_TAG_MAX = 50

export interface PreviewServiceSpec {
  cluster: string
  serviceName: string
  taskDefinitionArn: string
  desiredCount: number
  /** The preview's own target group, when the base service sits behind a load balancer. */
  targetGroupArn?: string
  tags: Record<string, string>
}

/**
 * CreateService for a preview: the base service's network, capacity, platform, role, exec and placement
 * settings, with its own target group and tags. Not copied, because a copy would share them with the
 * base: service discovery registries, Service Connect and managed volumes.
 */
export function previewServiceRequest(base: Service, spec: PreviewServiceSpec): CreateServiceCommandInput {
  const balanced = base.loadBalancers?.find((lb) => lb.targetGroupArn)
  const awsvpc = !!base.networkConfiguration?.awsvpcConfiguration
  const ours = ecsTags(spec.tags)
  const role = base.roleArn && !awsvpc && !base.roleArn.includes('/aws-service-role/') ? base.roleArn : undefined
  return {
    cluster: spec.cluster,
    serviceName: spec.serviceName,
    taskDefinition: spec.taskDefinitionArn,
    desiredCount: spec.desiredCount,
    ...(base.capacityProviderStrategy?.length
      ? { capacityProviderStrategy: base.capacityProviderStrategy }
      : base.launchType && { launchType: base.launchType }),
    ...(base.platformVersion && { platformVersion: base.platformVersion }),
    ...(base.networkConfiguration && { networkConfiguration: base.networkConfiguration }),
    ...(role && { role }),
    ...(base.enableExecuteCommand !== undefined && { enableExecuteCommand: base.enableExecuteCommand }),
    ...(spec.targetGroupArn &&
      balanced && {
        loadBalancers: [
          {
            targetGroupArn: spec.targetGroupArn,
            containerName: balanced.containerName,
            containerPort: balanced.containerPort,
          },
        ],
        ...(base.healthCheckGracePeriodSeconds !== undefined && {
          healthCheckGracePeriodSeconds: base.healthCheckGracePeriodSeconds,
        }),
      }),
    ...(base.placementConstraints?.length && { placementConstraints: base.placementConstraints }),
    ...(base.placementStrategy?.length && { placementStrategy: base.placementStrategy }),
    ...(base.propagateTags && base.propagateTags !== 'NONE' && { propagateTags: base.propagateTags }),
    ...(base.enableECSManagedTags !== undefined && { enableECSManagedTags: base.enableECSManagedTags }),
    deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } },
    tags: [...copiedTags(base.tags, ECS_TAG_MAX - ours.length), ...ours],
  }
}
