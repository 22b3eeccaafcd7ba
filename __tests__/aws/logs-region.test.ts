import { CloudWatchLogsClient, GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs'
import { mockClient } from 'aws-sdk-client-mock'
import { createClients } from '../../src/aws/clients.js'

describe('createClients().logsIn', () => {
  const clients = createClients('us-east-1')

  test("the action's region (or none) is the action's own client", () => {
    expect(clients.logsIn(undefined)).toBe(clients.logs)
    expect(clients.logsIn('us-east-1')).toBe(clients.logs)
  })

  test('another awslogs-region gets a client of its own, made once', async () => {
    const logs = mockClient(CloudWatchLogsClient).on(GetLogEventsCommand).resolves({ events: [] })
    const ireland = clients.logsIn('eu-west-1')
    expect(ireland).not.toBe(clients.logs)
    expect(clients.logsIn('eu-west-1')).toBe(ireland)
    // The SDK client behind it is made on the first request, in that region.
    await ireland.send(new GetLogEventsCommand({ logGroupName: 'g', logStreamName: 's' }))
    const client = logs.call(0).thisValue as CloudWatchLogsClient
    await expect(client.config.region()).resolves.toBe('eu-west-1')
    logs.restore()
  })

  test('a region that is no region name is refused, never used to reach an endpoint', () => {
    expect(() => clients.logsIn('eu-west-1.example.com')).toThrow(
      'region "eu-west-1.example.com" is not an AWS region name (like us-east-1).',
    )
  })
})
