import type {
  Deployment,
  DeploymentConfiguration,
  ECSClient,
  Service,
  UpdateServiceCommandInput,
  UpdateExpressGatewayServiceCommandInput,
} from '@aws-sdk/client-ecs'
import { updateServiceLooking } from '../aws/ecs.js'
import { UserError } from '../common/errors.js'
import type { CircuitBreakerMode } from '../settings/inputs.js'
import type { Mechanism } from '../mechanisms/strategy-types.js'
import { alarmsUpdate } from '../settings/service-members.js'
import {
  breakerUpdate,
  earlySuccessUpdate,
  percentagesUpdate,
  settingsUpdate,
  type ServiceSettings,
} from '../settings/service.js'

export interface RolloutRequest {
  cluster: string
  taskDefinitionArn: string
  desiredCount?: number
  forceNewDeployment: boolean
  deploymentCircuitBreaker: CircuitBreakerMode
  /** Deployment configuration members to set (strategy, alarms, hooks: see mechanisms/ecs-native-config.ts); the rest stays. */
  deploymentConfiguration?: Partial<DeploymentConfiguration>
  /** The service's deployment settings given as inputs (settings/service.ts); sent only where they differ. */
  settings?: ServiceSettings
  /** The mechanism that follows the rollout, recorded on it (mechanisms/registry.ts); absent: a rolling update. */
  mechanism?: Mechanism
}

/** The deployment this run follows. */
export interface Rollout {
  /** ECS deployment id (ecs-svc/…) of the new primary deployment; undefined when nothing was started or followed. */
  deploymentId?: string
  /**
   * ARN of the matching service deployment, where the service reports one. With `since`, only a candidate: ECS may
   * still name the previous service deployment for a few seconds after UpdateService (see mechanisms/watch.ts).
   */
  serviceDeploymentArn?: string
  /**
   * When ECS created the followed deployment (ECS's clock, ms): a service deployment created before it belongs to an
   * earlier rollout. Absent: `serviceDeploymentArn` is certain (a resumed deployment).
   */
  since?: number
  /** The revision the service ran before, for a rollback where ECS cannot do it itself. */
  previousTaskDefinition: string
  /** true when this run called UpdateService; false when it follows a rollout already under way, or none. */
  started: boolean
  startedAt: number
  /** Why nothing was started, when nothing was. */
  unchangedReason?: string
  /** How the rollout goes; absent: an ECS rolling update. */
  mechanism?: Mechanism
  /** The lifecycle hook (ECS) or Ready state (CodeDeploy, `ready`) this run resumed: not a pause to stop at again. */
  resumed?: string
  /** The revision rolling out when ECS registered it itself (an Express service's), not the run. */
  targetTaskDefinition?: string
  /** Express services: the update that brings back the configuration this run's update replaced. */
  restore?: UpdateExpressGatewayServiceCommandInput
}

/** A rollout resumed (or a rollback started) rather than a deployment of this run's revision: with the revision it brings. */
export type ResumedRollout = Rollout & Required<Pick<Rollout, 'targetTaskDefinition'>>

/** The service's deployment configuration with the circuit breaker set as asked; undefined when it stays as it is. */
export function circuitBreakerConfiguration(
  current: DeploymentConfiguration | undefined,
  mode: CircuitBreakerMode,
): DeploymentConfiguration | undefined {
  if (mode === 'keep') return undefined
  const wanted = { enable: mode !== 'disable', rollback: mode === 'rollback' }
  const now = current?.deploymentCircuitBreaker
  if (now?.enable === wanted.enable && now?.rollback === wanted.rollback) return undefined
  // UpdateService replaces the whole configuration, so the rest of it (a threshold too) is carried over.
  return { ...current, deploymentCircuitBreaker: { ...now, ...wanted } }
}

/** The configuration with `wanted` members set (undefined ones removed); undefined when nothing changes. */
export function mergeConfiguration(
  current: DeploymentConfiguration | undefined,
  wanted: Partial<DeploymentConfiguration> | undefined,
): DeploymentConfiguration | undefined {
  if (!wanted) return undefined
  const merged = Object.fromEntries(
    Object.entries({ ...current, ...wanted }).filter(([, v]) => v !== undefined),
  ) as DeploymentConfiguration
  return sameValue(merged, current ?? {}) ? undefined : merged
}

/** Deep equality of plain API values, whatever the order of their keys. */
function sameValue(a: unknown, b: unknown): boolean {
  const sorted = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sorted)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v)
              .filter(([, x]) => x !== undefined)
              .sort(([x], [y]) => x.localeCompare(y))
              .map(([k, x]) => [k, sorted(x)]),
          )
        : v
  return JSON.stringify(sorted(a)) === JSON.stringify(sorted(b))
}

export function primaryDeployment(service: Service): Deployment | undefined {
  return service.deployments?.find((d) => d.status === 'PRIMARY')
}

/** What UpdateService must change, or undefined when the service already is as asked. */
export function serviceUpdate(service: Service, request: RolloutRequest): UpdateServiceCommandInput | undefined {
  const withBreaker = circuitBreakerConfiguration(service.deploymentConfiguration, request.deploymentCircuitBreaker)
  const base = withBreaker ?? service.deploymentConfiguration
  const breaker = request.settings && breakerUpdate(base?.deploymentCircuitBreaker, request.settings)
  const early = request.settings && earlySuccessUpdate(service.deploymentConfiguration, request.settings)
  const alarms = request.settings && alarmsUpdate(service, request.settings.definition)
  const wanted = {
    // The service definition's alarms, under the strategy's (the `deployment-alarms` input's).
    ...(alarms && { alarms }),
    ...request.deploymentConfiguration,
    ...(request.settings && percentagesUpdate(service, request.settings)),
    ...(breaker && { deploymentCircuitBreaker: breaker }),
    ...(early && { earlySuccessCriteria: early }),
  }
  const deploymentConfiguration = mergeConfiguration(base, wanted) ?? withBreaker
  const settings = request.settings ? settingsUpdate(service, request.settings) : {}
  const changesRevision = service.taskDefinition !== request.taskDefinitionArn
  const changesCount = request.desiredCount !== undefined && request.desiredCount !== service.desiredCount
  const changesSettings = Object.keys(settings).length > 0
  if (!changesRevision && !changesCount && !deploymentConfiguration && !changesSettings && !request.forceNewDeployment)
    return undefined
  return {
    cluster: request.cluster,
    service: service.serviceName,
    taskDefinition: request.taskDefinitionArn,
    ...(request.desiredCount !== undefined && { desiredCount: request.desiredCount }),
    ...(request.forceNewDeployment && { forceNewDeployment: true }),
    ...(deploymentConfiguration && { deploymentConfiguration }),
    ...settings,
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
  if (service.deploymentController?.type === 'CODE_DEPLOY') {
    throw new UserError(
      `Service "${service.serviceName}" uses the CODE_DEPLOY deployment controller: its rollouts go through AWS CodeDeploy (blue/green with an appspec), not an ECS update of its task definition.`,
    )
  }
  const previousTaskDefinition = service.taskDefinition ?? ''
  const update = serviceUpdate(service, request)
  const mechanism = request.mechanism ? { mechanism: request.mechanism } : {}
  if (!update) {
    const primary = primaryDeployment(service)
    if (primary?.rolloutState === 'IN_PROGRESS' && primary.taskDefinition === request.taskDefinitionArn) {
      const startedAt = (primary.createdAt ?? new Date(now)).getTime()
      return {
        ...followed(primary, service.currentServiceDeployment),
        ...mechanism,
        previousTaskDefinition,
        started: false,
        startedAt,
        since: startedAt,
      }
    }
    return {
      previousTaskDefinition,
      started: false,
      startedAt: now,
      unchangedReason: 'the service already runs this task definition with these settings',
    }
  }
  // The new deployment is taken from UpdateService's answer: DescribeServices may not show it for a few seconds.
  // An update ECS applied but answered with a server error shows as a new primary deployment of the revision asked for.
  const before = primaryDeployment(service)?.id
  const updated = await updateServiceLooking(
    ecs,
    { ...update, cluster: request.cluster, service: update.service ?? '' },
    (now) => {
      const primary = primaryDeployment(now)
      return primary?.id !== before && primary?.taskDefinition === request.taskDefinitionArn
    },
  )
  const primary = updated && primaryDeployment(updated)
  return {
    ...(primary && followed(primary, updated?.currentServiceDeployment)),
    ...mechanism,
    previousTaskDefinition,
    started: true,
    startedAt: now,
    since: primary?.createdAt?.getTime() ?? now,
  }
}

function followed(
  primary: Deployment,
  serviceDeploymentArn: string | undefined,
): Pick<Rollout, 'deploymentId' | 'serviceDeploymentArn'> {
  return {
    ...(primary.id !== undefined && { deploymentId: primary.id }),
    ...(serviceDeploymentArn !== undefined && { serviceDeploymentArn }),
  }
}
