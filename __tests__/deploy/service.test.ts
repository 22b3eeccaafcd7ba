import { DescribeServicesCommand, ECSClient, ClusterNotFoundException } from '@aws-sdk/client-ecs'
import { mockClient } from 'aws-sdk-client-mock'
import { findService } from '../../src/deploy/find-service.js'
import { service } from '../helpers/ecs.js'

const ecsMock = mockClient(ECSClient)
const ecs = new ECSClient({ region: 'us-east-1' })

beforeEach(() => ecsMock.reset())

describe('findService', () => {
  test('returns an active ECS-controlled service', async () => {
    ecsMock.on(DescribeServicesCommand).resolves({ services: [service()] })
    await expect(findService(ecs, 'prod', 'web', 'us-east-1')).resolves.toMatchObject({ serviceName: 'web' })
    expect(ecsMock).toHaveReceivedCommandWith(DescribeServicesCommand, { cluster: 'prod', services: ['web'] })
  })

  test('returns a CODE_DEPLOY service too: the CodeDeploy strategy deploys it', async () => {
    ecsMock
      .on(DescribeServicesCommand)
      .resolves({ services: [service({ deploymentController: { type: 'CODE_DEPLOY' } })] })
    await expect(findService(ecs, 'prod', 'web', 'us-east-1')).resolves.toMatchObject({
      deploymentController: { type: 'CODE_DEPLOY' },
    })
  })

  test.each([
    [
      { services: [], failures: [{ arn: 'arn:aws:ecs:us-east-1:123456789012:service/prod/wbe', reason: 'MISSING' }] },
      'Service "wbe" was not found in cluster "prod" (region us-east-1) (MISSING): check the `service` and `cluster` inputs; this action updates existing services, create it first.',
    ],
    [
      { services: [service({ status: 'INACTIVE' })] },
      'Service "wbe" in cluster "prod" (region us-east-1) is INACTIVE, not ACTIVE: it is being deleted or was deleted. Create it again or pick another service.',
    ],
    [
      { services: [service({ deploymentController: { type: 'EXTERNAL' } })] },
      'Service "wbe" uses the EXTERNAL deployment controller: its task sets are managed by another tool, so this action cannot roll it out.',
    ],
  ])('refuses %#', async (response, message) => {
    ecsMock.on(DescribeServicesCommand).resolves(response)
    await expect(findService(ecs, 'prod', 'wbe', 'us-east-1')).rejects.toThrow(message)
  })

  test('an unknown cluster names the input to check', async () => {
    ecsMock
      .on(DescribeServicesCommand)
      .rejects(new ClusterNotFoundException({ message: 'Cluster not found.', $metadata: {} }))
    await expect(findService(ecs, 'prdo', 'web', 'us-east-1')).rejects.toThrow(
      'Cluster "prdo" was not found in region us-east-1: check the `cluster` input and AWS_REGION.',
    )
  })
})
