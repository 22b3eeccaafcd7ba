import type {
  DeploymentConfiguration,
  DeploymentLifecycleHook,
  DeploymentStrategy,
  LoadBalancer,
  Service,
} from '@aws-sdk/client-ecs'
import { resourceId } from '../aws/arn.js'
import { UserError } from '../common/errors.js'
import type { PauseStage, PerStrategy, StrategyInputs, StrategyName } from './strategy-types.js'

/** ECS's defaults when canaryConfiguration / linearConfiguration leave a member out. */
const ECS_DEFAULTS = { canaryPercent: 5, canaryBakeTimeInMinutes: 10, stepPercent: 10, stepBakeTimeInMinutes: 6 }

type Configuration = DeploymentConfiguration | undefined

/** A strategy in ECS's terms: its DeploymentStrategy, the members only it takes, and its words. */
interface EcsStrategy {
  strategy: DeploymentStrategy
  /** Whether ECS shifts traffic between two revisions (a load balancer or Service Connect, a bake time, PAUSE hooks). */
  shiftsTraffic: boolean
  /** The members of this strategy's own, from the inputs over the service's current ones. */
  own(current: Configuration, inputs: StrategyInputs): Partial<DeploymentConfiguration>
  describe(configuration: Configuration, bake: string): string
}

const ECS: PerStrategy<EcsStrategy> = {
  rolling: {
    strategy: 'ROLLING',
    shiftsTraffic: false,
    own: () => ({}),
    describe: () => 'rolling update (ECS)',
  },
  'blue-green': {
    strategy: 'BLUE_GREEN',
    shiftsTraffic: true,
    own: () => ({}),
    describe: (_c, bake) => `blue/green (ECS): all traffic at once${bake}`,
  },
  canary: {
    strategy: 'CANARY',
    shiftsTraffic: true,
    own: (current, inputs) => ({
      canaryConfiguration: {
        ...current?.canaryConfiguration,
        ...(inputs.canaryPercent !== undefined && { canaryPercent: inputs.canaryPercent }),
        ...(inputs.canaryBakeMinutes !== undefined && { canaryBakeTimeInMinutes: inputs.canaryBakeMinutes }),
      },
    }),
    describe: (configuration, bake) => {
      const c = configuration?.canaryConfiguration
      return `canary (ECS): ${c?.canaryPercent ?? ECS_DEFAULTS.canaryPercent} % for ${c?.canaryBakeTimeInMinutes ?? ECS_DEFAULTS.canaryBakeTimeInMinutes} min, then 100 %${bake}`
    },
  },
  linear: {
    strategy: 'LINEAR',
    shiftsTraffic: true,
    own: (current, inputs) => ({
      linearConfiguration: {
        ...current?.linearConfiguration,
        ...(inputs.stepPercent !== undefined && { stepPercent: inputs.stepPercent }),
        ...(inputs.stepBakeMinutes !== undefined && { stepBakeTimeInMinutes: inputs.stepBakeMinutes }),
      },
    }),
    describe: (configuration, bake) => {
      const l = configuration?.linearConfiguration
      return `linear (ECS): ${l?.stepPercent ?? ECS_DEFAULTS.stepPercent} % more every ${l?.stepBakeTimeInMinutes ?? ECS_DEFAULTS.stepBakeTimeInMinutes} min${bake}`
    },
  },
}

/** The strategy of an ECS deployment configuration by its name; ROLLING when it names none (or one unknown here). */
function strategyOf(configuration: Configuration): StrategyName {
  const name = (Object.keys(ECS) as StrategyName[]).find((s) => ECS[s].strategy === configuration?.strategy)
  return name ?? 'rolling'
}

/** The strategy an ECS-controlled service uses now. */
export function configuredStrategy(service: Service): StrategyName {
  return strategyOf(service.deploymentConfiguration)
}

/** Whether the configuration deploys with ECS's own blue/green, canary or linear strategy. */
export function shiftsTraffic(configuration: Configuration): boolean {
  return ECS[strategyOf(configuration)].shiftsTraffic
}

/** Whether ECS shifts traffic for the strategy asked for, or else the service's own. */
export function strategyShiftsTraffic(service: Service, inputs: StrategyInputs): boolean {
  return ECS[inputs.strategy ?? configuredStrategy(service)].shiftsTraffic
}

/**
 * The deployment configuration members the strategy inputs ask for, relative to what the service has:
 * strategy and its settings, alarms, the PAUSE hook of `wait-until`. Members not returned stay as they are.
 */
export function strategyConfiguration(
  current: DeploymentConfiguration | undefined,
  inputs: StrategyInputs,
): Partial<DeploymentConfiguration> {
  const ecs = ECS[inputs.strategy ?? strategyOf(current)]
  const wanted: Partial<DeploymentConfiguration> = {}
  if (inputs.strategy !== undefined) {
    wanted.strategy = ecs.strategy
    // Each strategy's own settings are valid only with it, so the others' are dropped.
    wanted.canaryConfiguration = undefined
    wanted.linearConfiguration = undefined
    if (!ecs.shiftsTraffic) wanted.bakeTimeInMinutes = undefined
  }
  // BLUE_GREEN needs a bake time: the service's, else none.
  if (ecs.shiftsTraffic) wanted.bakeTimeInMinutes = inputs.bakeMinutes ?? current?.bakeTimeInMinutes ?? 0
  Object.assign(wanted, ecs.own(current, inputs))
  if (inputs.deploymentAlarms.length)
    wanted.alarms = { alarmNames: inputs.deploymentAlarms, enable: true, rollback: true }
  const hooks = ecs.shiftsTraffic ? pauseHooks(current?.lifecycleHooks, inputs.waitUntil) : undefined
  if (hooks) wanted.lifecycleHooks = hooks
  return wanted
}

/**
 * Lifecycle hooks with the one PAUSE hook `wait-until` asks for. Pausing is the action's to manage: without
 * `wait-until`, PAUSE hooks are removed (a deployment would otherwise stop at them with nobody to continue it);
 * Lambda hooks pass through. Undefined when the hooks stay as they are.
 */
export function pauseHooks(
  current: DeploymentLifecycleHook[] | undefined,
  waitUntil: PauseStage | undefined,
): DeploymentLifecycleHook[] | undefined {
  const others = (current ?? []).filter((h) => h.targetType !== 'PAUSE')
  const wanted = waitUntil ? [...others, { targetType: 'PAUSE' as const, lifecycleStages: [waitUntil] }] : others
  const same = JSON.stringify(wanted) === JSON.stringify(current ?? [])
  return same ? undefined : wanted
}

/** The configuration's strategy in words, for the log and the summary: `canary: 10 % for 5 min, then 100 %`. */
export function describeConfiguration(configuration: DeploymentConfiguration | undefined): string {
  const bake = configuration?.bakeTimeInMinutes ? `, bake ${configuration.bakeTimeInMinutes} min` : ''
  return ECS[strategyOf(configuration)].describe(configuration, bake)
}

const ADVANCED = {
  alternateTargetGroupArn: 'a second target group for the new revision',
  productionListenerRule:
    'the listener rule (Application Load Balancer) or listener (Network Load Balancer) that carries production traffic',
  roleArn: 'a role ECS assumes to change them (AmazonECSInfrastructureRolePolicyForLoadBalancers)',
} as const

/** `app` or `net` and whether it is a rule, from an ELB listener (rule) ARN; undefined for any other text. */
function listenerKind(arn: string | undefined): { balancer: 'app' | 'net'; rule: boolean } | undefined {
  const match = /:elasticloadbalancing:[^:]*:\d{12}:(listener|listener-rule)\/(app|net)\//.exec(arn ?? '')
  return match ? { balancer: match[2] as 'app' | 'net', rule: match[1] === 'listener-rule' } : undefined
}

/** An ALB's listener where ECS needs its rule, or production and test on different load balancer kinds. */
function listenerProblems(lb: LoadBalancer): string[] {
  const a = lb.advancedConfiguration
  const members = { productionListenerRule: a?.productionListenerRule, testListenerRule: a?.testListenerRule }
  const problems: string[] = []
  for (const [member, arn] of Object.entries(members)) {
    if (listenerKind(arn)?.balancer === 'app' && !listenerKind(arn)?.rule)
      problems.push(
        `target group ${targetGroupName(lb)}'s ${member} is an Application Load Balancer listener, not a listener rule`,
      )
  }
  const production = listenerKind(a?.productionListenerRule)?.balancer
  const test = listenerKind(a?.testListenerRule)?.balancer
  if (production && test && production !== test)
    problems.push(
      `target group ${targetGroupName(lb)} has its production and test listeners on different kinds of load balancer`,
    )
  return problems
}

/** Whether ECS shifts this service's traffic through a Network Load Balancer (its production listener is one). */
export function behindNetworkLoadBalancer(service: Service): boolean {
  return (service.loadBalancers ?? []).some(
    (lb) => listenerKind(lb.advancedConfiguration?.productionListenerRule)?.balancer === 'net',
  )
}

const targetGroupName = (lb: LoadBalancer): string => (lb.targetGroupArn ? resourceId(lb.targetGroupArn) : '?')

/**
 * Checks that the service has what ECS needs to shift traffic for a blue-green, canary or linear deployment:
 * a load balancer whose target groups have advancedConfiguration, or Service Connect. Throws saying what is
 * missing and how to add it.
 */
export function checkNativeSupport(service: Service, strategy: StrategyName): void {
  if (!ECS[strategy].shiftsTraffic) return
  const name = `Service "${service.serviceName}"`
  const orRolling = 'or deploy with `strategy: rolling`.'
  const balancers = service.loadBalancers ?? []
  const classic = balancers.find((lb) => lb.loadBalancerName && !lb.targetGroupArn)
  if (classic) {
    throw new UserError(
      `${name} cannot use \`strategy: ${strategy}\`: its Classic Load Balancer ${classic.loadBalancerName} cannot shift traffic between revisions. Move the service to an Application or Network Load Balancer target group, ${orRolling}`,
    )
  }
  const serviceConnect = service.deployments?.some((d) => d.serviceConnectConfiguration?.enabled === true) === true
  if (!balancers.length && !serviceConnect) {
    throw new UserError(
      `${name} cannot use \`strategy: ${strategy}\`: it has neither a load balancer nor Service Connect, so ECS has no traffic to shift between revisions. Attach an Application or Network Load Balancer target group (with advancedConfiguration) or enable Service Connect, ${orRolling}`,
    )
  }
  const problems = balancers.flatMap((lb) => {
    const missing = (Object.keys(ADVANCED) as (keyof typeof ADVANCED)[]).filter(
      (key) => !lb.advancedConfiguration?.[key],
    )
    return missing.length ? [`target group ${targetGroupName(lb)} lacks ${missing.join(', ')}`] : []
  })
  const wrongKind = balancers.flatMap((lb) => listenerProblems(lb))
  if (wrongKind.length) {
    throw new UserError(
      `${name} cannot use \`strategy: ${strategy}\`: ${wrongKind.join('; ')}. ECS's rule (AdvancedConfiguration): productionListenerRule and testListenerRule name a listener rule for an Application Load Balancer and a listener for a Network Load Balancer. Fix loadBalancers[].advancedConfiguration, ${orRolling}`,
    )
  }
  if (problems.length) {
    const how = Object.entries(ADVANCED)
      .map(([key, what]) => `${key} — ${what}`)
      .join('; ')
    throw new UserError(
      `${name} cannot use \`strategy: ${strategy}\`: ECS shifts traffic through loadBalancers[].advancedConfiguration, and ${problems.join('; ')}. Set it on the service (aws ecs update-service --load-balancers, or LoadBalancers[].AdvancedConfiguration in CloudFormation): ${how}; testListenerRule is optional, for test traffic. Or deploy with \`strategy: rolling\`.`,
    )
  }
}
