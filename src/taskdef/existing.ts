// A registered revision deployed as it is (`task-definition-arn`): nothing rendered, only read and checked.
import type { Tag, TaskDefinition } from '@aws-sdk/client-ecs'
import { withoutReadOnlyKeys } from './clean.js'
import type { RenderedTaskDefinition } from './render.js'
import { checkEcsRules } from './rules.js'
import { checkedRequest } from './validate.js'
import type { PlainObject } from './plain-values.js'

/** The revision as a request (what it was registered with), checked against ECS's rules; it gets no image. */
export function existingTaskDefinition(taskDefinition: TaskDefinition, tags: Tag[]): RenderedTaskDefinition {
  const source = `task definition ${taskDefinition.family}:${taskDefinition.revision}`
  const { definition } = withoutReadOnlyKeys({ ...(taskDefinition as PlainObject), ...(tags.length && { tags }) })
  const request = checkedRequest(definition, source)
  checkEcsRules(request, source)
  return { request, containers: [], notes: [] }
}
