import { jest } from '@jest/globals'
import type { GitContext } from '../../src/common/git-context.js'
import type { GitHubApi } from '../../src/github/api.js'

export const git: GitContext = {
  sha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
  shortSha: 'a1b2c3d',
  refName: 'main',
  repository: 'octo/app',
  serverUrl: 'https://github.com',
  runId: '7',
  runNumber: '3',
  eventName: 'push',
  workspace: '/w',
}

/** An error as Octokit throws it: a message and the HTTP status. */
export function httpError(status: number, message: string): Error {
  return Object.assign(new Error(message), { status })
}

/** A fake GitHub API whose every method is a jest mock answering something plausible. */
export function fakeGitHub() {
  const api = {
    viewer: jest.fn(async () => ({ login: 'github-actions[bot]' })),
    rest: {
      repos: {
        createDeployment: jest.fn(async (_p: unknown) => ({ data: { id: 42 } as { id?: number; message?: string } })),
        createDeploymentStatus: jest.fn(async (_p: unknown): Promise<unknown> => ({ data: {} })),
        listDeployments: jest.fn(async (_p: { page: number; sha?: string }) => ({
          data: [] as { id: number }[],
        })),
        listDeploymentStatuses: jest.fn(async (_p: { deployment_id: number }) => ({
          data: [] as { state: string; log_url?: string; target_url?: string }[],
        })),
      },
      issues: {
        listComments: jest.fn(async (_p: { page: number }) => ({
          data: [] as { id: number; body?: string | null; user?: { login: string } | null }[],
        })),
        createComment: jest.fn(async (_p: unknown) => ({ data: { id: 100 } })),
        updateComment: jest.fn(async (_p: { comment_id: number }) => ({ data: { id: _p.comment_id } })),
      },
      pulls: {
        get: jest.fn(async (_p: { pull_number: number }) => ({
          data: { state: 'open' } as { state: string; merged?: boolean | null },
        })),
      },
    },
  }
  return api satisfies GitHubApi
}
