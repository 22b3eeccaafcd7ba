import type { ECSClient, RegisterTaskDefinitionCommandInput, Tag, TaskDefinition } from '@aws-sdk/client-ecs'
import * as ecsGateway from '../aws/ecs.js'
import { unlessNotFound } from '../aws/errors.js'
import { sameTaskDefinition } from '../taskdef/index.js'

export interface DescribedTaskDefinition {
  taskDefinition: TaskDefinition
  tags: Tag[]
}

export interface RegisteredTaskDefinition {
  arn: string
  family: string
  revision: number
  /** false when an existing revision already had this content and is reused. */
  registered: boolean
}

export async function describeTaskDefinition(ecs: ECSClient, taskDefinition: string): Promise<DescribedTaskDefinition> {
  const response = await ecsGateway.describeTaskDefinition(ecs, taskDefinition)
  if (!response.taskDefinition) throw new Error(`ecs:DescribeTaskDefinition returned nothing for ${taskDefinition}`)
  return { taskDefinition: response.taskDefinition, tags: response.tags ?? [] }
}

/** The family's newest revision, or undefined when the family has none yet. */
async function latestRevision(ecs: ECSClient, family: string): Promise<DescribedTaskDefinition | undefined> {
  return unlessNotFound(describeTaskDefinition(ecs, family))
}

function toRegistered(taskDefinition: TaskDefinition, registered: boolean): RegisteredTaskDefinition {
  return {
    arn: taskDefinition.taskDefinitionArn ?? '',
    family: taskDefinition.family ?? '',
    revision: taskDefinition.revision ?? 0,
    registered,
  }
}

/**
 * Registers `request` unless the service's current revision or the family's newest one already has the
 * same content, so re-running a job for the same commit registers nothing.
 */
export async function registerIfChanged(
  ecs: ECSClient,
  request: RegisterTaskDefinitionCommandInput,
  current: DescribedTaskDefinition | undefined,
): Promise<RegisteredTaskDefinition> {
  if (current && sameTaskDefinition(request, current.taskDefinition, current.tags)) {
    return toRegistered(current.taskDefinition, false)
  }
  const latest = request.family ? await latestRevision(ecs, request.family) : undefined
  if (latest && latest.taskDefinition.taskDefinitionArn !== current?.taskDefinition.taskDefinitionArn) {
    if (sameTaskDefinition(request, latest.taskDefinition, latest.tags))
      return toRegistered(latest.taskDefinition, false)
  }
  const registered = await ecsGateway.registerTaskDefinition(ecs, request)
  if (!registered) throw new Error('ecs:RegisterTaskDefinition returned no task definition')
  return toRegistered(registered, true)
}
