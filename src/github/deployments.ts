import type { GitContext } from '../common/git-context.js'
import {
  allPages,
  describeGitHubError,
  isPermissionError,
  ownerRepo,
  PAGE_SIZE,
  type DeploymentState,
  type GitHubApi,
  type Warn,
} from './api.js'

export interface DeploymentOptions {
  /** The GitHub environment: dev, prod, pr-12… */
  environment: string
  /** Branch, tag or commit the deployment is of (a pull request from a fork: its commit sha). */
  ref: string
  sha: string
  description: string
  /** A preview: GitHub shows it as temporary, and it is removed when the pull request closes. */
  transient: boolean
  production: boolean
  /** The run's log, linked from every status. */
  logUrl?: string
  /**
   * The job may already have a deployment: a job with `environment:` gets one from the runner. Look for it (this
   * commit, this environment, still queued or in progress) and give it the statuses instead of creating a second one.
   */
  adoptJobDeployment?: { runId: string }
}

/** One GitHub deployment of this run; every method only warns when GitHub refuses. */
export interface DeploymentTracker {
  inProgress(): Promise<void>
  success(url?: string): Promise<void>
  failure(logUrl?: string, description?: string): Promise<void>
  /** The environment is gone (preview destroyed): every deployment to it becomes inactive. */
  inactive(): Promise<void>
}

const DESCRIPTION_MAX = 140

/**
 * Records the deploy as a GitHub deployment with statuses. The deployment is created by the first status.
 * Without permission, it warns once and does nothing more: a deploy never fails for its GitHub record.
 */
export function createDeploymentTracker(
  octokit: GitHubApi,
  git: GitContext,
  options: DeploymentOptions,
  warn: Warn,
): DeploymentTracker {
  const repo = ownerRepo(git)
  let deploymentId: number | undefined
  let disabled = false

  async function attempt(what: string, call: () => Promise<void>): Promise<void> {
    if (disabled) return
    try {
      await call()
    } catch (error) {
      const why = `${what} for environment ${options.environment}: ${describeGitHubError(error)}.`
      if (!isPermissionError(error)) return warn(`${why} The deploy itself is not affected.`)
      disabled = true
      warn(
        `${why} Give the job \`permissions: deployments: write\` (or pass a \`github-token\` that may write deployments); the deploy goes on without GitHub deployment statuses.`,
      )
    }
  }

  async function create(): Promise<number | undefined> {
    if (deploymentId !== undefined) return deploymentId
    if (options.adoptJobDeployment) {
      deploymentId = await jobDeployment(octokit, repo, options, options.adoptJobDeployment.runId)
      if (deploymentId !== undefined) return deploymentId
    }
    const { data } = await octokit.rest.repos.createDeployment({
      ...repo,
      ref: options.ref,
      environment: options.environment,
      description: truncate(options.description),
      auto_merge: false,
      required_contexts: [],
      transient_environment: options.transient,
      production_environment: options.production,
    })
    if (data.id === undefined) {
      warn(
        `GitHub did not create a deployment for environment ${options.environment}: ${(data.message ?? 'no deployment id in the answer').replace(/\.$/, '')}.`,
      )
      disabled = true
    }
    deploymentId = data.id
    return deploymentId
  }

  async function status(
    id: number,
    state: DeploymentState,
    extra: { description?: string; environment_url?: string; log_url?: string },
  ): Promise<void> {
    const logUrl = extra.log_url ?? options.logUrl
    await octokit.rest.repos.createDeploymentStatus({
      ...repo,
      deployment_id: id,
      state,
      ...(extra.description !== undefined && { description: truncate(extra.description) }),
      ...(extra.environment_url !== undefined && { environment_url: extra.environment_url }),
      ...(logUrl !== undefined && { log_url: logUrl }),
    })
  }

  const report = (state: DeploymentState, extra: Parameters<typeof status>[2] = {}): Promise<void> =>
    attempt(`Could not set the GitHub deployment status to ${state}`, async () => {
      const id = await create()
      if (id !== undefined) await status(id, state, extra)
    })

  return {
    inProgress: () => report('in_progress'),
    success: (url) => report('success', url === undefined ? {} : { environment_url: url }),
    failure: (logUrl, description) =>
      report('failure', {
        ...(logUrl !== undefined && { log_url: logUrl }),
        ...(description !== undefined && { description }),
      }),
    inactive: () =>
      attempt('Could not mark the GitHub deployments inactive', async () => {
        const deployments = await allPages((page) =>
          octokit.rest.repos.listDeployments({ ...repo, environment: options.environment, per_page: PAGE_SIZE, page }),
        )
        for (const { id } of deployments) await status(id, 'inactive', {})
      }),
  }
}

/** The runner's states for the deployment of a job that is waiting to run or running. */
const JOB_STATES = ['queued', 'in_progress']
/** How many of the newest deployments of this commit and environment are looked at. */
const CANDIDATES = 10

/**
 * The deployment the runner made for this job (`environment:` in the workflow): of the newest deployments of this
 * commit to this environment, one still queued or in progress; the one whose status links to this run first.
 */
async function jobDeployment(
  octokit: GitHubApi,
  repo: { owner: string; repo: string },
  options: DeploymentOptions,
  runId: string,
): Promise<number | undefined> {
  const { data } = await octokit.rest.repos.listDeployments({
    ...repo,
    environment: options.environment,
    sha: options.sha,
    per_page: CANDIDATES,
    page: 1,
  })
  let open: number | undefined
  for (const { id } of data.slice(0, CANDIDATES)) {
    const { data: statuses } = await octokit.rest.repos.listDeploymentStatuses({
      ...repo,
      deployment_id: id,
      per_page: 1,
      page: 1,
    })
    const latest = statuses[0]
    if (!latest || !JOB_STATES.includes(latest.state)) continue
    const link = latest.log_url || latest.target_url || ''
    if (linksToRun(link, runId)) return id
    open ??= id
  }
  return open
}

/** Whether a status's link is to this workflow run (…/actions/runs/<id>, or a job of it). */
function linksToRun(link: string, runId: string): boolean {
  const run = `/actions/runs/${runId}`
  return link.includes(`${run}/`) || link.endsWith(run)
}

function truncate(text: string): string {
  return text.length > DESCRIPTION_MAX ? `${text.slice(0, DESCRIPTION_MAX - 1)}…` : text
}
