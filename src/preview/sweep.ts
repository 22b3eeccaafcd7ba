import type { ECSClient } from '@aws-sdk/client-ecs'
import type { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2'
import { formatDuration } from '../config/duration.js'
import type { GitContext } from '../common/git-context.js'
import { describeGitHubError, ownerRepo, type GitHubApi, type Warn } from '../github/api.js'
import { destroyPreview } from './destroy.js'
import { listPreviewServices, listPreviewTargetGroups, type FoundPreview } from './find.js'

export interface PreviewSweep {
  ecs: ECSClient
  elbv2: ElasticLoadBalancingV2Client
  octokit: GitHubApi
  git: GitContext
  cluster: string
  /** Previews created longer ago than this are removed even when their pull request is open. */
  ttl: string
  ttlMs: number
  now: Date
  warn: Warn
}

export interface SweptPreview {
  serviceName: string
  pr: number
  reason: string
  removed: string[]
}

type PullState = 'open' | 'closed' | 'unknown'

/**
 * Removes the previews of this repository whose pull request is closed, or that are older than the ttl.
 * Previews are found by their tags: services, and target groups left behind by an interrupted removal.
 */
export async function sweepPreviews(s: PreviewSweep): Promise<SweptPreview[]> {
  const services = await listPreviewServices(s.ecs, s.cluster, s.git.repository)
  const groups = await listPreviewTargetGroups(s.elbv2, s.cluster, s.git.repository)
  const previews = [...services, ...groups.filter((g) => !services.some((p) => p.serviceName === g.serviceName))]
  const states = new Map<number, Promise<PullState>>()
  let warned = false
  const warnOnce: Warn = (message) => {
    if (!warned) s.warn(message)
    warned = true
  }
  const pullState = (pr: number): Promise<PullState> => {
    const known = states.get(pr) ?? readPullState(s, pr, warnOnce)
    states.set(pr, known)
    return known
  }
  const swept: SweptPreview[] = []
  for (const preview of previews) {
    const reason = removalReason(preview, await pullState(preview.pr), s)
    if (!reason) continue
    const removed = await destroyPreview({
      ecs: s.ecs,
      elbv2: s.elbv2,
      cluster: s.cluster,
      serviceName: preview.serviceName,
      pr: preview.pr,
    })
    swept.push({ serviceName: preview.serviceName, pr: preview.pr, reason, removed })
  }
  return swept
}

function removalReason(preview: FoundPreview, state: PullState, s: PreviewSweep): string | undefined {
  if (state === 'closed') return `pull request #${preview.pr} is closed`
  const age = preview.createdAt ? s.now.getTime() - preview.createdAt.getTime() : undefined
  if (age !== undefined && age > s.ttlMs) return `created ${formatDuration(age)} ago, longer than the ttl of ${s.ttl}`
  return undefined
}

/** Asks GitHub whether the pull request is open; when it cannot tell, warns once and the ttl alone decides. */
async function readPullState(s: PreviewSweep, pr: number, warn: Warn): Promise<PullState> {
  try {
    const { data } = await s.octokit.rest.pulls.get({ ...ownerRepo(s.git), pull_number: pr })
    return data.state === 'closed' ? 'closed' : 'open'
  } catch (error) {
    warn(
      `Could not read pull request #${pr}: ${describeGitHubError(error)}. Give the job \`permissions: pull-requests: read\`; until then previews are removed by age (ttl) only.`,
    )
    return 'unknown'
  }
}
