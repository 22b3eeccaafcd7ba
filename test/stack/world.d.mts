// Types of world.mjs for TypeScript tests (the stack itself is plain JavaScript).
import type { ScenarioBook } from './scenario.mjs'

export interface WorldOptions {
  registryHost?: string
  registryUser?: string
  registryPassword?: string
  motoUrl?: string
  timeScale?: number
  /** The real clock (ms since the epoch); unit tests pass a fake one. */
  now?: () => number
  /** The load balancer's production URL: an Express service's endpoint. */
  endpoint?: string
}

export interface AwsService {
  targetPrefix: string
  operations: Record<string, (input: any) => any>
}

export declare class World {
  constructor(options?: WorldOptions)
  readonly options: WorldOptions
  readonly clock: { scale: number; offsetMs: number; now(): Date; nowMs(): number; advance(seconds: number): void }
  readonly awsServices: AwsService[]
  readonly scenarios: ScenarioBook
  reset(options?: { timeScale?: number }): void
  /** Runs the events that are due; returns how many ran. */
  tick(): number
  settle(): Promise<void>
  snapshot(): Record<string, any>
  /** IAM actions answered with AccessDeniedException (POST /_deny). */
  readonly denied: Set<string>
  /** Denies these operations (`ecs:StopServiceDeployment`, or `StopServiceDeployment` for ECS); [] allows all again. */
  deny(operations: string[]): void
  /** The service the load balancer's listeners front (POST /_listeners). */
  listenerTarget: { cluster: string; service: string } | undefined
}
