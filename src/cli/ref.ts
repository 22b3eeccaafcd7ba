import { execFileSync } from 'node:child_process'

/** Runs git with these arguments (never through a shell); its trimmed output, or undefined when it fails or says nothing. */
export type Git = (args: string[]) => string | undefined

export function gitIn(cwd: string): Git {
  return (args) => {
    try {
      return (
        execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined
      )
    } catch {
      return undefined
    }
  }
}

/** What `--ref` takes: a full branch or tag ref, so a tag is never mistaken for a branch. */
export const REF = /^refs\/(heads|tags)\/[^\s]+$/

/**
 * The run's ref, `refs/heads/<branch>` or `refs/tags/<tag>`, from the first that says it; undefined when none does:
 *
 * | source                   | what it gives                                                                                  |
 * | ------------------------ | ---------------------------------------------------------------------------------------------- |
 * | GITHUB_REF               | the ref itself (GitHub Actions)                                                                |
 * | CIRCLE_TAG, CIRCLE_BRANCH | a tag build's tag, else the branch (CircleCI sets one of them)                                |
 * | TEAMCITY_BUILD_BRANCH    | a branch name, or a full ref (`refs/tags/v1`) when the branch specification keeps it;          |
 * |                          | `<default>` (a VCS root without branches) says nothing. TeamCity exports it only when the      |
 * |                          | build sets the parameter env.TEAMCITY_BUILD_BRANCH = %teamcity.build.branch%                   |
 * | git                      | the checked-out branch; on a detached HEAD (how CIs check out tags), the tag pointing at it    |
 */
export function ciRef(env: NodeJS.ProcessEnv, git: Git): string | undefined {
  if (env.GITHUB_REF) return env.GITHUB_REF
  if (env.CIRCLE_TAG) return `refs/tags/${env.CIRCLE_TAG}`
  if (env.CIRCLE_BRANCH) return `refs/heads/${env.CIRCLE_BRANCH}`
  const teamcity = env.TEAMCITY_BUILD_BRANCH
  if (teamcity && teamcity !== '<default>') return teamcity.startsWith('refs/') ? teamcity : `refs/heads/${teamcity}`
  const branch = git(['symbolic-ref', '--quiet', '--short', 'HEAD'])
  if (branch) return `refs/heads/${branch}`
  const tag = git(['describe', '--exact-match', '--tags', 'HEAD'])
  return tag ? `refs/tags/${tag}` : undefined
}

/** The branch or tag name of a ref, as GITHUB_REF_NAME gives it (`refs/pull/7/merge` → `7/merge`). */
export function refName(ref: string): string {
  return ref.replace(/^refs\/(heads|tags|pull)\//, '')
}
