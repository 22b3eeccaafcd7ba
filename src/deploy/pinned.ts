// `task-definition-arn`: a revision another tool owns (Terraform, CDK), deployed as it is — found, checked ACTIVE.
import type { ECSClient } from '@aws-sdk/client-ecs'
import { isNotFound } from '../aws/errors.js'
import { UserError } from '../common/errors.js'
import { describeTaskDefinition, type DescribedTaskDefinition, type RegisteredTaskDefinition } from './register.js'

/** The revision `task-definition-arn` names; a UserError when it does not exist or is not ACTIVE. */
export async function pinnedRevision(ecs: ECSClient, arn: string, region: string): Promise<DescribedTaskDefinition> {
  let described: DescribedTaskDefinition
  try {
    described = await describeTaskDefinition(ecs, arn)
  } catch (error) {
    if (isNotFound(error, 'task definition')) {
      throw new UserError(
        `Input \`task-definition-arn\`: there is no task definition ${arn} in region ${region}. Give an existing revision (family:revision or its full ARN); nothing was changed.`,
      )
    }
    throw error
  }
  const { status, family, revision } = described.taskDefinition
  if (status !== 'ACTIVE') {
    throw new UserError(
      `Input \`task-definition-arn\`: ${family}:${revision} is ${status}, not ACTIVE, so ECS starts no new task from it. Register it again or give an ACTIVE revision; nothing was changed.`,
    )
  }
  return described
}

/** The revision as the registration step reports it: deployed as it is, registered by someone else. */
export function pinnedRegistration({ taskDefinition }: DescribedTaskDefinition): RegisteredTaskDefinition {
  return {
    arn: taskDefinition.taskDefinitionArn ?? '',
    family: taskDefinition.family ?? '',
    revision: taskDefinition.revision ?? 0,
    registered: false,
  }
}
