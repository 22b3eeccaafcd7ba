/** What the action knows about the commit and the run, read from the runner's GITHUB_* variables. */
export interface GitContext {
  sha: string
  shortSha: string
  /** Branch or tag name; for pull requests, the head branch. */
  refName: string
  repository: string
  serverUrl: string
  runId: string
  runNumber: string
  eventName: string
  workspace: string
}

export function readGitContext(env: NodeJS.ProcessEnv = process.env): GitContext {
  const sha = env.GITHUB_SHA ?? ''
  return {
    sha,
    shortSha: sha.slice(0, 7),
    refName: env.GITHUB_HEAD_REF || env.GITHUB_REF_NAME || '',
    repository: env.GITHUB_REPOSITORY ?? '',
    serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
    runId: env.GITHUB_RUN_ID ?? '',
    runNumber: env.GITHUB_RUN_NUMBER ?? '',
    eventName: env.GITHUB_EVENT_NAME ?? '',
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
  }
}

/** The link to this run's log, for summaries and deployment statuses. */
export function runUrl(git: GitContext): string | undefined {
  return git.repository && git.runId ? `${git.serverUrl}/${git.repository}/actions/runs/${git.runId}` : undefined
}
