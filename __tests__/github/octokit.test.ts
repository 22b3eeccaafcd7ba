// The action's GitHub client (@octokit/core and its route table) against a local fake of the GitHub API: checks that
// the calls the modules make are the REST routes and bodies GitHub expects, at GITHUB_API_URL, with the token.
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gitHubClient } from '../../src/github/client.js'
import type { GitHubApi } from '../../src/github/api.js'
import { createDeploymentTracker } from '../../src/github/deployments.js'
import { upsertPreviewComment } from '../../src/github/comment.js'
import { git } from './fake.js'

interface Seen {
  method: string
  url: string
  body: unknown
  authorization?: string | undefined
}

const seen: Seen[] = []
let answer: (req: Seen) => { status: number; body: unknown }
let server: Server
let baseUrl: string

async function bodyOf(req: IncomingMessage): Promise<unknown> {
  let text = ''
  for await (const chunk of req) text += String(chunk)
  return text ? JSON.parse(text) : undefined
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const request = { method: req.method ?? '', url: req.url ?? '', body: await bodyOf(req) }
    seen.push({ ...request, authorization: req.headers.authorization })
    const { status, body } = answer(request)
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise((resolve) => server.close(resolve)))
beforeEach(() => (seen.length = 0))

function octokit(): GitHubApi {
  return gitHubClient('test-token', { GITHUB_API_URL: baseUrl })
}

/** What the fake saw, without the authorization header (checked once, below). */
function requests(): Omit<Seen, 'authorization'>[] {
  return seen.map(({ authorization: _, ...request }) => request)
}

test('every request carries the token, and pull requests and deployments are read on their routes', async () => {
  answer = ({ url }) =>
    url.includes('/pulls/') ? { status: 200, body: { state: 'closed', merged: true } } : { status: 200, body: [] }
  const api = octokit()
  await expect(api.rest.pulls.get({ owner: 'octo', repo: 'app', pull_number: 12 })).resolves.toMatchObject({
    data: { state: 'closed', merged: true },
  })
  await api.rest.repos.listDeployments({ owner: 'octo', repo: 'app', environment: 'pr-12', per_page: 100, page: 2 })
  await api.rest.repos.listDeploymentStatuses({ owner: 'octo', repo: 'app', deployment_id: 7, per_page: 10, page: 1 })
  expect(seen).toEqual([
    { method: 'GET', url: '/repos/octo/app/pulls/12', body: undefined, authorization: 'token test-token' },
    {
      method: 'GET',
      url: '/repos/octo/app/deployments?environment=pr-12&per_page=100&page=2',
      body: undefined,
      authorization: 'token test-token',
    },
    {
      method: 'GET',
      url: '/repos/octo/app/deployments/7/statuses?per_page=10&page=1',
      body: undefined,
      authorization: 'token test-token',
    },
  ])
})

test('a deployment and its statuses go to the deployments routes', async () => {
  answer = ({ url }) =>
    url.endsWith('/deployments') ? { status: 201, body: { id: 42 } } : { status: 201, body: { id: 1 } }
  const warnings: string[] = []
  const tracker = createDeploymentTracker(
    octokit(),
    git,
    {
      environment: 'prod',
      ref: 'main',
      sha: git.sha,
      description: 'web to prod',
      transient: false,
      production: true,
      logUrl: 'https://github.com/octo/app/actions/runs/7',
    },
    (m) => warnings.push(m),
  )
  await tracker.inProgress()
  await tracker.success('https://example.com')
  expect(warnings).toEqual([])
  expect(requests()).toEqual([
    {
      method: 'POST',
      url: '/repos/octo/app/deployments',
      body: {
        ref: 'main',
        environment: 'prod',
        description: 'web to prod',
        auto_merge: false,
        required_contexts: [],
        transient_environment: false,
        production_environment: true,
      },
    },
    {
      method: 'POST',
      url: '/repos/octo/app/deployments/42/statuses',
      body: { state: 'in_progress', log_url: 'https://github.com/octo/app/actions/runs/7' },
    },
    {
      method: 'POST',
      url: '/repos/octo/app/deployments/42/statuses',
      body: {
        state: 'success',
        environment_url: 'https://example.com',
        log_url: 'https://github.com/octo/app/actions/runs/7',
      },
    },
  ])
})

test("GitHub's real 403 answer is recognised: one warning, then nothing", async () => {
  answer = () => ({
    status: 403,
    body: {
      message: 'Resource not accessible by integration',
      documentation_url: 'https://docs.github.com/rest/deployments/deployments#create-a-deployment',
    },
  })
  const warnings: string[] = []
  const tracker = createDeploymentTracker(
    octokit(),
    git,
    { environment: 'prod', ref: 'main', sha: git.sha, description: 'd', transient: false, production: true },
    (m) => warnings.push(m),
  )
  await tracker.inProgress()
  await tracker.success('https://example.com')
  expect(seen).toHaveLength(1)
  expect(warnings).toEqual([
    'Could not set the GitHub deployment status to in_progress for environment prod: Resource not accessible by integration (HTTP 403). Give the job `permissions: deployments: write` (or pass a `github-token` that may write deployments); the deploy goes on without GitHub deployment statuses.',
  ])
})

test("the token's login comes from GraphQL's viewer; its own preview comment is found on the comments route and patched", async () => {
  answer = ({ method, url }) =>
    url === '/graphql'
      ? { status: 200, body: { data: { viewer: { login: 'github-actions[bot]' } } } }
      : method === 'GET'
        ? {
            status: 200,
            body: [
              { id: 5, body: 'hello', user: { login: 'ann' } },
              { id: 7, body: '<!-- ecs-deploy-action:preview:web -->\nforged', user: { login: 'mallory' } },
              { id: 9, body: '<!-- ecs-deploy-action:preview:web -->\nold', user: { login: 'github-actions[bot]' } },
            ],
          }
        : { status: 200, body: { id: 9 } }
  await expect(
    upsertPreviewComment(octokit(), git, { pr: 12, service: 'web', body: 'new' }, () => undefined),
  ).resolves.toEqual({ id: 9, created: false })
  expect(requests()).toEqual([
    { method: 'GET', url: '/repos/octo/app/issues/12/comments?per_page=100&page=1', body: undefined },
    { method: 'POST', url: '/graphql', body: { query: 'query { viewer { login } }' } },
    {
      method: 'PATCH',
      url: '/repos/octo/app/issues/comments/9',
      body: { body: '<!-- ecs-deploy-action:preview:web -->\nnew' },
    },
  ])
})
