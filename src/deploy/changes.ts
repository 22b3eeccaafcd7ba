import type { DeploymentCircuitBreaker, Service } from '@aws-sdk/client-ecs'
import type { CircuitBreakerMode } from '../settings/inputs.js'
import { circuitBreakerConfiguration } from './rollout.js'
import { deploymentSettingsChanges, settingsChanges, type ServiceSettings } from '../settings/service.js'

function breakerName(breaker: DeploymentCircuitBreaker | undefined): string {
  if (!breaker?.enable) return 'off'
  return breaker.rollback ? 'on, with rollback' : 'on, without rollback'
}

/** What the update would change on the service itself, beside its task definition, one line each. */
export function serviceChanges(
  service: Service,
  desiredCount: number | undefined,
  breaker: CircuitBreakerMode,
  settings: ServiceSettings = {},
): string[] {
  const changes: string[] = []
  if (desiredCount !== undefined && desiredCount !== service.desiredCount) {
    changes.push(`service desired count: ${service.desiredCount} → ${desiredCount}`)
  }
  const configuration = circuitBreakerConfiguration(service.deploymentConfiguration, breaker)
  if (configuration) {
    const before = breakerName(service.deploymentConfiguration?.deploymentCircuitBreaker)
    changes.push(
      `service deployment circuit breaker: ${before} → ${breakerName(configuration.deploymentCircuitBreaker)}`,
    )
  }
  const breakerAfter = (configuration ?? service.deploymentConfiguration)?.deploymentCircuitBreaker
  changes.push(...deploymentSettingsChanges(service.deploymentConfiguration, breakerAfter, settings))
  changes.push(...settingsChanges(service, settings))
  return changes
}
