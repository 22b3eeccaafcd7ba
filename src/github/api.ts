import type { GitContext } from '../common/git-context.js'
import { errorMessage } from '../common/errors.js'

export type DeploymentState = 'in_progress' | 'success' | 'failure' | 'inactive'

/**
 * The part of Octokit (`github.getOctokit(token)`) this action uses; tests pass a fake, the action
 * passes the real client.
 */
export interface GitHubApi {
  /** Who the token is (GraphQL's viewer: `github-actions[bot]` for the job's GITHUB_TOKEN). */
  viewer(): Promise<{ login: string }>
  rest: {
    repos: {
      createDeployment(params: {
        owner: string
        repo: string
        ref: string
        environment: string
        description: string
        auto_merge: boolean
        required_contexts: string[]
        transient_environment: boolean
        production_environment: boolean
      }): Promise<{ data: { id?: number; message?: string } }>
      createDeploymentStatus(params: {
        owner: string
        repo: string
        deployment_id: number
        state: DeploymentState
        description?: string
        environment_url?: string
        log_url?: string
      }): Promise<unknown>
      /** Newest first. */
      listDeployments(params: {
        owner: string
        repo: string
        environment: string
        sha?: string
        per_page: number
        page: number
      }): Promise<{ data: { id: number }[] }>
      /** Newest first: the first is the deployment's current state. */
      listDeploymentStatuses(params: {
        owner: string
        repo: string
        deployment_id: number
        per_page: number
        page: number
      }): Promise<{ data: { state: string; log_url?: string; target_url?: string }[] }>
    }
    issues: {
      listComments(params: {
        owner: string
        repo: string
        issue_number: number
        per_page: number
        page: number
      }): Promise<{
        data: { id: number; body?: string | null; user?: { login: string } | null }[]
      }>
      createComment(params: {
        owner: string
        repo: string
        issue_number: number
        body: string
      }): Promise<{ data: { id: number } }>
      updateComment(params: {
        owner: string
        repo: string
        comment_id: number
        body: string
      }): Promise<{ data: { id: number } }>
    }
    pulls: {
      get(params: {
        owner: string
        repo: string
        pull_number: number
      }): Promise<{ data: { state: string; merged?: boolean | null } }>
    }
  }
}

/** Where a warning goes (core.warning in the action). */
export type Warn = (message: string) => void

export const PAGE_SIZE = 100

export function ownerRepo(git: GitContext): { owner: string; repo: string } {
  const [owner = '', repo = ''] = git.repository.split('/')
  return { owner, repo }
}

/** The token may not do this: GitHub answers 403, or 404 for what it hides from the token. */
export function isPermissionError(error: unknown): boolean {
  const status = (error as { status?: number }).status
  return status === 403 || status === 404 || /Resource not accessible by integration/i.test(errorMessage(error))
}

/** `Not Found (HTTP 404)`: the first line of Octokit's message, and the status. */
export function describeGitHubError(error: unknown): string {
  const status = (error as { status?: number }).status
  const message =
    errorMessage(error)
      .split('\n')[0]
      ?.replace(/ - https:\/\/docs\.github\.com\S*$/, '') ?? ''
  return status === undefined ? message : `${message} (HTTP ${status})`
}

/** Every item of a paged list, PAGE_SIZE at a time, until a short page. */
export async function allPages<T>(page: (page: number) => Promise<{ data: T[] }>): Promise<T[]> {
  const items: T[] = []
  for (let n = 1; ; n++) {
    const { data } = await page(n)
    items.push(...data)
    if (data.length < PAGE_SIZE) return items
  }
}
