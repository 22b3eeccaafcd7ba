import { createServer, type Server, type Socket } from 'node:net'
import { DescribeServicesCommand } from '@aws-sdk/client-ecs'
import { createClients, RunDeadline } from '../../src/aws/clients.js'

/** A TCP server on 127.0.0.1 that accepts connections and never answers. */
async function silentEndpoint(): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets: Socket[] = []
  const server: Server = createServer((socket) => void sockets.push(socket))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => (sockets.forEach((s) => s.destroy()), server.close(() => resolve()))),
  }
}

describe('AWS requests against an endpoint that never answers', () => {
  const saved = { ...process.env }
  let endpoint: Awaited<ReturnType<typeof silentEndpoint>>
  beforeEach(async () => {
    endpoint = await silentEndpoint()
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_ECS: endpoint.url,
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'secret',
    })
  })
  afterEach(async () => {
    process.env = { ...saved }
    await endpoint.close()
  })

  const describe1 = new DescribeServicesCommand({ cluster: 'c', services: ['web'] })
  const elapsed = async (call: Promise<unknown>): Promise<{ ms: number; error: Error }> => {
    const start = Date.now()
    const error = (await call.then(
      () => undefined,
      (e: unknown) => e,
    )) as Error
    return { ms: Date.now() - start, error }
  }

  test('an attempt ends at the request timeout, retried a bounded number of times', async () => {
    const { ecs } = createClients('us-east-1', undefined, { connectionTimeout: 200, requestTimeout: 150 })
    ecs.config.maxAttempts = async () => 2
    const { ms, error } = await elapsed(ecs.send(describe1))
    expect(error.name).toBe('TimeoutError')
    expect(ms).toBeLessThan(3000)
  })

  test('a request in flight at the deadline is aborted then, not after its own timeout', async () => {
    const deadline = new RunDeadline(undefined, 300)
    deadline.restart(250)
    const { ecs } = createClients('us-east-1', deadline)
    const { ms, error } = await elapsed(ecs.send(describe1))
    expect(error.name).toBe('AbortError')
    expect(ms).toBeGreaterThanOrEqual(200)
    expect(ms).toBeLessThan(1000)
  })

  test('a request started after the deadline (the rollback request) has the grace, no more', async () => {
    const deadline = new RunDeadline(undefined, 300)
    deadline.restart(0)
    const { ecs } = createClients('us-east-1', deadline)
    const { ms, error } = await elapsed(ecs.send(describe1))
    expect(error.name).toBe('AbortError')
    expect(ms).toBeGreaterThanOrEqual(250)
    expect(ms).toBeLessThan(1200)
  })

  test('cancelling the job aborts the request in flight at once', async () => {
    const cancel = new AbortController()
    const deadline = new RunDeadline(cancel.signal, 300)
    deadline.restart(60_000)
    const { ecs } = createClients('us-east-1', deadline)
    setTimeout(() => cancel.abort(), 100)
    const { ms, error } = await elapsed(ecs.send(describe1))
    expect(error.name).toBe('AbortError')
    expect(ms).toBeLessThan(1000)
  })
})
