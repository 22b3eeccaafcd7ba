// The members of a service definition file (servicedef/) no input sets (network, placement, load balancers, alarms, …): compared with the
// running service and sent in the one UpdateService of the rollout (settings/service.ts) only where they differ.
// Types only: the action's entry loads this without the AWS SDK.
import type { DeploymentAlarms, Service, UpdateServiceCommandInput } from '@aws-sdk/client-ecs'

export const DEFINITION_MEMBERS = [
  'networkConfiguration',
  'placementConstraints',
  'placementStrategy',
  'platformVersion',
  'availabilityZoneRebalancing',
  'loadBalancers',
  'serviceRegistries',
  'serviceConnectConfiguration',
  'vpcLatticeConfigurations',
] as const

export type DefinitionMember = (typeof DEFINITION_MEMBERS)[number]
type Member = DefinitionMember

/** What UpdateService takes of them, and the deployment alarms (deploymentConfiguration.alarms). */
export type DefinitionMembers = Pick<UpdateServiceCommandInput, DefinitionMember> & {
  alarms?: DeploymentAlarms
}

/** Where DescribeServices shows a member: the service, or (Service Connect, VPC Lattice) its PRIMARY deployment. */
function currentOf(service: Service, key: Member): unknown {
  if (key === 'serviceConnectConfiguration' || key === 'vpcLatticeConfigurations') {
    return service.deployments?.find((d) => d.status === 'PRIMARY')?.[key]
  }
  return service[key]
}

/**
 * Whether `current` already has everything `wanted` says: a member the file leaves out is left as it is, as
 * DescribeServices fills in defaults (assignPublicIp, a load balancer's name) nobody writes.
 */
export function contains(current: unknown, wanted: unknown): boolean {
  if (Array.isArray(wanted))
    return Array.isArray(current) && current.length === wanted.length && wanted.every((w, i) => contains(current[i], w))
  if (wanted && typeof wanted === 'object') {
    if (!current || typeof current !== 'object' || Array.isArray(current)) return false
    return Object.entries(wanted).every(
      ([k, w]) => w === undefined || contains((current as Record<string, unknown>)[k], w),
    )
  }
  return current === wanted
}

/** The members to send in UpdateService: those given that differ from the service's. */
export function definitionUpdate(
  service: Service,
  members: DefinitionMembers | undefined,
): Pick<UpdateServiceCommandInput, DefinitionMember> {
  const update: Record<string, unknown> = {}
  for (const key of DEFINITION_MEMBERS) {
    const wanted = members?.[key]
    if (wanted !== undefined && !contains(currentOf(service, key), wanted)) update[key] = wanted
  }
  return update as Pick<UpdateServiceCommandInput, DefinitionMember>
}

/** The deployment alarms to set, when given and different. */
export function alarmsUpdate(service: Service, members: DefinitionMembers | undefined): DeploymentAlarms | undefined {
  const wanted = members?.alarms
  return wanted && !contains(service.deploymentConfiguration?.alarms, wanted) ? wanted : undefined
}

const alarmsText = (alarms: DeploymentAlarms | undefined): string =>
  alarms?.enable ? `${alarms.alarmNames?.join(', ')}${alarms.rollback ? ' (roll back on ALARM)' : ''}` : 'none'

/** A value for a change line: short ones as they are (no member holds a secret), long ones (many subnets) named only. */
const shown = (value: unknown): string => {
  const text = typeof value === 'string' ? value : JSON.stringify(value ?? null)
  return text.length <= 160 ? text : 'as the service definition says'
}

/** What they change, one line each. */
export function definitionChanges(service: Service, members: DefinitionMembers | undefined): string[] {
  const alarms = alarmsUpdate(service, members)
  return [
    ...(alarms
      ? [`service deployment alarms: ${alarmsText(service.deploymentConfiguration?.alarms)} → ${alarmsText(alarms)}`]
      : []),
    ...Object.entries(definitionUpdate(service, members)).map(
      ([key, value]) => `service ${key}: ${shown(currentOf(service, key as Member))} → ${shown(value)}`,
    ),
  ]
}
