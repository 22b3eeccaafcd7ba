// The deployment mechanisms, by name: the one place that lists them.
import type { Service } from '@aws-sdk/client-ecs'
import type { Mechanism, StrategyInputs } from '../strategy/types.js'
import { codedeploy } from './codedeploy/mechanism.js'
import { ecsNative } from './ecs-native.js'
import type { DeploymentMechanism } from './mechanism.js'
import { configuredStrategy } from './ecs-native-config.js'
import { rolling } from './rolling.js'

const MECHANISMS: Record<Mechanism, DeploymentMechanism> = { rolling, 'ecs-native': ecsNative, codedeploy }

/** The mechanism by its name; a rollout without one is a rolling update. */
export function mechanismOf(name: Mechanism | undefined): DeploymentMechanism {
  return MECHANISMS[name ?? 'rolling']
}

/** The mechanism that deploys the service: its deployment controller's, and for ECS the strategy asked for or configured. */
export function mechanismFor(service: Service, inputs: StrategyInputs): DeploymentMechanism {
  if (service.deploymentController?.type === 'CODE_DEPLOY') return codedeploy
  return (inputs.strategy ?? configuredStrategy(service)) === 'rolling' ? rolling : ecsNative
}
