import { UserError } from '../common/errors.js'
import { accountOf } from './schema.js'
import { isPullRequestEvent, knownRef, patternsOf, refMatch, type RunEvent } from './resolve.js'
import { suggestion } from '../common/suggest.js'
import type { DeployConfig, EnvironmentConfig } from './types.js'

/** One job of the deploy matrix: an environment (in one of its regions) that this ref deploys. */
export interface MatrixEntry {
  environment: string
  cluster: string
  /** Comma separated, as the `service` input takes them. */
  services: string
  /** Set when the environment names its region(s); otherwise the job's AWS_REGION applies. */
  region?: string
  /** The IAM role for configure-aws-credentials, when the environment names one. */
  role?: string
  /** The role's AWS account, when the environment deploys to several accounts (one role each). */
  account?: string
  url?: string
  /** Environments that deploy before this one (entries come in that order). */
  needs: string[]
}

/** Why an environment is in the plan or not, for the summary. */
export interface EnvironmentVerdict {
  environment: string
  deploys: boolean
  reason: string
}

/** What a plan step outputs: the matrix (`{ include: [...] }`) for `strategy.matrix`, and why. */
export interface EnvironmentPlan {
  matrix: { include: MatrixEntry[] }
  /** The environments that deploy, in matrix order, each once. */
  environments: string[]
  verdicts: EnvironmentVerdict[]
}

/** The environments this environment must come after (its `needs`, and the one it promotes from); the one place ordering hints are read. */
export function orderingOf(environment: EnvironmentConfig): string[] {
  const after = [
    ...(environment.needs ?? []),
    ...(environment.promoteFrom !== undefined ? [environment.promoteFrom] : []),
  ]
  return [...new Set(after)]
}

/**
 * The environments this run deploys and why, as a matrix: every environment whose branches or tags match the ref
 * (several may; each region its own entry), or the one the `environment` input names (a workflow_dispatch choice).
 * Pull requests deploy only as previews, so they plan nothing. Entries come after the environments they need.
 */
export function planEnvironments(config: DeployConfig, event: RunEvent, named?: string): EnvironmentPlan {
  const verdicts = config.environments.map((environment) => verdictOf(config, event, environment, named))
  if (named !== undefined && !config.environments.some((e) => e.name === named)) {
    const hint = suggestion(
      named,
      config.environments.map((e) => e.name),
    )
    throw new UserError(
      `Input \`environment\` "${named}" is not an environment in ${config.file}${hint}${hint.endsWith('?') ? '' : '.'}`,
    )
  }
  const chosen = new Set(verdicts.filter((v) => v.deploys).map((v) => v.environment))
  const ordered = inNeedsOrder(config.environments.filter((e) => chosen.has(e.name)))
  return {
    matrix: { include: ordered.flatMap(entriesOf) },
    environments: ordered.map((e) => e.name),
    verdicts,
  }
}

function verdictOf(
  config: DeployConfig,
  event: RunEvent,
  environment: EnvironmentConfig,
  named: string | undefined,
): EnvironmentVerdict {
  const verdict = (deploys: boolean, reason: string): EnvironmentVerdict => ({
    environment: environment.name,
    deploys,
    reason,
  })
  if (named !== undefined) {
    return named === environment.name
      ? verdict(true, `the environment input names it (${event.name || 'run'} on ${event.ref || 'an unknown ref'})`)
      : verdict(false, `the environment input names ${named}`)
  }
  if (isPullRequestEvent(event)) {
    const pr = event.pullRequest ? `pull request #${event.pullRequest.number}: ` : ''
    return verdict(false, `${pr}pull requests deploy only as previews (the \`preview\` input)`)
  }
  if (!environment.branches.length && !environment.tags.length)
    return verdict(false, 'it has no branches or tags; deploy it by name (workflow_dispatch and the environment input)')
  const ref = knownRef(config, event)
  const match = refMatch(environment, ref)
  return match
    ? verdict(true, `ref ${ref} matches its ${match}`)
    : verdict(false, `ref ${ref} matches none of its ${patternsOf(environment)}`)
}

/** The entries of an environment: one per account (role) and region it lists, or one without either. */
function entriesOf(environment: EnvironmentConfig): MatrixEntry[] {
  const regions = environment.regions ?? (environment.region !== undefined ? [environment.region] : [undefined])
  const roles = environment.rolesToAssume ?? [undefined]
  return roles.flatMap((role) =>
    regions.map((region) => ({
      environment: environment.name,
      cluster: environment.cluster ?? 'default',
      services: environment.services.join(','),
      ...(region !== undefined && { region }),
      ...(role !== undefined && { role }),
      ...(role !== undefined && roles.length > 1 && { account: accountOf(role) }),
      ...(environment.url !== undefined && { url: environment.url }),
      needs: orderingOf(environment),
    })),
  )
}

/** The environments with each after those it needs (the config has no cycles), otherwise in file order. */
function inNeedsOrder(environments: EnvironmentConfig[]): EnvironmentConfig[] {
  const ordered: EnvironmentConfig[] = []
  const byName = new Map(environments.map((e) => [e.name, e]))
  const place = (environment: EnvironmentConfig, seen: Set<string>): void => {
    if (ordered.includes(environment) || seen.has(environment.name)) return
    seen.add(environment.name)
    for (const need of orderingOf(environment)) {
      const needed = byName.get(need)
      if (needed) place(needed, seen)
    }
    ordered.push(environment)
  }
  for (const environment of environments) place(environment, new Set())
  return ordered
}
