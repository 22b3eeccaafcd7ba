// HTTPS_PROXY / HTTP_PROXY / NO_PROXY through a real CONNECT proxy on 127.0.0.1: the AWS SDK (the action's and the
// CLI's `status`), the GitHub client and the verify checks' fetch all go through it, and NO_PROXY goes direct.
import { DescribeServicesCommand } from '@aws-sdk/client-ecs'
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { connect, createServer, type Server, type Socket } from 'node:net'
import { gitHubClient } from '../../src/github/client.js'
import { createClients } from '../../src/aws/clients.js'
import { runCli } from '../../src/cli/main.js'
import { httpFetch } from '../../src/http/fetch.js'
import { closeProxyAgents } from '../../src/http/proxy.js'

interface Listening {
  url: string
  port: number
  close(): Promise<void>
}

async function listen(server: Server): Promise<Listening> {
  const sockets = new Set<Socket>()
  server.on('connection', (socket: Socket) => (sockets.add(socket), socket.on('close', () => sockets.delete(socket))))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () => new Promise((resolve) => (sockets.forEach((s) => s.destroy()), server.close(() => resolve()))),
  }
}

/** A CONNECT proxy: tunnels each CONNECT host:port it is asked for, and records it. */
async function connectProxy(): Promise<Listening & { tunnels: string[] }> {
  const tunnels: string[] = []
  const server = createServer((client) => {
    client.once('data', (head: Buffer) => {
      const match = /^CONNECT ([^\s:]+):(\d+) HTTP\/1\.[01]\r\n/.exec(head.toString('latin1'))
      if (!match) return client.end('HTTP/1.1 405 Method Not Allowed\r\n\r\n')
      const [, host = '', port = ''] = match
      tunnels.push(`${host}:${port}`)
      const upstream = connect(Number(port), host, () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
        upstream.pipe(client)
        client.pipe(upstream)
      })
      upstream.on('error', () => client.destroy())
      client.on('error', () => upstream.destroy())
    })
  })
  return { ...(await listen(server)), tunnels }
}

const SERVICE = {
  serviceName: 'web',
  status: 'ACTIVE',
  clusterArn: 'arn:aws:ecs:us-east-1:123456789012:cluster/prod',
  taskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:3',
  desiredCount: 2,
  runningCount: 2,
  pendingCount: 0,
  deployments: [],
  events: [],
}

/** ECS (DescribeServices) and a JSON answer for anything else; records what it was asked. */
async function endpoint(): Promise<Listening & { seen: string[] }> {
  const seen: string[] = []
  const server = createHttpServer((req: IncomingMessage, res: ServerResponse) => {
    seen.push(`${req.method} ${req.url} ${req.headers['x-amz-target'] ?? ''}`.trim())
    req.resume()
    req.on('end', () => {
      const ecs = String(req.headers['x-amz-target'] ?? '').endsWith('.DescribeServices')
      res.writeHead(200, { 'content-type': ecs ? 'application/x-amz-json-1.1' : 'application/json' })
      res.end(JSON.stringify(ecs ? { services: [SERVICE], failures: [] } : { data: 'ok' }))
    })
  })
  return { ...(await listen(server)), seen }
}

describe('through a proxy', () => {
  const saved = { ...process.env }
  let proxy: Awaited<ReturnType<typeof connectProxy>>
  let proxied: Awaited<ReturnType<typeof endpoint>>
  let direct: Awaited<ReturnType<typeof endpoint>>

  beforeEach(async () => {
    ;[proxy, proxied, direct] = await Promise.all([connectProxy(), endpoint(), endpoint()])
    Object.assign(process.env, {
      HTTPS_PROXY: proxy.url,
      HTTP_PROXY: proxy.url,
      NO_PROXY: `127.0.0.1:${direct.port}`,
      AWS_ENDPOINT_URL_ECS: proxied.url,
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'secret',
    })
  })
  afterEach(async () => {
    closeProxyAgents()
    process.env = { ...saved }
    await Promise.all([proxy.close(), proxied.close(), direct.close()])
  })

  test('AWS SDK calls go through HTTPS_PROXY / HTTP_PROXY', async () => {
    const clients = createClients('us-east-1')
    const { services } = await clients.ecs.send(new DescribeServicesCommand({ cluster: 'prod', services: ['web'] }))
    clients.destroy()
    expect(services?.[0]?.serviceName).toBe('web')
    expect(proxy.tunnels).toEqual([`127.0.0.1:${proxied.port}`])
    expect(proxied.seen).toEqual(['POST / AmazonEC2ContainerServiceV20141113.DescribeServices'])
  })

  test('an AWS endpoint NO_PROXY names is reached directly', async () => {
    process.env.AWS_ENDPOINT_URL_ECS = direct.url
    const clients = createClients('us-east-1')
    await clients.ecs.send(new DescribeServicesCommand({ cluster: 'prod', services: ['web'] }))
    clients.destroy()
    expect(proxy.tunnels).toEqual([])
    expect(direct.seen).toHaveLength(1)
  })

  test("the CLI's status goes through the proxy", async () => {
    let stdout = ''
    const code = await runCli(['status', '--cluster', 'prod', '--service', 'web', '--region', 'us-east-1'], {
      env: process.env,
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: () => true },
    })
    expect(code).toBe(0)
    expect(stdout).toContain('web (ACTIVE) in prod: running web:3, 2/2 tasks')
    expect(proxy.tunnels).toEqual([`127.0.0.1:${proxied.port}`])
  })

  test('the GitHub client goes through the proxy, unless NO_PROXY names its host', async () => {
    const git = { owner: 'acme', repo: 'web', pull_number: 1 }
    await gitHubClient('token', { GITHUB_API_URL: proxied.url }).rest.pulls.get(git)
    expect(proxy.tunnels).toEqual([`127.0.0.1:${proxied.port}`])
    expect(proxied.seen).toEqual(['GET /repos/acme/web/pulls/1'])
    await gitHubClient('token', { GITHUB_API_URL: direct.url }).rest.pulls.get(git)
    expect(proxy.tunnels).toHaveLength(1)
    expect(direct.seen).toEqual(['GET /repos/acme/web/pulls/1'])
  })

  test("the verify checks' fetch goes through the proxy, unless NO_PROXY names the host", async () => {
    const answer = await httpFetch(`${proxied.url}/health`)
    expect(await answer.json()).toEqual({ data: 'ok' })
    await httpFetch(`${direct.url}/health`)
    expect(proxy.tunnels).toEqual([`127.0.0.1:${proxied.port}`])
    expect(proxied.seen).toEqual(['GET /health'])
    expect(direct.seen).toEqual(['GET /health'])
  })
})

test('without a proxy variable the request goes direct', async () => {
  const target = await endpoint()
  const saved = { ...process.env }
  for (const name of ['HTTPS_PROXY', 'HTTP_PROXY', 'ALL_PROXY', 'https_proxy', 'http_proxy', 'all_proxy'])
    delete process.env[name]
  try {
    const answer = await httpFetch(`${target.url}/x`)
    expect(answer.status).toBe(200)
    expect(target.seen).toEqual(['GET /x'])
  } finally {
    process.env = saved
    await target.close()
  }
})
