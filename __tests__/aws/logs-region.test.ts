import { createClients } from '../../src/aws/clients.js'

describe('createClients().logsIn', () => {
  const clients = createClients('us-east-1')

  test("the action's region (or none) is the action's own client", () => {
    expect(clients.logsIn(undefined)).toBe(clients.logs)
    expect(clients.logsIn('us-east-1')).toBe(clients.logs)
  })

  test('another awslogs-region gets a client of its own, made once', async () => {
    const ireland = clients.logsIn('eu-west-1')
    expect(ireland).not.toBe(clients.logs)
    await expect(ireland.config.region()).resolves.toBe('eu-west-1')
    expect(clients.logsIn('eu-west-1')).toBe(ireland)
  })

  test('a region that is no region name is refused, never used to reach an endpoint', () => {
    expect(() => clients.logsIn('eu-west-1.example.com')).toThrow(
      'region "eu-west-1.example.com" is not an AWS region name (like us-east-1).',
    )
  })
})
