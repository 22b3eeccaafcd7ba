// The service definition's tags, applied once the rollout has started: ECS changes a service's tags with
// TagResource/UntagResource, never UpdateService, so they are the one part of the file applied beside the update.
import type { ECSClient, Service, Tag } from '@aws-sdk/client-ecs'
import { retag } from '../aws/ecs.js'
import { errorMessage } from '../common/errors.js'
import { tagsText, tagsUpdate } from '../settings/service.js'

/** What became of the service's tags, for its notes; a refused call is said, never thrown (the rollout goes on). */
export async function applyServiceTags(
  ecs: ECSClient,
  service: Service,
  wanted: Tag[] | undefined,
): Promise<{ note: string; failed?: true } | undefined> {
  const update = tagsUpdate(service, wanted)
  if (!update || !service.serviceArn) return undefined
  try {
    await retag(ecs, service.serviceArn, update.tags, update.tagKeys)
    return { note: `tags: ${tagsText(update)}` }
  } catch (error) {
    return { note: `tags were not changed (${tagsText(update)}): ${errorMessage(error)}`, failed: true }
  }
}
