import type { GitContext } from '../common/git-context.js'
import { keyValueTable } from '../report/markdown.js'
import {
  allPages,
  describeGitHubError,
  isPermissionError,
  ownerRepo,
  PAGE_SIZE,
  type GitHubApi,
  type Warn,
} from './api.js'

export type PreviewStatus = 'deploying' | 'deployed' | 'failed' | 'destroyed'

export interface PreviewCommentFacts {
  service: string
  status: PreviewStatus
  url?: string
  /** The commit deployed. */
  sha: string
  time: Date
  runUrl?: string
  /** Why it failed, or what was removed. */
  detail?: string
}

const HEADING: Record<PreviewStatus, string> = {
  deploying: '⏳ Deploying the preview of',
  deployed: '🚀 Preview of',
  failed: '❌ The preview failed for',
  destroyed: '🧹 Removed the preview of',
}

/** What a comment is about: a service's preview, or its drift (`mode: drift`); each service has one of each. */
export type CommentKind = 'preview' | 'drift'

/** The hidden line that lets a later run find and update this service's comment. */
export function previewCommentMarker(service: string, kind: CommentKind = 'preview'): string {
  return `<!-- ecs-deploy-action:${kind}:${service} -->`
}

/** The comment's Markdown: URL, commit, status and time, under the hidden marker. */
export function previewComment(facts: PreviewCommentFacts, git: GitContext): string {
  const commit = `[\`${facts.sha.slice(0, 7)}\`](${git.serverUrl}/${git.repository}/commit/${facts.sha})`
  const rows: [string, string][] = [
    ...(facts.url && facts.status !== 'destroyed' ? [['URL', facts.url] as [string, string]] : []),
    ['Commit', commit],
    ['Status', facts.status],
    ['Updated', `${facts.time.toISOString().slice(0, 16).replace('T', ' ')} UTC`],
    ...(facts.runUrl ? [['Run', `[logs](${facts.runUrl})`] as [string, string]] : []),
  ]
  return [
    previewCommentMarker(facts.service),
    `### ${HEADING[facts.status]} \`${facts.service}\``,
    '',
    keyValueTable(rows),
    ...(facts.detail ? ['', facts.detail] : []),
  ].join('\n')
}

/** Writes this service's preview comment on the pull request (see `upsertComment`). */
export function upsertPreviewComment(
  octokit: GitHubApi,
  git: GitContext,
  comment: { pr: number; service: string; body: string },
  warn: Warn,
): Promise<{ id: number; created: boolean } | undefined> {
  return upsertComment(octokit, git, { ...comment, kind: 'preview' }, warn)
}

/**
 * Writes this service's comment of its kind on the pull request: updates the comment holding its marker that the
 * token's identity wrote, or adds one unless `updateOnly`. Without permission it warns and returns undefined.
 */
export async function upsertComment(
  octokit: GitHubApi,
  git: GitContext,
  comment: { kind: CommentKind; pr: number; service: string; body: string; updateOnly?: boolean },
  warn: Warn,
): Promise<{ id: number; created: boolean } | undefined> {
  const repo = ownerRepo(git)
  const marker = previewCommentMarker(comment.service, comment.kind)
  const body = comment.body.startsWith(marker) ? comment.body : `${marker}\n${comment.body}`
  try {
    const comments = await allPages((page) =>
      octokit.rest.issues.listComments({ ...repo, issue_number: comment.pr, per_page: PAGE_SIZE, page }),
    )
    // Anyone can write the marker: only a comment the token's own identity wrote is this action's to edit.
    const me = await tokenLogin(octokit)
    const earlier = me && comments.find((c) => c.body?.startsWith(marker) && sameLogin(c.user?.login, me))
    if (earlier) {
      await octokit.rest.issues.updateComment({ ...repo, comment_id: earlier.id, body })
      return { id: earlier.id, created: false }
    }
    if (comment.updateOnly) return undefined
    const { data } = await octokit.rest.issues.createComment({ ...repo, issue_number: comment.pr, body })
    return { id: data.id, created: true }
  } catch (error) {
    const what = comment.kind === 'preview' ? 'the preview URL' : 'the drift table'
    const fix = isPermissionError(error)
      ? ` Give the job \`permissions: pull-requests: write\` to get ${what} as a comment.`
      : ` The ${comment.kind === 'preview' ? 'deploy' : 'drift check'} itself is not affected.`
    warn(
      `Could not write the ${comment.kind} comment on pull request #${comment.pr}: ${describeGitHubError(error)}.${fix}`,
    )
    return undefined
  }
}

/** The token's login; undefined when GitHub does not say (then no comment is edited, a new one is added). */
async function tokenLogin(octokit: GitHubApi): Promise<string | undefined> {
  try {
    return (await octokit.viewer()).login || undefined
  } catch {
    return undefined
  }
}

/** GraphQL names a GitHub App `name[bot]` as the viewer and `name` as an author in some places: either is the same one. */
function sameLogin(author: string | undefined, me: string): boolean {
  const bare = (login: string): string => login.toLowerCase().replace(/\[bot\]$/, '')
  return author !== undefined && bare(author) === bare(me)
}
