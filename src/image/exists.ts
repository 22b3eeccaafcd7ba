// Before anything changes: the image to deploy (no build) must be in its registry, or ECS would only find out when a
// task fails to start. ECR is asked (DescribeImages); other registries are not checked, and the log says so.
import { describeImage } from '../aws/ecr.js'
import { isNotFound } from '../aws/errors.js'
import { UserError, errorMessage } from '../common/errors.js'
import { resolveEcrTarget } from './repository.js'
import { imageName, parseImageReference } from './reference.js'
import type { ImageDeps } from './types.js'

/** Throws a UserError naming the image and its repository when ECR does not have it; logs when it cannot tell. */
export async function checkImageExists(image: string, deps: ImageDeps): Promise<void> {
  const ref = parseImageReference(image)
  const ecr = await resolveEcrTarget(ref, deps)
  if (!ecr) {
    deps.log.info(`${image} is not in ECR: whether it exists was not checked (${ref.registry} is another registry).`)
    return
  }
  // Docker pulls by digest when both are given; no tag at all means `latest`.
  const id = ref.digest !== undefined ? { imageDigest: ref.digest } : { imageTag: ref.tag ?? 'latest' }
  const named = id.imageDigest !== undefined ? `digest ${id.imageDigest}` : `tag ${id.imageTag}`
  const fix = `push it first, or set \`build\` to build and push it in this run.`
  try {
    if (await describeImage(ecr, ref.repository, id)) return
  } catch (error) {
    if (isNotFound(error, 'repository')) {
      throw new UserError(
        `The image ${image} does not exist: there is no ECR repository ${ref.repository} in ${ecr.label}. Create it and ${fix}`,
      )
    }
    if (!isNotFound(error, 'image')) {
      deps.log.warning(`Could not check that ${image} exists (${errorMessage(error)}); deploying it unchecked.`)
      return
    }
  }
  throw new UserError(
    `The image ${image} does not exist: ECR repository ${ref.repository} (${imageName(ref)} in ${ecr.label}) has no ${named}. Check the tag, ${fix}`,
  )
}
