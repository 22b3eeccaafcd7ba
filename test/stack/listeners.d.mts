// Types of listeners.mjs for TypeScript tests (the stack itself is plain JavaScript).
import type { World } from './world.mjs'

/** The task definition ARN the listener routes a request to; undefined when no service is behind it. */
export declare function routedTaskDefinition(
  world: World,
  listener: 'production' | 'test',
  random?: () => number,
): string | undefined

export declare function startListeners(options: {
  world: World
  productionPort: number
  testPort: number
  label: string
  dockerConfig: string
  registryHost?: string
  registryUser?: string
  registryPassword?: string
}): Promise<{ close(): Promise<void> }>

/** Where the listener sends a request: the task definition and the CloudWatch dimensions of its target group and LB. */
export declare function routeOf(
  world: World,
  listener: 'production' | 'test',
  random?: () => number,
): { taskDefinition: string; targetGroup?: string; loadBalancer: string } | undefined

/** The healthy and unhealthy targets of each target group of the service the listeners front. */
export declare function hostCounts(
  world: World,
): { loadBalancer: string; targetGroup: string; healthy: number; unhealthy: number }[]
