import type { Deployment, Service, Task } from '@aws-sdk/client-ecs'

export const OLD_TD = 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:6'
export const NEW_TD = 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:7'
export const NEW_ID = 'ecs-svc/1111111111111111111'
export const OLD_ID = 'ecs-svc/2222222222222222222'
export const ROLLBACK_ID = 'ecs-svc/3333333333333333333'

export function deployment(overrides: Partial<Deployment> = {}): Deployment {
  return {
    id: NEW_ID,
    status: 'PRIMARY',
    taskDefinition: NEW_TD,
    desiredCount: 2,
    runningCount: 0,
    pendingCount: 0,
    failedTasks: 0,
    rolloutState: 'IN_PROGRESS',
    ...overrides,
  }
}

export function oldDeployment(overrides: Partial<Deployment> = {}): Deployment {
  return deployment({
    id: OLD_ID,
    status: 'ACTIVE',
    taskDefinition: OLD_TD,
    runningCount: 2,
    rolloutState: 'COMPLETED',
    ...overrides,
  })
}

export function service(overrides: Partial<Service> = {}): Service {
  return {
    serviceName: 'web',
    serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/prod/web',
    status: 'ACTIVE',
    taskDefinition: OLD_TD,
    desiredCount: 2,
    runningCount: 2,
    deploymentController: { type: 'ECS' },
    deploymentConfiguration: {
      maximumPercent: 200,
      minimumHealthyPercent: 100,
      deploymentCircuitBreaker: { enable: true, rollback: true },
    },
    deployments: [oldDeployment({ status: 'PRIMARY' })],
    events: [],
    ...overrides,
  }
}

/** A task that crashed, started by `startedBy` (the new deployment unless said). */
export function crashedTask(id: string, exitCode = 1, startedBy = NEW_ID): Task {
  return {
    taskArn: `arn:aws:ecs:us-east-1:123456789012:task/prod/${id}`,
    taskDefinitionArn: NEW_TD,
    startedBy,
    lastStatus: 'STOPPED',
    stoppedReason: 'Essential container in task exited',
    stopCode: 'EssentialContainerExited',
    stoppedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, 5)),
    containers: [
      {
        name: 'web',
        exitCode,
        reason: exitCode === 137 ? 'OutOfMemoryError: Container killed due to memory usage' : undefined,
      },
    ],
  }
}
