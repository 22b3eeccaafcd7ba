import { UserError } from '../common/errors.js'
import { matchingPattern } from './glob.js'
import { suggestion } from '../common/suggest.js'
import type { DeployConfig, EnvironmentConfig, PreviewConfig } from './types.js'

/** What the run was started by, as far as choosing an environment goes. */
export interface RunEvent {
  /** GITHUB_EVENT_NAME: push, pull_request, workflow_dispatch… */
  name: string
  /** GITHUB_REF: refs/heads/<branch>, refs/tags/<tag>, refs/pull/<N>/merge. */
  ref: string
  /** Set on pull_request and pull_request_target events. */
  pullRequest?: { number: number; action: string; baseRef: string; headRef: string; headSha: string }
}

/** The inputs that choose an environment instead of (or besides) the ref. */
export interface Selection {
  /** The `environment` input: a matrix entry, or a workflow_dispatch choice. */
  environment?: string
  /** The `preview` input is set: a pull request gets (or loses) its own preview environment. */
  preview?: boolean
}

export interface PreviewTarget {
  pr: number
  /** The environment whose services are copied. */
  base: string
  config: PreviewConfig
}

export type Resolution =
  | { skipped: true; reason: string }
  | { skipped: false; environment: EnvironmentConfig; reason: string; preview?: PreviewTarget }

const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target']

export function isPullRequestEvent(event: RunEvent): boolean {
  return PULL_REQUEST_EVENTS.includes(event.name)
}

/**
 * Chooses the environment of a run, and says why.
 *
 * | event                          | result                                                                      |
 * | ------------------------------ | --------------------------------------------------------------------------- |
 * | pull_request + `preview`       | the pull request's own preview `pr-<N>`, a copy of `previews.base`          |
 * | pull_request without `preview` | skipped: pull requests deploy only as previews                              |
 * | workflow_dispatch + input      | the named environment, whatever the ref (a person chose it); a `protected`  |
 * |                                | one only for a ref its branches/tags take, else UserError                   |
 * | other event + input (matrix)   | the named environment, not chosen again (the plan step gave each job its    |
 * |                                | entry), if the ref is one it takes; else skipped                            |
 * | other event, no input          | the one environment whose branches/tags match the ref; none → skipped;      |
 * |                                | several → UserError naming them                                             |
 *
 * An unknown ref (empty: the CLI found no branch or tag) is a UserError wherever the ref would choose.
 */
export function resolveEnvironment(config: DeployConfig, event: RunEvent, selection: Selection = {}): Resolution {
  if (isPullRequestEvent(event)) return resolvePullRequest(config, event, selection)
  if (selection.environment !== undefined) return resolveNamed(config, event, selection.environment)
  const ref = knownRef(config, event)
  const matches = config.environments.flatMap((environment) => {
    const match = refMatch(environment, ref)
    return match ? [{ environment, match }] : []
  })
  if (matches.length > 1) {
    const names = matches.map(({ environment, match }) => `${environment.name} (${match})`)
    throw new UserError(
      `ref ${event.ref} matches more than one environment in ${config.file}: ${listing(names)}. Give each ref one environment, or plan first (\`mode: plan\`) and deploy each entry of its matrix in its own job, which names it in the \`environment\` input.`,
    )
  }
  const [found] = matches
  if (!found)
    return { skipped: true, reason: `ref ${event.ref} matches no environment's branches or tags in ${config.file}` }
  return {
    skipped: false,
    environment: found.environment,
    reason: `ref ${event.ref} matches ${found.environment.name}'s ${found.match}`,
  }
}

function resolveNamed(config: DeployConfig, event: RunEvent, name: string): Resolution {
  const names = config.environments.map((e) => e.name)
  const environment = config.environments.find((e) => e.name === name)
  if (!environment) {
    const hint = suggestion(name, names)
    throw new UserError(
      `Input \`environment\` "${name}" is not an environment in ${config.file}${hint}${hint.endsWith('?') ? '' : '.'}`,
    )
  }
  const chosen = `the environment input names ${name}`
  if (event.name === 'workflow_dispatch') {
    // A person may deploy any ref to an environment they choose, but not to a protected one.
    const match = environment.protected ? refMatch(environment, knownRef(config, event)) : undefined
    if (environment.protected && !match)
      throw new UserError(
        `Environment ${name} in ${config.file} is protected: only a ref its ${patternsOf(environment) || 'branches or tags (it has none)'} take deploys there, and workflow_dispatch ran on ${event.ref}. Run the workflow on such a ref, or remove \`protected: true\`.`,
      )
    return {
      skipped: false,
      environment,
      reason: `${chosen}, chosen by workflow_dispatch on ${event.ref}${match ? `, which matches its ${match}` : ''}`,
    }
  }
  // The input is the plan's matrix entry (or a person's choice): it is not chosen among the environments again, but the
  // ref must still be one the environment takes, so a hand-written matrix of every environment cannot deploy prod from
  // develop.
  if (!environment.branches.length && !environment.tags.length)
    return { skipped: false, environment, reason: `${chosen}, which has no branches or tags` }
  const match = refMatch(environment, knownRef(config, event))
  if (match) return { skipped: false, environment, reason: `${chosen}, and ref ${event.ref} matches its ${match}` }
  return {
    skipped: true,
    reason: `${chosen}, but ref ${event.ref} matches none of its ${patternsOf(environment)}; plan first (mode: plan) so the matrix holds only the environments this ref deploys`,
  }
}

/** `branches (main) or tags (v*)`, the patterns an environment takes, for messages. */
export function patternsOf(environment: EnvironmentConfig): string {
  const patterns = [
    environment.branches.length ? `branches (${environment.branches.join(', ')})` : '',
    environment.tags.length ? `tags (${environment.tags.join(', ')})` : '',
  ]
  return patterns.filter(Boolean).join(' or ')
}

function resolvePullRequest(config: DeployConfig, event: RunEvent, selection: Selection): Resolution {
  const pr = event.pullRequest
  if (!pr) return { skipped: true, reason: `the ${event.name} event has no pull request in its payload` }
  if (!selection.preview) {
    return {
      skipped: true,
      reason: `pull request #${pr.number}: pull_request events deploy only as previews; set the preview input to give each pull request its own environment`,
    }
  }
  const previews = config.previews
  if (!previews) {
    throw new UserError(
      `Input \`preview\` needs a previews: section in ${config.file}: the base environment to copy, and the domain and listener-arn that route to each preview.`,
    )
  }
  const base = config.environments.find((e) => e.name === previews.base) as EnvironmentConfig
  // A preview deploys the pull request's own image with a rolling update: no promotion, no strategy options.
  const {
    url: _url,
    strategy: _strategy,
    production: _production,
    promoteFrom: _promoteFrom,
    strategyOptions: _strategyOptions,
    ...copied
  } = base
  const name = `pr-${pr.number}`
  return {
    skipped: false,
    environment: {
      ...copied,
      name,
      branches: [],
      tags: [],
      services: previews.services,
      desiredCount: previews.desiredCount,
    },
    reason: `pull request #${pr.number} gets its own preview environment ${name}, copied from ${base.name}`,
    preview: { pr: pr.number, base: base.name, config: previews },
  }
}

/** The run's ref, when the environment is chosen by it; unknown (a CI that does not say it), the run stops and says how to name it. */
export function knownRef(config: DeployConfig, event: RunEvent): string {
  if (event.ref !== '') return event.ref
  throw new UserError(
    `The branch or tag of this run is unknown, and ${config.file} chooses the environment by it. Name it: with the CLI, --ref refs/heads/<branch> or --ref refs/tags/<tag>; in TeamCity, which does not export the branch by default, the parameter env.TEAMCITY_BUILD_BRANCH = %teamcity.build.branch% (a VCS root without a branch specification gives "<default>", which names no branch: add one, such as +:refs/heads/*, or pass --ref); in CircleCI, CIRCLE_BRANCH or CIRCLE_TAG; in GitHub Actions, GITHUB_REF.`,
  )
}

/** `branch pattern release/*` or `tag pattern v*` when the ref is a branch or tag the environment takes. */
export function refMatch(environment: EnvironmentConfig, ref: string): string | undefined {
  const [, kind, name] = /^refs\/(heads|tags)\/(.+)$/.exec(ref) ?? []
  if (!name) return undefined
  const pattern = matchingPattern(name, kind === 'heads' ? environment.branches : environment.tags)
  return pattern === undefined ? undefined : `${kind === 'heads' ? 'branch' : 'tag'} pattern ${pattern}`
}

function listing(items: string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}` : (items[0] ?? '')
}
