// UpdateService answered with a server error may have been applied: the service is read before the update is sent
// again, so an SDK retry never starts a second deployment. Against a local HTTP endpoint, so the SDK's own retry runs.
import { ECSClient, type Service } from '@aws-sdk/client-ecs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { updateService, updateServiceLooking } from '../../src/aws/ecs.js'

interface Endpoint {
  url: string
  targets: string[]
  close: () => Promise<void>
}

/** ECS answering each UpdateService with the next of `updates` (a status), DescribeServices with the next of `primaries`. */
async function ecsEndpoint(updates: number[], primaries: string[]): Promise<Endpoint> {
  const targets: string[] = []
  const server: Server = createServer(async (req, res) => {
    for await (const _ of req);
    const target = String(req.headers['x-amz-target']).split('.').pop() ?? ''
    targets.push(target)
    const json = (status: number, body: object) =>
      res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify(body))
    const service = (id: string) => ({
      serviceName: 'web',
      taskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:2',
      deployments: [
        { id, status: 'PRIMARY', taskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:2' },
      ],
    })
    if (target === 'UpdateService') {
      const status = updates.shift() ?? 200
      if (status >= 500) json(status, { __type: 'ServerException', message: 'Internal failure' })
      else json(200, { service: service('ecs-svc/sent') })
    } else json(200, { services: [service(primaries.shift() ?? 'ecs-svc/old')], failures: [] })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    targets,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

const client = (url: string) =>
  new ECSClient({
    region: 'us-east-1',
    endpoint: url,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    maxAttempts: 6,
    retryMode: 'adaptive',
  })

const input = { cluster: 'prod', service: 'web', taskDefinition: 'web:2', forceNewDeployment: true }
const ours = (service: Service): boolean => service.deployments?.[0]?.id !== 'ecs-svc/old'

let endpoint: Endpoint | undefined
afterEach(async () => endpoint?.close())

test('applied, then answered 500: the service is read, and the update is not sent again', async () => {
  endpoint = await ecsEndpoint([500], ['ecs-svc/new'])
  const service = await updateServiceLooking(client(endpoint.url), input, ours)
  expect(service?.deployments?.[0]?.id).toBe('ecs-svc/new')
  expect(endpoint.targets).toEqual(['UpdateService', 'DescribeServices'])
})

test('not applied: sent again once the service shows no new deployment', async () => {
  endpoint = await ecsEndpoint([503, 200], ['ecs-svc/old'])
  const service = await updateServiceLooking(client(endpoint.url), input, ours)
  expect(service?.deployments?.[0]?.id).toBe('ecs-svc/sent')
  expect(endpoint.targets).toEqual(['UpdateService', 'DescribeServices', 'UpdateService'])
})

test('a server error every time ends after 3 updates, with the error explained', async () => {
  endpoint = await ecsEndpoint([500, 500, 500, 500], [])
  await expect(updateServiceLooking(client(endpoint.url), input, ours)).rejects.toThrow(/ecs:UpdateService/)
  expect(endpoint.targets.filter((t) => t === 'UpdateService')).toHaveLength(3)
})

test('(the SDK alone would send the update again after a 500, which is why)', async () => {
  endpoint = await ecsEndpoint([500], [])
  await updateService(client(endpoint.url), input)
  expect(endpoint.targets).toEqual(['UpdateService', 'UpdateService'])
})
