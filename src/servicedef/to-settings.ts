// A service definition as what the action already knows how to apply: the desired count, the circuit breaker mode and
// ServiceSettings (settings/service.ts), so the file and the inputs go through the one UpdateService of the rollout.
import type {
  CapacityProviderStrategyItem,
  DeploymentConfiguration,
  PropagateTags,
  Service,
  ServiceVolumeConfiguration,
  Tag,
} from '@aws-sdk/client-ecs'
import { ProblemsError, type Problem } from '../common/problems.js'
import { serviceChanges } from '../deploy/changes.js'
import { circuitBreakerConfiguration } from '../deploy/rollout.js'
import type { CircuitBreakerMode } from '../settings/inputs.js'
import { SETTING_INPUTS, type ServiceSettings } from '../settings/service.js'
import { FIXED_KEYS, STRATEGY_KEYS } from './service-keys.js'
import type { ServiceDefinition } from './definition-file.js'
import { contains, DEFINITION_MEMBERS, type DefinitionMembers } from '../settings/service-members.js'
import { withLine } from './service-problems.js'

/** What a deploy sets on the service beside its revision: from the inputs, the config file, a service definition. */
export interface ServiceRequest {
  desiredCount?: number
  deploymentCircuitBreaker: CircuitBreakerMode
  serviceSettings?: ServiceSettings
}

/** CreateService members DescribeServices does not return: a change to them could never be seen, nor shown. */
const UNREADABLE = ['gatewayConnectors', 'monitoring']

/**
 * The definition as a ServiceRequest for `service`; what it cannot apply (the controller, the launch type, a strategy)
 * is refused unless it already is so, every problem with its line.
 */
export function definitionRequest(loaded: ServiceDefinition, service: Service): ServiceRequest {
  const d = loaded.definition
  const problems: Problem[] = []
  const refuse = (path: string, message: string): void => void problems.push(withLine({ path, message }, loaded.lineOf))
  const current = service as Record<string, unknown>
  for (const [key, now] of Object.entries(FIXED_KEYS)) {
    const wanted = d[key]
    const have = now(current) ?? defaultOf(key)
    if (wanted === undefined || same(key, have, wanted)) continue
    refuse(
      key,
      key === 'deploymentController'
        ? `differs from the service's (${describe(have)}): the deployment controller is chosen when the service is created and this action deploys with the one it has; remove it, or create a new service with it`
        : `differs from the service's (${describe(have)}): UpdateService cannot change it (CreateService only); remove it, or recreate the service`,
    )
  }
  const configuration = (d.deploymentConfiguration ?? {}) as DeploymentConfiguration & Record<string, unknown>
  const running = (service.deploymentConfiguration ?? {}) as Record<string, unknown>
  for (const key of STRATEGY_KEYS) {
    const wanted = configuration[key]
    if (wanted === undefined || contains(running[key] ?? (key === 'strategy' ? 'ROLLING' : undefined), wanted)) continue
    refuse(
      `deploymentConfiguration.${key}`,
      "belongs to the strategy: set it with the `strategy` input (or the environment's `strategy` in the config file) and its options; remove it here",
    )
  }
  for (const key of UNREADABLE)
    if (d[key] !== undefined)
      refuse(
        key,
        'DescribeServices does not return it, so this action cannot tell whether it changed; remove it and set it with `aws ecs update-service`',
      )
  if (problems.length) throw new ProblemsError(loaded.source, problems, 'Nothing was changed.')
  const breaker = breakerMode(configuration.deploymentCircuitBreaker)
  return {
    ...(d.desiredCount !== undefined && { desiredCount: d.desiredCount as number }),
    deploymentCircuitBreaker: circuitBreakerConfiguration(service.deploymentConfiguration, breaker) ? breaker : 'keep',
    serviceSettings: changing(service, settingsOf(d, configuration)),
  }
}

/**
 * Only the settings that change something: what the file says as the service has it is no request, so the checks of
 * a given setting (a CODE_DEPLOY service changes few through UpdateService) do not refuse a file `init` wrote.
 */
function changing(service: Service, settings: ServiceSettings): ServiceSettings {
  return Object.fromEntries(
    Object.entries(settings).filter(
      ([key, value]) => serviceChanges(service, undefined, 'keep', { [key]: value }).length,
    ),
  ) as ServiceSettings
}

function settingsOf(d: Record<string, unknown>, configuration: DeploymentConfiguration): ServiceSettings {
  const breaker = configuration.deploymentCircuitBreaker
  const members = Object.fromEntries(DEFINITION_MEMBERS.filter((k) => d[k] !== undefined).map((k) => [k, d[k]]))
  const definition: DefinitionMembers = { ...members, ...(configuration.alarms && { alarms: configuration.alarms }) }
  const settings: ServiceSettings = {
    ...(configuration.minimumHealthyPercent !== undefined && {
      minimumHealthyPercent: configuration.minimumHealthyPercent,
    }),
    ...(configuration.maximumPercent !== undefined && { maximumPercent: configuration.maximumPercent }),
    ...(d.healthCheckGracePeriodSeconds !== undefined && {
      healthCheckGracePeriodSeconds: d.healthCheckGracePeriodSeconds as number,
    }),
    ...(d.propagateTags !== undefined && { propagateTags: d.propagateTags as PropagateTags }),
    ...(d.enableECSManagedTags !== undefined && { enableECSManagedTags: d.enableECSManagedTags as boolean }),
    ...(d.enableExecuteCommand !== undefined && { enableExecuteCommand: d.enableExecuteCommand as boolean }),
    ...(d.capacityProviderStrategy !== undefined && {
      capacityProviderStrategy: d.capacityProviderStrategy as CapacityProviderStrategyItem[],
    }),
    ...(d.volumeConfigurations !== undefined && {
      volumeConfigurations: d.volumeConfigurations as ServiceVolumeConfiguration[],
    }),
    ...(breaker?.thresholdConfiguration && { circuitBreakerThreshold: breaker.thresholdConfiguration }),
    ...(breaker?.resetOnHealthyTask !== undefined && { resetOnHealthyTask: breaker.resetOnHealthyTask }),
    ...(configuration.earlySuccessCriteria && { earlySuccess: configuration.earlySuccessCriteria }),
    ...(Object.keys(definition).length && { definition }),
    ...(d.tags !== undefined && { tags: d.tags as Tag[] }),
  }
  return settings
}

function breakerMode(breaker: DeploymentConfiguration['deploymentCircuitBreaker']): CircuitBreakerMode {
  if (!breaker) return 'keep'
  if (!breaker.enable) return 'disable'
  return breaker.rollback ? 'rollback' : 'enable'
}

/**
 * The request a deploy makes: the definition's, with what the inputs (and the config file's environment) give over
 * it; each value both give is noted, for the plan.
 */
export function withInputsOver(
  file: ServiceRequest,
  given: ServiceRequest,
  source: string,
): { request: ServiceRequest; notes: string[] } {
  const notes: string[] = []
  const wins = (what: string, input: string, fileValue: unknown, inputValue: unknown): void => {
    if (JSON.stringify(fileValue) !== JSON.stringify(inputValue))
      notes.push(`${what}: \`${input}\` (${describe(inputValue)}) wins over ${source} (${describe(fileValue)})`)
  }
  if (file.desiredCount !== undefined && given.desiredCount !== undefined)
    wins('desiredCount', 'desired-count', file.desiredCount, given.desiredCount)
  const breakerGiven = given.deploymentCircuitBreaker !== 'keep'
  if (breakerGiven && file.deploymentCircuitBreaker !== 'keep')
    wins(
      'deploymentCircuitBreaker',
      'deployment-circuit-breaker',
      file.deploymentCircuitBreaker,
      given.deploymentCircuitBreaker,
    )
  const inputs = given.serviceSettings ?? {}
  for (const key of Object.keys(inputs) as (keyof ServiceSettings)[])
    if (file.serviceSettings?.[key] !== undefined)
      wins(key, SETTING_INPUTS[key], file.serviceSettings[key], inputs[key])
  const settings = { ...file.serviceSettings, ...inputs }
  const desiredCount = given.desiredCount ?? file.desiredCount
  return {
    request: {
      ...(desiredCount !== undefined && { desiredCount }),
      deploymentCircuitBreaker: breakerGiven ? given.deploymentCircuitBreaker : file.deploymentCircuitBreaker,
      ...(Object.keys(settings).length && { serviceSettings: settings }),
    },
    notes,
  }
}

const DEFAULTS: Record<string, unknown> = { deploymentController: { type: 'ECS' }, schedulingStrategy: 'REPLICA' }
const defaultOf = (key: string): unknown => DEFAULTS[key]

/** A role may be given by name; DescribeServices answers its ARN. */
function same(key: string, have: unknown, wanted: unknown): boolean {
  if (key === 'role' && typeof have === 'string' && typeof wanted === 'string')
    return have === wanted || have.endsWith(`/${wanted}`)
  return contains(have, wanted)
}

/** A short, safe rendering of a value for a message (enum words, numbers, small objects; no free text). */
function describe(value: unknown): string {
  if (value === undefined) return 'not set'
  if (typeof value === 'string') return /^[A-Za-z0-9_:./-]{1,64}$/.test(value) ? value : 'a string'
  const text = JSON.stringify(value)
  return text.length <= 80 ? text : 'an object'
}
