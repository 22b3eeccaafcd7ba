// ECS Express Mode services (DescribeServices marks them `resourceManagementType: ECS`): ECS owns their task definition,
// load balancer and scaling, and deploys every change of their Express configuration its own way (a canary). The action
// updates that configuration (UpdateExpressGatewayService) from the rendered task definition, and follows the deployment
// ECS then starts on the service it owns as an ECS-native one. `strategy` and its settings do not apply.
import type {
  ContainerDefinition,
  ECSClient,
  ExpressGatewayContainer,
  ExpressGatewayServiceConfiguration,
  Service,
  UpdateExpressGatewayServiceCommandInput,
} from '@aws-sdk/client-ecs'
import { taskDefinitionRevision as revision } from '../aws/arn.js'
import { describeExpressGatewayService, describeService, updateExpressGatewayService } from '../aws/ecs.js'
import { UserError } from '../common/errors.js'
import { scalingProblems, scalingText, scalingUpdate, SCALING_KEYS } from '../settings/express-scaling.js'
import { givenSettings } from '../settings/given.js'
import { primaryDeployment, type Rollout } from '../deploy/rollout.js'
import type { WaitContext } from './busy.js'
import { ecsControlled } from './ecs-controlled.js'
import { describeConfiguration } from './ecs-native-config.js'
import { NativeWatch } from './ecs-native.js'
import { rollBackEcsService } from './ecs-service-rollback.js'
import type { DeploymentMechanism, PlanOptions, Redeployment, StartRequest, StrategyPlan } from './mechanism.js'
import type { StrategyInputs } from './strategy-types.js'

/** How ECS marks a service that Express Mode created and manages. */
export const isExpressService = (service: Service): boolean => service.resourceManagementType === 'ECS'

/** The container of an Express task definition that ECS makes from `primaryContainer`. */
const PRIMARY_CONTAINER = 'Main'

/** How often, and how long apart, the service is read for the deployment an update started (ECS is eventually consistent). */
const LOOKS = 15
const LOOK_MS = 1000

/** What UpdateExpressGatewayService takes beside the rendered containers (the scaling target); `on-busy` only says when to start. */
const EXPRESS_TAKES = ['serviceSettings.expressScaling', 'strategy.onBusy']

/**
 * Refuses, in one error, every deployment setting given that an Express service cannot take: ECS manages its
 * deployment and service settings, and UpdateExpressGatewayService has no member for them (they would be ignored).
 */
function checkExpressSettings(service: Service, inputs: StrategyInputs, options: PlanOptions): void {
  const refused = givenSettings({ ...options.given, strategy: inputs }).filter((s) => !EXPRESS_TAKES.includes(s.path))
  if (!refused.length) return
  const one = refused.length === 1
  const count = refused.some((s) => s.path === 'desiredCount')
    ? `; its task count is its scaling target's bounds instead (\`service-settings: { ${SCALING_KEYS.minTaskCount}: 2, ${SCALING_KEYS.maxTaskCount}: 10 }\`)`
    : ''
  throw new UserError(
    `${refused.map((s) => `\`${s.name}\``).join(', ')}: service "${service.serviceName ?? ''}" is an ECS Express Mode service, whose deployment (${describeConfiguration(service.deploymentConfiguration)}) and service settings ECS manages itself; UpdateExpressGatewayService takes only the primary container (image, environment, secrets), cpu, memory and the scaling target (\`service-settings\` express-scaling-*), so ${one ? 'it' : 'they'} would be ignored. Remove ${one ? 'it' : 'them'} for this service (an environment of its own in the config file)${count}. Nothing was changed.`,
  )
}

/** The configuration the service runs now: the one of its task definition (the newest while it deploys). */
export function runningConfiguration(
  configurations: ExpressGatewayServiceConfiguration[],
  service: Service,
): ExpressGatewayServiceConfiguration | undefined {
  return (
    configurations.find((c) => c.taskDefinitionArn === service.taskDefinition) ??
    [...configurations].sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0))[0]
  )
}

/** The Express endpoint (the public one first), as a URL. */
export function endpointOf(configuration: ExpressGatewayServiceConfiguration): string | undefined {
  const paths = configuration.ingressPaths ?? []
  const endpoint = (paths.find((p) => p.accessType === 'PUBLIC') ?? paths[0])?.endpoint
  if (!endpoint) return undefined
  return /^https?:\/\//.test(endpoint) ? endpoint : `https://${endpoint}`
}

async function planExpress(
  ecs: ECSClient,
  service: Service,
  inputs: StrategyInputs,
  options: PlanOptions,
): Promise<StrategyPlan> {
  const name = service.serviceName ?? ''
  checkExpressSettings(service, inputs, options)
  const how = describeConfiguration(service.deploymentConfiguration)
  const express = await describeExpressGatewayService(ecs, service.serviceArn ?? '')
  const configuration = runningConfiguration(express?.activeConfigurations ?? [], service)
  if (!configuration)
    throw new UserError(
      `Express service "${name}" has no active configuration (DescribeExpressGatewayService: ${express?.status?.statusCode ?? 'no status'}): wait until ECS has created it, then deploy again.`,
    )
  const url = endpointOf(configuration)
  const live = configuration.scalingTarget
  const scaling = scalingUpdate(live, options.given?.serviceSettings?.expressScaling)
  const problem = scaling && scalingProblems(scaling)[0]
  if (problem)
    throw new UserError(
      `Service setting \`${problem.key}\`: with Express service "${name}"'s own scaling target (${scalingText(live)}) beside the given one, ${problem.message}. Give the other member too. Nothing was changed.`,
    )
  return {
    mechanism: 'express',
    description: `Express Mode: its configuration updated, deployed as ECS deploys Express services — ${how} (\`strategy\` does not apply)`,
    inputs,
    express: configuration,
    ...(url && { url }),
    changes: scaling ? [`Express scaling target: ${scalingText(live)} → ${scalingText(scaling)}`] : [],
  }
}

/** The rendered container ECS makes the Express service's primary container of: `Main`, or the only one. */
function primaryOf(name: string, containers: ContainerDefinition[]): ContainerDefinition {
  const primary =
    containers.find((c) => c.name === PRIMARY_CONTAINER) ?? (containers.length === 1 ? containers[0] : undefined)
  if (!primary?.image)
    throw new UserError(
      `Express service "${name}": its task definition has no container named ${PRIMARY_CONTAINER} (the one ECS makes from the Express primary container): the template must keep it.`,
    )
  return primary
}

const listed = <T>(items: T[] | undefined): T[] | undefined => (items?.length ? items : undefined)

/** What UpdateExpressGatewayService must change to run the rendered containers, or undefined when nothing would. */
export function expressUpdate(
  service: Service,
  current: ExpressGatewayServiceConfiguration,
  request: StartRequest,
): UpdateExpressGatewayServiceCommandInput | undefined {
  const name = service.serviceName ?? ''
  const main = primaryOf(name, request.containers ?? [])
  const before = current.primaryContainer
  const environment = listed(main.environment)
  const secrets = listed(main.secrets)
  const primaryContainer: ExpressGatewayContainer = {
    ...before,
    image: main.image,
    ...((environment || before?.environment) && { environment: environment ?? [] }),
    ...((secrets || before?.secrets) && { secrets: secrets ?? [] }),
  }
  const scalingTarget = scalingUpdate(current.scalingTarget, request.settings?.expressScaling)
  const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? []) === JSON.stringify(b ?? [])
  const changes = {
    ...(!(
      before?.image === primaryContainer.image &&
      same(before?.environment, primaryContainer.environment) &&
      same(before?.secrets, primaryContainer.secrets)
    ) && { primaryContainer }),
    ...(request.cpu !== undefined && request.cpu !== current.cpu && { cpu: request.cpu }),
    ...(request.memory !== undefined && request.memory !== current.memory && { memory: request.memory }),
    ...(scalingTarget && { scalingTarget }),
  }
  if (!Object.keys(changes).length && !request.forceNewDeployment) return undefined
  return { serviceArn: service.serviceArn, primaryContainer, ...changes }
}

/** The update that brings `before` back, for the members `update` sets (always the primary container). */
function restoring(
  update: UpdateExpressGatewayServiceCommandInput,
  before: ExpressGatewayServiceConfiguration,
): UpdateExpressGatewayServiceCommandInput {
  return {
    serviceArn: update.serviceArn,
    primaryContainer: before.primaryContainer,
    ...(update.cpu !== undefined && { cpu: before.cpu }),
    ...(update.memory !== undefined && { memory: before.memory }),
    ...(update.scalingTarget && before.scalingTarget && { scalingTarget: before.scalingTarget }),
  }
}

/** Updates the Express configuration and returns the deployment ECS started for it on the service it owns. */
async function startExpress(
  ecs: ECSClient,
  ctx: WaitContext,
  plan: StrategyPlan,
  service: Service,
  request: StartRequest,
): Promise<Rollout> {
  const name = service.serviceName ?? ''
  const current = plan.express
  if (!current) throw new Error('an Express update needs the Express plan (planStrategy)')
  const previousTaskDefinition = service.taskDefinition ?? ''
  const now = ctx.clock.now()
  const update = expressUpdate(service, current, request)
  if (!update) {
    const primary = primaryDeployment(service)
    if (primary?.rolloutState === 'IN_PROGRESS' && primary.taskDefinition === current.taskDefinitionArn) {
      const startedAt = (primary.createdAt ?? new Date(now)).getTime()
      return {
        ...(primary.id && { deploymentId: primary.id }),
        ...(service.currentServiceDeployment && { serviceDeploymentArn: service.currentServiceDeployment }),
        mechanism: 'express',
        previousTaskDefinition,
        started: false,
        startedAt,
        since: startedAt,
        ...(primary.taskDefinition && { targetTaskDefinition: primary.taskDefinition }),
      }
    }
    return {
      previousTaskDefinition,
      started: false,
      startedAt: now,
      unchangedReason:
        'the Express service already runs this image, environment, secrets, cpu, memory and scaling target',
    }
  }
  const updated = await updateExpressGatewayService(ecs, update)
  const target = updated?.targetConfiguration?.taskDefinitionArn
  if (!target) throw new Error(`UpdateExpressGatewayService answered no target configuration for service "${name}"`)
  ctx.log(`${name}: updated the Express configuration; ECS registered ${revision(target)} from it`)
  // ECS starts the deployment on the service it owns after answering: read until it shows.
  for (let look = 1; look <= LOOKS; look++) {
    const now = (await describeService(ecs, request.cluster, name)) ?? service
    const primary = primaryDeployment(now)
    if (primary?.taskDefinition === target && primary.id)
      return {
        deploymentId: primary.id,
        ...(now.currentServiceDeployment && { serviceDeploymentArn: now.currentServiceDeployment }),
        mechanism: 'express',
        previousTaskDefinition,
        started: true,
        startedAt: ctx.clock.now(),
        since: primary.createdAt?.getTime() ?? ctx.clock.now(),
        targetTaskDefinition: target,
        restore: restoring(update, current),
      }
    await ctx.clock.sleep(LOOK_MS, ctx.signal)
  }
  throw new UserError(
    `Express service "${name}": ECS took the configuration update (${revision(target)}) but its service showed no deployment of it within ${(LOOKS * LOOK_MS) / 1000} s; see the service's events in the ECS console.`,
  )
}

/**
 * The deployment ECS started, followed as ECS's canary. An Express service's revisions come from its configuration
 * only: the release before is brought back by updating the configuration to what it was, a revision ECS registers anew.
 */
class ExpressWatch extends NativeWatch {
  override async redeployPrevious(rollout: Rollout): Promise<Redeployment> {
    if (!rollout.restore)
      throw new Error(
        "the Express configuration before this run's update is not known: deploy the previous image again",
      )
    const updated = await updateExpressGatewayService(this.ctx.ecs, rollout.restore)
    const target = updated?.targetConfiguration?.taskDefinitionArn
    if (!target) throw new Error('UpdateExpressGatewayService answered no target configuration')
    const { cpu, memory, scalingTarget } = rollout.restore
    const members = [
      'image, environment, secrets',
      cpu || memory ? 'cpu/memory' : '',
      scalingTarget ? 'scaling target' : '',
    ]
    return {
      line: `asked ECS to bring back the Express configuration of ${revision(rollout.previousTaskDefinition)} (${members.filter(Boolean).join(', ')}); ECS registered ${revision(target)} from it`,
      revision: target,
    }
  }
}

const shared = ecsControlled('ecs-native')

export const express: DeploymentMechanism = {
  ...shared,
  name: 'express',
  strategies: { rolling: false, 'blue-green': false, canary: false, linear: false },
  testTraffic: false,
  refusesEarlySuccess: true,
  registersRevisions: false,
  // ECS deploys an Express service as a canary: the whole new fleet beside the old one until the bake ends.
  peakFleet: 'both-fleets',
  owns: isExpressService,
  configure: () => ({}),
  plan: (clients, _cluster, service, inputs, options) => planExpress(clients.ecs, service, inputs, options),
  start: (clients, ctx, plan, service, request) => startExpress(clients.ecs, ctx, plan, service, request),
  resume(_clients, _cluster, _plan, service) {
    return Promise.reject(
      new UserError(
        `\`mode: continue\`: service "${service.serviceName}" is an ECS Express Mode service: ECS pauses none of its deployments, so there is nothing to continue.`,
      ),
    )
  },
  rollBackService(clients, service, request) {
    const primary = primaryDeployment(service)
    if (!request.to && primary?.rolloutState === 'IN_PROGRESS' && (service.deployments?.length ?? 0) > 1)
      return rollBackEcsService(clients.ecs, service, { ...request, mechanism: 'express' })
    return Promise.reject(
      new UserError(
        `\`rollback\`: service "${service.serviceName}" is an ECS Express Mode service with no deployment in flight: ECS makes its revisions from its Express configuration, so deploy the previous image again instead.`,
      ),
    )
  },
  watch: (ctx) => new ExpressWatch(ctx, express.testTraffic),
}
