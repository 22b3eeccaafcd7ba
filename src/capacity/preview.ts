// The capacity and cost preview of a dry run: what the service holds at the rollout's peak (old and new tasks together)
// and in its steady state before and after, in tasks, vCPU and memory, priced as an estimate from capacity/prices.ts.
import type { CapacityProviderStrategyItem, Service, TaskDefinition } from '@aws-sdk/client-ecs'
import type { PriceKey, PricesUsed } from './prices.js'

/** One task's size and what it runs on. */
export interface TaskSize {
  vcpu: number
  memoryGb: number
  arm: boolean
  windows: boolean
}

/** Tasks of one revision: how many, how big, and on what they run. */
interface Part {
  count: number
  size: TaskSize
  launch: Launch
}

/** Tasks, vCPU and memory in all; `usdPerHour` when every part of it has a price. */
export interface Fleet {
  tasks: number
  vcpu: number
  memoryGb: number
  usdPerHour?: number
}

export interface CapacityPreview {
  now: Fleet
  after: Fleet
  peak: Fleet
  /** How the peak comes about, in words. */
  peakWhy: string
  /** Where the tasks run after the deploy, in words (`Fargate`, `Fargate Spot 3 of 4`, `EC2: capacity only`). */
  launch: string
  /** Where the prices come from, or why there is none. */
  prices: string
}

export interface CapacityRequest {
  /** The mechanism's peak (DeploymentMechanism.peakFleet), and the strategy in words. */
  peakFleet: 'maximum-percent' | 'both-fleets'
  strategy: string
  service: Pick<Service, 'desiredCount' | 'launchType' | 'capacityProviderStrategy' | 'deploymentConfiguration'>
  current?: Sizing | undefined
  /** The task definition the deploy registers (or keeps). */
  next: Sizing
  /** The desired count the deploy sets (undefined: the service's). */
  desiredCount?: number | undefined
  /** What the deploy sets of the service's deployment settings. */
  maximumPercent?: number | undefined
  capacityProviderStrategy?: CapacityProviderStrategyItem[] | undefined
  prices: PricesUsed
}

/** What of a task definition sizes its tasks. */
export type Sizing = Pick<
  TaskDefinition,
  'cpu' | 'memory' | 'runtimePlatform' | 'containerDefinitions' | 'requiresCompatibilities'
>

/** Where a revision's tasks run: on Fargate (`spot`: the share of them on Fargate Spot), or on capacity we cannot price. */
type Launch = { fargate: true; spot: (tasks: number) => number } | { fargate: false; why: string }

export function capacityPreview(r: CapacityRequest): CapacityPreview {
  const oldCount = r.service.desiredCount ?? 0
  const newCount = r.desiredCount ?? oldCount
  const oldLaunch = launchOf(
    r.service.capacityProviderStrategy,
    r.service.launchType,
    r.current?.requiresCompatibilities,
  )
  const newLaunch = launchOf(
    r.capacityProviderStrategy ?? r.service.capacityProviderStrategy,
    r.service.launchType,
    r.next.requiresCompatibilities,
  )
  const oldSize = r.current ? taskSize(r.current) : taskSize(r.next)
  const old: Part = { count: oldCount, size: oldSize, launch: oldLaunch }
  const next: Part = { count: newCount, size: taskSize(r.next), launch: newLaunch }
  const { parts: peakParts, why } = peakOf(r, old, next)
  return {
    now: fleet([old], r.prices),
    after: fleet([next], r.prices),
    peak: fleet(peakParts, r.prices),
    peakWhy: why,
    launch: launchText(newLaunch, newCount),
    prices: r.prices.source,
  }
}

/** The parts of the peak: old and new together, as the mechanism rolls. */
function peakOf(r: CapacityRequest, old: Part, next: Part): { parts: Part[]; why: string } {
  if (r.peakFleet === 'both-fleets')
    return {
      parts: [old, next],
      why: `${r.strategy}: the whole new fleet (${tasks(next.count)}) runs beside the old one (${tasks(old.count)}) until the traffic has moved and the bake is over`,
    }
  const percent = r.maximumPercent ?? r.service.deploymentConfiguration?.maximumPercent ?? 200
  // ECS's rule: at most maximumPercent of the desired count run during the rollout (rounded down), never fewer than it.
  const most = Math.min(old.count + next.count, Math.max(next.count, Math.floor((next.count * percent) / 100)))
  // The larger tasks first: the figures are the most the rollout can hold.
  const oldFirst = bigger(old.size, next.size)
  const oldAt = oldFirst ? Math.min(old.count, most) : most - Math.min(next.count, most)
  const newAt = most - oldAt
  return {
    parts: [
      { ...old, count: oldAt },
      { ...next, count: newAt },
    ],
    why: `rolling at maximumPercent ${percent}: at most ${most} task${most === 1 ? '' : 's'} at once (${oldAt} old + ${newAt} new)`,
  }
}

const tasks = (n: number): string => `${n} task${n === 1 ? '' : 's'}`
const bigger = (a: TaskSize, b: TaskSize): boolean => a.vcpu > b.vcpu || (a.vcpu === b.vcpu && a.memoryGb >= b.memoryGb)

function fleet(parts: Part[], prices: PricesUsed): Fleet {
  const sum = (f: (p: Part) => number): number => parts.reduce((total, p) => total + f(p), 0)
  const costs = parts.map((p) => partCost(p, prices))
  const priced = costs.every((c) => c !== undefined)
  return {
    tasks: sum((p) => p.count),
    vcpu: round(sum((p) => p.count * p.size.vcpu)),
    memoryGb: round(sum((p) => p.count * p.size.memoryGb)),
    ...(priced && {
      usdPerHour: round(
        costs.reduce<number>((t, c) => t + (c ?? 0), 0),
        6,
      ),
    }),
  }
}

/** A part's USD per hour, or undefined when it runs where the table has no price. */
function partCost({ count, size, launch }: Part, { prices }: PricesUsed): number | undefined {
  if (count === 0) return 0
  if (!launch.fargate || size.windows) return undefined
  const arch = size.arm ? '-arm' : ''
  const rate = (kind: 'fargate' | 'spot'): number | undefined => {
    const vcpu = prices[`${kind}${arch}-vcpu-hour` as PriceKey]
    const gb = prices[`${kind}${arch}-gb-hour` as PriceKey]
    return vcpu === undefined || gb === undefined ? undefined : size.vcpu * vcpu + size.memoryGb * gb
  }
  const onSpot = launch.spot(count)
  const spot = onSpot ? rate('spot') : 0
  const demand = onSpot < count ? rate('fargate') : 0
  return spot === undefined || demand === undefined ? undefined : onSpot * spot + (count - onSpot) * demand
}

/** A task definition's size: its task-level cpu and memory (`256` / `0.25 vCPU`, `512` / `0.5 GB`), else its containers'. */
export function taskSize(
  td: Pick<TaskDefinition, 'cpu' | 'memory' | 'runtimePlatform' | 'containerDefinitions'>,
): TaskSize {
  const containers = td.containerDefinitions ?? []
  const cpuUnits = containers.reduce((t, c) => t + (c.cpu ?? 0), 0)
  const memoryMib = containers.reduce((t, c) => t + (c.memory ?? c.memoryReservation ?? 0), 0)
  return {
    vcpu: amount(td.cpu, /v?cpu/i) ?? cpuUnits / 1024,
    memoryGb: amount(td.memory, /gb/i) ?? memoryMib / 1024,
    arm: td.runtimePlatform?.cpuArchitecture === 'ARM64',
    windows: td.runtimePlatform?.operatingSystemFamily?.startsWith('WINDOWS') ?? false,
  }
}

/** `1024` (units of 1/1024) or `1 vCPU` / `1 GB` (whole units) as a number of whole units. */
function amount(text: string | undefined, unit: RegExp): number | undefined {
  const match = text?.trim().match(/^(\d+(?:\.\d+)?)\s*([a-z]*)$/i)
  if (!match) return undefined
  const n = Number(match[1])
  return match[2] ? (unit.test(match[2]) ? n : undefined) : n / 1024
}

/** Where the service's tasks run, from its capacity provider strategy or launch type. */
function launchOf(
  strategy: CapacityProviderStrategyItem[] | undefined,
  launchType: string | undefined,
  compatibilities: string[] | undefined,
): Launch {
  if (strategy?.length) {
    const other = strategy.find((s) => s.capacityProvider !== 'FARGATE' && s.capacityProvider !== 'FARGATE_SPOT')
    if (other) return { fargate: false, why: `capacity provider ${other.capacityProvider}` }
    return { fargate: true, spot: (tasks) => spotTasks(strategy, tasks) }
  }
  if (launchType === 'FARGATE') return { fargate: true, spot: () => 0 }
  if (launchType) return { fargate: false, why: `launch type ${launchType}` }
  // Neither: the cluster's default capacity provider strategy, which the preview does not read.
  return compatibilities?.includes('FARGATE') && !compatibilities.includes('EC2')
    ? { fargate: true, spot: () => 0 }
    : { fargate: false, why: "the cluster's default capacity provider strategy" }
}

/** How many of `tasks` ECS places on FARGATE_SPOT: the base first, the rest by weight. */
function spotTasks(strategy: CapacityProviderStrategyItem[], tasks: number): number {
  const item = (name: string) => strategy.find((s) => s.capacityProvider === name)
  const spot = item('FARGATE_SPOT')
  if (!spot) return 0
  const bases = strategy.reduce((t, s) => t + (s.base ?? 0), 0)
  const spotBase = Math.min(spot.base ?? 0, tasks)
  const rest = Math.max(0, tasks - Math.min(bases, tasks))
  const weights = strategy.reduce((t, s) => t + (s.weight ?? 0), 0)
  const share = weights ? (spot.weight ?? 0) / weights : item('FARGATE') ? 0 : 1
  return spotBase + rest * share
}

function launchText(launch: Launch, tasks: number): string {
  if (!launch.fargate) return `${launch.why}: capacity only, no price`
  const spot = launch.spot(tasks)
  if (spot === 0) return 'Fargate'
  if (spot === tasks) return 'Fargate Spot'
  return `Fargate Spot for ${round(spot)} of ${tasks} tasks, Fargate for the rest`
}

function round(n: number, digits = 3): number {
  const f = 10 ** digits
  return Math.round(n * f) / f
}
