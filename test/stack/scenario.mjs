// The scenario language: how the next rollout of a service (or the next RunTask of a family) unfolds
// in time. Pure data + validation, no I/O. Documented in test/stack/README.md.

export const OUTCOMES = ['success', 'crash', 'stuck-pending', 'unhealthy', 'pull-error']

/** The lifecycle events of a CodeDeploy ECS deployment, where `failAt` can make one fail (a hook's Lambda returning Failed). */
export const CODEDEPLOY_EVENTS = [
  'BeforeInstall',
  'Install',
  'AfterInstall',
  'AllowTestTraffic',
  'AfterAllowTestTraffic',
  'BeforeAllowTraffic',
  'AllowTraffic',
  'AfterAllowTraffic',
]

/**
 * Lifecycle stages of ECS-native BLUE_GREEN / CANARY / LINEAR deployments, in order (ServiceDeploymentLifecycleStage,
 * plus the hook stage PRE_PRODUCTION_TRAFFIC_SHIFT, where lifecycle hooks can run before production traffic moves;
 * it is not a lifecycle stage, so DescribeServiceDeployments shows it as PRODUCTION_TRAFFIC_SHIFT: see REPORTED_AS).
 */
export const LIFECYCLE_STAGES = [
  'RECONCILE_SERVICE',
  'PRE_SCALE_UP',
  'SCALE_UP',
  'POST_SCALE_UP',
  'TEST_TRAFFIC_SHIFT',
  'POST_TEST_TRAFFIC_SHIFT',
  'PRE_PRODUCTION_TRAFFIC_SHIFT',
  'PRODUCTION_TRAFFIC_SHIFT',
  'POST_PRODUCTION_TRAFFIC_SHIFT',
  'BAKE_TIME',
  'CLEAN_UP',
]

/** Hook stages (DeploymentLifecycleHookStage) that are not lifecycle stages → the lifecycleStage ECS reports meanwhile. */
export const REPORTED_AS = { PRE_PRODUCTION_TRAFFIC_SHIFT: 'PRODUCTION_TRAFFIC_SHIFT' }

/**
 * @typedef {object} StagePlan one lifecycle stage of a BLUE_GREEN / CANARY / LINEAR deployment (native.mjs)
 * @property {string} stage one of LIFECYCLE_STAGES
 * @property {number} seconds how long the stage lasts (SCALE_UP: at least until the new tasks are healthy)
 * @property {number[]} [productionTrafficWeights] % of production traffic on the new revision: the first at the
 *   stage's start, the last at its end, the others evenly between
 * @property {number} [testTrafficWeight] % of test traffic on the new revision from the stage's start
 * @property {'success' | 'fail' | 'rollback'} outcome what happens at the end of the stage (default success; rollback
 *   with `alarm`)
 * @property {string} [reason] the service deployment's statusReason when the stage fails or rolls back
 * @property {string} [hook] a Lambda hook's ARN shown running during the stage (FAILED when the stage does not succeed)
 * @property {string} [alarm] a CloudWatch alarm that goes to ALARM at the end of the stage
 *
 * @typedef {object} RolloutPlan
 * @property {'success' | 'crash' | 'stuck-pending' | 'unhealthy' | 'pull-error'} outcome
 * @property {number} provisioningSeconds task created (PROVISIONING) → PENDING
 * @property {number} taskStartSeconds task created → RUNNING (pull-error: → STOPPED, TaskFailedToStart)
 * @property {number} taskStartStaggerSeconds each task of the rollout reaches RUNNING this much later than the one
 *   launched before it (capacity that comes slowly, e.g. GPUs)
 * @property {number} healthCheckSeconds RUNNING → healthy, i.e. counted as started (unhealthy: → stopped by the scheduler)
 * @property {number} crashAfterSeconds crash: RUNNING → STOPPED with exitCode (EssentialContainerExited)
 * @property {number | undefined} exitAfterSeconds success: the essential container exits after this long (RunTask jobs)
 * @property {number | undefined} exitCode crash: default 1; success with exitAfterSeconds: default 0
 * @property {string | undefined} reason stoppedReason (crash, unhealthy) or the container's reason (pull-error)
 * @property {number | undefined} failures only the first N tasks of the rollout fail; the rest succeed
 * @property {number | undefined} circuitBreakerAfterFailures overrides ECS's threshold (the service's
 *   thresholdConfiguration, else min(200, max(3, ceil(desired/2))))
 * @property {number} drainSeconds a task asked to stop (old revision, StopTask) → STOPPED
 * @property {number} rollbackStartSeconds StopServiceDeployment: ROLLBACK_REQUESTED → ROLLBACK_IN_PROGRESS
 * @property {string[]} logLines written to CloudWatch Logs for awslogs containers when the container exits (crash) or starts
 * @property {string | undefined} targetGroup target group ARN named in unhealthy messages (default: the service's first)
 * @property {string | undefined} failAt CodeDeploy: the lifecycle event that fails (its hook's Lambda returns Failed; `reason` is the diagnostics message)
 * @property {StagePlan[]} stages how a BLUE_GREEN / CANARY / LINEAR deployment unfolds (default: from its configuration)
 * @property {RolloutPlan | undefined} rollback how a rollback of this rollout unfolds (default: success, same timings)
 * @property {number} visibilityDelaySeconds eventual consistency: for this long after UpdateService, DescribeServices,
 *   ListServiceDeployments and DescribeServiceDeployments do not show the new deployment (UpdateService's answer does)
 * @property {number} staleCurrentServiceDeploymentSeconds for this long, `currentServiceDeployment` (UpdateService's answer
 *   and DescribeServices) still names the previous service deployment
 * @property {boolean} serviceDeployments false: the deployment has no service deployment (none listed, described or named)
 * @property {number} alarmBakeSeconds rolling with deployment alarms enabled: once the rollout is done (all tasks, or its
 *   early success criteria), ECS watches the alarms this long more before the deployment completes (AWS computes it from
 *   the alarms' configuration; default 60: one alarm period of a minute)
 * @property {string | undefined} alarm rolling: this CloudWatch alarm goes to ALARM `alarmAfterSeconds` after the rollout
 *   starts; when the service's deployment alarms name it and the deployment is still IN_PROGRESS (its bake included),
 *   the deployment fails (and rolls back with `alarms.rollback`)
 * @property {number | undefined} alarmAfterSeconds see `alarm` (default 0)
 * @property {number | undefined} replacedAfterSeconds another actor: this long after the rollout starts, someone else
 *   updates the service to the same revision (forceNewDeployment), which takes the next matching scenario
 *
 * @typedef {object} Scenario
 * @property {string | undefined} service service name; omitted: any service
 * @property {string | undefined} cluster cluster name; omitted: any cluster
 * @property {string | undefined} family task definition family, for RunTask tasks (instead of service)
 * @property {number} times how many rollouts use it (default 1); 0: every rollout until /_reset
 * @property {RolloutPlan} rollout
 */

export const DEFAULT_ROLLOUT = Object.freeze({
  outcome: 'success',
  provisioningSeconds: 0.5,
  taskStartSeconds: 2,
  taskStartStaggerSeconds: 0,
  healthCheckSeconds: 0,
  crashAfterSeconds: 1,
  exitAfterSeconds: undefined,
  exitCode: undefined,
  reason: undefined,
  failures: undefined,
  circuitBreakerAfterFailures: undefined,
  drainSeconds: 1,
  rollbackStartSeconds: 1,
  logLines: [],
  targetGroup: undefined,
  failAt: undefined,
  eventSeconds: {},
  stages: [],
  rollback: undefined,
  visibilityDelaySeconds: 0,
  staleCurrentServiceDeploymentSeconds: 0,
  serviceDeployments: true,
  alarmBakeSeconds: 60,
  alarm: undefined,
  alarmAfterSeconds: undefined,
  replacedAfterSeconds: undefined,
})

const NUMBER_FIELDS = [
  'provisioningSeconds',
  'taskStartSeconds',
  'taskStartStaggerSeconds',
  'healthCheckSeconds',
  'crashAfterSeconds',
  'exitAfterSeconds',
  'exitCode',
  'failures',
  'circuitBreakerAfterFailures',
  'drainSeconds',
  'rollbackStartSeconds',
  'visibilityDelaySeconds',
  'staleCurrentServiceDeploymentSeconds',
  'alarmBakeSeconds',
  'alarmAfterSeconds',
  'replacedAfterSeconds',
]
const STRING_FIELDS = ['reason', 'targetGroup', 'failAt', 'alarm']
const ROLLOUT_FIELDS = [
  'outcome',
  ...NUMBER_FIELDS,
  ...STRING_FIELDS,
  'logLines',
  'stages',
  'rollback',
  'serviceDeployments',
  'eventSeconds',
]
const SCENARIO_FIELDS = ['service', 'cluster', 'family', 'times', 'rollout']
const STAGE_FIELDS = [
  'stage',
  'seconds',
  'productionTrafficWeights',
  'testTrafficWeight',
  'outcome',
  'reason',
  'hook',
  'alarm',
]

export class ScenarioError extends Error {}

function assertObject(value, where) {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ScenarioError(`${where} must be a JSON object`)
  }
}

function assertKnownKeys(value, allowed, where) {
  const unknown = Object.keys(value).filter((k) => !allowed.includes(k))
  if (unknown.length) {
    throw new ScenarioError(`${where}: unknown field(s) ${unknown.join(', ')}; allowed: ${allowed.join(', ')}`)
  }
}

const isNonNegative = (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0

/**
 * Validates a rollout plan and fills in the defaults.
 * @param {unknown} raw
 * @param {string} [where]
 * @returns {RolloutPlan}
 */
export function parseRollout(raw = {}, where = 'rollout') {
  assertObject(raw, where)
  const input = /** @type {Record<string, any>} */ (raw)
  assertKnownKeys(input, ROLLOUT_FIELDS, where)
  if (input.outcome !== undefined && !OUTCOMES.includes(input.outcome)) {
    throw new ScenarioError(`${where}.outcome: "${input.outcome}" is not one of ${OUTCOMES.join(', ')}`)
  }
  for (const key of NUMBER_FIELDS) {
    if (input[key] !== undefined && !isNonNegative(input[key])) {
      throw new ScenarioError(`${where}.${key} must be a number >= 0`)
    }
  }
  for (const key of STRING_FIELDS) {
    if (input[key] !== undefined && typeof input[key] !== 'string') {
      throw new ScenarioError(`${where}.${key} must be a string`)
    }
  }
  if (
    input.logLines !== undefined &&
    !(Array.isArray(input.logLines) && input.logLines.every((l) => typeof l === 'string'))
  ) {
    throw new ScenarioError(`${where}.logLines must be an array of strings`)
  }
  if (input.serviceDeployments !== undefined && typeof input.serviceDeployments !== 'boolean') {
    throw new ScenarioError(`${where}.serviceDeployments must be true or false`)
  }
  if (input.failAt !== undefined && !CODEDEPLOY_EVENTS.includes(input.failAt)) {
    throw new ScenarioError(`${where}.failAt: "${input.failAt}" is not one of ${CODEDEPLOY_EVENTS.join(', ')}`)
  }
  if (input.eventSeconds !== undefined) {
    assertObject(input.eventSeconds, `${where}.eventSeconds`)
    assertKnownKeys(input.eventSeconds, CODEDEPLOY_EVENTS, `${where}.eventSeconds`)
    for (const [name, seconds] of Object.entries(input.eventSeconds))
      if (!isNonNegative(seconds)) throw new ScenarioError(`${where}.eventSeconds.${name} must be a number >= 0`)
  }
  const stages = (input.stages ?? []).map((stage, i) => parseStage(stage, `${where}.stages[${i}]`))
  const plan = { ...DEFAULT_ROLLOUT, ...input, stages }
  plan.rollback =
    input.rollback === undefined
      ? undefined
      : parseRollout({ ...timingsOf(plan), ...input.rollback }, `${where}.rollback`)
  return plan
}

/** The timing fields of a plan, inherited by its rollback plan. */
function timingsOf(plan) {
  const { provisioningSeconds, taskStartSeconds, healthCheckSeconds, drainSeconds } = plan
  return { provisioningSeconds, taskStartSeconds, healthCheckSeconds, drainSeconds }
}

/** The plan a rollback of `plan` follows: its own `rollback` or a success with the same timings. */
export function rollbackPlanOf(plan) {
  return plan.rollback ?? parseRollout(timingsOf(plan))
}

function parseStage(raw, where) {
  assertObject(raw, where)
  assertKnownKeys(raw, STAGE_FIELDS, where)
  if (!LIFECYCLE_STAGES.includes(raw.stage)) {
    throw new ScenarioError(`${where}.stage: "${raw.stage}" is not one of ${LIFECYCLE_STAGES.join(', ')}`)
  }
  if (raw.seconds !== undefined && !isNonNegative(raw.seconds))
    throw new ScenarioError(`${where}.seconds must be a number >= 0`)
  const weights = raw.productionTrafficWeights
  if (weights !== undefined && !(Array.isArray(weights) && weights.every((w) => isNonNegative(w) && w <= 100))) {
    throw new ScenarioError(`${where}.productionTrafficWeights must be an array of numbers between 0 and 100`)
  }
  if (raw.testTrafficWeight !== undefined && !(isNonNegative(raw.testTrafficWeight) && raw.testTrafficWeight <= 100)) {
    throw new ScenarioError(`${where}.testTrafficWeight must be a number between 0 and 100`)
  }
  if (raw.outcome !== undefined && !['success', 'fail', 'rollback'].includes(raw.outcome)) {
    throw new ScenarioError(`${where}.outcome must be success, fail or rollback`)
  }
  for (const key of ['reason', 'hook', 'alarm']) {
    if (raw[key] !== undefined && (typeof raw[key] !== 'string' || !raw[key]))
      throw new ScenarioError(`${where}.${key} must be a non-empty string`)
  }
  return { seconds: 0, ...raw, outcome: raw.outcome ?? (raw.alarm ? 'rollback' : 'success') }
}

/**
 * @param {unknown} raw
 * @returns {Scenario}
 */
export function parseScenario(raw) {
  assertObject(raw, 'scenario')
  const input = /** @type {Record<string, any>} */ (raw)
  assertKnownKeys(input, SCENARIO_FIELDS, 'scenario')
  for (const key of ['service', 'cluster', 'family']) {
    if (input[key] !== undefined && (typeof input[key] !== 'string' || !input[key])) {
      throw new ScenarioError(`scenario.${key} must be a non-empty string`)
    }
  }
  if (input.service && input.family) throw new ScenarioError('scenario: give service or family, not both')
  if (input.times !== undefined && !(Number.isInteger(input.times) && input.times >= 0)) {
    throw new ScenarioError('scenario.times must be an integer >= 0 (0: every rollout)')
  }
  return {
    service: input.service,
    cluster: input.cluster,
    family: input.family,
    times: input.times ?? 1,
    rollout: parseRollout(input.rollout ?? {}),
  }
}

/** The queue of scenarios; each rollout takes the first one that matches it. */
export class ScenarioBook {
  constructor() {
    /** @type {(Scenario & { used: number })[]} */
    this.scenarios = []
  }

  /** @param {unknown} raw one scenario or an array of them */
  add(raw) {
    const parsed = (Array.isArray(raw) ? raw : [raw]).map(parseScenario)
    this.scenarios.push(...parsed.map((s) => ({ ...s, used: 0 })))
    return parsed
  }

  clear() {
    this.scenarios = []
  }

  /**
   * The plan for the next rollout of a service or RunTask family; consumes the scenario.
   * @param {{ cluster: string, service?: string, family?: string }} target
   * @returns {RolloutPlan}
   */
  take({ cluster, service, family }) {
    const index = this.scenarios.findIndex(
      (s) =>
        (s.cluster === undefined || s.cluster === cluster) &&
        (service !== undefined
          ? s.family === undefined && (s.service === undefined || s.service === service)
          : s.service === undefined && (s.family === undefined || s.family === family)),
    )
    if (index < 0) return parseRollout({})
    const scenario = /** @type {(typeof this.scenarios)[0]} */ (this.scenarios[index])
    scenario.used++
    if (scenario.times !== 0 && scenario.used >= scenario.times) this.scenarios.splice(index, 1)
    return scenario.rollout
  }
}
