import {
  UpdateServiceCommand,
  type Deployment,
  type DeploymentConfiguration,
  type ECSClient,
  type Service,
  type UpdateServiceCommandInput,
} from '@aws-sdk/client-ecs'
import { awsCall } from '../aws-errors.js'
import type { CircuitBreakerMode } from '../inputs.js'

export interface RolloutRequest {
  cluster: string
  taskDefinitionArn: string
  desiredCount?: number
  forceNewDeployment: boolean
  deploymentCircuitBreaker: CircuitBreakerMode
}

/** The deployment this run follows. */
export interface Rollout {
  /** ECS deployment id (ecs-svc/…) of the new primary deployment; undefined when nothing was started or followed. */
  deploymentId?: string
  /** ARN of the matching service deployment, where the service reports one. */
  serviceDeploymentArn?: string
  /** The revision the service ran before, for a rollback where ECS cannot do it itself. */
  previousTaskDefinition: string
  /** true when this run called UpdateService; false when it follows a rollout already under way, or none. */
  started: boolean
  startedAt: number
  /** Why nothing was started, when nothing was. */
  unchangedReason?: string
}

/** The service's deployment configuration with the circuit breaker set as asked; undefined when it stays as it is. */
export function circuitBreakerConfiguration(
  current: DeploymentConfiguration | undefined,
  mode: CircuitBreakerMode,
): DeploymentConfiguration | undefined {
  if (mode === 'keep') return undefined
  const wanted = { enable: mode !== 'disable', rollback: mode === 'rollback' }
  const now = current?.deploymentCircuitBreaker
  if (now?.enable === wanted.enable && now?.rollback === wanted.rollback) return undefined
  // UpdateService replaces the whole configuration, so the rest of it is carried over.
  return { ...current, deploymentCircuitBreaker: wanted }
}

export function primaryDeployment(service: Service): Deployment | undefined {
  return service.deployments?.find((d) => d.status === 'PRIMARY')
}

/** What UpdateService must change, or undefined when the service already is as asked. */
export function serviceUpdate(service: Service, request: RolloutRequest): UpdateServiceCommandInput | undefined {
  const deploymentConfiguration = circuitBreakerConfiguration(service.deploymentConfiguration, request.deploymentCircuitBreaker)
  const changesRevision = service.taskDefinition !== request.taskDefinitionArn
  const changesCount = request.desiredCount !== undefined && request.desiredCount !== service.desiredCount
  if (!changesRevision && !changesCount && !deploymentConfiguration && !request.forceNewDeployment) return undefined
  return {
    cluster: request.cluster,
    service: service.serviceName,
    taskDefinition: request.taskDefinitionArn,
    ...(request.desiredCount !== undefined && { desiredCount: request.desiredCount }),
    ...(request.forceNewDeployment && { forceNewDeployment: true }),
    ...(deploymentConfiguration && { deploymentConfiguration }),
  }
}

/**
 * Starts the rolling update, or finds the rollout of this revision that is already under way (a re-run
 * while it rolls), or reports that the service already runs it.
 */
export async function startRollout(
  ecs: ECSClient,
  service: Service,
  request: RolloutRequest,
  now: number,
): Promise<Rollout> {
  const previousTaskDefinition = service.taskDefinition ?? ''
  const update = serviceUpdate(service, request)
  if (!update) {
    const primary = primaryDeployment(service)
    if (primary?.rolloutState === 'IN_PROGRESS' && primary.taskDefinition === request.taskDefinitionArn) {
      return {
        ...followed(primary, service.currentServiceDeployment),
        previousTaskDefinition,
        started: false,
        startedAt: (primary.createdAt ?? new Date(now)).getTime(),
      }
    }
    return {
      previousTaskDefinition,
      started: false,
      startedAt: now,
      unchangedReason: 'the service already runs this task definition with these settings',
    }
  }
  const response = await awsCall('ecs:UpdateService', () => ecs.send(new UpdateServiceCommand(update)))
  const updated = response.service
  const primary = updated && primaryDeployment(updated)
  return {
    ...(primary && followed(primary, updated?.currentServiceDeployment)),
    previousTaskDefinition,
    started: true,
    startedAt: now,
  }
}

function followed(primary: Deployment, serviceDeploymentArn: string | undefined): Pick<Rollout, 'deploymentId' | 'serviceDeploymentArn'> {
  return {
    ...(primary.id !== undefined && { deploymentId: primary.id }),
    ...(serviceDeploymentArn !== undefined && { serviceDeploymentArn }),
  }
}
