// Calls the local stack's AWS operations directly on a World, without sockets.
import type { World } from '../../test/stack/world.mjs'

export const ECS = 'AmazonEC2ContainerServiceV20141113'
export const CODEDEPLOY = 'CodeDeploy_20141006'

/** The World's handler for `operation` of the service with this X-Amz-Target prefix, called with `input`. */
export function callOperation<T>(world: World, prefix: string, operation: string, input: object = {}): T {
  const handler = world.awsServices.find((s) => s.targetPrefix === prefix)?.operations[operation]
  if (!handler) throw new Error(`no operation ${operation}`)
  return handler(input) as T
}
