// The deployment mechanisms, by name: the one place that lists them.
import type { Service } from '@aws-sdk/client-ecs'
import type { Mechanism, StrategyInputs } from './strategy-types.js'
import { codedeploy } from './codedeploy/codedeploy-mechanism.js'
import { ecsNative } from './ecs-native.js'
import type { DeploymentMechanism } from './mechanism.js'
import { configuredStrategy } from './ecs-native-config.js'
import { express } from './express.js'
import { rolling } from './rolling.js'

const MECHANISMS: Record<Mechanism, DeploymentMechanism> = { rolling, 'ecs-native': ecsNative, codedeploy, express }

/** The mechanism by its name; a rollout without one is a rolling update. */
export function mechanismOf(name: Mechanism | undefined): DeploymentMechanism {
  return MECHANISMS[name ?? 'rolling']
}

/**
 * The mechanism that deploys the service: its deployment controller's, and of those the one that deploys the strategy
 * asked for (or the service's own) — unless a mechanism owns the service by what ECS marks on it (Express Mode). A controller with one mechanism deploys every service of it: that mechanism says
 * which strategies it refuses.
 */
export function mechanismFor(service: Service, inputs: StrategyInputs): DeploymentMechanism {
  const owner = Object.values(MECHANISMS).find((m) => m.owns?.(service))
  if (owner) return owner
  const controller = service.deploymentController?.type === 'CODE_DEPLOY' ? 'CODE_DEPLOY' : 'ECS'
  const candidates = Object.values(MECHANISMS).filter((m) => m.controller === controller)
  const strategy = inputs.strategy ?? configuredStrategy(service)
  return candidates.find((m) => m.strategies[strategy]) ?? candidates[0] ?? rolling
}
