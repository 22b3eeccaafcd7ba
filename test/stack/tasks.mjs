// ECS tasks and their lifecycle in time: PROVISIONING → PENDING → RUNNING (→ healthy) → STOPPING → STOPPED,
// or one of the failures a RolloutPlan asks for (crash, pull error, failed health checks, stuck in PENDING).
import { containerArn, taskArn, taskId } from './ids.mjs'

/**
 * @typedef {import('./scenario.mjs').RolloutPlan} RolloutPlan
 * @typedef {'running' | 'ready' | 'failed' | 'stopped'} TaskChange
 *   running: RUNNING; ready: RUNNING and healthy (counts as started); failed: stopped by a failure
 *   (counts for the circuit breaker); stopped: STOPPED after a requested stop (or a clean exit)
 * @typedef {{
 *   clock: import('./clock.mjs').Clock,
 *   scheduler: import('./clock.mjs').Scheduler,
 *   writeLogs: (task: Task, container: Container, lines: string[]) => void,
 *   onTaskChange: (task: Task, change: TaskChange) => void,
 * }} TaskContext
 * @typedef {{
 *   name: string, image: string, arn: string, runtimeId: string, essential: boolean, lastStatus: string,
 *   exitCode?: number, reason?: string, healthStatus: string, hasHealthCheck: boolean,
 *   logConfiguration?: any, cpu?: string, memory?: string, memoryReservation?: string, imageDigest?: string,
 * }} Container
 * @typedef {ReturnType<typeof createTask>} Task
 */

const ACTIVE_STATES = ['PROVISIONING', 'PENDING', 'ACTIVATING']

/**
 * Creates a task of `taskDefinition` and schedules its lifecycle according to `plan`.
 * @param {TaskContext} ctx
 * @param {{
 *   cluster: { name: string, arn: string }, taskDefinition: any, plan: RolloutPlan, fails: boolean,
 *   group: string, startedBy?: string, launchType?: string, overrides?: any, tags?: any[],
 *   deployment?: any, service?: any, targetGroup?: string, launchIndex?: number,
 * }} options fails: this task fails as plan.outcome says (false: it succeeds, see plan.failures); launchIndex: the
 *   how-manieth task of its rollout (plan.taskStartStaggerSeconds later each)
 */
export function createTask(ctx, options) {
  const { cluster, taskDefinition: td, plan } = options
  const id = taskId()
  const now = ctx.clock.now()
  const task = {
    id,
    arn: taskArn(cluster.name, id),
    cluster,
    taskDefinitionArn: td.taskDefinitionArn,
    family: td.family,
    group: options.group,
    startedBy: options.startedBy,
    launchType: options.launchType ?? 'EC2',
    overrides: options.overrides ?? { containerOverrides: [], inferenceAcceleratorOverrides: [] },
    tags: options.tags ?? [],
    cpu: td.cpu,
    memory: td.memory,
    networkMode: td.networkMode,
    privateIp: `10.0.${1 + Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`,
    createdAt: now,
    lastStatus: 'PROVISIONING',
    desiredStatus: 'RUNNING',
    version: 1,
    healthStatus: 'UNKNOWN',
    /** @type {Date | undefined} */ pullStartedAt: undefined,
    /** @type {Date | undefined} */ pullStoppedAt: undefined,
    /** @type {Date | undefined} */ startedAt: undefined,
    /** @type {Date | undefined} */ connectivityAt: undefined,
    /** @type {Date | undefined} */ stoppingAt: undefined,
    /** @type {Date | undefined} */ executionStoppedAt: undefined,
    /** @type {Date | undefined} */ stoppedAt: undefined,
    /** @type {string | undefined} */ stopCode: undefined,
    /** @type {string | undefined} */ stoppedReason: undefined,
    /** @type {Container[]} */
    containers: td.containerDefinitions.map((c) => ({
      name: c.name,
      image: c.image,
      imageDigest: c.image.includes('@sha256:') ? c.image.slice(c.image.indexOf('@') + 1) : undefined,
      arn: containerArn(cluster.name, id),
      runtimeId: `${id}-${Math.floor(Math.random() * 1e10)}`,
      essential: c.essential !== false,
      lastStatus: 'PENDING',
      healthStatus: 'UNKNOWN',
      hasHealthCheck: Boolean(c.healthCheck),
      logConfiguration: c.logConfiguration,
      cpu: c.cpu === undefined ? undefined : String(c.cpu),
      memory: c.memory === undefined ? undefined : String(c.memory),
      memoryReservation: c.memoryReservation === undefined ? undefined : String(c.memoryReservation),
    })),
    plan,
    fails: options.fails,
    ready: false,
    deployment: options.deployment,
    service: options.service,
    targetGroup: options.targetGroup,
    startDelaySeconds: (options.launchIndex ?? 0) * (plan.taskStartStaggerSeconds ?? 0),
  }
  scheduleLifecycle(ctx, task)
  return task
}

/** Schedules a step that runs only while the task is still wanted (not asked to stop). */
function step(ctx, task, seconds, label, fn) {
  ctx.scheduler.in(seconds, `${label} task ${task.id}`, () => {
    if (task.desiredStatus === 'RUNNING') fn()
  })
}

const touch = (task) => task.version++

/** @param {TaskContext} ctx @param {Task} task */
function scheduleLifecycle(ctx, task) {
  const { plan } = task
  const outcome = task.fails ? plan.outcome : 'success'
  step(ctx, task, Math.min(plan.provisioningSeconds, plan.taskStartSeconds), 'pending', () => {
    task.lastStatus = 'PENDING'
    task.pullStartedAt = ctx.clock.now()
    touch(task)
  })
  if (outcome === 'stuck-pending') return
  if (outcome === 'pull-error') {
    step(ctx, task, plan.taskStartSeconds, 'pull error', () => {
      const image = task.containers[0]?.image ?? 'image'
      const reason =
        plan.reason ??
        `CannotPullContainerError: pull image manifest has been retried 7 time(s): failed to resolve ref ${image}: not found`
      for (const c of task.containers) c.reason = reason
      finish(ctx, task, { stopCode: 'TaskFailedToStart', stoppedReason: reason, exitCode: undefined, change: 'failed' })
    })
    return
  }
  step(ctx, task, plan.taskStartSeconds + task.startDelaySeconds, 'running', () => {
    const now = ctx.clock.now()
    Object.assign(task, { lastStatus: 'RUNNING', pullStoppedAt: now, startedAt: now, connectivityAt: now })
    for (const c of task.containers) c.lastStatus = 'RUNNING'
    touch(task)
    if (outcome === 'success' && plan.logLines.length) writeAllLogs(ctx, task)
    ctx.onTaskChange(task, 'running')
    afterRunning(ctx, task, outcome)
  })
}

/** @param {TaskContext} ctx @param {Task} task @param {string} outcome */
function afterRunning(ctx, task, outcome) {
  const { plan } = task
  if (outcome === 'crash') {
    // exits before it counts as started, so the old tasks keep serving ("tasks failed to start")
    step(ctx, task, plan.crashAfterSeconds, 'crash', () => exitEssential(ctx, task, plan.exitCode ?? 1, 'failed'))
    return
  }
  if (plan.exitAfterSeconds !== undefined) {
    step(ctx, task, plan.exitAfterSeconds, 'exit', () => exitEssential(ctx, task, plan.exitCode ?? 0, 'stopped'))
  }
  step(ctx, task, plan.healthCheckSeconds, 'health check', () => {
    if (outcome === 'unhealthy') {
      for (const c of task.containers) if (c.hasHealthCheck) c.healthStatus = 'UNHEALTHY'
      task.healthStatus = 'UNHEALTHY'
      const tg = plan.targetGroup ?? task.targetGroup
      const reason =
        plan.reason ??
        (tg ? `Task failed ELB health checks in (target-group ${tg})` : 'Task failed container health checks')
      stopTask(ctx, task, {
        stopCode: 'ServiceSchedulerInitiated',
        stoppedReason: reason,
        change: 'failed',
        exitCode: 137,
      })
      return
    }
    for (const c of task.containers) if (c.hasHealthCheck) c.healthStatus = 'HEALTHY'
    if (task.containers.some((c) => c.hasHealthCheck)) task.healthStatus = 'HEALTHY'
    task.ready = true
    touch(task)
    ctx.onTaskChange(task, 'ready')
  })
}

/** The first essential container exits with `exitCode`; the task stops (EssentialContainerExited). */
function exitEssential(ctx, task, exitCode, change) {
  const container = task.containers.find((c) => c.essential) ?? task.containers[0]
  if (!container) return
  container.exitCode = exitCode
  container.lastStatus = 'STOPPED'
  if (task.plan.logLines.length) ctx.writeLogs(task, container, task.plan.logLines)
  const reason = task.plan.reason ?? 'Essential container in task exited'
  finish(ctx, task, { stopCode: 'EssentialContainerExited', stoppedReason: reason, exitCode: 0, change })
}

function writeAllLogs(ctx, task) {
  for (const c of task.containers) ctx.writeLogs(task, c, task.plan.logLines)
}

/**
 * Asks a task to stop (scheduler, StopTask, failed health check): desiredStatus STOPPED at once,
 * lastStatus STOPPING, then STOPPED after plan.drainSeconds (at once for a task that never ran).
 * @param {TaskContext} ctx
 * @param {Task} task
 * @param {{ stopCode: string, stoppedReason: string, change?: TaskChange, exitCode?: number }} how
 */
export function stopTask(ctx, task, { stopCode, stoppedReason, change = 'stopped', exitCode = 0 }) {
  if (task.desiredStatus === 'STOPPED') return
  task.desiredStatus = 'STOPPED'
  task.stoppingAt = ctx.clock.now()
  task.stopCode = stopCode
  task.stoppedReason = stoppedReason
  touch(task)
  if (task.lastStatus !== 'RUNNING') {
    finish(ctx, task, { stopCode, stoppedReason, exitCode: undefined, change })
    return
  }
  task.lastStatus = 'STOPPING'
  if (change === 'failed') ctx.onTaskChange(task, 'failed') // counts now; the task is gone from the service's view
  ctx.scheduler.in(task.plan.drainSeconds, `stopped task ${task.id}`, () =>
    finish(ctx, task, { stopCode, stoppedReason, exitCode, change: change === 'failed' ? undefined : change }),
  )
}

/**
 * The task reaches STOPPED: every container still running exits with `exitCode`.
 * @param {TaskContext} ctx
 * @param {Task} task
 * @param {{ stopCode: string, stoppedReason: string, exitCode: number | undefined, change: TaskChange | undefined }} how
 */
function finish(ctx, task, { stopCode, stoppedReason, exitCode, change }) {
  const now = ctx.clock.now()
  task.stopCode ??= stopCode
  task.stoppedReason ??= stoppedReason
  task.desiredStatus = 'STOPPED'
  task.stoppingAt ??= now
  task.executionStoppedAt = now
  task.stoppedAt = now
  task.lastStatus = 'STOPPED'
  task.ready = false
  if (task.pullStartedAt && !task.pullStoppedAt) task.pullStoppedAt = now
  for (const c of task.containers) {
    if (c.lastStatus === 'RUNNING' && exitCode !== undefined) c.exitCode = exitCode
    c.lastStatus = 'STOPPED'
  }
  touch(task)
  if (change) ctx.onTaskChange(task, change)
}

export const isLive = (task) => task.desiredStatus === 'RUNNING'
export const isRunning = (task) => task.desiredStatus === 'RUNNING' && task.lastStatus === 'RUNNING'
export const isPending = (task) => task.desiredStatus === 'RUNNING' && ACTIVE_STATES.includes(task.lastStatus)

/** The Task shape of the ECS API. */
export function describeTask(task, { includeTags = false } = {}) {
  const awsvpc = task.networkMode === 'awsvpc'
  const attachmentId = awsvpc ? task.id.slice(0, 8) + '-0000-4000-8000-' + task.id.slice(20) : undefined
  return {
    attachments: awsvpc
      ? [
          {
            id: attachmentId,
            type: 'ElasticNetworkInterface',
            status: task.lastStatus === 'STOPPED' ? 'DELETED' : 'ATTACHED',
            details: [{ name: 'privateIPv4Address', value: task.privateIp }],
          },
        ]
      : [],
    attributes: [{ name: 'ecs.cpu-architecture', value: 'x86_64' }],
    availabilityZone: 'us-east-1a',
    clusterArn: task.cluster.arn,
    connectivity: task.connectivityAt ? 'CONNECTED' : undefined,
    connectivityAt: task.connectivityAt,
    containers: task.containers.map((c) => ({
      containerArn: c.arn,
      taskArn: task.arn,
      name: c.name,
      image: c.image,
      imageDigest: c.imageDigest,
      runtimeId: task.startedAt ? c.runtimeId : undefined,
      lastStatus: c.lastStatus,
      exitCode: c.exitCode,
      reason: c.reason,
      networkBindings: [],
      networkInterfaces: awsvpc ? [{ attachmentId, privateIpv4Address: task.privateIp }] : [],
      healthStatus: c.healthStatus,
      cpu: c.cpu,
      memory: c.memory,
      memoryReservation: c.memoryReservation,
    })),
    cpu: task.cpu,
    createdAt: task.createdAt,
    desiredStatus: task.desiredStatus,
    enableExecuteCommand: false,
    executionStoppedAt: task.executionStoppedAt,
    group: task.group,
    healthStatus: task.healthStatus,
    lastStatus: task.lastStatus,
    launchType: task.launchType,
    memory: task.memory,
    overrides: task.overrides,
    platformVersion: task.launchType === 'FARGATE' ? '1.4.0' : undefined,
    platformFamily: task.launchType === 'FARGATE' ? 'Linux' : undefined,
    pullStartedAt: task.pullStartedAt,
    pullStoppedAt: task.pullStoppedAt,
    startedAt: task.startedAt,
    startedBy: task.startedBy,
    stopCode: task.stopCode,
    stoppedAt: task.stoppedAt,
    stoppedReason: task.stoppedReason,
    stoppingAt: task.stoppingAt,
    tags: includeTags ? task.tags : undefined,
    taskArn: task.arn,
    taskDefinitionArn: task.taskDefinitionArn,
    version: task.version,
  }
}
