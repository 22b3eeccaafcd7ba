import { CodeDeployClient, GetApplicationCommand } from '@aws-sdk/client-codedeploy'
import { mockClient } from 'aws-sdk-client-mock'
import { createClients } from '../../src/aws/clients.js'

test("a client loaded on its first request is made once, in the action's region, and serves every later request", async () => {
  const codedeploy = mockClient(CodeDeployClient).on(GetApplicationCommand).resolves({ application: {} })
  const clients = createClients('eu-central-1')
  await clients.codedeploy.send(new GetApplicationCommand({ applicationName: 'a' }))
  await clients.codedeploy.send(new GetApplicationCommand({ applicationName: 'b' }))
  const [first, second] = [0, 1].map((i) => codedeploy.call(i).thisValue as CodeDeployClient)
  expect(first).toBeInstanceOf(CodeDeployClient)
  expect(second).toBe(first)
  await expect(first?.config.region()).resolves.toBe('eu-central-1')
  codedeploy.restore()
})
