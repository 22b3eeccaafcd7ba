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
