// The CLI's rollback follows the rollout it starts through UpdateService's own answer, as the deploy does.
import {
  DescribeServicesCommand,
  ECSClient,
  ListTaskDefinitionsCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs'
import { mockClient } from 'aws-sdk-client-mock'
import { rollbackService } from '../../src/engine/service-commands.js'
import { fakeClock } from '../helpers/clock.js'
import { deployment, NEW_ID, NEW_TD, OLD_TD, ROLLBACK_ID, service } from '../helpers/ecs.js'

const ecsMock = mockClient(ECSClient)
beforeEach(() => ecsMock.reset())

test('a rollback whose deployment DescribeServices does not list yet is waited for, not taken for the old one', async () => {
  const start = Date.UTC(2026, 0, 1)
  const onNew = service({
    taskDefinition: NEW_TD,
    deployments: [
      deployment({
        status: 'PRIMARY',
        rolloutState: 'COMPLETED',
        runningCount: 2,
        createdAt: new Date(start - 600_000),
      }),
    ],
  })
  const rollback = deployment({
    id: ROLLBACK_ID,
    taskDefinition: OLD_TD,
    createdAt: new Date(start),
    runningCount: 2,
  })
  ecsMock
    .on(DescribeServicesCommand)
    .resolvesOnce({ services: [onNew] })
    // Eventually consistent: the old primary for a while after UpdateService.
    .resolvesOnce({ services: [onNew] })
    .resolvesOnce({ services: [onNew] })
    .resolves({
      services: [
        service({
          taskDefinition: OLD_TD,
          deployments: [{ ...rollback, rolloutState: 'COMPLETED' }],
        }),
      ],
    })
  ecsMock.on(ListTaskDefinitionsCommand).resolves({ taskDefinitionArns: [NEW_TD, OLD_TD] })
  ecsMock.on(UpdateServiceCommand).resolves({
    service: service({
      taskDefinition: OLD_TD,
      deployments: [rollback, deployment({ id: NEW_ID, status: 'ACTIVE', rolloutState: 'COMPLETED' })],
    }),
  })
  const lines: string[] = []
  const result = await rollbackService(
    { cluster: 'prod', service: 'web', region: 'us-east-1', timeoutMs: 60_000 },
    // No aws port: the engine makes the clients (aws/clients.ts), which the mock answers for.
    { clock: fakeClock(start), log: (line) => lines.push(line) },
  )
  expect(result.outcome).toBe('succeeded')
  expect(lines.join('\n')).toContain(`ECS does not list deployment ${ROLLBACK_ID} yet`)
  expect(ecsMock.commandCalls(DescribeServicesCommand).length).toBeGreaterThanOrEqual(4)
  // Only followed: nothing else was asked of ECS.
  expect(ecsMock.commandCalls(UpdateServiceCommand)).toHaveLength(1)
})
