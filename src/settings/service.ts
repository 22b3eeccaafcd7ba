// The service's own deployment settings as code (percentages, grace period, tags, exec, capacity providers, EBS
// volumes, the circuit breaker's threshold, early success): read from the inputs, checked against the service before anything changes, shown in the diff, and sent
// in UpdateService only when given and different — what the user did not set is never reset.
import type {
  CapacityProviderStrategyItem,
  DeploymentCircuitBreaker,
  DeploymentConfiguration,
  DeploymentEarlySuccessCriteria,
  ExpressGatewayScalingTarget,
  PropagateTags,
  RegisterTaskDefinitionCommandInput,
  Service,
  ServiceVolumeConfiguration,
  Tag,
  ThresholdConfiguration,
  UpdateServiceCommandInput,
} from '@aws-sdk/client-ecs'
import { UserError } from '../common/errors.js'
import { describedValue } from '../common/problems.js'
import { SCALING_KEYS } from './express-scaling.js'
import {
  definitionChanges,
  definitionUpdate,
  type DefinitionMember,
  type DefinitionMembers,
} from './service-members.js'

export interface ServiceSettings {
  minimumHealthyPercent?: number
  maximumPercent?: number
  healthCheckGracePeriodSeconds?: number
  propagateTags?: PropagateTags
  enableECSManagedTags?: boolean
  enableExecuteCommand?: boolean
  capacityProviderStrategy?: CapacityProviderStrategyItem[]
  volumeConfigurations?: ServiceVolumeConfiguration[]
  /** deploymentCircuitBreaker.thresholdConfiguration: how many failed tasks fail the deployment. */
  circuitBreakerThreshold?: ThresholdConfiguration
  /** deploymentCircuitBreaker.resetOnHealthyTask: a healthy task sets the failure count back to 0 (ECS's default). */
  resetOnHealthyTask?: boolean
  /** deploymentConfiguration.earlySuccessCriteria (rolling only): ECS completes the deployment at this share healthy. */
  earlySuccess?: DeploymentEarlySuccessCriteria
  /** An Express service's scaling target (UpdateExpressGatewayService's scalingTarget), the members given. */
  expressScaling?: ExpressGatewayScalingTarget
  /** The service definition file's members no input sets (network, placement, load balancers, alarms, …). */
  definition?: DefinitionMembers
  /** The service's tags as the service definition gives them: applied with TagResource/UntagResource, never UpdateService. */
  tags?: Tag[]
}

/** Each setting's input, for messages. */
export const SETTING_INPUTS: Record<keyof ServiceSettings, string> = {
  minimumHealthyPercent: 'minimum-healthy-percent',
  maximumPercent: 'maximum-percent',
  healthCheckGracePeriodSeconds: 'health-check-grace-period',
  propagateTags: 'propagate-tags',
  enableECSManagedTags: 'enable-ecs-managed-tags',
  enableExecuteCommand: 'enable-execute-command',
  capacityProviderStrategy: 'capacity-provider-strategy',
  volumeConfigurations: 'volume-configurations',
  circuitBreakerThreshold: 'circuit-breaker-threshold',
  resetOnHealthyTask: 'circuit-breaker-reset-on-healthy-task',
  earlySuccess: 'early-success-healthy-percent',
  expressScaling: 'express-scaling-min-tasks',
  definition: 'service-definition',
  tags: 'service-definition',
}

/** Settings the config file's `service-settings:` gives, with no input of their own. */
const CONFIG_ONLY: (keyof ServiceSettings)[] = [
  'circuitBreakerThreshold',
  'resetOnHealthyTask',
  'earlySuccess',
  'expressScaling',
]

/** What UpdateService changes on a CODE_DEPLOY service (AWS: the rest goes through a CodeDeploy deployment). */
const CODE_DEPLOY_UPDATABLE: (keyof ServiceSettings)[] = [
  'minimumHealthyPercent',
  'maximumPercent',
  'healthCheckGracePeriodSeconds',
  'propagateTags',
  'enableECSManagedTags',
  'tags',
]

/**
 * A capacity provider strategy, as `name:weight:base` lines (weight and base optional) or a JSON array of
 * `{ capacityProvider, weight, base }` (the official action's form); checked against ECS's rules.
 */
export function parseCapacityProviderStrategy(input: string, value: string): CapacityProviderStrategyItem[] {
  const text = value.trim()
  const items = text.startsWith('[') ? strategyFromJson(input, text) : strategyFromLines(input, text)
  if (!items.length) throw new UserError(`Input \`${input}\` names no capacity provider.`)
  const names = items.map((i) => i.capacityProvider)
  const twice = names.find((n, i) => names.indexOf(n) !== i)
  if (twice) throw new UserError(`Input \`${input}\`: capacity provider "${twice}" is given twice.`)
  if (items.filter((i) => (i.base ?? 0) > 0).length > 1) {
    throw new UserError(`Input \`${input}\`: only one capacity provider may have a base above 0 (ECS's rule).`)
  }
  if (items.length > 1 && !items.some((i) => (i.weight ?? 0) > 0)) {
    throw new UserError(`Input \`${input}\`: at least one capacity provider needs a weight above 0.`)
  }
  return items
}

function strategyFromLines(input: string, text: string): CapacityProviderStrategyItem[] {
  return text
    .split(/[\n,]/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [name = '', weight, base, ...rest] = line.split(':').map((part) => part.trim())
      if (!/^[A-Za-z0-9_-]{1,255}$/.test(name) || rest.length) {
        throw new UserError(
          `Input \`${input}\`: "${line}" is not name:weight:base (e.g. FARGATE_SPOT:3 or FARGATE:1:2; weight and base are optional).`,
        )
      }
      return {
        capacityProvider: name,
        ...(weight !== undefined && weight !== '' && { weight: whole(input, `${name} weight`, weight, 1000) }),
        ...(base !== undefined && base !== '' && { base: whole(input, `${name} base`, base, 100000) }),
      }
    })
}

function strategyFromJson(input: string, text: string): CapacityProviderStrategyItem[] {
  const list = jsonArray(input, text, '[{"capacityProvider": "FARGATE_SPOT", "weight": 3}]')
  return list.map((item, i) => {
    const where = `item ${i + 1}`
    if (!isObject(item) || typeof item.capacityProvider !== 'string' || !item.capacityProvider) {
      throw new UserError(`Input \`${input}\`, ${where}: needs "capacityProvider", the capacity provider's name.`)
    }
    const unknown = Object.keys(item).find((k) => !['capacityProvider', 'weight', 'base'].includes(k))
    if (unknown) {
      throw new UserError(
        `Input \`${input}\`, ${where}: unknown key "${unknown}" (the keys are capacityProvider, weight, base).`,
      )
    }
    const { capacityProvider, weight, base } = item
    return {
      capacityProvider,
      ...(weight !== undefined && { weight: whole(input, `${capacityProvider} weight`, weight, 1000) }),
      ...(base !== undefined && { base: whole(input, `${capacityProvider} base`, base, 100000) }),
    }
  })
}

/**
 * EBS volumes configured at launch, as UpdateService takes them: a JSON array of
 * `{ "name": …, "managedEBSVolume": { "roleArn": …, … } }`; `[]` removes them.
 */
export function parseVolumeConfigurations(input: string, value: string): ServiceVolumeConfiguration[] {
  const example =
    '[{"name": "data", "managedEBSVolume": {"roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole", "sizeInGiB": 20}}]'
  return jsonArray(input, value.trim(), example).map((item, i) => {
    const where = `Input \`${input}\`, item ${i + 1}`
    if (!isObject(item) || typeof item.name !== 'string' || !item.name) {
      throw new UserError(`${where}: needs "name", the task definition volume configured at launch.`)
    }
    const unknown = Object.keys(item).find((k) => k !== 'name' && k !== 'managedEBSVolume')
    if (unknown) throw new UserError(`${where}: unknown key "${unknown}" (the keys are name, managedEBSVolume).`)
    const ebs = item.managedEBSVolume
    if (!isObject(ebs) || typeof ebs.roleArn !== 'string' || !ebs.roleArn.startsWith('arn:')) {
      throw new UserError(
        `${where} (${item.name}): needs "managedEBSVolume" with "roleArn", the ARN of the infrastructure role ECS uses to manage the volume.`,
      )
    }
    return item as unknown as ServiceVolumeConfiguration
  })
}

function jsonArray(input: string, text: string, example: string): unknown[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw new UserError(`Input \`${input}\` is not valid JSON: give a JSON array, e.g. ${example}.`)
  }
  if (!Array.isArray(parsed)) {
    throw new UserError(`Input \`${input}\` must be a JSON array, not ${describedValue(parsed)}: e.g. ${example}.`)
  }
  return parsed
}

function whole(input: string, what: string, value: unknown, max: number): number {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > max) {
    throw new UserError(
      `Input \`${input}\`: ${what} must be a whole number from 0 to ${max}, not ${describedValue(value)}.`,
    )
  }
  return n
}

/**
 * The circuit breaker's threshold as written: `2` (2 failed tasks: COUNT), `25%` (of the desired count, at least 3
 * and at most 200: BOUNDED_PERCENT), `25% unbounded` (UNBOUNDED_PERCENT). A string is what is wrong with it.
 */
export function parseThreshold(value: unknown): ThresholdConfiguration | string {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : ''
  const match = /^(\d{1,10})(?:\s*(%)(?:\s+(unbounded))?)?$/i.exec(text)
  const n = Number(match?.[1])
  if (!match || n < 1 || n > 2147483647) {
    return `${describedValue(value)} is not a threshold: give failed tasks (2), a share of the desired count (25%, at least 3 and at most 200 tasks) or an unbounded share (25% unbounded)`
  }
  const type = !match[2] ? 'COUNT' : match[3] ? 'UNBOUNDED_PERCENT' : 'BOUNDED_PERCENT'
  return { type, value: n }
}

/** How many failed tasks fail a deployment of `desiredCount` tasks (ECS's rule; without a threshold, 50 % bounded). */
export function failureThreshold(desiredCount: number, threshold?: ThresholdConfiguration): number {
  const { type = 'BOUNDED_PERCENT', value = 50 } = threshold ?? {}
  if (type === 'COUNT') return value
  const share = Math.ceil((desiredCount * value) / 100)
  return type === 'UNBOUNDED_PERCENT' ? Math.max(1, share) : Math.min(200, Math.max(3, share))
}

const thresholdText = (threshold: ThresholdConfiguration | undefined): string => {
  if (!threshold) return 'default (50 % of the desired count, 3–200 tasks)'
  if (threshold.type === 'COUNT') return `${threshold.value} failed task${threshold.value === 1 ? '' : 's'}`
  return `${threshold.value} % of the desired count${threshold.type === 'BOUNDED_PERCENT' ? ', 3–200 tasks' : ', unbounded'}`
}

const earlySuccessText = (criteria: DeploymentEarlySuccessCriteria | undefined): string =>
  criteria?.enable
    ? `at ${criteria.healthyPercent} % healthy (old tasks removed ${criteria.sourceServiceRevisionCleanup === 'DEFERRED' ? 'after' : 'before'})`
    : 'off'

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * Checks the settings against the service, before anything changes: what a CODE_DEPLOY service cannot change
 * through UpdateService, the percentages as ECS will have them (the given one with the service's other), early
 * success where the deployment mechanism refuses it, and an Express scaling target for a service that is none.
 */
export function checkServiceSettings(
  service: Service,
  settings: ServiceSettings,
  refusesEarlySuccess = false,
  express = false,
): void {
  const name = service.serviceName ?? ''
  if (settings.expressScaling && !express) {
    const keys = (Object.keys(settings.expressScaling) as (keyof typeof SCALING_KEYS)[]).map(
      (member) => `\`${SCALING_KEYS[member]}\``,
    )
    throw new UserError(
      `Service setting ${keys.join(', ')}: service "${name}" is not an ECS Express Mode service; the Express scaling target applies to Express services only (UpdateExpressGatewayService). A regular service's task count is \`desired-count\` (its auto scaling, Application Auto Scaling's, stays as it is): remove ${keys.length > 1 ? 'them' : 'it'} for this service. Nothing was changed.`,
    )
  }
  if (settings.earlySuccess?.enable && refusesEarlySuccess) {
    throw new UserError(
      `Service setting \`early-success-healthy-percent\` applies to rolling deployments only (ECS's rule: early success criteria work with the rolling deployment strategy); service "${name}" deploys with ECS's blue/green, canary or linear strategy here. Nothing was changed.`,
    )
  }
  if (service.deploymentController?.type === 'CODE_DEPLOY') {
    const blocked = (Object.keys(settings) as (keyof ServiceSettings)[]).find(
      (key) => settings[key] !== undefined && !CODE_DEPLOY_UPDATABLE.includes(key),
    )
    if (blocked) {
      throw new UserError(
        `${CONFIG_ONLY.includes(blocked) ? 'Service setting' : 'Input'} \`${SETTING_INPUTS[blocked]}\` cannot be applied to service "${name}": it uses the CODE_DEPLOY deployment controller, where UpdateService changes only the desired count, deployment percentages, health check grace period, managed tags and tag propagation (the rest belongs to the CodeDeploy deployment). Nothing was changed.`,
      )
    }
  }
  const early = settings.earlySuccess
  const minimum = settings.minimumHealthyPercent ?? service.deploymentConfiguration?.minimumHealthyPercent ?? 100
  if (early?.enable && (early.healthyPercent ?? 0) < minimum) {
    throw new UserError(
      `Service setting \`early-success-healthy-percent\` (${early.healthyPercent}) is below service "${name}"'s minimum healthy percent (${minimum}); ECS needs it at least as high. Nothing was changed.`,
    )
  }
  if (settings.minimumHealthyPercent === undefined && settings.maximumPercent === undefined) return
  const min = minimum
  const max = settings.maximumPercent ?? service.deploymentConfiguration?.maximumPercent ?? 200
  if (max <= min) {
    const given = settings.maximumPercent === undefined ? 'minimum-healthy-percent' : 'maximum-percent'
    throw new UserError(
      `Input \`${given}\`: service "${name}" would have maximum percent ${max} and minimum healthy percent ${min}; ECS needs the maximum above the minimum so that a rolling update can replace tasks. Nothing was changed.`,
    )
  }
}

/** Each EBS volume configuration must name a volume of the revision that is configured at launch (ECS's rule). */
export function checkVolumesAtLaunch(settings: ServiceSettings, request: RegisterTaskDefinitionCommandInput): void {
  const atLaunch = (request.volumes ?? []).filter((v) => v.configuredAtLaunch).map((v) => v.name ?? '')
  const stray = settings.volumeConfigurations?.find((v) => !atLaunch.includes(v.name ?? ''))
  if (stray) {
    throw new UserError(
      `Config key \`service-settings.volume-configurations\`: "${stray.name}" is not a volume of task definition ${request.family} configured at launch (${atLaunch.length ? `those are: ${atLaunch.join(', ')}` : 'it has none; add one with "configuredAtLaunch": true'}). Nothing was changed.`,
    )
  }
}

/** The members of UpdateService that change something on the service; empty when it already is as asked. */
export function settingsUpdate(
  service: Service,
  settings: ServiceSettings,
): Pick<
  UpdateServiceCommandInput,
  | 'healthCheckGracePeriodSeconds'
  | 'propagateTags'
  | 'enableECSManagedTags'
  | 'enableExecuteCommand'
  | 'capacityProviderStrategy'
  | 'volumeConfigurations'
  | DefinitionMember
> {
  const differs = <K extends keyof ServiceSettings>(key: K, current: unknown): boolean =>
    settings[key] !== undefined && JSON.stringify(settings[key]) !== JSON.stringify(current)
  return {
    ...(differs('healthCheckGracePeriodSeconds', service.healthCheckGracePeriodSeconds ?? 0) && {
      healthCheckGracePeriodSeconds: settings.healthCheckGracePeriodSeconds,
    }),
    ...(differs('propagateTags', service.propagateTags ?? 'NONE') && { propagateTags: settings.propagateTags }),
    ...(differs('enableECSManagedTags', service.enableECSManagedTags ?? false) && {
      enableECSManagedTags: settings.enableECSManagedTags,
    }),
    ...(differs('enableExecuteCommand', service.enableExecuteCommand ?? false) && {
      enableExecuteCommand: settings.enableExecuteCommand,
    }),
    ...(differs('capacityProviderStrategy', service.capacityProviderStrategy ?? []) && {
      capacityProviderStrategy: settings.capacityProviderStrategy,
    }),
    ...(differs('volumeConfigurations', currentVolumeConfigurations(service)) && {
      volumeConfigurations: settings.volumeConfigurations,
    }),
    ...definitionUpdate(service, settings.definition),
  }
}

/** The deployment percentages to set, when given and different. */
export function percentagesUpdate(
  service: Service,
  settings: ServiceSettings,
): { minimumHealthyPercent?: number; maximumPercent?: number } | undefined {
  const current = service.deploymentConfiguration
  const min = settings.minimumHealthyPercent
  const max = settings.maximumPercent
  const wanted = {
    ...(min !== undefined && min !== current?.minimumHealthyPercent && { minimumHealthyPercent: min }),
    ...(max !== undefined && max !== current?.maximumPercent && { maximumPercent: max }),
  }
  return Object.keys(wanted).length ? wanted : undefined
}

/**
 * The circuit breaker with the threshold and reset settings on `breaker` (the one the rollout will have); undefined
 * when they are not given or already so. `enable` and `rollback` are required members, so they are carried over.
 */
export function breakerUpdate(
  breaker: DeploymentCircuitBreaker | undefined,
  settings: ServiceSettings,
): DeploymentCircuitBreaker | undefined {
  const threshold = settings.circuitBreakerThreshold
  const reset = settings.resetOnHealthyTask
  const sameThreshold =
    threshold === undefined ||
    (breaker?.thresholdConfiguration?.type === threshold.type &&
      breaker?.thresholdConfiguration?.value === threshold.value)
  const sameReset = reset === undefined || (breaker?.resetOnHealthyTask ?? true) === reset
  if (sameThreshold && sameReset) return undefined
  return {
    enable: breaker?.enable ?? false,
    rollback: breaker?.rollback ?? false,
    ...breaker,
    ...(threshold && { thresholdConfiguration: threshold }),
    ...(reset !== undefined && { resetOnHealthyTask: reset }),
  }
}

/** The early success criteria to set, when given and different. */
export function earlySuccessUpdate(
  configuration: DeploymentConfiguration | undefined,
  settings: ServiceSettings,
): DeploymentEarlySuccessCriteria | undefined {
  const wanted = settings.earlySuccess
  const now = configuration?.earlySuccessCriteria
  if (!wanted || earlySuccessText(wanted) === earlySuccessText(now)) return undefined
  return wanted
}

/** What the circuit breaker and early success settings change, one line each. */
export function deploymentSettingsChanges(
  configuration: DeploymentConfiguration | undefined,
  breaker: DeploymentCircuitBreaker | undefined,
  settings: ServiceSettings,
): string[] {
  const before = configuration?.deploymentCircuitBreaker
  const after = breakerUpdate(breaker, settings)
  const early = earlySuccessUpdate(configuration, settings)
  const changes: string[] = []
  if (
    after &&
    settings.circuitBreakerThreshold &&
    thresholdText(before?.thresholdConfiguration) !== thresholdText(after.thresholdConfiguration)
  )
    changes.push(
      `service circuit breaker threshold: ${thresholdText(before?.thresholdConfiguration)} → ${thresholdText(after.thresholdConfiguration)}`,
    )
  if (
    after &&
    settings.resetOnHealthyTask !== undefined &&
    (before?.resetOnHealthyTask ?? true) !== after.resetOnHealthyTask
  )
    changes.push(
      `service circuit breaker reset on healthy task: ${onOff(before?.resetOnHealthyTask ?? true)} → ${onOff(after.resetOnHealthyTask)}`,
    )
  if (early)
    changes.push(
      `service early success: ${earlySuccessText(configuration?.earlySuccessCriteria)} → ${earlySuccessText(early)}`,
    )
  return changes
}

/** The service's EBS volume configurations: ECS shows them on its PRIMARY deployment. */
function currentVolumeConfigurations(service: Service): ServiceVolumeConfiguration[] {
  return service.deployments?.find((d) => d.status === 'PRIMARY')?.volumeConfigurations ?? []
}

const strategyText = (items: CapacityProviderStrategyItem[] | undefined, service: Service): string =>
  items?.length
    ? items.map((i) => `${i.capacityProvider}:${i.weight ?? 0}:${i.base ?? 0}`).join(', ')
    : `none (launch type ${service.launchType ?? 'EC2'})`

const volumesText = (volumes: ServiceVolumeConfiguration[]): string =>
  volumes.length
    ? volumes
        .map((v) => `${v.name} (EBS${v.managedEBSVolume?.sizeInGiB ? ` ${v.managedEBSVolume.sizeInGiB} GiB` : ''})`)
        .join(', ')
    : 'none'

/** What the settings change on the service, one line each (the diff, dry run, the summary). */
export function settingsChanges(service: Service, settings: ServiceSettings): string[] {
  const changes: string[] = []
  const percentages = percentagesUpdate(service, settings)
  const current = service.deploymentConfiguration
  if (percentages?.minimumHealthyPercent !== undefined)
    changes.push(
      `service minimum healthy percent: ${current?.minimumHealthyPercent ?? 100} → ${percentages.minimumHealthyPercent}`,
    )
  if (percentages?.maximumPercent !== undefined)
    changes.push(`service maximum percent: ${current?.maximumPercent ?? 200} → ${percentages.maximumPercent}`)
  const update = settingsUpdate(service, settings)
  if (update.healthCheckGracePeriodSeconds !== undefined)
    changes.push(
      `service health check grace period: ${service.healthCheckGracePeriodSeconds ?? 0} s → ${update.healthCheckGracePeriodSeconds} s`,
    )
  if (update.propagateTags !== undefined)
    changes.push(`service propagate tags: ${service.propagateTags ?? 'NONE'} → ${update.propagateTags}`)
  if (update.enableECSManagedTags !== undefined)
    changes.push(
      `service ECS managed tags: ${onOff(service.enableECSManagedTags)} → ${onOff(update.enableECSManagedTags)}`,
    )
  if (update.enableExecuteCommand !== undefined)
    changes.push(
      `service execute command: ${onOff(service.enableExecuteCommand)} → ${onOff(update.enableExecuteCommand)}`,
    )
  if (update.capacityProviderStrategy !== undefined)
    changes.push(
      `service capacity provider strategy: ${strategyText(service.capacityProviderStrategy, service)} → ${strategyText(update.capacityProviderStrategy, service)}`,
    )
  if (update.volumeConfigurations !== undefined)
    changes.push(
      `service volume configurations: ${volumesText(currentVolumeConfigurations(service))} → ${volumesText(update.volumeConfigurations)}`,
    )
  const tagging = tagsUpdate(service, settings.tags)
  if (tagging) changes.push(`service tags: ${tagsText(tagging)}`)
  return [...changes, ...definitionChanges(service, settings.definition)]
}

/** The TagResource / UntagResource that leave the service with exactly `wanted` (AWS's own `aws:` tags stay). */
export interface TagsUpdate {
  tags: Tag[]
  tagKeys: string[]
}

export function tagsUpdate(service: Service, wanted: Tag[] | undefined): TagsUpdate | undefined {
  if (!wanted) return undefined
  const have = new Map((service.tags ?? []).map((t) => [t.key ?? '', t.value ?? '']))
  const keep = new Set(wanted.map((t) => t.key))
  const tags = wanted.filter((t) => have.get(t.key ?? '') !== (t.value ?? ''))
  const tagKeys = [...have.keys()].filter((key) => !keep.has(key) && !key.startsWith('aws:'))
  return tags.length || tagKeys.length ? { tags, tagKeys } : undefined
}

export function tagsText({ tags, tagKeys }: TagsUpdate): string {
  return [
    ...(tags.length ? [`set ${tags.map((t) => `${t.key}=${t.value ?? ''}`).join(', ')}`] : []),
    ...(tagKeys.length ? [`remove ${tagKeys.join(', ')}`] : []),
  ].join('; ')
}

const onOff = (value: boolean | undefined): string => (value ? 'on' : 'off')
