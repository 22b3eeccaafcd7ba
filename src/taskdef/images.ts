import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs'
import { UserError } from '../common/errors.js'
import { parseImageReference } from '../image/reference.js'

/** Each container image that is not a valid reference (ECS would accept it and fail every task at pull time). */
export function imageProblems(request: RegisterTaskDefinitionCommandInput): string[] {
  return (request.containerDefinitions ?? []).flatMap((container, index) => {
    if (typeof container.image !== 'string') return []
    try {
      parseImageReference(
        container.image,
        `containerDefinitions[${index}]${container.name ? ` (${container.name})` : ''}.image`,
      )
      return []
    } catch (error) {
      if (!(error instanceof UserError)) throw error
      return [error.message.replace(/\.$/, '')]
    }
  })
}
