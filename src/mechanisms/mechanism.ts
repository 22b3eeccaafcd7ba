// What every deployment mechanism (rolling, ECS-native blue/green/canary/linear, CodeDeploy) implements: checking its
// prerequisites, starting and resuming a rollout, and following one. The plan, the idle check and the watch loop call
// these and know no mechanism by name; a new mechanism is one more module that implements them (see index.ts).
import type { CodeDeployClient } from '@aws-sdk/client-codedeploy'
import type {
  ContainerDefinition,
  DeploymentConfiguration,
  ECSClient,
  ExpressGatewayServiceConfiguration,
  Service,
  ServiceDeployment,
} from '@aws-sdk/client-ecs'
import type { StrategyProgress } from '../deploy/progress.js'
import type { ResumedRollout, Rollout, RolloutRequest } from '../deploy/rollout.js'
import type { Snapshot, Verdict } from '../deploy/verdict.js'
import type { CircuitBreakerMode } from '../settings/inputs.js'
import type { DeploymentSettings } from '../settings/given.js'
import type { Mechanism, PerStrategy, StrategyInputs } from './strategy-types.js'
import type { InFlight, WaitContext } from './busy.js'
import type { CodeDeployPlan } from './codedeploy/start.js'
import type { AnalysisPhase, TrafficTargets } from '../analysis/canary.js'

/** A strategy in a mechanism's own terms. */
export interface StrategyConfiguration {
  /** ECS-controlled services: the deployment configuration members to set (strategy, its settings, alarms, PAUSE hook). */
  deploymentConfiguration?: Partial<DeploymentConfiguration>
  /** CODE_DEPLOY services: the deployment config to deploy with; undefined: the deployment group's own. */
  deploymentConfigName?: string | undefined
}

/** `rollback` (a command of its own): which revision to go back to; undefined: stop the rollout in flight, else the one before. */
export interface ServiceRollbackRequest {
  cluster: string
  to?: string | undefined
  now: number
  log: (line: string) => void
}

export interface StrategyClients {
  ecs: ECSClient
  codedeploy: CodeDeployClient
}

/** How a service will be deployed, settled (and checked) before anything changes. */
export interface StrategyPlan {
  mechanism: Mechanism
  /** In words, for the log and the summary's Strategy row: `canary (ECS): 10 % for 5 min, then 100 %`. */
  description: string
  inputs: StrategyInputs
  /** ECS services: the deployment configuration members to set (strategy, alarms, PAUSE hook). */
  configuration?: Partial<DeploymentConfiguration>
  codedeploy?: CodeDeployPlan
  /** Express Mode services: the configuration ECS runs now, which the update starts from. */
  express?: ExpressGatewayServiceConfiguration
  /** Where the service answers, when its mechanism knows (an Express service's endpoint): the run's environment URL. */
  url?: string
  /** What the deployment changes on the service beside its task definition, one line each (`diff`, dry-run). */
  changes: string[]
}

export interface PlanOptions {
  circuitBreaker?: CircuitBreakerMode
  workspace?: string
  /**
   * The deployment settings given for the service, before its service definition file is folded in: for a mechanism
   * that takes only some (Express Mode takes its scaling target, and refuses the rest by name).
   */
  given?: Omit<DeploymentSettings, 'strategy'> | undefined
}

export type { ResumedRollout } from '../deploy/rollout.js'

/** The rollout asked for, with the rendered task definition's containers and task size (for mechanisms that set them themselves). */
export type StartRequest = RolloutRequest & { containers?: ContainerDefinition[]; cpu?: string; memory?: string }

/** What a mechanism's watch needs of the rollout it follows. */
export interface WatchContext {
  ecs: ECSClient
  /** Needed to follow CodeDeploy deployments. */
  codedeploy?: CodeDeployClient | undefined
  cluster: string
  service: string
  rollout: Rollout
  targetTaskDefinition: string
}

/** What one poll of a mechanism's own API (CodeDeploy's) showed: its status, progress lines and verdict. */
export interface OwnObservation {
  status: string
  lines: string[]
  verdict?: Verdict | undefined
}

/** One rollout followed the way its mechanism needs: API state → progress lines and a verdict; its rollback. */
export interface RolloutWatch {
  /** Whether the service deployment is read on every poll: a blue/green deployment moves through its stages unseen otherwise. */
  readonly readsServiceDeploymentEveryPoll: boolean
  /** Stages, traffic, hooks and alarms so far, for the summary; undefined for a rolling update. */
  readonly progress: StrategyProgress | undefined
  /** Reads the mechanism's own API, once per poll (CodeDeploy's deployment and target); nothing for ECS's mechanisms. */
  read(): Promise<void>
  /** What read() saw, when the mechanism is followed through its own API; undefined: follow ECS's view. */
  observeOwn(at: number): OwnObservation | undefined
  /** Progress lines from ECS's service deployment. */
  track(serviceDeployment: ServiceDeployment, at: number): string[]
  /**
   * Whether the load balancer's test listener routes to the new revision now, before all production traffic is on it:
   * when the release is verified through the test listener. Always false for a rolling update.
   */
  onTestTraffic(snapshot: Snapshot): boolean
  /** The verdict on ECS's view of the rollout; undefined while it goes on. */
  judge(snapshot: Snapshot): Verdict | undefined
  /** Where each revision's traffic shows, for the canary analysis; undefined: the mechanism cannot tell them apart. */
  trafficTargets(service: Service): TrafficTargets | undefined
  /** Whether both revisions take production traffic now (the canary analysis's bake), not yet, or no more. */
  analysisPhase(snapshot: Snapshot): AnalysisPhase
  /** Lets a rollout paused at a hook go on, once the analysis passed; a line for the log (undefined: nothing paused). */
  proceed(snapshot: Snapshot): Promise<string | undefined>
  /** Where the rollout stands in words, for a timeout or cancellation message. */
  standing(status: string, counts: string): string
  /** Who started the rollout's tasks (their `startedBy`), to find the ones that stopped. */
  taskStarter(): string | undefined
  /** Asks for a rollback of `rollout` (this run's, with only a service deployment shown to be its own); a line for the log. */
  rollBack(rollout: Rollout): Promise<string>
  /**
   * Deploys the previous revision again, the way the mechanism deploys, for a rollout that succeeded and then failed its
   * verification: nothing of it is left to stop. A line for the log, and the revision to follow to its end.
   */
  redeployPrevious(rollout: Rollout): Promise<Redeployment>
}

/** A redeployment of the release before: the log's line, and the revision ECS rolls out for it. */
export interface Redeployment {
  line: string
  revision: string
}

export interface DeploymentMechanism {
  readonly name: Mechanism
  /** The deployment controller of the services it deploys. */
  readonly controller: 'ECS' | 'CODE_DEPLOY'
  /** The strategies it deploys on a service of its controller (the registry picks the mechanism by them). */
  readonly strategies: PerStrategy<boolean>
  /** Whether a test listener routes to the new revision before production traffic does (`verify-test-url` needs one). */
  readonly testTraffic: boolean
  /**
   * Whether ECS registers the service's task definition revisions itself, from the configuration the mechanism updates
   * (Express Mode): the run renders the task definition to read the containers from it, and registers none.
   */
  readonly registersRevisions: boolean
  /** Whether the service is of this mechanism whatever its controller and strategy, by what ECS marks on it (Express Mode). */
  owns?(service: Service): boolean
  /** Whether ECS refuses early success criteria with its rollouts (ECS's rule: they work with rolling updates only). */
  readonly refusesEarlySuccess: boolean
  /**
   * What the service holds at the rollout's peak (the capacity preview): `maximum-percent` — old and new tasks together up
   * to the deployment configuration's maximumPercent; `both-fleets` — the whole new fleet beside the old one (a bake).
   */
  readonly peakFleet: 'maximum-percent' | 'both-fleets'
  /**
   * The strategy asked for (undefined: the service's own) in this mechanism's terms, its settings merged with the
   * service's; throws a UserError when the mechanism cannot deploy it that way.
   */
  configure(inputs: StrategyInputs, service: Service): StrategyConfiguration
  /** Checks the inputs against the service and settles the plan; throws a UserError naming what to fix, having changed nothing. */
  plan(
    clients: StrategyClients,
    cluster: string,
    service: Service,
    inputs: StrategyInputs,
    options: PlanOptions,
  ): Promise<StrategyPlan>
  /**
   * The deployment in flight on the service, other than one already rolling out `target`; with `reread`, the service as
   * it is now is read first where the mechanism needs it. Returns the service it looked at.
   */
  inFlight(
    clients: StrategyClients,
    cluster: string,
    plan: StrategyPlan,
    service: Service,
    target: string | undefined,
    reread: boolean,
  ): Promise<{ service: Service; inFlight?: InFlight | undefined }>
  /** Starts the deployment of a registered revision as planned, once nothing else is in flight (per `on-busy`). */
  start(
    clients: StrategyClients,
    ctx: WaitContext,
    plan: StrategyPlan,
    service: Service,
    request: StartRequest,
  ): Promise<Rollout>
  /**
   * `continue`: resumes (or rolls back) the deployment an earlier run left paused; in a dry run only finds it
   * (`started: false`) and changes nothing.
   */
  resume(
    clients: StrategyClients,
    cluster: string,
    plan: StrategyPlan,
    service: Service,
    now: number,
    dryRun: boolean,
  ): Promise<ResumedRollout>
  /**
   * `rollback`: stops the rollout in flight with a rollback where the mechanism can, else deploys the revision asked
   * for (or the one before); returns the rollout to follow and the revision it brings back.
   */
  rollBackService(clients: StrategyClients, service: Service, request: ServiceRollbackRequest): Promise<ResumedRollout>
  /** Follows one rollout of this mechanism. */
  watch(ctx: WatchContext): RolloutWatch
}
