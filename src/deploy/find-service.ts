import type { ECSClient, Service } from '@aws-sdk/client-ecs'
import { describeServices } from '../aws/ecs.js'
import { isNotFound } from '../aws/errors.js'
import { UserError } from '../common/errors.js'

/**
 * Returns the service, checked to be one this action can deploy (ECS or CODE_DEPLOY controller, an ECS Express Mode
 * service among the ECS ones: the mechanism registry tells it by what ECS marks on it); throws a UserError saying why not.
 */
export async function findService(ecs: ECSClient, cluster: string, name: string, region: string): Promise<Service> {
  const where = `cluster "${cluster}" (region ${region})`
  let response
  try {
    response = await describeServices(ecs, { cluster, services: [name], include: ['TAGS'] })
  } catch (error) {
    if (isNotFound(error, 'cluster')) {
      throw new UserError(
        `Cluster "${cluster}" was not found in region ${region}: check the \`cluster\` input and AWS_REGION.`,
      )
    }
    throw error
  }
  const service = response.services?.[0]
  if (!service) {
    const reason = response.failures?.[0]?.reason ?? 'MISSING'
    throw new UserError(
      `Service "${name}" was not found in ${where} (${reason}): check the \`service\` and \`cluster\` inputs; this action updates existing services, create it first.`,
    )
  }
  if (service.status !== 'ACTIVE') {
    throw new UserError(
      `Service "${name}" in ${where} is ${service.status}, not ACTIVE: it is being deleted or was deleted. Create it again or pick another service.`,
    )
  }
  // ECS services roll out (rolling, or ECS's own blue/green, canary, linear); CODE_DEPLOY ones through CodeDeploy.
  const controller = service.deploymentController?.type ?? 'ECS'
  if (controller === 'EXTERNAL') {
    throw new UserError(
      `Service "${name}" uses the EXTERNAL deployment controller: its task sets are managed by another tool, so this action cannot roll it out.`,
    )
  }
  return service
}
