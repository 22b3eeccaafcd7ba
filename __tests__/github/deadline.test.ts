// The GitHub client: every request carries the run's deadline (Node's fetch had no timeout at all).
import { createServer, type Server, type Socket } from 'node:net'
import { gitHubClient } from '../../src/github/client.js'
import { RunDeadline } from '../../src/common/deadline.js'

let server: Server
const sockets = new Set<Socket>()
let url = ''

beforeAll(async () => {
  server = createServer((socket) => void sockets.add(socket))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`
})
afterAll(() => new Promise((resolve) => (sockets.forEach((s) => s.destroy()), server.close(resolve))))

test('a GitHub API that never answers is given up at the deadline', async () => {
  const deadline = new RunDeadline(undefined, 200)
  deadline.restart(300)
  const started = Date.now()
  const error = await gitHubClient('token', { GITHUB_API_URL: url }, deadline)
    .rest.pulls.get({ owner: 'acme', repo: 'web', pull_number: 1 })
    .catch((e: unknown) => e)
  expect(error).toBeInstanceOf(Error)
  expect(Date.now() - started).toBeGreaterThanOrEqual(250)
  expect(Date.now() - started).toBeLessThan(2000)
})

test('a GitHub call started after the deadline (the failure status) has the grace, no more', async () => {
  const deadline = new RunDeadline(undefined, 300)
  deadline.restart(0)
  const started = Date.now()
  await gitHubClient('token', { GITHUB_API_URL: url }, deadline)
    .rest.pulls.get({ owner: 'acme', repo: 'web', pull_number: 1 })
    .catch(() => undefined)
  expect(Date.now() - started).toBeGreaterThanOrEqual(250)
  expect(Date.now() - started).toBeLessThan(2000)
})
