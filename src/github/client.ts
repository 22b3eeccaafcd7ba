// The GitHub API client (deployments, pull request comments): @octokit/core and the few REST routes this action uses,
// rather than @actions/github (its generated endpoint methods, and undici, for a handful of calls). Both doors get it from
// the engine's front (engine/index.ts), loaded only with a token.
import { Octokit } from '@octokit/core'
import { waitingFor, withTimeout, type RunDeadline } from '../common/deadline.js'
import type { GitHubApi } from './api.js'
import { httpFetch, type FetchInit } from '../http/fetch.js'

type Rest = GitHubApi['rest']

/** Each REST method of `GitHubApi` is the route it maps to; a new method is one line here. */
export const ROUTES: { [Scope in keyof Rest]: { [Method in keyof Rest[Scope]]: string } } = {
  repos: {
    createDeployment: 'POST /repos/{owner}/{repo}/deployments',
    createDeploymentStatus: 'POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
    listDeployments: 'GET /repos/{owner}/{repo}/deployments',
    listDeploymentStatuses: 'GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
  },
  issues: {
    listComments: 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
    createComment: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
    updateComment: 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
  },
  pulls: {
    get: 'GET /repos/{owner}/{repo}/pulls/{pull_number}',
  },
}

/** No single GitHub request waits longer than this for its answer. */
export const GITHUB_REQUEST_TIMEOUT_MS = 30_000

/**
 * The API of `GITHUB_API_URL` (GitHub Enterprise Server too), authenticated with `token`. Every request has a timeout
 * and carries the run's `deadline`, and goes through HTTPS_PROXY unless NO_PROXY names the host.
 */
export function gitHubClient(token: string, env: NodeJS.ProcessEnv = process.env, deadline?: RunDeadline): GitHubApi {
  const fetch = (url: string, init: FetchInit = {}): Promise<Response> =>
    waitingFor(`GitHub ${init.method ?? 'GET'} ${new URL(url).pathname}`, () =>
      withTimeout(GITHUB_REQUEST_TIMEOUT_MS, [deadline?.signal(), init.signal], (signal) =>
        httpFetch(url, { ...init, signal }),
      ),
    )
  const octokit = new Octokit({
    auth: token,
    baseUrl: env.GITHUB_API_URL || 'https://api.github.com',
    request: { fetch },
  })
  const bind = <Scope extends keyof Rest>(scope: Scope): Rest[Scope] =>
    Object.fromEntries(
      Object.entries(ROUTES[scope]).map(([method, route]) => [
        method,
        (params: Record<string, unknown>) => octokit.request(route as string, params),
      ]),
    ) as unknown as Rest[Scope]
  return {
    viewer: async () => (await octokit.graphql<{ viewer: { login: string } }>('query { viewer { login } }')).viewer,
    rest: { repos: bind('repos'), issues: bind('issues'), pulls: bind('pulls') },
  }
}
