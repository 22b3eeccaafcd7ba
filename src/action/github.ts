// The GitHub API client (deployments, pull request comments), made with @actions/github; the CLI uses it too.
import * as github from '@actions/github'
import type { GitHubApi } from '../github/index.js'

export function gitHubClient(token: string): GitHubApi {
  return github.getOctokit(token) as unknown as GitHubApi
}
