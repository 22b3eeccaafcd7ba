// The service definition file is a CreateService body (as ecspresso's ecs-service-def.json): its keys, read from the
// ECS API model @aws-sdk/client-ecs ships, and which of them this action owns, cannot change, or leaves to the strategy.
import { CreateServiceRequest$, Service$ } from '@aws-sdk/client-ecs'
import { shapeOf, type StructShape } from '../taskdef/model.js'

function structShape(reference: unknown): StructShape {
  const shape = shapeOf(reference)
  if (shape.kind !== 'struct') throw new Error('@aws-sdk/client-ecs: expected a structure schema')
  return shape
}

/** CreateService's members; none is required here (the action supplies the ones CreateService requires). */
export const DEFINITION_SHAPE: StructShape = { ...structShape(CreateServiceRequest$), required: [] }

/** What the action sets itself, with where the user sets it instead. */
export const OWNED_KEYS: Record<string, string> = {
  serviceName: "the `service` input (or the environment's `services` in the config file)",
  cluster: "the `cluster` input (or the environment's `cluster` in the config file)",
  taskDefinition: 'the revision this action renders and registers (the `task-definition` input names its template)',
  clientToken: 'none: the action makes its own requests',
}

/**
 * Members UpdateService cannot change (CreateService only) or the action will not (the deployment controller): taken
 * when they equal the running service's, as in `describe-services` output, refused otherwise.
 */
export const FIXED_KEYS: Record<string, (service: Record<string, unknown>) => unknown> = {
  deploymentController: (s) => s.deploymentController,
  launchType: (s) => s.launchType,
  schedulingStrategy: (s) => s.schedulingStrategy,
  role: (s) => s.roleArn,
}

/** The deployment configuration's strategy members: the `strategy` input and its options set them. */
export const STRATEGY_KEYS = [
  'strategy',
  'bakeTimeInMinutes',
  'lifecycleHooks',
  'linearConfiguration',
  'canaryConfiguration',
]

/** Members DescribeServices returns that CreateService does not take (serviceArn, status, deployments, events, …). */
export const READ_ONLY_KEYS: readonly string[] = structShape(Service$).members.filter(
  (key) => !DEFINITION_SHAPE.members.includes(key),
)
